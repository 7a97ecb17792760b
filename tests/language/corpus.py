"""A labelled corpus for measuring the plain-language engine: sentences in the register of family
court reports, letters to children and messages to parents, each marked with what must be
flagged, and many that must come back clean.

Each line is ``READER | sentence``. Marks in the sentence give the words that must be flagged:
``[j:sibling]`` jargon, ``[a:LA]`` acronym, ``[d:the mother]`` depersonalising, ``[g:chaotic]``
judgemental, ``[c:hostile]`` a label of character, ``[l:s.7]`` a reference to the law,
``[x:inter alia]`` Latin, ``[r:perusal]`` a word too rare for the reader. A line ending
``{long}`` must be flagged as one long sentence; a line ending `` \\`` goes on on the next. A
line with no marks must come back with no findings at all.

Readers: ``c6``, ``c9``, ``c13``, ``c16`` (a child of that age), ``adult`` (a parent or carer),
``pro`` (the court and the local authority). Every sentence is about one family: Jayden, who is
9, his mum Sarah, his dad Tom, his brother Leo and his grandmother Nanny Jo; Sam is his Family
Court Adviser and Priya Okafor his social worker. Their names are given to every check, as the
service gives them.

Written for this project from the practice guidance's examples and the Family Justice Young
People's Board's advice; no real child or family is described.

The same people wrote the corpus and tuned the engine, so its figures flatter the engine. The
"held out" section was written without running the engine and measured once before any change
(56 sentences, 15 clean). First pass: acronym 1.00 precision / 1.00 recall, jargon 1.00 / 0.96
(missed "threshold"), depersonalising 1.00 / 0.60 (missed "the mum"; "the children" is flagged
only when the caller names the children, and still is not), judgemental 1.00 / 1.00, and one
rare-word false alarm ("carer"). The misses other than "the children" were fixed in the engine.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tests.language.corpus_frozen import FROZEN
from together.language.engine import Audience, AudienceKind, Category

NAMES = ("Jayden", "Sarah", "Tom", "Leo", "Nanny Jo", "Sam", "Priya", "Okafor", "Mr Patel")
PEOPLE = {"child": "Jayden", "mother": "Sarah", "father": "Tom"}

CODES = {
    "a": Category.ACRONYM,
    "j": Category.JARGON,
    "d": Category.DEPERSONALISING,
    "g": Category.JUDGEMENTAL,
    "c": Category.CHARACTER,
    "l": Category.LEGAL_REFERENCE,
    "x": Category.LATIN,
    "r": Category.RARE_WORD,
}
READERS = {
    "c6": Audience(AudienceKind.CHILD, age=6),
    "c9": Audience(AudienceKind.CHILD, age=9),
    "c13": Audience(AudienceKind.CHILD, age=13),
    "c16": Audience(AudienceKind.CHILD, age=16),
    "adult": Audience(AudienceKind.ADULT_FAMILY),
    "pro": Audience(AudienceKind.PROFESSIONAL),
}

CORPUS = r"""
# --- letters to children: what must be flagged ------------------------------------------------
c9 | Dear Jayden, my name is Sam and I am your [a:FCA].
c9 | Your [a:CG] will meet you at school.
c9 | The [a:LA] has asked the judge to make a decision about where you live.
c9 | I will [j:liaise] with your social worker, Priya.
c9 | You will have [j:contact] with your dad on Saturdays.
c9 | Leo is your [j:sibling] and you love playing with him.
c9 | The judge will decide about your [j:placement] with Nanny Jo.
c9 | You told me you [j:absconded] from school because you were scared.
c9 | The [j:hearing] is on 14 March.
c9 | The judge [j:adjourned] the [j:hearing] until May.
c9 | Your mum has [j:parental responsibility] for you.
c9 | I will write a [j:recommendation] for the judge.
c9 | The judge wants to know your [j:wishes and feelings].
c9 | We will [j:convene] a meeting at school next week.
c9 | [j:Prior to] the meeting I will visit you at home.
c9 | The [j:local authority] wants you to stay with Nanny Jo.
c9 | Nanny Jo is your [j:kinship carer] for now.
c9 | You will have [j:supervised contact] with your dad at the family centre.
c9 | The judge has read the [j:position statement] from your mum's lawyer.
c9 | Your mum's [j:solicitor] will talk to the judge for her.
c9 | You might go to [j:respite] with Auntie Kim in the holidays.
c9 | Your dad will [j:facilitate] the phone calls on Sunday.
c9 | I want to [j:ascertain] what you like about your school.
c9 | Sometimes [d:the case] has to wait for the judge.
c9 | Ms Okafor read your [j:care plan] to you last week.
c9 | The court made an [j:interim care order] last month.
c9 | Your dad made an [j:application] to the court.
c9 | The judge will read my [l:s.7] report.
c9 | We talked about [j:safeguarding] at your school.
c9 | I have written to the [j:independent reviewing officer] about your plan.
c9 | The judge looks at your [j:welfare] first.
c9 | The letter is about your [j:final hearing] in June.
c9 | It is [j:paramount] that you feel safe.
c9 | I will see you [j:on a weekly basis] until the summer.
c9 | [j:Due to the fact that] the judge was ill, the meeting was moved.
c9 | Leo sees his [j:half-sibling] Mia at weekends.
c9 | The [j:placements] you had before were not right for you.
c9 | Your [a:IRO] will come to see you in May.
c9 | I spoke to your [a:GP] about your asthma.
c9 | Your [a:SENCO] helps you in class.
c9 | You have an [a:EHCP] to help you at school.
c9 | Your teacher said you have [a:ADHD] and find it hard to sit still.
c13 | The [a:CAMHS] worker will see you on Tuesday.
c13 | You can ask your [a:PA] for help when you are 18.
c13 | [a:NB] the meeting has moved to Friday.
c13 | I will see you next week, [a:e.g.] on Tuesday after school.
c13 | [a:Re:] your question about moving school, the answer is yes.
c13 | You are [d:LAC] now, so the council helps look after you.
c13 | You told me about your [j:parenting assessment] and what it means.
c13 | Your dad has a [j:non-molestation order] against him.
c13 | The police took [j:no further action] after the [j:allegation].
c13 | Your [j:pathway plan] sets out the help you will get.
c13 | The judge read the [j:threshold criteria] before the meeting.
c13 | Your mum's [j:substance misuse] worried the judge.
c13 | The [j:perpetrator] programme is for your dad.
c13 | It is [j:appropriate] for you to see Leo more often.
c13 | The [a:DV] your mum told me about must have been scary.
c13 | You will have a [j:return home interview] after you go missing.
c16 | Your [a:PA] will help you find a flat.
c16 | You are a [j:care leaver], so you can get help with college.
c16 | The [j:pathway plan] will help you when you turn 18.
c16 | The [a:LA] will pay for your driving lessons.
c16 | [a:ASAP] please tell me if your phone number changes.
c6 | Sam will see you at [j:contact] on Friday.
c6 | The judge will [j:recommend] where you live.
c6 | Your [j:sibling] Leo is coming too.
c6 | The [a:SW] will bring some toys.
c6 | [d:The child] needs a warm coat for winter.
c9 | Dear Jayden, [d:the mother] told me you like dragons.
c9 | [d:The father] is coming to the meeting.
c9 | [d:The subject child] will meet the judge.
c9 | You are not [d:a case], you are Jayden.
c9 | We have lots of [d:cases] like yours.
c9 | [d:Your case file] is kept safe.
c9 | Your dad was [c:hostile] when I visited.
c9 | Your mum [g:presented as] sad when we met.
c9 | Leo can be [c:manipulative] at bedtime.
c9 | You can be [c:attention-seeking] at school, your teacher says.
c9 | Your dad [g:refused to engage] with the social worker.
c9 | You [g:kicked off] at school last week.
c9 | I [j:recommend] that you [j:reside] with Nanny Jo.
c9 | The [a:LA] will [j:facilitate] [j:contact] with your [j:sibling].

# --- messages to parents: what must be flagged ------------------------------------------------
adult | Dear Sarah, the [a:LA] has applied for a [j:care order].
adult | The [a:FHDRA] is booked for 3 June.
adult | Please [j:liaise] with Ms Okafor about the visits.
adult | Your [j:contact] with Jayden will be at the family centre.
adult | The judge [j:adjourned] the [j:hearing] to 12 May.
adult | Please bring your [j:position statement] to court.
adult | The [j:respondent] father must file a statement by Friday.
adult | [j:Prior to] the meeting, please read the report.
adult | [j:Going forward], we will meet every month.
adult | I will [j:endeavour] to call you on Monday.
adult | The [j:parenting assessment] starts next week.
adult | Your [a:DV] worker can come to the meeting with you.
adult | The [a:IDVA] can help you with a safety plan.
adult | Please send me your [a:DBS] check.
adult | You can ask for a [a:MIAM] before going to court.
adult | The [a:PLO] letter explains what happens next.
adult | I have read the [l:s.7] report and the [l:s31] [j:application].
adult | Under [l:R16.4] the judge may appoint a guardian for Jayden.
adult | The [a:MoJ] has changed the rules on [j:legal aid].
adult | Our [a:ED&I] team can arrange an interpreter.
adult | Two [a:NQSWs] will join the visit.
adult | [d:The mother] has agreed to a drug test.
adult | [d:The father] will pick Jayden up at 3.
adult | [d:The child] is doing well at school.
adult | [d:Your case] will be heard on Tuesday.
adult | Your [d:case worker] will ring you.
adult | You have been [g:non-compliant] with the plan.
adult | You [g:failed to engage] with the parenting course.
adult | Jayden [g:presents as] a happy boy.
adult | Your home was [g:chaotic] when I visited.
adult | You showed a [g:lack of insight] into the risks.
adult | You [g:claimed that] the bruise was an accident.
adult | Your partner was [c:aggressive] on the phone.
adult | Please call me [j:at your earliest convenience].
adult | [j:In the event that] you cannot come, please ring me.
adult | We need to [j:ascertain] your views [j:in relation to] the school.
adult | Please [j:do not hesitate to] call me.
adult | We will [j:facilitate] a meeting between you and Tom.
adult | The plan is [j:subject to] the judge agreeing.
adult | You will need to [j:demonstrate] that you can keep Jayden safe.

# --- court reports: what must be flagged -------------------------------------------------------
pro | [d:The subject child] has lived with his maternal grandmother since 2024.
pro | [d:The child] told me he wants to stay at Greenfield Primary.
pro | [d:The mother] attended all the contact sessions.
pro | [d:The father] accepts the findings made in March.
pro | The team has forty [d:cases] this month.
pro | [d:This case] was given to me in May.
pro | Jayden is [d:LAC] and lives with his grandmother.
pro | [d:The subject child] has asthma and carries an inhaler.
pro | Mr Thomas was [c:uncooperative] during the visit.
pro | [d:The father] has been [g:non-compliant] with the testing.
pro | Jayden's mother [g:refused to engage] with the parenting course.
pro | The family home was [g:chaotic] and cold.
pro | [d:The father] [g:presented as] calm and open.
pro | Jayden is [c:attention-seeking] in class, his teacher says.
pro | The [a:NFA] decision was made in January.
pro | The [a:ICPC] was held on 3 February.
pro | A [a:MARAC] referral was made after the incident.
pro | The [a:LADO] was told about the teacher.
pro | Jayden's [l:SGO] assessment is due in May.
pro | I [j:liaised] with the school and the health visitor.
pro | I will [j:endeavour] to file my report by Friday.
pro | The local authority should [j:utilise] the family network.
pro | [j:Prior to] the hearing I met Jayden at school.
pro | I [j:facilitated] a meeting between Jayden and his father.
pro | [j:Going forward], the local authority will visit weekly.
pro | The plan is [j:robust] and [j:holistic].

# --- harder cases: inflections, possessives, mixed case, spelled-out acronyms ---------------------
c9 | You told me about [j:absconding] from your last [j:placement].
c9 | Your [j:siblings] will stay together.
c9 | I am [j:liaising] with Leo's school.
c9 | The judge is [j:adjourning] the meeting.
c9 | The meeting was [j:convened] by Ms Okafor.
c9 | Your [j:Independent Reviewing Officer] ([a:IRO]) will visit you.
c9 | [d:The mother]'s flat is near your school.
c9 | Your mum's [j:respite care] is at weekends.
c9 | Your dad's [j:special guardianship order] means he looks after you.
c13 | The [j:section 47 enquiry] is finished.
c13 | The judge used the [j:welfare checklist] to decide.
c13 | The court made a [j:child arrangements order] for you and Leo.
adult | The [a:LAs] in the region share a team.
adult | Children in Care ([a:CiC]) meet every month.
adult | The [j:contact centre] is open on Saturdays.
adult | Ms Okafor [j:facilitated] the visit.
adult | [d:The parents] must both come to court.
adult | He is [g:non compliant] with the plan.
adult | Jayden was [g:disengaged] in class.
adult | You [g:didn't engage] with the course.
adult | Tom is [g:not engaging] with the team.
adult | She [g:failed to attend] the meeting.
adult | You [g:minimised] what happened to Jayden.
pro | Two [a:FCAs] attended the meeting.
pro | Advice from the [a:DfE] was followed.
pro | The [a:IRO] agreed with the plan.
pro | Jayden's mother [g:lacks insight] into the risks.
pro | [d:The father] is [g:in denial] about his drinking.
pro | [d:The mother] [g:claims that] the bruise was an accident.
pro | Mr Thomas was [c:volatile] in the meeting.
pro | Mr Thomas [g:refuses to engage] with the probation service.
pro | [d:The young person] was seen alone.
pro | [d:Service users] told us the waiting room is cold.
c9 | The judge will [r:peruse] the papers on Monday.
c9 | Nanny Jo was [r:cordial] to your dad.
c6 | The judge wants to know about your [r:fortnight] away.
adult | The visit was [r:perfunctory] and short.
adult | The meeting was [r:acrimonious] at times.
pro | [d:The father]'s account was [r:tendentious].
c9 | The judge was [r:amenable] to your idea.

# --- long sentences ----------------------------------------------------------------------------
c9 | When you come to see me at the office on Tuesday after school we will sit in the room \
  with the big windows and the box of toys and talk about what you want the judge to know. {long}
c6 | After school on Friday your gran will take you and Leo to the park and then you can \
  have tea at her house. {long}
adult | If you cannot come to the meeting on Monday morning please ring me or send a text \
  message to the number at the bottom of this letter so that I can move it to another day \
  that works for you and for Tom. {long}

# --- clean: letters to children ----------------------------------------------------------------
c9 | Dear Jayden, my name is Sam.
c9 | I work for the family court.
c9 | The judge asked me to find out what you think and feel.
c9 | I will tell the judge what is best for you.
c9 | You told me you love football and drawing dragons.
c9 | Your brother Leo makes you laugh.
c9 | You want to see your dad more often.
c9 | You said you feel safe at Nanny Jo's house.
c9 | I will come to your school on Tuesday.
c9 | We can talk in the library or go for a walk.
c9 | You can tell me anything, and I will listen.
c9 | If you want to write to the judge, I can help.
c9 | The judge will decide where you live.
c9 | Your mum and dad both love you.
c9 | It is OK to feel sad or cross.
c9 | I will write to you after the judge decides.
c9 | You can ring me on 07700 900123.
c9 | Thank you for showing me your room.
c9 | Your teacher, Mr Patel, says you are kind to others.
c9 | You told me you do not like it when people shout.
c9 | Please tell me if you want to change anything in this letter.
c9 | You will see your dad on Saturdays at the park.
c9 | You can bring your football when we meet.
c9 | Priya is your social worker and she will visit you too.
c6 | Hello Jayden, I am Sam.
c6 | I liked playing with your cars.
c6 | You said you like pizza and the park.
c6 | I will see you again soon.
c6 | You can draw me a picture.
c13 | You said you want to stay at your school with your friends.
c13 | I know that moving house has been hard for you.
c13 | You can ask me questions at any time.
c13 | The judge wants to hear what you think.
c13 | You told me you feel happier since you started living with Nanny Jo.
c16 | You can read your file when you are older.
c16 | I will help you plan for college.
c16 | You told me that music helps you relax.
c16 | Let me know if you want to meet the judge.

# --- clean: messages to parents ----------------------------------------------------------------
adult | Dear Sarah, thank you for meeting me on Monday.
adult | I will visit Jayden at school next week.
adult | Please call me if anything changes.
adult | Jayden told me he loves his weekends with you.
adult | The next court date is 14 March at 10am.
adult | Please bring something to read, as you may have to wait.
adult | You can bring someone with you for support.
adult | I will send you my report a week before the court date.
adult | If you need an interpreter, please tell me.
adult | Tom will pick Jayden up from school on Friday.
adult | Jayden said he wants to see more of his dad.
adult | Please read the letter with Jayden if you can.
adult | I know this is a hard time for your family.
adult | We will meet at the café on the high street.
adult | You can ring me on 07700 900123 from 9am to 5pm.
adult | Thank you for telling me about Jayden's asthma.
adult | Jayden's teacher says he is doing well in maths.
adult | We can meet at your home or at the office.
adult | You can read the plan and tell me what you think.
adult | I will explain what happens at court.

# --- clean: court reports ----------------------------------------------------------------------
pro | Jayden is 9 and lives with his grandmother.
pro | I met Jayden at school on 3 February and at home on 10 February.
pro | Jayden told me he wants to live with his grandmother.
pro | He said he misses his father and wants to see him every week.
pro | His teacher describes him as kind and hard working.
pro | Jayden enjoys football, drawing and playing with his brother.
pro | Sarah attended every meeting and was open about her worries.
pro | Tom has completed the parenting course and the drug tests are clear.
pro | I recommend that Jayden lives with his grandmother.
pro | I recommend that Jayden sees his father every Saturday.
pro | The local authority supports this plan.
pro | I have read the local authority's evidence and [d:the parents]' statements.
pro | Jayden wants the judge to know that he loves both his parents.
pro | This report was written for the court and will be shared with the parties.
pro | The Family Court Adviser (FCA) met Jayden twice. The FCA also spoke to his teacher.
# --- clean: everyday words that look like something else -----------------------------------
c9 | Pack your pencil case and your PE kit.
c9 | You can contact me on this number.
c9 | NEXT STEPS
c9 | THANK YOU for your letter.
c9 | Please do NOT worry.
c9 | You and Leo watched TV and played FIFA.
c9 | You went to the USA on holiday.
c9 | I will see you at 3 PM.
c9 | Jayden's hearing test went well.
c9 | The match kicks off at 3 on Saturday.
c16 | You can do a work placement at the garage.
adult | Please contact me if anything changes.
adult | Bring a coat in case it rains.
adult | In any case, I will ring you on Friday.
adult | Jayden made good eye contact and smiled a lot.
adult | Jayden has hearing aids and sits at the front of the class.
adult | I have sent the report as an attachment.
adult | The court case number is on the letter.
adult | Jayden got his GCSE results in August.
adult | JAYDEN'S PLAN
pro | He plays as a defensive midfielder for his school team.
pro | The plan will keep disruption to Jayden's schooling to a minimum.
pro | If that is the case, the court may decide quickly.
pro | Jayden's GP and the NHS dentist both saw him.
pro | The Independent Reviewing Officer (IRO) chaired the meeting. The IRO agreed.
pro | The social worker's caseload is too high.
pro | The coat is water-resistant and warm.
pro | The move will minimise disruption to Jayden's schooling.
pro | Jayden has a strong attachment to his grandmother.
# --- held out: written without running the engine, measured once, then kept --------------
c9 | Your dad's [j:supervised contact] will move to the [j:contact centre] in town.
c9 | The [a:LA] thinks you should stay in foster care for now.
c9 | The judge made a [j:care order] last week.
c9 | Ms Okafor will do a [j:statutory visit] every six weeks.
c9 | Your [j:birth family] still love you.
c9 | You have [j:indirect contact] with your dad by letter.
c9 | We will have a [j:strategy meeting] about keeping you safe.
c9 | The [j:core group] meets every month.
c9 | Your [j:personal education plan] says you need help with reading.
c9 | The [a:PEP] meeting is at school.
c9 | [d:The children] like the new house.
c9 | You said you were [c:naughty] in class, but you were upset.
c13 | The judge will read the [j:witness statement] from your dad.
c13 | Your [j:advocate] can speak for you at the meeting.
c13 | There was a [j:disclosure] at school on Monday.
c13 | You told your teacher, which was a brave [j:disclosure].
c13 | Your dad has [j:bail conditions] that mean he cannot come to the house.
c13 | [a:CSE] is when someone tricks a young person.
c13 | I [j:consider] that you should stay at your school.
c13 | The [j:family group conference] is on Saturday.
adult | Your [j:legal representative] will send you the papers.
adult | The judge will read the [j:court bundle] before the day.
adult | The [j:viability assessment] of Nanny Jo is finished.
adult | The [j:threshold] has not been met, the judge said.
adult | Please [j:reach out to] me if you need anything.
adult | We will [j:touch base] next week.
adult | [j:Additionally], please bring Jayden's red book.
adult | [j:Furthermore], the school has raised worries.
adult | The [a:CIN] plan ends in June.
adult | Your [a:HV] will visit next week.
adult | The [a:YOT] worker will meet Jayden at school.
adult | [d:The mum] was very upset.
adult | You [g:refused to cooperate] with the police.
adult | Tom was [c:hostile] and shouted at the nurse.
pro | The [a:CP] plan was ended in March.
pro | The [a:ABE] interview took place on 2 May.
pro | [j:In order to] keep Jayden safe, the plan should continue.
pro | I [j:ascertained] Jayden's views through play.
pro | [d:The mother] [g:minimised] the injuries.
pro | [d:The parents] are [g:hard to reach].
pro | [d:The father] was [c:unco-operative] at the visit.
c9 | I asked your foster carer what you like to eat.
c9 | Your mum is going to a parenting course to help her.
c13 | The police are investigating what happened.
c9 | Your nan and grandad came to see you.
c9 | You showed me your bike and your new trainers.
c9 | You want to go to the same school as Leo.
c9 | You told me you get scared at night sometimes.
c9 | The judge is a kind person who wants you to be safe.
adult | Thank you for letting me visit on Tuesday.
adult | Jayden seemed happy and relaxed at home.
adult | Please keep this letter somewhere safe.
adult | I will phone you after the court date to explain what the judge decided.
pro | Jayden said that he feels safe with his grandmother.
pro | The school reports that his reading has improved this year.
pro | His father visits on Saturdays and they go to the park.
"""


@dataclass(frozen=True)
class Sample:
    reader: str
    text: str
    spans: tuple[tuple[Category, str], ...]  # what must be flagged, in order
    section: str

    @property
    def audience(self) -> Audience:
        return READERS[self.reader]

    @property
    def clean(self) -> bool:
        return not self.spans


_MARK = re.compile(r"\[(\w):([^\]]+)\]")


def _parse(line: str, section: str) -> Sample:
    reader, _, marked = (part.strip() for part in line.partition("|"))
    long = marked.endswith("{long}")
    marked = marked.removesuffix("{long}").strip()
    spans = [(CODES[code], words) for code, words in _MARK.findall(marked)]
    text = _MARK.sub(lambda m: m.group(2), marked)
    if long:
        spans.append((Category.LONG_SENTENCE, text))
    if reader not in READERS:
        raise ValueError(f"unknown reader {reader!r} in {line!r}")
    return Sample(reader, text, tuple(spans), section)


def samples(corpus: str = CORPUS) -> list[Sample]:
    result, section = [], ""
    text = re.sub(r" \\\n\s*", " ", corpus)  # a line ending in a backslash goes on
    for line in text.strip().splitlines():
        if line.startswith("# ---"):
            section = line.strip("# -")
        elif line.strip():
            result.append(_parse(line, section))
    return result


SAMPLES = samples()
# The frozen part (corpus_frozen.py), scored apart: nobody tuned the engine against it.
FROZEN_SAMPLES = samples(FROZEN)
