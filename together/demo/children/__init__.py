"""Demo children and their proceedings: years of concluded work and a living service today.

Work arrives month by month over the history, in every service area, as in the real service;
each month is planned in memory and inserted in bulk before the next, so memory stays bounded
even at national size (about 600,000 sets of proceedings and a million children). Open
proceedings get the full picture (family, hearings, meetings, timeline); concluded ones less.
The demo accounts' own story is added at the end (story.py).
"""

import logging
import random
from bisect import bisect
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import accumulate

from django.db import connection

from together.children.models import (
    Child,
    ChildConnection,
    FamilyMember,
    Meeting,
    TimelineEntry,
)
from together.children.services import first_meetings_keep
from together.organisation.models import TeamMembership
from together.proceedings.models import (
    Allocation,
    Hearing,
    Law,
    Party,
    Proceedings,
    ProceedingsChild,
)

from ..generator import Context
from . import file, names, story
from .child import child_ages
from .course import DAY, Allocator, Course, at, plan_course
from .people import Family, People, Pools, connection_rows
from .rows import (
    AllocationRow,
    BulkLoad,
    HearingRow,
    PartyRow,
    ProceedingsChildRow,
    ProceedingsRow,
    Table,
    reset_sequences,
)

log = logging.getLogger(__name__)

# What arrives: shares of the work by kind, and how many children are in one set of proceedings.
GROUPS = list(accumulate([0.22, 0.04, 0.67, 0.07]))
GROUP_NAMES = ["care", "public_other", "private", "private_other"]
BROTHERS_AND_SISTERS = {"care": 0.36, "private": 0.28}  # others: 0.2
FAMILY_SIZES = [2] * 25 + [3] * 40 + [4] * 35
# Fewer applications in August and December, more after the new year.
SEASON = [1.08, 1.0, 1.08, 0.95, 1.02, 1.02, 1.05, 0.88, 1.0, 1.05, 1.0, 0.87]
GROWTH = 1.02  # a year


@dataclass(slots=True)
class Plan:
    """One set of proceedings, planned in memory, waiting for its month to be inserted."""

    proceedings: ProceedingsRow
    course: Course
    family: Family
    allocations: list
    # {child index: [(day, FCA id)]}; None means: plan the meetings from the allocations
    meeting_days: dict | None = None
    full: bool = True
    hearings: list = field(default_factory=list)


def generate(ctx: Context) -> None:
    with BulkLoad():
        maker = Maker(ctx)
        start = date(ctx.today.year - ctx.size.history_years, ctx.today.month, 1)
        month = start
        while month <= ctx.today:
            maker.insert([maker.random_plan(day) for day in maker.arrivals(month, start)])
            if month.month == 12:
                log.info("Children: made %s", f"{maker.tables[Proceedings].count:,} proceedings")
            month = (month + timedelta(days=32)).replace(day=1)
        story.generate(maker)
        maker.finish()
        # When each child was first met in their proceedings (the scorecard's "seen"): one
        # UPDATE over every link, from the meetings just made.
        first_meetings_keep(ProceedingsChild.objects.all())
        first_history(ctx)


def first_history(ctx: Context) -> None:
    """Give each child the first row of their file's history, as if their lead Family Court
    Adviser recorded About me when the file was made, so the page can say who recorded each
    detail. One INSERT ... SELECT: rows made in bulk skip simple-history's signals."""
    history = Child.history.model
    quote = connection.ops.quote_name
    own = [f.column for f in history._meta.concrete_fields if not f.name.startswith("history_")]
    columns = [*own, "history_date", "history_change_reason", "history_type", "history_user_id"]
    first_fca = (
        "(SELECT p.lead_fca_id FROM proceedings_proceedingschild pc"
        " JOIN proceedings_proceedings p ON p.id = pc.proceedings_id"
        " WHERE pc.child_id = c.id AND p.lead_fca_id IS NOT NULL"
        " ORDER BY p.received_on LIMIT 1)"
    )
    table = quote(history._meta.db_table)
    # Only the models' own table and column names go into the SQL; the reason is a parameter.
    into = f"INSERT INTO {table} ({', '.join(quote(c) for c in columns)}) "
    select = f"SELECT {', '.join('c.' + quote(c) for c in own)}, c.created_at, %s, '+', "
    source = f"COALESCE(c.created_by_id, {first_fca}) FROM {quote(Child._meta.db_table)} c "
    missing = f"WHERE NOT EXISTS (SELECT 1 FROM {table} h WHERE h.id = c.id)"  # noqa: S608
    sql = into + select + source + missing
    with connection.cursor() as cursor:
        cursor.execute(sql, ["Recorded when the file was made"])
        ctx.count("history rows for children", cursor.rowcount)


class QuickRandom(random.Random):
    """random.Random with choice and randint drawn straight from random(): the library's versions
    take about ten times as long, and the generator makes tens of millions of draws."""

    def choice(self, seq):
        return seq[int(self.random() * len(seq))]

    def randint(self, a: int, b: int) -> int:
        return a + int(self.random() * (b - a + 1))


class Maker:
    """Plans sets of proceedings with their children and families, and inserts them in bulk."""

    def __init__(self, ctx: Context):
        self.ctx = ctx
        # Our own stream, seeded from the context's, with the quick draws used millions of times.
        self.rng = rng = QuickRandom(ctx.rng.getrandbits(64))
        self.today = ctx.today
        self.areas = ctx.made["areas"]
        self.demo_area = self.areas[0]
        self.demo_fca = next(u for u in ctx.made["staff"] if u.email == "fca@example.org")
        memberships = list(
            TeamMembership.objects.filter(ended_on__isnull=True).values_list(
                "user_id", "team_id", "started_on"
            )
        )
        self.allocator = Allocator(ctx, rng, memberships, exclude={self.demo_fca.pk})
        self.people = People(ctx, rng, Pools(ctx))
        self.team_kinds = {team.pk: team.kind for team in ctx.made["teams"]}
        self.courts = {area.pk: names.COURTS[area.code] for area in self.areas}
        self.court_numbers: dict[tuple, int] = {}
        self.on_duty_in_demo_area = 0
        self.tables = {
            model: Table(model, own_ids=model in (Child, FamilyMember, Proceedings))
            for model in (
                Child,
                FamilyMember,
                Proceedings,
                ProceedingsChild,
                ChildConnection,
                Party,
                Hearing,
                Allocation,
                Meeting,
                TimelineEntry,
            )
        }
        weights = []
        for area in self.areas:
            staff = self.allocator.areas[area.pk]
            fcas = len(staff.fcas["pre_first_hearing"]) + len(staff.fcas["post_first_hearing"])
            weight = max(fcas, 1) * self.rng.uniform(0.92, 1.08)
            weight *= 1.1 if area.in_prioritisation else 1.0
            weight *= ctx.size.demo_area_weight if area is self.demo_area else 1.0
            weights.append(weight)
        self.area_weights = list(accumulate(weights))

    # What arrives, and when ---------------------------------------------------------------

    def arrivals(self, month: date, start: date) -> list[date]:
        """The days applications arrived in a month (weekdays, none after today)."""
        rng, today = self.rng, self.today
        days = [month + n * DAY for n in range(31) if (month + n * DAY).month == month.month]
        weekdays = [d for d in days if d.weekday() < 5 and d <= today]
        if not weekdays:
            return []
        years = (month - start).days / 365.25
        expected = (
            self.ctx.size.proceedings_per_year
            / 12
            * GROWTH ** (years - self.ctx.size.history_years / 2)
            * SEASON[month.month - 1]
            * len(weekdays)
            / sum(1 for d in days if d.weekday() < 5)
        )
        count = max(0, round(rng.gauss(expected, expected**0.5)))
        return sorted(rng.choice(weekdays) for _ in range(count))

    def random_plan(self, received: date) -> Plan:
        rng = self.rng
        area = self.areas[bisect(self.area_weights, rng.random() * self.area_weights[-1])]
        group = GROUP_NAMES[bisect(GROUPS, rng.random() * GROUPS[-1])]
        course = plan_course(rng, group, received, self.today)
        n = 1
        if rng.random() < BROTHERS_AND_SISTERS.get(group, 0.2):
            n = rng.choice(FAMILY_SIZES)
        allocations = self.allocator.allocate(course, area.pk)
        return self.plan(area, course, allocations, child_ages(rng, course.law == Law.PUBLIC, n))

    # One set of proceedings ---------------------------------------------------------------

    def plan(self, area, course, allocations, ages, *, meeting_days=None, **family) -> Plan:
        rng, ctx = self.rng, self.ctx
        full = course.closed is None
        staff = self.allocator.areas[area.pk]
        household = self.people.family(
            area_code=area.code,
            public=course.law == Law.PUBLIC,
            received=course.received,
            today=self.today,
            ages=ages,
            full=full,
            creator_id=staff.creator_id,
            **family,
        )
        current = allocations[-1] if allocations and allocations[-1][4] is None else None
        if current:
            team_id = current[1]
        elif full:
            team_id = staff.hub_id if staff.hub_id and rng.random() < 0.7 else None
            self.on_duty_in_demo_area += area is self.demo_area
        else:
            team_id = allocations[-1][1] if allocations else None
        courts = self.courts[area.pk]
        city, code = courts[min(int(rng.expovariate(1.2)), len(courts) - 1)]
        key = ctx.uuid()
        proceedings = ProceedingsRow(
            uuid=key,
            service_area_id=area.pk,
            team_id=team_id,
            court=f"Family Court at {city}",
            court_number=self._court_number(code, course),
            # In public law the local authority applies (the parents are respondents).
            applicant_local_authority=f"{city} Council" if course.law == Law.PUBLIC else "",
            law=course.law,
            kind=course.kind,
            stage=course.stage,
            received_on=course.received,
            first_hearing_on=course.first_hearing,
            report_ordered_on=course.report_ordered,
            report_due_on=course.report_due,
            final_hearing_on=course.final_hearing,
            closed_on=course.closed,
            domestic_abuse_noted=_domestic_abuse_noted(key, course.law),
            lead_fca_id=current[0] if current else None,
            first_allocated_at=allocations[0][3] if allocations else None,
            created_at=at(course.received, 9, rng.choice((0, 15, 30, 45))),
        )
        plan = Plan(proceedings, course, household, allocations, meeting_days, full)
        for kind, day, key in course.hearings:
            starts = at(day, rng.choice((10, 10, 10, 14)), rng.choice((0, 0, 30)))
            said = file.outcome(rng, key, household.children) if key else ""
            plan.hearings.append(
                HearingRow(uuid=ctx.uuid(), kind=kind, starts_at=starts, outcome=said)
            )
        return plan

    def _court_number(self, code: str, course: Course) -> str:
        year = course.received.year % 100
        letter = "C" if course.law == Law.PUBLIC else "P"
        key = (code, year, letter)
        number = self.court_numbers.get(key) or self.rng.randint(100, 900)
        self.court_numbers[key] = number + 1
        return f"{code}{year:02d}{letter}{number:05d}"

    # Into the database --------------------------------------------------------------------

    def insert(self, plans: list[Plan]) -> None:
        """Insert a month of plans: the rows others point at first, then everything else."""
        rng, ctx, tables = self.rng, self.ctx, self.tables
        tables[Child].insert([c for p in plans for c in p.family.new_children])
        tables[FamilyMember].insert([person for p in plans for person in p.family.people])
        tables[Proceedings].insert([p.proceedings for p in plans])
        rows: dict = {
            model: [] for model in tables if model not in (Child, FamilyMember, Proceedings)
        }
        for plan in plans:
            pid = plan.proceedings.id
            family = plan.family
            for hearing in plan.hearings:
                hearing.proceedings_id = pid
            rows[Hearing] += plan.hearings
            rows[ChildConnection] += connection_rows(family, rng)
            rows[Party] += [
                PartyRow(proceedings_id=pid, person_id=person.id, role=role)
                for person, role in family.parties
            ]
            rows[Allocation] += [
                AllocationRow(
                    proceedings_id=pid,
                    fca_id=fca,
                    team_id=team,
                    allocated_by_id=by,
                    started_at=started,
                    ended_at=ended,
                )
                for fca, team, by, started, ended in plan.allocations
            ]
            for index, child in enumerate(family.children):
                rows[ProceedingsChild].append(
                    ProceedingsChildRow(proceedings_id=pid, child_id=child.id)
                )
                meetings = [
                    file.meeting(
                        rng,
                        ctx,
                        child=child,
                        family=family,
                        proceedings_id=pid,
                        day=day,
                        fca=fca,
                        full=plan.full,
                    )
                    for day, fca in self._meeting_days(plan, index, child)
                ]
                rows[Meeting] += meetings
                if plan.full and plan.proceedings.closed_on is None and not meetings:
                    record = file.not_met(
                        ctx,
                        child=child,
                        proceedings_id=pid,
                        allocations=plan.allocations,
                        today=self.today,
                    )
                    if record is not None:
                        rows[Meeting].append(record)
                rows[TimelineEntry] += file.timeline(
                    child=child,
                    proceedings=plan.proceedings,
                    course=plan.course,
                    hearings=plan.hearings,
                    allocations=plan.allocations,
                    meetings=meetings if plan.full else [],
                    names=self.allocator.names,
                    full=plan.full,
                )
        for model, objects in rows.items():
            tables[model].insert(objects)

    def finish(self) -> None:
        tables = self.tables
        reset_sequences([tables[Child], tables[FamilyMember], tables[Proceedings]])
        for model, label in (
            (Proceedings, "sets of proceedings"),
            (Child, "children"),
            (FamilyMember, "family members"),
            (Hearing, "hearings"),
            (Allocation, "allocations"),
            (Meeting, "meetings with children"),
            (TimelineEntry, "timeline entries"),
        ):
            self.ctx.count(label, tables[model].count)

    def _meeting_days(self, plan: Plan, index: int, child) -> list:
        if plan.meeting_days is not None:
            return plan.meeting_days.get(index, [])
        days = file.meeting_days(
            self.rng,
            born=child.date_of_birth,
            allocations=plan.allocations,
            team_kinds=self.team_kinds,
            today=self.today,
            open_now=plan.full,
        )
        # Concluded work keeps a lighter record: the first and the last time the child was seen.
        return days if plan.full or len(days) < 3 else [days[0], days[-1]]


# How often domestic abuse is noted on an application: about half of private law applications
# (with a C1A form), fewer public law ones.
DOMESTIC_ABUSE_NOTED = {Law.PRIVATE: 50, Law.PUBLIC: 25}


def _domestic_abuse_noted(key, law: str) -> bool:
    """Decided by the proceedings' own id rather than by drawing from the seeded source, so
    adding it left every other record of the demo as it was."""
    return (key.int >> 8) % 100 < DOMESTIC_ABUSE_NOTED.get(law, 25)
