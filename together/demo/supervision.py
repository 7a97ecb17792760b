"""Demo thinking together: a year of monthly group supervision in every team (children discussed,
some mapped, with actions and a solution circle now and then), and one-to-one supervision for
each FCA every five to seven weeks. Some actions are done, some are overdue. Each child discussed
gets a line on their timeline. Inserted in bulk.
"""

import datetime

from django.utils import timezone

from together.accounts.models import Role
from together.children.models import TimelineEntry
from together.organisation.models import TeamMembership
from together.proceedings.models import ProceedingsChild
from together.storyboards.models import Storyboard
from together.supervision.models import (
    Action,
    Appreciation,
    CircleIdea,
    Discussion,
    ForWhom,
    GroupSession,
    OneToOne,
    OneToOneChild,
    SolutionCircle,
    Theme,
)
from together.supervision.services.common import thought_about_summary

from .generator import Context, bulk_create

MONTHS = 12
ATTENDS_SHARE = 0.8
CHILDREN_A_SESSION = 2
QUESTIONS = [
    "How do we help {name} say what they want without feeling they must choose a parent?",
    "What would help {name} feel safe enough to talk to me?",
    "How do I explain the next hearing to {name} in a way they will follow?",
    "The school and the family see {name} very differently. Where do I start?",
]
WORRIED = [
    "Arguments at home late at night that {name} hears",
    "{name} has missed school most Mondays this term",
    "{name} goes quiet when time with their dad is mentioned",
]
WORKING = [
    "{name}'s grandmother takes them to football every week",
    "School say {name} is settled and has good friends",
    "{name} talks easily when drawing",
]
UNIQUE = [
    "Loves drawing maps of their street",
    "Knows every bus route in town",
    "Looks after the family's two rabbits",
]
NEED_TO_KNOW = [
    "What the police hold about the incident in March",
    "What {name}'s teacher has noticed",
    "Whether the grandmother could look after {name} at weekends",
]
NEEDS_TO_HAPPEN = [
    "Meet {name} at school with their drawing book",
    "Ask the local council for their latest assessment",
    "Talk to both parents separately before the hearing",
]
THINKING = [
    "We wondered whether {name} is protecting their mum by saying little.",
    "We thought the family's strengths are being missed in the reports.",
    "We talked about how the last move of school may still be affecting {name}.",
]
HELPED = [
    "We found a new way to ask you what you want: by drawing it together.",
    "We agreed to meet you at school, where you said you feel calm.",
    "We planned how to explain the next hearing to you in simple words.",
    "We thought about who in your family can help you most.",
]
ACTIONS = [
    "Visit {name} at school with the drawing book",
    "Ring the local council for their assessment",
    "Write to {name} about the next hearing",
    "Speak to {name}'s grandmother",
]
PROBLEMS = [
    "I cannot find a time {name}'s dad will keep",
    "{name} will not talk to me when their mum is in the room",
]
IDEAS = [
    "Meet at the football club on Saturday",
    "Ask {name} to bring a friend",
    "Try a video call first",
    "Use the feelings cards",
    "Meet at the library after school",
    "Write {name} a short letter first",
]
FIRST_STEPS = ["Ask {name} where they would like to meet", "Send {name} a letter with a photo"]
HAPPENED = ["We met at the library and {name} talked for an hour", "{name} wrote back and drew"]
ONE_TO_ONE = [
    "We reflected on a hard hearing and what went well in the report.",
    "We planned the next month's visits and the reports due.",
    "We talked about a family where the adults disagree strongly.",
]
WORKED = [
    "Meeting {name} at the library, where they chose where to sit",
    "Drawing a map of {name}'s week together",
    "A short letter to {name} with a photo of me before we met",
    "A joint visit with the school nurse",
]
DIFFERENCE = [
    "{name} talked about home for the first time",
    "{name}'s mum said she finally understood the plan",
    "The school changed {name}'s timetable to help",
    "The team now uses the same idea with other children",
]
WELLBEING = ["Tired after a run of hearings", "Feeling well supported", "", ""]


def _day_in(month_start: datetime.date, rng) -> datetime.date:
    day = month_start + datetime.timedelta(days=rng.randint(5, 20))
    while day.weekday() >= 5:
        day -= datetime.timedelta(days=1)
    return day


def _months(today: datetime.date) -> list[datetime.date]:
    months, year, month = [], today.year, today.month
    for _ in range(MONTHS):
        months.append(datetime.date(year, month, 1))
        month -= 1
        if month == 0:
            year, month = year - 1, 12
    return months[::-1]


def _noon(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


def generate(ctx: Context, *, team_ids=None) -> None:
    """Thinking together for every team, or only for the teams `team_ids` (the benchmark makes
    a year of one team's supervision in the national data, and removes it afterwards)."""
    rng, today = ctx.rng, ctx.today
    members: dict[int, list] = {}
    memberships = TeamMembership.objects.filter(ended_on__isnull=True, user__is_active=True)
    if team_ids is not None:
        memberships = memberships.filter(team_id__in=team_ids)
    for membership in (
        memberships.filter(user__role__in=[Role.FCA, Role.PRACTICE_SUPERVISOR])
        .select_related("user")
        .order_by("team_id", "pk")
    ):
        members.setdefault(membership.team_id, []).append(membership.user)
    # Children in open proceedings, by the FCA who leads them, with when the proceedings began.
    led: dict[int, list] = {}
    open_children = ProceedingsChild.objects.filter(
        proceedings__closed_on__isnull=True, proceedings__lead_fca__isnull=False
    )
    if team_ids is not None:
        open_children = open_children.filter(
            proceedings__lead_fca__in=[p.pk for people in members.values() for p in people]
        )
    for child_id, name, fca_id, received in open_children.order_by("pk").values_list(
        "child_id",
        "child__preferred_name",
        "proceedings__lead_fca_id",
        "proceedings__received_on",
    ):
        led.setdefault(fca_id, []).append((child_id, name, received))

    sessions, attendance, planned = [], [], []
    for team_id, people in members.items():
        supervisors = [p for p in people if p.role == Role.PRACTICE_SUPERVISOR]
        facilitator = supervisors[0] if supervisors else people[0]
        for month in _months(today):
            held_on = _day_in(month, rng)
            if held_on > today:
                held_on = today
            came = [p for p in people if p == facilitator or rng.random() < ATTENDS_SHARE]
            session = GroupSession(
                uuid=ctx.uuid(),
                team_id=team_id,
                held_on=held_on,
                facilitator=facilitator,
                recorded_by=facilitator,
                recorded_at=_noon(held_on),
            )
            sessions.append(session)
            planned.append((session, came))
    bulk_create(GroupSession, sessions)
    through = GroupSession.attendees.through
    for session, came in planned:
        attendance += [through(groupsession_id=session.pk, user_id=p.pk) for p in came]
    bulk_create(through, attendance)

    discussions, timeline, actions, circle_for = [], [], [], []
    for session, came in planned:
        fcas = [p for p in came if p.role == Role.FCA and led.get(p.pk)]
        rng.shuffle(fcas)
        chosen = set()
        for fca in fcas[:CHILDREN_A_SESSION]:
            options = [c for c in led[fca.pk] if c[2] <= session.held_on and c[0] not in chosen]
            if not options:
                continue
            child_id, name, _received = rng.choice(options)
            chosen.add(child_id)
            mapped = rng.random() < 0.6
            pick = lambda phrases, name=name: rng.choice(phrases).format(name=name)  # noqa: E731
            discussion = Discussion(
                uuid=ctx.uuid(),
                session=session,
                child_id=child_id,
                brought_by=fca,
                question=pick(QUESTIONS),
                worried_about=pick(WORRIED) if mapped else "",
                working_well=pick(WORKING) if mapped else "",
                unique_about_child=pick(UNIQUE) if mapped else "",
                need_to_know=pick(NEED_TO_KNOW) if mapped else "",
                needs_to_happen=pick(NEEDS_TO_HAPPEN) if mapped else "",
                thinking=pick(THINKING),
                how_it_helped=pick(HELPED),
                recorded_by=session.facilitator,
                recorded_at=_noon(session.held_on),
            )
            discussions.append(discussion)
            timeline.append(
                TimelineEntry(
                    child_id=child_id,
                    kind=TimelineEntry.Kind.SUPERVISION,
                    summary=thought_about_summary(
                        None,
                        where="group supervision",
                        people=came,
                        how_it_helped=discussion.how_it_helped,
                    ),
                    actor=session.facilitator,
                    occurred_at=_noon(session.held_on),
                )
            )
            due = session.held_on + datetime.timedelta(days=rng.randint(10, 28))
            done = due < today and rng.random() < 0.7
            actions.append(
                Action(
                    uuid=ctx.uuid(),
                    discussion=discussion,
                    child_id=child_id,
                    what=pick(ACTIONS),
                    owner=fca,
                    due_on=due,
                    done_on=min(due, today) if done else None,
                    recorded_by=session.facilitator,
                    recorded_at=_noon(session.held_on),
                )
            )
            if session.held_on.month % 3 == 0 and not mapped:
                circle_for.append((discussion, came, name))
    bulk_create(Discussion, discussions)
    for action in actions:
        action.discussion_id = action.discussion.pk
    bulk_create(Action, actions)

    circles, circle_people = [], []
    for discussion, came, name in circle_for:
        follow_up = discussion.session.held_on + datetime.timedelta(days=28)
        circle = SolutionCircle(
            uuid=ctx.uuid(),
            session=discussion.session,
            discussion=discussion,
            problem_holder=discussion.brought_by,
            problem=rng.choice(PROBLEMS).format(name=name),
            idea_rounds=2,
            minutes_per_round=5,
            first_step=rng.choice(FIRST_STEPS).format(name=name),
            follow_up_on=follow_up,
            what_happened=rng.choice(HAPPENED).format(name=name) if follow_up < today else "",
            recorded_by=discussion.recorded_by,
            recorded_at=discussion.recorded_at,
        )
        circles.append(circle)
        circle_people.append((circle, came, name))
    bulk_create(SolutionCircle, circles)
    ideas = []
    for circle, came, name in circle_people:
        for round_number in (1, 2):
            for person in came[:4]:
                if person.pk == circle.problem_holder_id:
                    continue
                ideas.append(
                    CircleIdea(
                        circle_id=circle.pk,
                        round=round_number,
                        offered_by=person,
                        idea=rng.choice(IDEAS).format(name=name),
                        recorded_at=circle.recorded_at,
                    )
                )
    bulk_create(CircleIdea, ideas)

    one_to_ones, planned_children = [], []
    start = today - datetime.timedelta(days=365)
    for people in members.values():
        supervisors = [p for p in people if p.role == Role.PRACTICE_SUPERVISOR]
        if not supervisors:
            continue
        for fca in (p for p in people if p.role == Role.FCA):
            day = start + datetime.timedelta(days=rng.randint(0, 30))
            while day <= today:
                held_on = day if day.weekday() < 5 else day - datetime.timedelta(days=2)
                record = OneToOne(
                    uuid=ctx.uuid(),
                    supervisor=supervisors[0],
                    supervisee=fca,
                    held_on=held_on,
                    discussion=rng.choice(ONE_TO_ONE),
                    wellbeing=rng.choice(WELLBEING),
                    recorded_by=supervisors[0],
                    recorded_at=_noon(held_on),
                )
                one_to_ones.append(record)
                options = [c for c in led.get(fca.pk, []) if c[2] <= held_on]
                if options:
                    planned_children.append((record, rng.choice(options)))
                # Most every five to seven weeks; now and then a longer gap.
                day += datetime.timedelta(weeks=rng.choice([5, 6, 6, 7, 9]))
    bulk_create(OneToOne, one_to_ones)
    children_rows = []
    for record, (child_id, _name, _received) in planned_children:
        how = rng.choice(HELPED)
        children_rows.append(
            OneToOneChild(
                uuid=ctx.uuid(),
                one_to_one=record,
                child_id=child_id,
                how_it_helped=how,
                recorded_at=record.recorded_at,
            )
        )
        timeline.append(
            TimelineEntry(
                child_id=child_id,
                kind=TimelineEntry.Kind.SUPERVISION,
                summary=thought_about_summary(
                    None,
                    where="one-to-one supervision",
                    people=[record.supervisor, record.supervisee],
                    how_it_helped=how,
                ),
                actor=record.supervisor,
                occurred_at=_noon(record.held_on),
            )
        )
    bulk_create(OneToOneChild, children_rows)
    bulk_create(TimelineEntry, timeline)

    # What worked with a child who has a family storyboard is, now and then, about the storyboard.
    boards: dict[int, int] = dict(
        Storyboard.objects.filter(
            child_id__in={c[0] for children in led.values() for c in children}
        )
        .order_by("child_id", "-started_at")
        .values_list("child_id", "pk")
    )
    appreciations = []
    for session, came in planned[:: max(1, len(planned) // 120)]:
        fca = next((p for p in came if p.role == Role.FCA and p.service_area_id), None)
        if fca is None:
            continue
        child = rng.choice(led[fca.pk]) if led.get(fca.pk) else None
        name = child[1] if child else "the child"
        appreciations.append(
            Appreciation(
                uuid=ctx.uuid(),
                service_area_id=fca.service_area_id,
                theme=rng.choice(Theme.values),
                what_worked=rng.choice(WORKED).format(name=name),
                difference=rng.choice(DIFFERENCE).format(name=name),
                for_whom=rng.sample(ForWhom.values, rng.randint(1, 2)),
                child_id=child[0] if child else None,
                storyboard_id=boards.get(child[0]) if child else None,
                session=session,
                recorded_by=fca,
                recorded_at=_noon(session.held_on),
            )
        )
    # And what worked in a few storyboards, recorded by the FCA who leads the child's proceedings.
    people = {p.pk: p for team in members.values() for p in team}
    lead = {c[0]: (fca_id, c[1]) for fca_id, children in led.items() for c in children}
    recorded = {a.storyboard_id for a in appreciations}
    for child_id, board_id in sorted(boards.items())[:3]:
        fca = people.get(lead[child_id][0])
        if board_id in recorded or fca is None or not fca.service_area_id:
            continue
        appreciations.append(
            Appreciation(
                uuid=ctx.uuid(),
                service_area_id=fca.service_area_id,
                theme=Theme.EXPLAINING,
                what_worked=rng.choice(WORKED).format(name=lead[child_id][1]),
                difference=rng.choice(DIFFERENCE).format(name=lead[child_id][1]),
                for_whom=[ForWhom.CHILD],
                child_id=child_id,
                storyboard_id=board_id,
                recorded_by=fca,
                recorded_at=_noon(today - datetime.timedelta(days=3)),
            )
        )
    bulk_create(Appreciation, appreciations)

    ctx.count("what works records", len(appreciations))
    ctx.count(
        "what works records about a storyboard", sum(1 for a in appreciations if a.storyboard_id)
    )
    ctx.count("group supervision sessions", len(sessions))
    ctx.count("children discussed in group supervision", len(discussions))
    ctx.count("actions from supervision", len(actions))
    ctx.count("solution circles", len(circles))
    ctx.count("one-to-one supervisions", len(one_to_ones))
