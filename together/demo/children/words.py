"""What children say, and what the service writes, in the demo data: short phrases to combine.

Written the way a child might say them, or in the plain words the service uses with families
(no jargon, no acronyms, never "case"). No real people are named.
"""


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.strip().splitlines() if line.strip()]


# "What is special and unique about me", in a child's words (about five and over).
SPECIAL = _lines("""
    I'm really good at drawing dragons
    I can do a cartwheel and a round-off
    I make everyone laugh, even my teacher
    I'm the best big sister because I read my brother stories
    I know all the names of the planets, even the dwarf ones
    I'm kind to animals and I want to be a vet
    I never give up, even when maths is hard
    I can speak two languages and I help Mum at the doctor's
    I'm brave. I had an operation and I didn't cry much
    I look after my little sister when she's scared
    I'm good at fixing things. I fixed Grandad's radio
    I remember everyone's birthday
    I'm a fast runner. I won the race on sports day
    I'm good at making people feel better when they're sad
    I can solve a Rubik's cube in under two minutes
    I sing all the time, even in the bath
    I'm a good friend. I always stick up for people
    I know loads about sharks
    I'm good at Lego. I built a whole city in my room
    I can draw anime characters really well
    I'm funny and I do good impressions
    I'm the one who remembers where everything is
    I'm good at looking after babies
    I can bake a cake on my own
    I'm good at listening to people
    I want to be a footballer or a police officer
    I'm clever at science. I want to be an inventor
    I can hold my breath under water for ages
    I can do kick-ups, my record is 47
    I'm a good reader. I read a whole series of books in the holidays
    I'm loyal. If I'm your friend I'm your friend for life
    I'm good at gaming and I help my cousins get past levels
    I care about the planet. I pick up litter on the way to school
    I'm not scared of spiders
    I can write poems and some of them rhyme
    I'm calm when other people are stressed
    I'm really good with my hands, I do all the plaiting for my friends
    I'm proud of my culture and my language
    I stand up for what's right
    I'm a good cook. My pasta bake is the best
""")
# "What I enjoy", in a child's words.
ENJOYS = _lines("""
    Football with my cousin on Sundays
    Swimming, especially the big slide
    Playing Minecraft with my friends online
    Going to the park with our dog
    Drawing and colouring, mostly animals
    Dancing to music in my bedroom
    Riding my bike around the estate
    Watching films with popcorn on a Friday
    Going to Nanny's for tea
    Making slime, even though it gets everywhere
    Gymnastics club on Tuesdays
    Baking cakes with my foster carer
    Reading comics before bed
    Playing with my little brother
    Going to the beach and finding crabs
    Boxing training, it helps when I'm angry
    Roblox and Fortnite
    Singing in the school choir
    Cooking tea with Dad
    Going to the market with Grandad on Saturdays
    Learning to play the keyboard
    Making TikTok dances with my friends
    Fishing with my uncle at the canal
    Playing rugby for the under 12s
    Looking after my hamster, she's called Biscuit
    Going to Brownies
    Trampolining at the park
    Watching YouTube videos about animals
    Going to the library on Saturdays
    Painting my nails
    Climbing trees even though I'm not meant to
    Playing cards with my nan
    Cadets on a Thursday night
    Listening to music with my headphones on
    Going to see the horses at the farm
    Karate, I'm an orange belt
    Doing my hair and make-up with my sister
    Building dens in the woods
    Playing tag at break time
    Going to the cinema
    Scootering at the skate park
""")
# For babies and toddlers, written by the adults who know them.
LITTLE_ONES_SPECIAL = _lines("""
    A smiley baby who loves being held close
    Very curious: watches everything that happens in the room
    Has the best giggle, especially at peekaboo
    A determined little one who is nearly walking
    Settles quickly with a familiar voice
    Loves to babble and copy sounds
    Gentle with other children and shares toys
    Knows lots of words and points at everything
""")
LITTLE_ONES_ENJOYS = _lines("""
    Bath time and splashing
    Being sung to, especially nursery rhymes
    Stacking cups and knocking them over
    Going on the swings at the park
    Books with flaps to lift
    Playing with water and sand
    Cuddles with a soft blanket
    Banging pots and pans
    Watching the washing machine go round
    Feeding the ducks
""")

# What a child said in a meeting, by age.
WORDS_YOUNG = _lines("""
    I like it at Nanny's because she has a trampoline
    Can my dog come too?
    I miss Daddy at bedtime
    I don't like it when they shout. I go under my covers
    My favourite thing is my unicorn teddy
    I want to live with Mummy and see Daddy on Saturdays
    My bedroom has stars on the ceiling
    I'm not allowed to talk about it
    I like my school. My teacher gives us stickers
    Can I show you my drawing?
    I want to see my brother more
    When I grow up I'm going to be a firefighter
    I had chips for tea
    I feel happy at Karen's house
    Mummy cries sometimes and I give her a cuddle
""")
WORDS_MIDDLE = _lines("""
    I want to stay at my school. My best friend is there
    Sometimes they argue on the phone and it makes my tummy hurt
    I don't want to choose between them
    I'd like to see Dad but not stay over yet
    Can I still go to football if I move?
    I like living with my auntie. It's calm there
    I want the judge to know I'm not lying
    I miss my old house and my cat
    I just want everyone to stop fighting
    I want to see my sister every week, not every month
    I feel safe here. I can sleep now
    It's not fair that I have to change schools
    I'm worried about Mum being on her own
    Can you tell the judge I want to go home?
    I don't really know my dad, but I'd like to
    I like it when you come because you listen
""")
WORDS_TEEN = _lines("""
    I'm old enough to decide who I see
    Can we talk about college instead today?
    Please don't tell Mum what I said about her boyfriend
    I want to stay where I am until I finish my exams
    I don't trust social workers, no offence
    I just want a normal life like my mates
    I'll see Dad when I'm ready, not because a court says so
    I look after my little brothers more than anyone
    I want to be asked, not told
    I'm fine. Honestly. Can I go now?
    I'd rather message you than talk on the phone
    My grandma is the one who's always been there
    I want to read what you write about me
    I want to live with my girlfriend's family, they're good to me
    I'm worried about money at home
    I liked that you came to my school and didn't make a big deal of it
""")
WHY_THIS_WAY = {
    "home": _lines("""
        At home after school, because new places are hard
        At home, to see the bedroom and meet everyone who lives there
        At home with the carer nearby, because they are very young
        At home on a Saturday, so no school was missed
        At home, because showing me the bedroom was important to them
    """),
    "school": _lines("""
        At school at lunchtime, because they would rather not meet at home
        At school, where they feel safe and can speak freely
        At school in a quiet room, with a teacher's help to settle first
        At school, because it is the one place away from both parents
    """),
    "office": _lines("""
        At our office, in the family room with the toys, so neither parent was there
        At our office, because they wanted somewhere neutral
        At our office after time with Dad, which was in the same building
    """),
    "video": _lines("""
        A video call, because they are staying with Dad this week, a long way away
        A video call they asked for, to show me their pets
        A video call before the hearing, because there was no time to travel
        A video call, because they were ill and did not want to miss our talk
    """),
    "phone": _lines("""
        A phone call they asked for before the hearing
        A phone call, because talking is easier when nobody is watching
        A phone call to explain what the judge decided, as I promised I would
        A short phone call to check in after a hard week
    """),
}
# What the FCA saw and heard, for a child too young to say much, or who said little.
OBSERVATIONS = _lines("""
    Settled quickly on the carer's lap and smiled at familiar voices
    Played with the farm animals and brought each one to show me
    Went to their carer for comfort when the doorbell rang, then came back to play
    Quiet at first, then chatted about the dog and showed me their drawings
    Fed and changed during the visit; relaxed and alert with their carer
    Watched me carefully, then joined in building a tower with the blocks
    Did not want to talk about home; happy to talk about football
    Babbled and reached for their carer; the carer responded warmly every time
""")
# Why the service did not meet a child, by what happened (every child without a meeting has a
# reason a manager can read and question).
NOT_MET = {
    "tried": _lines("""
        The home visit was cancelled by the carer: the child was ill with a high temperature
        Nobody was at home at the time agreed; a letter was left and the visit rebooked
        The school said the child was on a trip that day; rebooked for next week
        The child did not want to come out of their room, and I did not press them
    """),
    "not_yet": _lines("""
        Before the first hearing the work is with the parents: safeguarding checks first
        The child's therapist advised waiting until after the next session
        The child has just moved to a new foster home; meeting after a settling-in week
        The child asked to write to me first, before we meet
    """),
}
# Somewhere else to meet: (the place, why there).
OTHER_PLACES = [
    tuple(line.split(" | "))
    for line in _lines("""
        the park | Walking in the park, because talking is easier side by side
        a café near school | At a café, because meetings in rooms feel like being in trouble
        the family centre | At the family centre, because it is near their new home
        the library | At the library, which was their choice
        the contact centre | At the contact centre, straight after time with Dad
        a walk by the canal | A walk by the canal, which they asked for
    """)
]
# Who else was there, by where the meeting was. {carer} is what the child calls their carer.
WHO_ELSE_WAS_THERE = {
    "home": _lines("""
        {carer} was in the next room
        {carer} was there at the start, then left us to talk
        {carer}, for the first few minutes
    """),
    "school": _lines("""
        Nobody else, as they asked
        A teacher they trust, for the first ten minutes
    """),
    "office": _lines("""
        Nobody else, as they asked
        A brother or sister, for part of the time
    """),
    "other": _lines("""
        Nobody else, as they asked
        {carer} waited nearby
    """),
    "remote": _lines("""
        Nobody else, as they asked
        {carer} helped set up the call, then left
    """),
}

# What the court decided at a hearing, in plain words. {children} is the children's names.
OUTCOMES = {
    ("public", "first"): _lines("""
        The court agreed {children} should stay with their foster carers for now
        The court agreed {children} should live with their grandparents while the work goes on
        The court set a timetable and asked for an assessment of Mum and Dad's parenting
        The court agreed {children} can go home to Mum, with the local authority checking on them
        The court asked for a report on the family and agreed time with Dad twice a week
    """),
    ("public", "case_management"): _lines("""
        The court set dates for the next hearings and asked for more assessments
        The court asked for a report about Dad as a possible carer
        The court agreed the timetable and asked everyone to share their evidence sooner
    """),
    ("public", "issues_resolution"): _lines("""
        The court narrowed down what everyone disagrees about. The final hearing is set
        Most things were agreed. The court will decide where {children} live at the final hearing
        The court agreed a plan for time with Mum and listed the final hearing
    """),
    ("public", "final"): _lines("""
        The court made a care order. {children} will stay with their foster carers
        The court made a special guardianship order so {children} can live with their grandparents
        The court made a supervision order. {children} will live with Mum with support
        The court decided {children} can go home, and the local authority's application ended
        The court made a care order and a plan for {children} to live with their aunt
        The court made a child arrangements order for {children} to live with Dad
    """),
    ("private", "first"): _lines("""
        Mum and Dad agreed arrangements at court. The application ended here
        The court made an order for {children} to live with Mum and see Dad every other weekend
        The court made an order agreed by everyone, so the application ended here
        The application was withdrawn after Mum and Dad went to mediation
    """),
    ("private", "first_report"): _lines("""
        The court asked us for a report about what is best for {children}
        The court asked for a report and agreed time with Dad at a contact centre for now
        The court asked for a report on where {children} should live
    """),
    ("private", "first_guardian"): _lines("""
        The court appointed a guardian for {children}, because things are complicated
        The court made {children} parties and asked us to be their guardian
    """),
    ("private", "case_management"): _lines("""
        The court asked for checks on Dad's new partner and set the next hearing
        The court agreed time with Mum will carry on while the report is written
        The court asked the school for information about {children}
    """),
    ("private", "issues_resolution"): _lines("""
        Mum and Dad agreed most things after reading our report. The court will check at the end
        The court listed a final hearing, because Mum and Dad still disagree about overnights
        Everyone agreed the plan in our report, so the court made a final order
    """),
    ("private", "final"): _lines("""
        The court made an order for {children} to live with Dad and spend weekends with Mum
        The court made an order for {children} to share time between both homes
        The court decided time with Dad will be at a contact centre, then build up
        The court made an order for {children} to live with Grandma
        The court decided no time with Dad for now, and explained why to {children} in a letter
    """),
    ("public", "other"): _lines("""
        The hearing was moved to another day because the judge was not available
        The court agreed {children} should stay where they are until the next hearing
    """),
    ("private", "other"): _lines("""
        The hearing was moved to another day because Dad's interpreter did not come
        The court heard about a problem with time with Mum and made a short order
    """),
}

# Why a person matters, in the child's words.
IMPORTANT_BECAUSE = {
    "mother": _lines("""
        She's my mum and I love her
        She does my hair for school
        She's funny when she's happy
    """),
    "father": _lines("""
        He takes me to football
        He's my dad, even though I don't see him much
        He makes the best pancakes
    """),
    "grandparent": _lines("""
        I go there after school every day
        Always been there for me
        Teaches me about fishing and birds
        Looks after me when things are bad at home
    """),
    "brother_sister": _lines("""
        We share a room and tell each other secrets
        I look after them
        We play games together every night
    """),
    "foster_carer": _lines("""
        I feel safe there
        They let me have a dog
        Helps me with my homework
    """),
    "aunt_uncle": _lines("""
        Takes me swimming
        Lets me play on the Xbox
    """),
}

# Notes on who a child is, recorded with them: culture, faith, language, disability, gender.
IDENTITY = {
    "culture": _lines("""
        Our family is from Poland. I go to Polish school on Saturdays
        Mum's family is Irish and Dad's family is from Jamaica. I like both
        Romany Gypsy. Family and travelling to horse fairs matter a lot to him
        British Pakistani. Family gatherings on Eid are the best days of the year
        Mixed heritage: White British and Nigerian. Wants to learn more about Dad's side
        Welsh. Speaks Welsh at school and at home with Nain
    """),
    "faith": _lines("""
        Muslim. Goes to the mosque with Grandad and is learning to read the Quran
        Christian. Likes the singing at church with Nanny
        Sikh. Wears a patka and is proud of it
        Not religious, but likes Christmas
        Hindu. Loves Diwali and the food
        Catholic. Had first Holy Communion last year
        Orthodox Christian. Goes to church early on Sunday mornings with the family
    """),
    "language": _lines("""
        Speaks {language} at home and English at school
        Understands {language} well but answers in English
        Helps translate for Mum at appointments, which can be a lot for a child
    """),
    "disability": _lines("""
        Autistic. Likes to know what is happening next. Loud rooms are hard
        Has ADHD, so we walk and talk rather than sit still
        Dyslexic. Likes things read out loud and short letters with pictures
        Uses a wheelchair. Meetings need to be somewhere with step-free access
        Has a learning disability. Easy read letters and pictures help
        Deaf. Uses British Sign Language and needs an interpreter
        Has asthma and carries an inhaler
        Has a visual impairment. Needs large print and good light
    """),
    "gender": _lines("""
        Uses they/them. Please use the name they chose
        Trans boy. Please always use his chosen name and he/him
        Questioning, and wants us to ask rather than assume
    """),
    "other": _lines("""
        A young carer for Mum
        Loves being a big sister
        Proud to be in the school football team
        Has moved home five times and finds goodbyes hard
        Very close to the family dog, who lives with Dad
    """),
}
