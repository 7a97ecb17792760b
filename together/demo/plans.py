"""Demo Assessment and Child's Plans for children in open proceedings, at every stage.

Recently allocated children mostly have drafts; children allocated months ago have plans that
were agreed, shared with them and their family, and made final. Each plan has its versions (a
PlanVersion per change, with the snapshot built here in memory in the same shape as
plans.snapshot.plan_snapshot), some overdue pieces of work, shares and responses. The demo FCA
has plans in every state. Rows are planned a chunk of children at a time and inserted in bulk.
"""

from __future__ import annotations

import logging
import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from django.db import connection
from django.db.models import Min

from together.accounts.models import Role
from together.children.models import ChildConnection, Meeting
from together.organisation.models import TeamMembership
from together.plans.models import (
    Activity,
    Certainty,
    ContactKind,
    Plan,
    PlanHarm,
    PlanResponse,
    PlanShare,
    PlanStatus,
    PlanVersion,
    ProfessionalContact,
    RecipientKind,
    Recommendation,
    ShareMethod,
)
from together.plans.snapshot import SECTIONS
from together.proceedings.models import Allocation, Hearing, Law, ProceedingsChild

from .children.rows import BulkLoad, Table, reset_sequences, row_class
from .generator import Context

HARMS_THROUGH = Recommendation.rests_on_harms.through
MEETINGS_THROUGH = Plan.wishes_meetings.through
PlanRow = row_class(Plan)
PlanHarmRow = row_class(PlanHarm)
ProfessionalContactRow = row_class(ProfessionalContact)
RecommendationRow = row_class(Recommendation)
ActivityRow = row_class(Activity)
PlanShareRow = row_class(PlanShare)
PlanResponseRow = row_class(PlanResponse)
PlanVersionRow = row_class(PlanVersion)
HarmLinkRow = row_class(HARMS_THROUGH)
MeetingLinkRow = row_class(MEETINGS_THROUGH)

log = logging.getLogger(__name__)

DEMO_FCA = "fca@example.org"
CHUNK = 2000
# At national size, plans for this share of children outside the demo service area (the demo
# area gets a plan for everyone), to keep the generator within its time budget.
NATIONAL_SHARE = 0.3
TITLES = {key: title for key, _n, title in SECTIONS}
# The order the demo FCA's children go through the stages, so they have one of each.
DEMO_STATES = [
    PlanStatus.DRAFT,
    PlanStatus.READY_FOR_REVIEW,
    PlanStatus.AGREED,
    PlanStatus.SHARED,
    PlanStatus.FINAL,
    PlanStatus.DRAFT,
    None,
    PlanStatus.SHARED,
    PlanStatus.FINAL,
    PlanStatus.DRAFT,
]

# ---------------------------------------------------------------------------------------------
# The words. {name} is the child; {sub}/{obj}/{pos} their pronouns; {mum}/{dad} what they call
# their parents; {carer} who they live with.

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


def _words(child: dict, family: dict) -> dict:
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


def _fill(text: str, words: dict) -> str:
    filled = text.format(**words)
    return filled[0].upper() + filled[1:]


# ---------------------------------------------------------------------------------------------


@dataclass
class Row:
    """A child in open proceedings, as read from the database."""

    child: dict
    proceedings_id: int
    law: str
    team_id: int | None
    area_id: int
    fca_id: int
    allocated: date
    next_hearing: date | None
    is_demo_fca: bool


@dataclass
class Planned:
    plan: Plan
    harms: list = field(default_factory=list)
    contacts: list = field(default_factory=list)
    recommendations: list = field(default_factory=list)  # (Recommendation, [harm index])
    activities: list = field(default_factory=list)
    shares: list = field(default_factory=list)  # (PlanShare, [PlanResponse])
    meetings: list = field(default_factory=list)  # (meeting id, uuid)
    versions: list = field(default_factory=list)


def generate(ctx: Context) -> None:
    with BulkLoad():
        maker = PlanMaker(ctx)
        rows = maker.rows()
        for start in range(0, len(rows), CHUNK):
            chunk = rows[start : start + CHUNK]
            maker.insert([p for p in (maker.plan(row) for row in chunk) if p])
        reset_sequences([t for t in maker.tables.values() if t.own_ids])
    log.info("Plans: made %s", f"{ctx.counts.get('plans', 0):,}")


class PlanMaker:
    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.rng = random.Random(ctx.rng.getrandbits(64))
        self.today = ctx.today
        self.now = datetime.combine(ctx.today, time(17), tzinfo=UTC)
        self.demo_index = 0
        self.supervisors: dict[int, int] = {}
        for team_id, user_id in (
            TeamMembership.objects.filter(
                ended_on__isnull=True, user__role=Role.PRACTICE_SUPERVISOR
            )
            .order_by("team_id", "user_id")
            .values_list("team_id", "user_id")
        ):
            self.supervisors.setdefault(team_id, user_id)
        self.user_names = {}
        own_ids = {Plan, PlanHarm, Recommendation, PlanShare}
        self.tables = {
            model: Table(model, own_ids=model in own_ids)
            for model in (
                Plan,
                PlanHarm,
                ProfessionalContact,
                Recommendation,
                Activity,
                PlanShare,
                PlanResponse,
                HARMS_THROUGH,
                MEETINGS_THROUGH,
                PlanVersion,
            )
        }
        # The shared JSON adapter keys short lists; a snapshot is a whole document.
        versions = self.tables[PlanVersion]
        names = [f.attname for f in PlanVersion._meta.concrete_fields if not f.primary_key]
        at = names.index("snapshot")
        field_ = PlanVersion._meta.get_field("snapshot")
        versions.adapters = [(i, a) for i, a in versions.adapters if i != at] + [
            (at, lambda v: connection.ops.adapt_json_value(v, field_.encoder))
        ]

    # Reading what there is ------------------------------------------------------------------

    def rows(self) -> list[Row]:
        links = list(
            ProceedingsChild.objects.filter(proceedings__closed_on__isnull=True)
            .order_by("proceedings_id", "child_id")
            .values_list(
                "child_id",
                "child__uuid",
                "child__preferred_name",
                "child__pronouns",
                "child__date_of_birth",
                "child__school",
                "proceedings_id",
                "proceedings__law",
                "proceedings__team_id",
                "proceedings__service_area_id",
                "proceedings__lead_fca_id",
                "proceedings__lead_fca__email",
            )
        )
        open_ids = {link[6] for link in links}
        allocated = dict(
            Allocation.objects.filter(ended_at__isnull=True, proceedings_id__in=open_ids)
            .values_list("proceedings_id")
            .annotate(first=Min("started_at"))
        )
        hearings = dict(
            Hearing.objects.filter(
                proceedings_id__in=open_ids,
                starts_at__gte=datetime.combine(self.today, time(0), tzinfo=UTC),
            )
            .values_list("proceedings_id")
            .annotate(first=Min("starts_at"))
        )
        self.families = self._families({link[0] for link in links})
        self.meetings = self._meetings(open_ids)
        national = self.ctx.size.name == "national"
        demo_area = next((link[9] for link in links if link[11] == DEMO_FCA), None)
        result = []
        for (
            child_id,
            child_uuid,
            name,
            pronouns,
            born,
            school,
            proceedings_id,
            law,
            team_id,
            area_id,
            fca_id,
            email,
        ) in links:
            if fca_id is None or proceedings_id not in allocated:
                continue  # held on duty: nobody is writing a plan yet
            if national and area_id != demo_area and self.rng.random() > NATIONAL_SHARE:
                continue
            result.append(
                Row(
                    child={
                        "id": child_id,
                        "uuid": child_uuid,
                        "name": name,
                        "pronouns": pronouns,
                        "born": born,
                        "school": school,
                    },
                    proceedings_id=proceedings_id,
                    law=law,
                    team_id=team_id,
                    area_id=area_id,
                    fca_id=fca_id,
                    allocated=allocated[proceedings_id].date(),
                    next_hearing=hearings.get(proceedings_id),
                    is_demo_fca=email == DEMO_FCA,
                )
            )
        self.user_names = self._user_names({r.fca_id for r in result})
        return result

    def _families(self, child_ids) -> dict:
        families: dict[int, dict] = {}
        wanted = {"mother", "father", "foster_carer", "grandparent"}
        for child_id, person_id, given, family_name, relationship, confidential in (
            ChildConnection.objects.filter(relationship__in=wanted)
            .order_by("child_id", "relationship", "person_id")
            .values_list(
                "child_id",
                "person_id",
                "person__given_name",
                "person__family_name",
                "relationship",
                "person__address_confidential",
            )
        ):
            if child_id not in child_ids:
                continue
            family = families.setdefault(child_id, {"parents": []})
            if relationship in ("mother", "father"):
                family.setdefault(relationship, given)
                family["parents"].append(
                    (person_id, f"{given} {family_name}".strip(), relationship, confidential)
                )
            elif relationship == "foster_carer":
                family.setdefault("carer", f"{given} {family_name}".strip())
            else:
                family.setdefault("carer", "nan" if given else "")
        return families

    def _meetings(self, proceedings_ids) -> dict:
        found: dict[tuple, list] = {}
        for child_id, proceedings_id, meeting_id, meeting_uuid in (
            Meeting.objects.filter(proceedings_id__in=proceedings_ids)
            .order_by("-occurred_at")
            .values_list("child_id", "proceedings_id", "id", "uuid")
        ):
            found.setdefault((child_id, proceedings_id), []).append((meeting_id, meeting_uuid))
        return found

    def _user_names(self, user_ids) -> dict:
        from together.accounts.models import User

        return {
            pk: f"{given} {family}".strip()
            for pk, given, family in User.objects.filter(pk__in=user_ids).values_list(
                "pk", "given_name", "family_name"
            )
        }

    # Planning one plan ------------------------------------------------------------------

    def status_for(self, row: Row) -> PlanStatus | None:
        rng = self.rng
        if row.is_demo_fca:
            status = DEMO_STATES[self.demo_index % len(DEMO_STATES)]
            self.demo_index += 1
            if status in (PlanStatus.AGREED, PlanStatus.SHARED, PlanStatus.FINAL) and not (
                self.supervisors.get(row.team_id)
            ):
                return PlanStatus.READY_FOR_REVIEW
            return status
        weeks = (self.today - row.allocated).days / 7
        if weeks < 2:
            choices = [(None, 50), (PlanStatus.DRAFT, 50)]
        elif weeks < 8:
            choices = [
                (PlanStatus.DRAFT, 70),
                (PlanStatus.READY_FOR_REVIEW, 20),
                (PlanStatus.AGREED, 10),
            ]
        elif weeks < 20:
            choices = [
                (PlanStatus.DRAFT, 25),
                (PlanStatus.READY_FOR_REVIEW, 15),
                (PlanStatus.AGREED, 25),
                (PlanStatus.SHARED, 35),
            ]
        else:
            choices = [
                (PlanStatus.DRAFT, 10),
                (PlanStatus.AGREED, 10),
                (PlanStatus.SHARED, 35),
                (PlanStatus.FINAL, 45),
            ]
        status = _weighted(rng, choices)
        if status in (PlanStatus.AGREED, PlanStatus.SHARED, PlanStatus.FINAL) and not (
            self.supervisors.get(row.team_id)
        ):
            return PlanStatus.READY_FOR_REVIEW
        return status

    def plan(self, row: Row) -> Planned | None:
        status = self.status_for(row)
        if status is None:
            return None
        rng, ctx = self.rng, self.ctx
        child, family = row.child, self.families.get(row.child["id"], {"parents": []})
        words = _words(child, family)
        age = (self.today - child["born"]).days // 365
        started = min(self.today, row.allocated + timedelta(days=rng.randint(2, 10)))
        fca = row.fca_id
        plan = PlanRow(
            uuid=ctx.uuid(),
            child_id=child["id"],
            proceedings_id=row.proceedings_id,
            status=status,
            created_by_id=fca,
            updated_by_id=fca,
            created_at=self._at(started),
        )
        planned = Planned(plan)
        history = _History(self, planned, started)
        history.add("Started the plan", PlanStatus.DRAFT)
        complete = status != PlanStatus.DRAFT
        sections = 8 if complete else rng.randint(1, 7)
        pick = rng.sample
        public = row.law == Law.PUBLIC
        # 1. Risks
        plan.risks_remaining = _fill(rng.choice(RISKS), words)
        plan.domestic_abuse_alleged = rng.random() < 0.4
        if plan.domestic_abuse_alleged:
            plan.domestic_abuse_kinds = pick(["physical", "emotional", "coercive_control"], 2)
            plan.domestic_abuse_assessment = rng.choice(["domestic_abuse", "harmful_conflict"])
            plan.domestic_abuse_reasoning = _fill(
                "The accounts of {name}'s parents differ, but the police records and what "
                "{name} told me show a pattern of control over time, not a one-off argument.",
                words,
            )
        for what, when, source in pick(HARMS, rng.randint(1, 3)):
            planned.harms.append(
                PlanHarmRow(
                    uuid=ctx.uuid(),
                    what=_fill(what, words),
                    when_happened=when,
                    source=_fill(source, words),
                    certainty=rng.choice(list(Certainty.values)),
                )
            )
        for kind, organisation, said in pick(CONTACTS, rng.randint(1, 3)):
            planned.contacts.append(
                ProfessionalContactRow(
                    uuid=ctx.uuid(),
                    kind=kind,
                    organisation=_fill(organisation, words),
                    contacted_on=min(self.today, started + timedelta(days=rng.randint(1, 20))),
                    what_they_said=_fill(said, words),
                )
            )
        planned.contacts.sort(key=lambda c: c.contacted_on)
        history.add(f"Saved section 1, {_lower(TITLES['risks'])}", section="risks")
        texts = [
            ("unique_about_child", UNIQUE, "unique"),
            ("family_strengths", STRENGTHS, "strengths"),
            ("impact_on_child", IMPACT, "impact"),
            ("wishes_and_feelings", WISHES, "wishes"),
        ]
        done = ["risks"]
        for number, (name, bank, key) in enumerate(texts, 2):
            if number > sections:
                break
            setattr(plan, name, " ".join(_fill(t, words) for t in pick(bank, 2)))
            if key == "wishes":
                planned.meetings = self.meetings.get((child["id"], row.proceedings_id), [])[:2]
            done.append(key)
            history.add(f"Saved section {number}, {_lower(TITLES[key])}", section=key)
        if sections >= 6:
            bank = RECOMMENDATIONS_PUBLIC if public else RECOMMENDATIONS_PRIVATE
            for order, (text, reasoning) in enumerate(pick(bank, rng.randint(1, 3)), 1):
                differs = rng.random() < 0.2
                planned.recommendations.append(
                    (
                        RecommendationRow(
                            uuid=ctx.uuid(),
                            order=order,
                            recommendation=_fill(text, words),
                            reasoning=_fill(reasoning, words),
                            rests_on_strengths=differs or rng.random() < 0.7,
                            rests_on_wishes=not differs and rng.random() < 0.7,
                            differs_from_wishes=differs,
                            why_different=_fill(
                                "{name} wants more than this now, but it would not yet be safe.",
                                words,
                            )
                            if differs
                            else "",
                        ),
                        [0] if planned.harms and rng.random() < 0.6 else [],
                    )
                )
                rec, harms = planned.recommendations[-1]
                if not (rec.rests_on_strengths or rec.rests_on_wishes or harms):
                    rec.rests_on_wishes = True  # every recommendation shows what it rests on
            done.append("recommendations")
            history.add(
                f"Saved section 6, {_lower(TITLES['recommendations'])}", section="recommendations"
            )
        if sections >= 7:
            home = family.get("carer") if public else family.get("mother") or "Mum"
            other = family.get("father") or "Dad"
            words_bank = (
                WORDS_BABY
                if age < 3
                else WORDS_YOUNG
                if age < 7
                else WORDS_MIDDLE
                if age < 13
                else WORDS_TEEN
            )
            plan.words_for_child = rng.choice(words_bank).format(
                home=home or "your family", other=other
            )
            done.append("words")
            history.add(f"Saved section 7, {_lower(TITLES['words'])}", section="words")
        if sections >= 8:
            chosen = pick(ACTIVITIES, rng.randint(2, 4))
            if not any(for_child == 0 for _what, for_child in chosen):
                chosen[0] = ACTIVITIES[0]  # every plan has some work with the child
            for what, _for_child in chosen:
                due = started + timedelta(days=rng.randint(14, 120))
                finished = due < self.today and rng.random() < 0.7
                planned.activities.append(
                    ActivityRow(
                        uuid=ctx.uuid(),
                        what=_fill(what, words),
                        who_id=fca,
                        due_on=due,
                        done_on=min(self.today, due - timedelta(days=rng.randint(0, 5)))
                        if finished
                        else None,
                    )
                )
            planned.activities.sort(key=lambda a: a.due_on)
            done.append("work")
            history.add(f"Saved section 8, {_lower(TITLES['work'])}", section="work")
        plan.completed_sections = done if complete else done[:-1]
        if status == PlanStatus.DRAFT:
            return history.finish()
        history.add("Moved to Ready for review", PlanStatus.READY_FOR_REVIEW)
        if status == PlanStatus.READY_FOR_REVIEW:
            return history.finish()
        plan.agreed_by_id = self.supervisors[row.team_id]
        history.add("Moved to Agreed by supervisor", PlanStatus.AGREED, by=plan.agreed_by_id)
        plan.agreed_at = history.when
        if status == PlanStatus.AGREED:
            return history.finish()
        shared = self._shares(planned, history, row, words, age, family)
        if status == PlanStatus.FINAL and shared:
            history.add("Moved to Final", PlanStatus.FINAL)
            plan.finalised_at = history.when
        return history.finish()

    def _shares(self, planned, history, row, words, age, family) -> bool:
        """Share the plan with the child, each parent and the local council (or say why not);
        True if it was shared with anyone (so the plan became Shared)."""
        rng, ctx = self.rng, self.ctx
        plan = planned.plan
        recipients = [(RecipientKind.CHILD, None, words["name"], None)]
        for person_id, name, _relationship, confidential in family["parents"]:
            recipients.append((RecipientKind.PARENT_CARER, person_id, name, confidential))
        if row.law == Law.PUBLIC:
            recipients.append(
                (RecipientKind.LOCAL_AUTHORITY, None, rng.choice(SOCIAL_WORKERS), None)
            )
        if age < 4:
            plan.child_response_not_sought_reason = (
                f"{words['name']} is too young to give a view in words. I watched how "
                f"{words['sub']} {words['is_']} with {words['pos']} family instead."
            )
        first = True
        for kind, person_id, name, confidential in recipients:
            shared = True
            reason = ""
            if kind == RecipientKind.CHILD and age < 4:
                shared = False
                reason = (
                    f"{name} is too young to read the plan. I explained what will happen "
                    "using the storyboard at our last visit."
                )
            elif confidential and rng.random() < 0.7:
                shared = False
                reason = (
                    "Not shared for the child's safety while the police investigation continues. "
                    "The court has the full plan."
                )
            share = PlanShareRow(
                uuid=ctx.uuid(),
                recipient_kind=kind,
                family_member_id=person_id,
                recipient_name=name,
                shared=shared,
                shared_on=history.day if shared else None,
                method=(
                    ShareMethod.IN_PERSON
                    if kind == RecipientKind.CHILD
                    else rng.choice(
                        [ShareMethod.SECURE_EMAIL, ShareMethod.POST, ShareMethod.IN_PERSON]
                    )
                )
                if shared
                else "",
                not_shared_reason=reason,
                plan_version=history.number,
                recorded_by_id=plan.created_by_id,
            )
            responses = []
            planned.shares.append((share, responses))
            history.add(
                f"Recorded sharing with {name}" if shared else f"Recorded not sharing with {name}",
                recorded=share,
            )
            if shared and first:
                history.add("Moved to Shared", PlanStatus.SHARED)
                first = False
            if shared and (kind == RecipientKind.CHILD or rng.random() < 0.5):
                bank = CHILD_RESPONSES if kind == RecipientKind.CHILD else PARENT_RESPONSES
                responses.append(
                    PlanResponseRow(
                        uuid=ctx.uuid(),
                        response=rng.choice(bank),
                        about_recommendations=True,
                        recorded_on=history.day,
                        recorded_by_id=plan.created_by_id,
                    )
                )
                history.add(f"Recorded a response from {name}", recorded=responses[-1])
        return not first

    def _at(self, day: date) -> datetime:
        return datetime.combine(
            day, time(9 + self.rng.randint(0, 8), self.rng.randint(0, 59)), tzinfo=UTC
        )

    # Inserting ---------------------------------------------------------------------------

    def insert(self, planned: list[Planned]) -> None:
        if not planned:
            return
        tables = self.tables
        tables[Plan].insert([p.plan for p in planned])
        for p in planned:
            for item in (*p.harms, *p.contacts, *p.activities):
                item.plan_id = p.plan.id
            for rec, _harms in p.recommendations:
                rec.plan_id = p.plan.id
            for share, _responses in p.shares:
                share.plan_id = p.plan.id
            for version in p.versions:
                version.plan_id = p.plan.id
        tables[PlanHarm].insert([h for p in planned for h in p.harms])
        tables[ProfessionalContact].insert([c for p in planned for c in p.contacts])
        tables[Recommendation].insert([r for p in planned for r, _h in p.recommendations])
        tables[Activity].insert([a for p in planned for a in p.activities])
        tables[PlanShare].insert([s for p in planned for s, _r in p.shares])
        for p in planned:
            for share, responses in p.shares:
                for response in responses:
                    response.share_id = share.id
        tables[PlanResponse].insert([r for p in planned for _s, rs in p.shares for r in rs])
        tables[HARMS_THROUGH].insert(
            [
                HarmLinkRow(recommendation_id=rec.id, planharm_id=p.harms[i].id)
                for p in planned
                for rec, harms in p.recommendations
                for i in harms
            ]
        )
        tables[MEETINGS_THROUGH].insert(
            [
                MeetingLinkRow(plan_id=p.plan.id, meeting_id=m)
                for p in planned
                for m, _u in p.meetings
            ]
        )
        tables[PlanVersion].insert([v for p in planned for v in p.versions])
        ctx = self.ctx
        ctx.count("plans", len(planned))
        ctx.count("plan versions", sum(len(p.versions) for p in planned))
        ctx.count("plan shares", sum(len(p.shares) for p in planned))


def _weighted(rng: random.Random, choices: list[tuple]):
    pick = rng.random() * sum(weight for _value, weight in choices)
    for value, weight in choices:
        pick -= weight
        if pick < 0:
            return value
    return choices[-1][0]


def _lower(title: str) -> str:
    return (title[0].lower() + title[1:]).rstrip("?")


class _History:
    """The plan's versions as it was written: each change a PlanVersion with a snapshot of the
    plan as it stood, built from what has been planned so far."""

    def __init__(self, maker: PlanMaker, planned: Planned, started: date):
        self.maker = maker
        self.planned = planned
        self.day = started
        self.when = maker._at(started)
        self.number = 0
        self.status = PlanStatus.DRAFT
        self.shares: list = []
        self.responses: set = set()
        self.sections: set = set()
        span = max(1, (maker.today - started).days)
        self.step = max(1, span // 14)

    def add(self, change: str, status=None, *, by=None, recorded=None, section=None) -> None:
        maker, planned = self.maker, self.planned
        if self.number:
            self.day = min(maker.today, self.day + timedelta(days=maker.rng.randint(1, self.step)))
            self.when = max(self.when + timedelta(minutes=5), maker._at(self.day))
            if self.when > maker.now:
                self.when = maker.now
        if status is not None:
            self.status = status
        if section:
            self.sections.add(section)
        if isinstance(recorded, PlanShareRow):
            recorded.recorded_at = self.when
            if recorded.shared:
                recorded.shared_on = self.day
            self.shares.append(recorded)
        elif isinstance(recorded, PlanResponseRow):
            recorded.recorded_at = self.when
            recorded.recorded_on = self.day
            self.responses.add(recorded.uuid)
        self.number += 1
        planned.versions.append(
            PlanVersionRow(
                number=self.number,
                status=self.status,
                saved_by_id=by or planned.plan.created_by_id,
                saved_at=self.when,
                change=change,
                snapshot=self.snapshot(),
            )
        )

    def finish(self) -> Planned:
        plan = self.planned.plan
        plan.version = self.number
        plan.updated_at = self.when
        plan.status = self.status
        return self.planned

    def snapshot(self) -> dict:
        """The plan as it stands, in the shape of plans.snapshot.plan_snapshot."""
        p = self.planned
        plan = p.plan
        has = self.sections.__contains__

        text = {
            "risks": plan.risks_remaining if has("risks") else "",
            "unique": plan.unique_about_child if has("unique") else "",
            "strengths": plan.family_strengths if has("strengths") else "",
            "impact": plan.impact_on_child if has("impact") else "",
            "wishes": plan.wishes_and_feelings if has("wishes") else "",
            "words": plan.words_for_child if has("words") else "",
        }
        risks = has("risks")
        harm_uuids = {i: str(h.uuid) for i, h in enumerate(p.harms)}
        who = self.maker.user_names.get(plan.created_by_id, "")
        return {
            "risks": {
                "title": TITLES["risks"],
                "text": text["risks"],
                "domestic_abuse_alleged": plan.domestic_abuse_alleged if risks else False,
                "domestic_abuse_kinds": list(plan.domestic_abuse_kinds or []) if risks else [],
                "domestic_abuse_assessment": plan.domestic_abuse_assessment if risks else "",
                "domestic_abuse_reasoning": plan.domestic_abuse_reasoning if risks else "",
                "non_recent_harm": plan.non_recent_harm if risks else "",
                "mental_health_misuse": plan.mental_health_misuse if risks else "",
                "items": [
                    {
                        "uuid": str(h.uuid),
                        "what": h.what,
                        "when": h.when_happened,
                        "source": h.source,
                        "certainty": h.certainty,
                    }
                    for h in p.harms
                ]
                if risks
                else [],
                "contacts": [
                    {
                        "uuid": str(c.uuid),
                        "kind": c.kind,
                        "organisation": c.organisation,
                        "contacted_on": c.contacted_on.isoformat(),
                        "what_they_said": c.what_they_said,
                    }
                    for c in p.contacts
                ]
                if risks
                else [],
            },
            "unique": {"title": TITLES["unique"], "text": text["unique"]},
            "strengths": {"title": TITLES["strengths"], "text": text["strengths"]},
            "impact": {"title": TITLES["impact"], "text": text["impact"]},
            "wishes": {
                "title": TITLES["wishes"],
                "text": text["wishes"],
                "meetings": sorted(str(u) for _m, u in p.meetings) if has("wishes") else [],
            },
            "recommendations": {
                "title": TITLES["recommendations"],
                "items": [
                    {
                        "uuid": str(rec.uuid),
                        "recommendation": rec.recommendation,
                        "reasoning": rec.reasoning,
                        "rests_on_harms": sorted(harm_uuids[i] for i in harms),
                        "rests_on_strengths": rec.rests_on_strengths,
                        "rests_on_wishes": rec.rests_on_wishes,
                        "differs_from_wishes": rec.differs_from_wishes,
                        "why_different": rec.why_different,
                    }
                    for rec, harms in p.recommendations
                ]
                if has("recommendations")
                else [],
            },
            "words": {"title": TITLES["words"], "text": text["words"]},
            "work": {
                "title": TITLES["work"],
                "items": [
                    {
                        "uuid": str(a.uuid),
                        "what": a.what,
                        "who": who,
                        "due_on": a.due_on.isoformat(),
                        "done_on": a.done_on.isoformat() if a.done_on else None,
                    }
                    for a in p.activities
                ]
                if has("work")
                else [],
            },
            "sharing": {
                "title": TITLES["sharing"],
                "text": plan.child_response_not_sought_reason if self.shares else "",
                "items": [
                    {
                        "uuid": str(share.uuid),
                        "recipient_kind": share.recipient_kind,
                        "recipient_name": share.recipient_name,
                        "shared": share.shared,
                        "shared_on": share.shared_on.isoformat() if share.shared_on else None,
                        "method": share.method,
                        "not_shared_reason": share.not_shared_reason,
                        "plan_version": share.plan_version,
                        "responses": [
                            {
                                "uuid": str(r.uuid),
                                "response": r.response,
                                "about_recommendations": r.about_recommendations,
                                "recorded_on": r.recorded_on.isoformat(),
                            }
                            for r in responses
                            if r.uuid in self.responses
                        ],
                    }
                    for share, responses in p.shares
                    if share in self.shares
                ],
            },
        }
