"""Planning one demo plan: its stage, the words of each section, its items and shares, each
change saved as a version (history.py) as the plan's services would have saved it."""

import random
from datetime import UTC, date, datetime, time, timedelta

from together.plans.models import (
    Certainty,
    Plan,
    PlanStatus,
    RecipientKind,
    ShareMethod,
)
from together.plans.snapshot import SECTIONS
from together.proceedings.models import Law

from ..generator import Context
from .history import History
from .reading import Row, children_to_plan, supervisors
from .rows import (
    ActivityRow,
    PlanHarmRow,
    Planned,
    PlanResponseRow,
    PlanShareRow,
    PlanTables,
    ProfessionalContactRow,
    RecommendationRow,
)
from .words import (
    ACTIVITIES,
    ACTIVITIES_FOR_CHILD,
    CHILD_RESPONSES,
    CONTACTS,
    HARMS,
    IMPACT,
    PARENT_RESPONSES,
    RECOMMENDATIONS_PRIVATE,
    RECOMMENDATIONS_PUBLIC,
    RISKS,
    SOCIAL_WORKERS,
    STRENGTHS,
    UNIQUE,
    WISHES,
    WORDS_BABY,
    WORDS_MIDDLE,
    WORDS_TEEN,
    WORDS_YOUNG,
    fill,
    words_for,
)

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


class PlanMaker:
    """Plans each child's plan in turn from one seeded random source, so the same seed gives the
    same plans."""

    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.rng = random.Random(ctx.rng.getrandbits(64))
        self.today = ctx.today
        self.now = datetime.combine(ctx.today, time(17), tzinfo=UTC)
        self.demo_index = 0
        self.supervisors = supervisors()
        self.tables = PlanTables()
        self.families: dict = {}
        self.meetings: dict = {}
        self.names: dict = {}

    def rows(self) -> list[Row]:
        """The children to plan for, read with their families and meetings."""
        found = children_to_plan(self.ctx, self.rng)
        self.families, self.meetings, self.names = found.families, found.meetings, found.names
        return found.rows

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
        words = words_for(child, family)
        age = (self.today - child["born"]).days // 365
        started = min(self.today, row.allocated + timedelta(days=rng.randint(2, 10)))
        fca = row.fca_id
        plan = Plan(
            uuid=ctx.uuid(),
            child_id=child["id"],
            proceedings_id=row.proceedings_id,
            status=status,
            created_by_id=fca,
            updated_by_id=fca,
            created_at=self.at(started),
        )
        planned = Planned(plan)
        history = History(self, planned, started)
        history.add("Started the plan", PlanStatus.DRAFT)
        complete = status != PlanStatus.DRAFT
        sections = 8 if complete else rng.randint(1, 7)
        pick = rng.sample
        public = row.law == Law.PUBLIC
        # 1. Risks
        plan.risks_remaining = fill(rng.choice(RISKS), words)
        plan.domestic_abuse_alleged = rng.random() < 0.4
        if plan.domestic_abuse_alleged:
            plan.domestic_abuse_kinds = pick(["physical", "emotional", "coercive_control"], 2)
            plan.domestic_abuse_assessment = rng.choice(["domestic_abuse", "harmful_conflict"])
            plan.domestic_abuse_reasoning = fill(
                "The accounts of {name}'s parents differ, but the police records and what "
                "{name} told me show a pattern of control over time, not a one-off argument.",
                words,
            )
        for what, when, source in pick(HARMS, rng.randint(1, 3)):
            planned.harms.append(
                PlanHarmRow(
                    uuid=ctx.uuid(),
                    what=fill(what, words),
                    when_happened=when,
                    source=fill(source, words),
                    certainty=rng.choice(list(Certainty.values)),
                )
            )
        for kind, organisation, said in pick(CONTACTS, rng.randint(1, 3)):
            planned.contacts.append(
                ProfessionalContactRow(
                    uuid=ctx.uuid(),
                    kind=kind,
                    organisation=fill(organisation, words),
                    contacted_on=min(self.today, started + timedelta(days=rng.randint(1, 20))),
                    what_they_said=fill(said, words),
                )
            )
        planned.contacts.sort(key=lambda c: c.contacted_on)
        history.add(f"Saved section 1, {_lower(TITLES['risks'])}")
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
            setattr(plan, name, " ".join(fill(t, words) for t in pick(bank, 2)))
            if key == "wishes":
                planned.meetings = self.meetings.get((child["id"], row.proceedings_id), [])[:2]
            done.append(key)
            history.add(f"Saved section {number}, {_lower(TITLES[key])}")
        if sections >= 6:
            bank = RECOMMENDATIONS_PUBLIC if public else RECOMMENDATIONS_PRIVATE
            for order, (text, reasoning) in enumerate(pick(bank, rng.randint(1, 3)), 1):
                differs = rng.random() < 0.2
                planned.recommendations.append(
                    (
                        RecommendationRow(
                            uuid=ctx.uuid(),
                            order=order,
                            recommendation=fill(text, words),
                            reasoning=fill(reasoning, words),
                            rests_on_strengths=differs or rng.random() < 0.7,
                            rests_on_wishes=not differs and rng.random() < 0.7,
                            differs_from_wishes=differs,
                            why_different=fill(
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
            history.add(f"Saved section 6, {_lower(TITLES['recommendations'])}")
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
            history.add(f"Saved section 7, {_lower(TITLES['words'])}")
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
                        what=fill(what, words),
                        for_child=ACTIVITIES_FOR_CHILD.get(what, ""),
                        who_id=fca,
                        due_on=due,
                        done_on=min(self.today, due - timedelta(days=rng.randint(0, 5)))
                        if finished
                        else None,
                    )
                )
            planned.activities.sort(key=lambda a: a.due_on)
            done.append("work")
            history.add(f"Saved section 8, {_lower(TITLES['work'])}")
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

    def at(self, day: date) -> datetime:
        """A time in working hours on `day`."""
        return datetime.combine(
            day, time(9 + self.rng.randint(0, 8), self.rng.randint(0, 59)), tzinfo=UTC
        )

    def insert(self, planned: list[Planned]) -> None:
        self.tables.insert(planned, self.ctx)


def _weighted(rng: random.Random, choices: list[tuple]):
    pick = rng.random() * sum(weight for _value, weight in choices)
    for value, weight in choices:
        pick -= weight
        if pick < 0:
            return value
    return choices[-1][0]


def _lower(title: str) -> str:
    return (title[0].lower() + title[1:]).rstrip("?")
