"""Built-in glossary, part 1: family court words and social work words.

Format of each entry (parsed by ``glossary.parse_entries``)::

    term | plain alternative; another alternative | inflect (optional: noun, verb, none)
        One line saying why, written for the practitioner.

Court and social work words are flagged for children and families, not for professionals.
"""

COURT = """
adjourn | put off to another day; stop for now | verb
    The hearing stops and carries on another day: say that, and say when if you know.
adjournment | a delay; a break until another day | noun
    Families hear this as "nothing happened"; say the court will meet again and when.
applicant | the person who asked the court; use their name | noun
    A court-paper role. Use the person's name, or say who asked the court to decide.
respondent | the other person in the court process; use their name | noun
    Nobody outside court knows this role. Use the person's name.
application | asking the court to decide; a request to the court | noun
    In everyday speech an application is for a job or a phone; say someone asked the court.
apply to the court | ask the court; ask the judge | verb
    Say who asked the judge and what they asked for.
interim | for now; until the judge decides | none
    A Latin-sounding word; say "for now" and what will happen next.
interim care order | a court decision that the council shares the care of you for now | noun
    Say what the decision means for where the child lives and who decides things.
final hearing | the last day in court; the day the judge makes the final decision | noun
    Say that this is when the judge decides, and when it is.
first hearing | the first day in court; the first meeting with the judge | noun
    Say it is the first time the judge looks at what is happening.
fact-finding hearing | a day in court when the judge decides what happened | noun
    Say the judge will listen to everyone and decide what really happened.
directions | instructions from the judge; what the judge asked people to do | none
    Families think of a route; say what the judge asked people to do, and by when.
directions hearing | a short court meeting to plan what happens next | noun
    Say the judge will plan the next steps and the timetable.
case management hearing | a court meeting to plan the next steps | noun
    Say the judge will plan what needs to happen and by when.
issues resolution hearing | a court meeting to see what people still disagree about | noun
    Say what the judge will try to settle on the day.
dispute resolution appointment | a court meeting to try to agree | noun
    Say it is a meeting at court where people try to reach agreement.
first hearing dispute resolution appointment | the first meeting at court | noun
    Nobody can hold this title in mind; say it is the first meeting with the judge.
hearing | a day in court; a meeting with the judge | noun
    Children picture hearing with their ears; say it is a day when the judge meets people.
court order | the judge's decision; what the judge decided | noun
    "Order" sounds like a command or a shop purchase; say the judge made a decision.
care order | a court decision that the council shares the care of you | noun
    Say who will look after the child and who can make decisions about them.
supervision order | a court decision that a social worker will keep checking things are OK | noun
    Say a social worker will keep visiting and helping for a set time.
child arrangements order | a court decision about who you live with and spend time with | noun
    Say what the decision means day to day: where the child lives and who they see.
prohibited steps order | a court decision that stops someone doing something | noun
    Say exactly what the decision stops, such as moving away or changing school.
specific issue order | a court decision about one question, like which school | noun
    Say which question the judge decided.
special guardianship order | a court decision that someone will bring you up until you are 18 | noun
    Name the person and say what it means for the child's home.
special guardian | the person the court chose to bring you up | noun
    Use the person's name and say what they will do.
emergency protection order | an urgent court decision to keep you safe | noun
    Say the judge acted quickly to keep the child safe, and what happens now.
non-molestation order | a court decision that stops someone hurting or scaring someone | noun
    "Molestation" frightens children; say what the decision stops the person doing.
placement order | a court decision that you can be adopted | noun
    Say plainly what it means for where the child will grow up.
parental responsibility | being able to make big decisions for a child | none
    Say which adults can make decisions about school, health and where the child lives.
litigant in person | someone who speaks for themselves in court, without a lawyer | noun
    Say the person does not have a lawyer and speaks for themselves.
legal representative | lawyer | noun
    Everyone knows the word lawyer.
counsel | lawyer; the lawyer who speaks in court | none
    Families may hear "advice"; say lawyer.
advocate | lawyer; someone who speaks up for you | noun
    Say who the person is and what they do.
cross-examine | ask questions in court | verb
    Say the lawyers will ask the person questions in front of the judge.
cross-examination | being asked questions in court | noun
    Say the person will be asked questions by the lawyers in front of the judge.
witness statement | what someone wrote down for the judge | noun
    Say the person wrote down what they know for the judge.
position statement | a short note saying what someone wants the judge to decide | noun
    Say it is a short note for the judge about what someone hopes for.
court bundle | the court papers; the papers the judge reads | noun
    Families picture a parcel; say the judge's papers.
leave of the court | permission from the judge | none
    "Leave" sounds like going away; say permission.
findings of fact | what the judge decided really happened | none
    Say the judge decided these things happened.
threshold criteria | the legal test the judge must use first | none
    Say what the judge has to be sure of before deciding.
threshold | the legal test the judge must use first | none
    In court it means the legal test for a care order; say what the judge must be sure of.
public law outline | the court's timetable | none
    Say the court has a timetable and where things are in it.
care proceedings | court about who will look after you; the court process | none
    Say the council has asked the court to decide who looks after the child.
proceedings | the court process; going to court | none
    Say "going to court" or "the court process".
private law | court when family members cannot agree about a child | none
    Say the family asked the judge to decide because they could not agree.
public law | court when the council is worried about a child's safety | none
    Say the council asked the judge to decide because it is worried.
judgment | the judge's decision and reasons | noun
    Say the judge explained the decision and the reasons for it.
ruling | decision | noun
    Say the judge decided.
appeal | asking a higher court to look again | noun
    Say someone has asked another judge to look again at the decision.
affidavit | a written statement someone swears is true | noun
    A Latin word; say the person promised that what they wrote is true.
undertaking | a promise to the court | noun
    Say the person made a promise to the judge and what the promise is.
injunction | a court decision that stops someone doing something | noun
    Say what the decision stops the person doing.
jurisdiction | the power of a court to decide | none
    Say whether this court can decide, and why.
magistrates | the people who decide in some family courts | none
    Say these are people from the local area who decide, with a legal adviser.
in chambers | in a private room at court | none
    Say the meeting is private, not open to the public.
paramountcy principle | the rule that the child's needs come first | none
    Say the judge must put the child's needs first.
welfare checklist | the list of things the judge must think about | none
    Say what the judge will think about, such as the child's feelings and needs.
welfare | wellbeing; what is best for you; how you are doing | none
    Children rarely know this word; say "how you are doing" or "what is best for you".
wishes and feelings | what you want and how you feel | none
    A court phrase; just say what the child wants and how they feel.
consent order | an agreement the judge has approved | noun
    Say everyone agreed and the judge said yes to it.
without notice | without telling the other person first | none
    Say the judge heard from one side first because it was urgent.
contested | disagreed about | none
    Say people do not agree and the judge will decide.
uncontested | agreed | none
    Say everyone agrees.
reserved judgment | the judge will decide later | none
    Say the judge needs time and will give the decision another day.
mckenzie friend | someone who helps a person in court but is not a lawyer | noun
    Say who the helper is and what they can do.
children's guardian | your guardian; the person who tells the judge what is best for you | noun
    Children do not know this role; say who you are and what you do for them.
guardian ad litem | the person who tells the judge what is best for you | noun
    An old Latin title; say what the person does.
family court adviser | the person who talks with you and tells the judge what you want | noun
    Say what you do for the child, not your job title.
litigation friend | an adult who acts for someone in court | noun
    Say who the adult is and why they are helping.
family procedure rules | the court's rule book | none
    Say the court has rules that everyone must follow.
practice direction | court guidance for judges and lawyers | noun
    Families do not need the name; say what the guidance means for them.
skeleton argument | a short summary of what a lawyer will say | noun
    Say it is a short note of what the lawyer will tell the judge.
submissions | what the lawyers tell the judge | none
    Say the lawyers will tell the judge what they think.
preliminary | early; first | none
    Say "first" or "early".
substantive | main; real | none
    "Main" says the same thing.
adjudicate | decide | verb
    Say the judge will decide.
intervenor | someone else who joins in the court process | noun
    Name the person and say why they are part of it.
joinder | adding someone to the court process | none
    Say the person has been asked to take part.
discharge | end; cancel | verb
    Say the decision has ended or been cancelled.
enforcement | making sure people do what the court said | none
    Say what will happen if people do not do what the judge decided.
breach | break; not do what was agreed | auto
    Say what the person did not do.
committal | sending someone to prison for breaking a court decision | none
    Say plainly what could happen.
contempt of court | breaking the court's rules | none
    Say the person broke a rule the judge made.
legal aid | free help to pay for a lawyer | none
    Say the government pays for the lawyer.
mediation | a meeting with someone who helps people agree | none
    Say a trained person will help the family talk and agree.
mediator | someone who helps people agree | noun
    Say it is a person who helps people talk and agree.
the parties | the people in the court process; use their names | none
    Families hear "party" as a celebration; use names.
both parties | both parents; use their names | none
    Use the names of the people you mean.
all parties | everyone in the court process; use their names | none
    Say who you mean.
third party | someone else; another person | noun
    Say who the other person is.
residence | where you live; your home | none
    Say where the child lives.
section 7 report | my report to the judge; a report to help the judge decide | noun
    Say you will write to the judge about what you found and what you think is best.
section 37 report | a report the judge asked the council to write | noun
    Say the judge asked the council to look into things and write to them.
welfare report | a report to help the judge decide | noun
    Say it is your report to the judge.
family assistance order | a court decision that someone helps your family for a while | noun
    Say who will help the family and for how long.
ex parte | without the other person there | none
    A Latin phrase; say only one side was at court.
"""

SOCIAL_WORK = """
contact | time with; seeing; calls and video chats with | noun
    Children told us "contact" makes family time sound official; say "time with your dad".
supervised contact | time with someone while another adult stays with you | noun
    Say who will be there and why.
indirect contact | letters, cards or calls | none
    Say exactly how the child and the person will keep in touch.
contact centre | a family centre where you can see your mum or dad | noun
    Say what the place is like and who will be there.
letterbox contact | letters sent through the adoption team | none
    Say who writes, how often and who passes the letters on.
staying contact | staying overnight with your mum or dad | none
    Say where the child will sleep and on which nights.
sibling | brother or sister | noun
    Children say brother or sister.
half-sibling | half-brother or half-sister | noun
    Use the words the child uses for their brothers and sisters.
placement | where you live; your home | noun
    Children told us it sounds like they are put somewhere; say where they live.
foster placement | your foster home; living with foster carers | noun
    Say "living with Sue and Dave" if you can name the carers.
placement breakdown | having to move home | noun
    Say the child had to move and say it kindly.
placed with | living with; moved to live with | none
    Say who the child lives with.
abscond | run away; leave without saying | verb
    A police and care word; say the child ran away or left without telling anyone.
looked after by the local authority | in care | none
    Say who the child lives with and that the council looks after them.
respite | a short break | none
    Few people outside care know this word; say a short break and with whom.
respite care | short breaks with another family | none
    Say where the child goes, with whom and how often.
kinship carer | someone in your family, or a friend, who looks after you | noun
    Use the person's name and say how they are related.
kinship care | living with family or friends | none
    Say who the child lives with.
connected person | a family member or friend who might look after you | noun
    Use the person's name.
assessment | finding out; getting to know you and your family | noun
    Say what you will do: talk, visit, read reports.
parenting assessment | finding out how well a parent can look after a child | noun
    Say what will be looked at and who will do it.
viability assessment | a first look at whether someone could look after you | noun
    Say who is being thought about and what happens next.
risk assessment | thinking about what could go wrong and how to keep you safe | noun
    Say what the worry is and what will be done.
safeguarding | keeping children safe | none
    Say "keeping you safe".
safeguarding concerns | worries about a child's safety | none
    Say what the worry is.
local authority | the council; children's services | noun
    Say "the council" or name the children's services team.
care plan | the plan for where you live and who looks after you | noun
    Say what the plan says about home, school and family time.
pathway plan | the plan for when you leave care | noun
    Say it is the plan for growing up and leaving care.
statutory | by law; the law says it must happen | none
    Say the law says it must happen.
statutory visit | a visit the social worker must make | noun
    Say the social worker has to visit and how often.
child in need | a child who needs extra help | noun
    Say what help the family gets.
child protection | keeping children safe from harm | none
    Say what the worry is and what will keep the child safe.
child protection plan | a plan to keep a child safe | noun
    Say what the plan asks people to do.
child protection conference | a meeting to plan how to keep a child safe | noun
    Say who will be there and what they will decide.
core group | the small group of people who check the plan is working | noun
    Say who they are and when they meet.
strategy meeting | a meeting about what to do next | noun
    Say who met and what they decided.
strategy discussion | a talk about what to do next | noun
    Say who talked and what they decided.
section 47 enquiry | checks made when someone is worried a child may be hurt | noun
    Say what is being checked and why.
multi-agency | different services working together | none
    Name the services: school, doctor, police.
agency | service; organisation | noun
    Name the service.
professional network | the people who work with you | noun
    Name them: teacher, social worker, doctor.
allocated social worker | your social worker | noun
    Use the social worker's name.
corporate parent | the council that looks after you | noun
    Say the council has a duty to look after the child.
corporate parenting | how the council looks after children in care | none
    Say what the council does for children in care.
care leaver | a young person who has left care | noun
    Use the person's name where you can.
personal adviser | the worker who helps you after care | noun
    Use the person's name and say what they help with.
independent reviewing officer | the person who checks your plan is working | noun
    Use their name and say what they do.
review | a meeting to check how things are going | noun
    Say who meets, when and what it is for.
permanence | a settled home for the rest of your childhood | none
    Say where the child will grow up.
permanency | a settled home for the rest of your childhood | none
    Say where the child will grow up.
long-term foster care | living with a foster family until you are grown up | none
    Say who the child will live with and for how long.
residential placement | living in a children's home | noun
    Say the name of the home if you can.
supported lodgings | living in your own room with help nearby | none
    Say where the young person lives and who helps.
life story work | making a book about your life | none
    Say what you will make together.
later life letter | a letter to read when you are older | noun
    Say who wrote it and why.
direct work | time together doing activities and talking | none
    Say what you will do together.
attachment | the bond between you and the people who care for you | noun
    Describe the relationship instead.
attunement | noticing and responding to how someone feels | none
    Say what the adult notices and does.
parenting capacity | how well someone can care for a child | none
    Say what the parent can and cannot yet do.
protective factors | things that help keep you safe | none
    Name them: a grandparent, school, a safe home.
risk factors | things that could lead to harm | none
    Name the worries plainly.
significant harm | serious harm | none
    Say what happened or what you are worried could happen.
coercive control | one person controlling another | none
    Describe what the person did.
parental conflict | parents arguing | none
    Say the parents argue, and what the child sees and hears.
family group conference | a family meeting to make a plan | noun
    Say who comes and what they will plan.
family network | your family and friends | noun
    Name the people.
support network | the people who help you | noun
    Name the people.
intervention | help; support; something done to help | noun
    Say what help was given.
early help | help for families before problems get bigger | none
    Say what help is on offer.
signpost | point to; tell someone about | verb
    Say which service you told them about.
reunification | going back home | none
    Say who the child will go back to live with.
rehabilitation home | going back to live with your parents | none
    Say who the child will go back to live with.
transition | move; change | noun
    Say what is changing and when.
prospective adopters | the people who may adopt you | none
    Say what you know about the family, kindly.
birth family | your family | noun
    Use the words the child uses, such as "your mum".
birth parents | your mum and dad | none
    Use the words the child uses.
key worker | the person who helps you most; use their name | noun
    Use the person's name.
practitioner | worker; use their name | noun
    Say who the person is.
family dynamics | how people in the family get on | none
    Describe what happens between people.
boundaries | rules; limits | none
    Say what the rules are.
stability | a settled life | none
    Say what will stay the same.
together and apart assessment | deciding whether brothers and sisters can live together | noun
    Say what is being decided and why.
voice of the child | what you say; what you think | none
    Say what the child said, in their words.
lived experience | what life is like for you | none
    Say what the child's day-to-day life is like.
therapeutic | helping with feelings | none
    Say what kind of help it is.
dysregulated | very upset; overwhelmed | none
    Describe what the child did and felt.
missing episode | a time when you went missing | noun
    Say when the child left and how they were found.
return home interview | a talk after you come back from being missing | noun
    Say who the child will talk to and why.
exploitation | being used or tricked by others | none
    Say what happened.
extended family | family like grandparents, aunts and uncles | noun
    Name the people.
primary carer | the person you mostly live with | noun
    Use the person's name.
non-resident parent | the parent you do not live with | noun
    Use the person's name or "your dad".
resident parent | the parent you live with | noun
    Use the person's name or "your mum".
shared care | living with both parents at different times | none
    Say which days the child spends in each home.
handover | when you go from one parent to the other | noun
    Say where and when the child moves between homes.
accommodated | in care with your parents' agreement | none
    Say who the child lives with and that the parents agreed.
vulnerable | at risk; needing extra help | none
    Say what could happen and what help is needed.
concern | worry | noun
    Say what the worry is.
"""
