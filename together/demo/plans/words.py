"""The words demo plans are written in: banks of sentences for each section, filled in for each
child. {name} is the child; {sub}/{obj}/{pos} their pronouns; {mum}/{dad} what they call their
parents; {carer} who they live with."""

from together.plans.models import ContactKind

RISKS = [
    "{Pos} {mum_role} has found it hard to keep {obj} safe when {mum_pron_sub} is drinking. "
    "There have been fewer incidents since {mum_pron_sub} started working with the alcohol "
    "service in the summer, but this has only been for a few months.",
    "The adults in {pos} life argue often and sometimes loudly, and {name} has been present. "
    "The police were called twice last year. The risk now is that {name} keeps living with "
    "the worry that it will happen again.",
    "{name} has missed a lot of school this year. Nobody has noticed {pos} low mood at home. "
    "The main risk is neglect of {pos} emotional needs rather than physical harm.",
    "There are concerns about the people {pos} {dad_role} spends time with, and about "
    "{name} being taken to places where drugs are used. {Dad} accepts some of this.",
    "{name}'s medical appointments have been missed and {pos} health needs were not met for "
    "some months. Things are better now that {carer} manages appointments.",
    "The two adults cannot agree on anything to do with {name}, and {sub} {is_} caught in "
    "the middle. {Sub} {has} been asked to carry messages and to keep secrets.",
]
HARMS = [
    ("Shouting and pushing between the adults at home, seen by {name}", "spring 2026", "Police"),
    ("Left at home alone overnight", "January 2026", "Local council"),
    ("Not taken to the dentist or optician for over a year", "2025", "Health visitor"),
    ("Told by an adult to keep secrets from school", "autumn 2025", "School"),
    ("Frightened by {pos} {dad_role} shouting at the door", "summer 2025", "{name} told me"),
    ("Did not have enough food at home on several days", "winter 2025", "School"),
]
CONTACTS = [
    (
        ContactKind.SCHOOL,
        "{school}",
        "{name} is settled in class and has two close friends. "
        "{Sub} {is_} sometimes tired in the mornings and has been late eleven times this term.",
    ),
    (
        ContactKind.GP,
        "Riverside Surgery",
        "No concerns about {name}'s physical health. {Pos} vaccinations are up to date.",
    ),
    (
        ContactKind.POLICE,
        "Police child protection unit",
        "Two call-outs to the family home in "
        "the last year, both for arguments between the adults. No charges.",
    ),
    (
        ContactKind.LOCAL_AUTHORITY,
        "Children's services",
        "The family has had support from "
        "the early help team. The social worker feels the family has made progress.",
    ),
    (
        ContactKind.HEALTH_VISITOR,
        "Health visiting team",
        "{name} is meeting {pos} milestones. {Mum} has taken up every appointment offered.",
    ),
]
UNIQUE = [
    "{name} is funny and kind, and notices when other people are upset. {Sub} loves "
    "football and plays for a local team on Saturday mornings.",
    "{name} is curious about everything. {Sub} can tell you the name of every dinosaur and "
    "wants to work in a museum when {sub} {is_} older.",
    "{name} loves drawing, and gave me a picture of {pos} family at our second meeting. "
    "{Sub} is quiet with new people but talks a lot once {sub} feels safe.",
    "{name} is proud of being a big {sibling} and looks after the younger children. "
    "{Sub} likes cooking with {pos} nan.",
    "{name} has a strong sense of what is fair. {Sub} enjoys music, plays the keyboard and "
    "wants to be in the school show this year.",
    "{name} is a gentle, careful child who loves animals, especially the family's cat.",
]
STRENGTHS = [
    "{Mum} has worked hard with the support offered and has kept every appointment since "
    "the spring. {Pos} grandparents live nearby and help with school runs.",
    "{name} has a warm relationship with both parents. When they are not arguing, both "
    "know {obj} well and put {obj} first.",
    "{carer} has given {name} a stable home, with a routine {sub} enjoys. {name} sees "
    "{pos} brothers and sisters every week.",
    "{Dad} has stopped drinking and has been tested clear for three months. {Sub} has "
    "been honest about the past.",
    "The wider family are close and have offered practical help: an aunt has said she could "
    "care for {name} if needed.",
]
IMPACT = [
    "{name} finds it hard to sleep and worries about {pos} {mum_role} when {sub} {is_} at "
    "school. {Pos} teacher says {sub} {is_} withdrawn on Mondays after weekends away.",
    "{name} has become very watchful. {Sub} told me {sub} listens at the stairs for shouting. "
    "{Sub} needs calm and predictable care to feel safe again.",
    "{name}'s schoolwork has slipped this year and {sub} {has} fallen out with friends. "
    "{Sub} {is_} doing better since moving to {carer}.",
    "At {pos} age, {name} needs a consistent routine. The changes of home so far have "
    "unsettled {obj}, and {sub} {is_} clingy at handovers.",
    "{name} feels responsible for the adults' feelings. This is too much for a child to "
    "carry, and it has made {obj} anxious.",
]
WISHES = [
    "{name} told me {sub} wants to live with {mum} and see {dad} at weekends. "
    "\u201cI want everyone to stop fighting,\u201d {sub} said.",
    "{name} wants to stay with {carer}. {Sub} misses {pos} {mum_role} and would like to see "
    "{mum_pron_obj} more often, \u201cbut only if she's well\u201d.",
    "{name} said {sub} likes living with {dad}, and wants to see {mum} on Saturdays. "
    "{Sub} does not want to change school.",
    "{name} is too young to tell me in words. I watched {obj} with {pos} carers and "
    "family: {sub} is relaxed and smiles a lot with {carer}.",
    "{name} said {sub} does not want to choose between {pos} parents. {Sub} wants to spend "
    "time with both and for them to be kind to each other.",
    "{name} wants to go home. {Sub} understands why {sub} cannot at the moment, and wants to "
    "see {pos} brothers and sisters more.",
]
RECOMMENDATIONS_PUBLIC = [
    (
        "{name} should live with {carer} under a special guardianship order.",
        "{carer} has cared for {name} well for over a year and {name} is settled. {Pos} "
        "parents are not yet able to give {obj} safe care, and {name} needs certainty now.",
    ),
    (
        "{name} should return home to {mum} under a supervision order for 12 months.",
        "{Mum} has made real changes and the risks are lower. A supervision order means the "
        "local council stays involved while the family settles.",
    ),
    (
        "{name} should spend time with {pos} parents once a month, supported by the council.",
        "{name} loves {pos} parents and wants to keep seeing them. Support keeps {obj} safe.",
    ),
    (
        "{name} should see {pos} brothers and sisters at least every two weeks.",
        "These relationships matter most to {name}, and will last all {pos} life.",
    ),
]
RECOMMENDATIONS_PRIVATE = [
    (
        "{name} should live with {mum} and spend every other weekend with {dad}.",
        "This keeps {pos} home and school the same, which {sub} asked for, and keeps a strong "
        "relationship with {pos} {dad_role}.",
    ),
    (
        "{name}'s time with {dad} should be at a family centre, with staff to help, for three "
        "months, then looked at again.",
        "The concerns about {dad}'s drinking are recent. Supported time keeps {name} safe "
        "while {dad} shows the changes will last.",
    ),
    (
        "{name} should share {pos} time between both homes, one week in each.",
        "Both parents offer good care and live near the school. {name} wants to be with both.",
    ),
    (
        "Both parents should go on a course about parenting after separation.",
        "{name} is caught in the middle of the adults' conflict; the course helps them keep "
        "{obj} out of it.",
    ),
]
WORDS_YOUNG = [
    "You will live with {home}. You will see {other} and have fun together. The grown-ups "
    "will help keep you safe.",
    "You will keep living with {home}. Lots of people love you and want you to be happy.",
]
WORDS_MIDDLE = [
    "I have listened to you and to your family. I think it is best for you to live with "
    "{home}, because you are happy and safe there. You will still see {other}. I will tell "
    "the judge what you told me.",
    "You told me you want the shouting to stop. I agree. I will ask the judge for you to live "
    "with {home} and to see {other} often. If you are worried, you can tell your teacher or me.",
]
WORDS_TEEN = [
    "I have thought hard about what you told me. You want to stay with {home}, and I agree "
    "that is right for you now. I will also ask for time with {other}. The judge will decide, "
    "and I will explain the decision with you afterwards.",
    "You asked me to be honest. I am not asking for everything you want: I think time with "
    "{other} needs support for now, because of what happened last year. I will ask the judge "
    "to look at it again in a few months.",
]
WORDS_BABY = [
    "This is written for you to read when you are older. When you were a baby, the judge had "
    "to decide where you would live. I met you and your family. You smiled a lot with {home}, "
    "and I asked the judge for you to stay there.",
]
ACTIVITIES = [
    ("Meet {name} at school to explain the plan", 0),
    ("Visit {name} at home with the storyboard", 0),
    ("Speak to {name}'s teacher", 1),
    ("Read the police disclosure", 1),
    ("Talk with {mum} about the recommendations", 1),
    ("Write the final analysis for the court", 1),
    ("Ask the local council for the updated care plan", 1),
    ("Meet {name} after the hearing to explain what the judge decided", 0),
]
# What the child's version says of the steps that involve the child (the rest are the FCA's own).
ACTIVITIES_FOR_CHILD = {
    "Meet {name} at school to explain the plan": "I will meet you at school to explain your plan.",
    "Visit {name} at home with the storyboard": "I will come to your home and show you the "
    "storyboard of your plan.",
    "Meet {name} after the hearing to explain what the judge decided": "After the judge decides, "
    "I will meet you to explain what the judge said.",
}
CHILD_RESPONSES = [
    "I'm happy I can stay. Can I still see my dog at Dad's?",
    "I don't like that I can't go home yet, but I get it.",
    "OK. I want to see my brother more than that though.",
    "That's fair. Thank you for listening to me.",
    "I didn't want that but I know you tried.",
]
PARENT_RESPONSES = [
    "I agree with most of it. I want more time with my child at weekends.",
    "I don't accept what it says about my drinking, but I will do the course.",
    "Thank you. It is fair and I can see you listened to us all.",
    "I do not agree with the recommendation and will tell the judge myself.",
]
SOCIAL_WORKERS = [
    "Sam Patel, social worker",
    "Jo Ellis, social worker",
    "Priya Shah, social worker",
    "Chris Morgan, social worker",
    "Dani Okafor, social worker",
]
SCHOOLS = ["Oakfield Primary School", "St Mary's Primary School", "Hillside Academy"]

PRONOUNS = {
    "she/her": ("she", "her", "her", "is", "has"),
    "he/him": ("he", "him", "his", "is", "has"),
}
THEY = ("they", "them", "their", "are", "have")


def words_for(child: dict, family: dict) -> dict:
    """The names and pronouns the banks' {placeholders} stand for, for one child."""
    sub, obj, pos, is_, has = PRONOUNS.get(child["pronouns"], THEY)
    mum = family.get("mother") or "Mum"
    dad = family.get("father") or "Dad"
    return {
        "name": child["name"],
        "sub": sub,
        "Sub": sub.capitalize(),
        "obj": obj,
        "pos": pos,
        "Pos": pos.capitalize(),
        "is_": is_,
        "has": has,
        "mum": mum,
        "Mum": mum,
        "dad": dad,
        "Dad": dad,
        "mum_role": "mum",
        "dad_role": "dad",
        "mum_pron_sub": "she",
        "mum_pron_obj": "her",
        "carer": family.get("carer") or f"{pos} nan",
        "sibling": "sister" if sub == "she" else "brother" if sub == "he" else "brother or sister",
        "school": child.get("school") or SCHOOLS[child["id"] % len(SCHOOLS)],
    }


def fill(text: str, words: dict) -> str:
    """`text` with the child's words put in, starting with a capital."""
    filled = text.format(**words)
    return filled[0].upper() + filled[1:]
