"""Built-in glossary, part 2: police, health and school words, official phrases, and everyday
adult words that children may not know. The format is described in ``glossary_court``.

Police, health and school words are flagged for children and families; official phrases for
everyone, professionals included; the last group for children only.
"""

SERVICES = """
allegation | something someone says happened; what someone said | noun
    Say who said what happened, in plain words.
allege | say | verb
    Say "said" or "told me", and say who said it.
disclosure | telling someone; what you told me | noun
    Children say they "told"; say that.
disclose | tell; share | verb
    Say the child told someone, and who.
perpetrator | the person who hurt someone; use their name | noun
    A police word that labels a person; say what they did.
referral | asking another service to help | noun
    Say which service was asked to help and why.
police protection | the police keeping a child safe for a short time | none
    Say what the police did and where the child went.
bail conditions | rules someone must follow while waiting for court | none
    Say what the person must or must not do.
released under investigation | let go while the police keep looking into it | none
    Say the police have not finished and nobody has been charged yet.
no further action | the police will not do anything more | none
    Say the police have stopped looking into it.
conviction | being found guilty of a crime | noun
    Say what the person was found guilty of.
prosecution | taking someone to a criminal court | noun
    Say the police or lawyers are taking the person to court.
achieving best evidence interview | a recorded interview with the police | noun
    Say the child talked to the police on video.
forensic | scientific | none
    Say what was tested.
paediatrician | children's doctor | noun
    Say children's doctor.
child and adolescent mental health services | a service that helps children with feelings | none
    Use the name the family knows, or say what the service does.
developmental delay | developing more slowly than other children | noun
    Say what the child finds hard.
developmental milestones | things most children learn by a certain age | none
    Say what the child can do now.
substance misuse | using drugs or alcohol in a harmful way | none
    Say which drugs or drink, and what happens.
hair strand test | a test of hair to see if someone has taken drugs or alcohol | noun
    Say what the test looks for.
toxicology | drug and alcohol tests | none
    Say what was tested.
relapse | going back to drinking or taking drugs | auto
    Say what happened, kindly.
abstinence | not drinking or taking drugs | none
    Say the person has stopped, and for how long.
health visitor | a nurse who visits families with babies and young children | noun
    Use the person's name.
occupational therapist | someone who helps with everyday skills | noun
    Say what they help with.
speech and language therapist | someone who helps with talking and understanding | noun
    Say what they help with.
educational psychologist | someone who helps with how you learn | noun
    Say what they help with.
designated safeguarding lead | the teacher who keeps children safe at school | noun
    Use the teacher's name.
special educational needs | extra help with learning | none
    Say what help the child gets.
personal education plan | the plan for your school life | noun
    Say what the plan says.
virtual school | the team that helps children in care with school | noun
    Say what they help with.
pupil referral unit | a small school for pupils who need extra help | noun
    Use the school's name.
exclusion | being told not to come to school | noun
    Say how long the child was sent home for and why.
school attendance | going to school | none
    Say how often the child goes to school.
elective home education | learning at home instead of school | none
    Say the child learns at home.
youth justice service | the team that helps young people in trouble with the police | noun
    Say who the worker is and what they do.
independent domestic violence adviser | someone who helps people who are hurt at home | noun
    Use the person's name and say what they do.
refuge | a safe house | noun
    Say it is a safe place to stay.
mental capacity | being able to understand and make a decision | none
    Say what the person can understand and decide.
inpatient | staying in hospital | noun
    Say the person is staying in hospital.
sectioned | kept in hospital under mental health law | none
    Say the person has to stay in hospital for now, to get help.
multi-agency risk assessment conference | a meeting to keep people safe from domestic abuse | noun
    Say who met and what they agreed.
"""

OFFICIAL = """
facilitate | help; make possible; arrange | verb
    Say what you will actually do.
utilise | use | verb
    "Use" says the same thing.
utilize | use | verb
    "Use" says the same thing.
commence | start; begin | verb
    "Start" says the same thing.
in relation to | about | none
    "About" says the same thing.
prior to | before | none
    "Before" says the same thing.
deliver support | give help; help | verb
    Say what help people will get.
deliver services | run services; help | verb
    Say what the service does.
deliver training | run training; teach | verb
    Say what people will learn.
service delivery | the service; how the service runs | none
    Say what the service does.
going forward | from now on; in future | none
    Leave it out, or say "from now on".
moving forward | from now on; in future | none
    Leave it out, or say "from now on".
liaise | talk with; work with | verb
    Say who you will talk to.
convene | hold; call; set up | verb
    Say who will meet, when and why.
endeavour | try | auto
    "Try" says the same thing.
ascertain | find out | verb
    "Find out" says the same thing.
approximately | about; around | none
    "About" says the same thing.
assist | help | verb
    "Help" says the same thing.
assistance | help | none
    "Help" says the same thing.
regarding | about | none
    "About" says the same thing.
with regard to | about | none
    "About" says the same thing.
with regards to | about | none
    "About" says the same thing.
in respect of | about; for | none
    "About" says the same thing.
pertaining to | about | none
    "About" says the same thing.
whilst | while | none
    "While" is the everyday word.
hence | so | none
    "So" says the same thing.
thus | so | none
    "So" says the same thing.
therefore | so | none
    "So" is shorter and warmer.
furthermore | also; and | none
    "Also" says the same thing.
moreover | also; and | none
    "Also" says the same thing.
notwithstanding | despite; even though | none
    Say "even though".
subsequently | later; then; after that | none
    "Later" or "then" says the same thing.
subsequent | later; next | none
    "Next" or "later" says the same thing.
consequently | so; because of this | none
    "So" says the same thing.
accordingly | so | none
    "So" says the same thing.
additional | more; extra | none
    "More" or "extra" says the same thing.
additionally | also | none
    "Also" says the same thing.
sufficient | enough | none
    "Enough" says the same thing.
insufficient | not enough | none
    "Not enough" says the same thing.
numerous | many | none
    "Many" says the same thing.
obtain | get | verb
    "Get" says the same thing.
purchase | buy | auto
    "Buy" says the same thing.
require | need | verb
    "Need" says the same thing.
requirement | need; what is needed | noun
    Say what is needed.
at this moment in time | now | none
    "Now" says the same thing.
at this point in time | now | none
    "Now" says the same thing.
at the present time | now | none
    "Now" says the same thing.
in the event that | if | none
    "If" says the same thing.
in the event of | if there is | none
    "If" says the same thing.
on a regular basis | often; regularly | none
    Say how often: every week, every month.
on a daily basis | every day | none
    "Every day" says the same thing.
on a weekly basis | every week | none
    "Every week" says the same thing.
due to the fact that | because | none
    "Because" says the same thing.
owing to | because of | none
    "Because of" says the same thing.
in accordance with | under; following; as set out in | none
    Say "as the plan says" or "under the law".
with a view to | to; so that | none
    "To" says the same thing.
a number of | some; several | none
    Say how many if you know.
in excess of | more than | none
    "More than" says the same thing.
in receipt of | getting; have | none
    Say the person gets or has it.
in light of | because of | none
    "Because of" says the same thing.
terminate | end; stop | verb
    "End" or "stop" says the same thing.
termination | end | noun
    "End" says the same thing.
implement | do; carry out; put in place | verb
    Say what will be done and by whom.
implementation | doing; carrying out | none
    Say what will be done.
initiate | start | verb
    "Start" says the same thing.
ensure | make sure | verb
    "Make sure" says the same thing.
enable | let; help | verb
    Say who it helps to do what.
inform | tell | verb
    "Tell" is the everyday word.
indicate | show; say; suggest | verb
    Say what the person said or what it showed.
demonstrate | show | verb
    "Show" says the same thing.
evidenced | shown | none
    Say what showed it.
in conjunction with | with; together with | none
    "With" says the same thing.
expedite | speed up | verb
    "Speed up" says the same thing.
optimal | best | none
    "Best" says the same thing.
optimum | best | none
    "Best" says the same thing.
prioritise | put first; deal with first | verb
    Say what comes first.
robust | strong; thorough | none
    Say what makes it strong.
holistic | whole; looking at everything | none
    Say what you looked at.
stakeholder | people involved; use their names | noun
    Name the people or services.
leverage | use | verb
    "Use" says the same thing.
touch base | talk; catch up | verb
    Say "talk" or "catch up".
reach out to | get in touch with; talk to | verb
    Say who will get in touch with whom.
circle back | come back to | verb
    Say when you will come back to it.
actioned | done | none
    Say who did what.
proactive | early; ahead of time | none
    Say what you will do early.
empower | help; give control | verb
    Say what the person can now do or decide.
dialogue | talk; conversation | noun
    "Talk" says the same thing.
deem | think; decide | verb
    Say who decided and what.
thereafter | after that | none
    "After that" says the same thing.
aforementioned | this; that; the one I mentioned | none
    Name the thing again instead.
hereby | now | none
    Leave it out: it adds nothing.
whereby | where; by which | none
    Use two short sentences instead.
as per | as; in line with | none
    Say "as" or "like".
in addition to | as well as | none
    "As well as" says the same thing.
with reference to | about | none
    "About" says the same thing.
at your earliest convenience | as soon as you can | none
    "As soon as you can" says the same thing.
do not hesitate to | please | none
    Say "please" and say how to get in touch.
should you require | if you need | none
    "If you need" says the same thing.
forthwith | now; straight away | none
    "Straight away" says the same thing.
in due course | later; soon | none
    Say when, if you know.
pending | waiting for; until | none
    Say what you are waiting for.
subject to | depending on | none
    Say what it depends on.
further to | after; following | none
    Say "after" or "following".
in terms of | about; for | none
    Say what you mean directly.
in order to | to | none
    "To" says the same thing.
necessitate | need; mean | verb
    Say what is needed.
mitigate | reduce; make less | verb
    Say what will make it less.
mitigation | reducing; making less | none
    Say what will make it less.
ameliorate | improve; make better | verb
    "Make better" says the same thing.
exacerbate | make worse | verb
    "Make worse" says the same thing.
remit | job; area of work | noun
    Say what the job covers.
capacity | time; room; ability | none
    Say what you mean: time, room or ability.
paramount | most important | none
    "Most important" says the same thing.
pertinent | relevant; important | none
    Say why it matters.
salient | main; important | none
    "Main" says the same thing.
engage with | talk with; take part in; work with | verb
    Say what the person did: came to meetings, talked with you.
cohort | group | noun
    "Group" says the same thing.
co-produce | make together | verb
    Say who made it together.
bandwidth | time | none
    "Time" is what people mean by it.
roll out | start; bring in | verb
    Say what is starting and when.
provision | help; support; what is provided | noun
    Say what help is given.
dwelling | home | noun
    "Home" says the same thing.
reside | live | verb
    "Live" says the same thing.
escalate | raise; take further | verb
    Say who you will tell.
outcome | result; what changed | noun
    Say what changed for the child.
a further | another | none
    "Another" says the same thing.
"""

CHILD = """
solicitor | lawyer | noun
    Children know the word lawyer better.
barrister | the lawyer who speaks in court | noun
    Say it is the lawyer who talks to the judge.
evidence | information; what people told the judge | none
    Say what the judge will read or hear.
recommend | think is best; suggest | verb
    Say what you think is best.
recommendation | what I think is best | noun
    Say what you think is best and why.
consider | think about | verb
    "Think about" says the same thing.
appropriate | right; suitable; OK | none
    Say what would be right and why.
inappropriate | wrong; not OK | none
    Say what was not OK.
best interests | what is best for you | none
    Say what is best for the child.
neglect | not being looked after properly | auto
    Say what the child went without.
diagnosis | what the doctor found; the name for a condition | noun
    Say what the doctor said, simply.
maternal | on your mum's side | none
    Say "your mum's mum" rather than "maternal grandmother".
paternal | on your dad's side | none
    Say "your dad's mum" rather than "paternal grandmother".
independent | not on anyone's side; separate | none
    Say you are not on anyone's side.
confidential | private; kept between us | none
    Say who can see it and who cannot.
consent | agreement; saying yes | noun
    Say the person agreed.
professionals | the adults who work with you | none
    Name them: teacher, social worker, doctor.
circumstances | what is happening; your life | none
    Say what is happening.
arrangements | plans | none
    Say what the plans are.
your views | what you think | none
    "What you think" says the same thing.
"""
