"""How a demo set of proceedings runs: its dates, hearings and stage, and who held it when.

A course is planned in full (application to final hearing), then cut at "today": what is past
has happened (hearings with outcomes, allocations that ended), what is ahead is listed.
"""

from bisect import bisect
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from together.accounts.models import Role
from together.organisation.models import Team
from together.proceedings.models import LAW_OF_KIND, Hearing, Kind, Law, Stage

LONDON = ZoneInfo("Europe/London")
DAY = timedelta(days=1)
WEEK = timedelta(weeks=1)
PRE, POST = Team.Kind.PRE_FIRST_HEARING, Team.Kind.POST_FIRST_HEARING
H = Hearing.Kind


def at(day: date, hour: int, minute: int = 0) -> datetime:
    """An aware time on a day in England, in UTC (as the database stores it)."""
    key = (day, hour, minute)
    found = _TIMES.get(key)
    if found is None:
        found = _TIMES[key] = datetime(
            day.year, day.month, day.day, hour, minute, tzinfo=LONDON
        ).astimezone(UTC)
    return found


_TIMES: dict = {}


def weekday(day: date) -> date:
    """Courts and offices work on weekdays: move a weekend or Christmas or New Year's Day on."""
    while day.weekday() >= 5 or (day.month, day.day) in HOLIDAYS:
        day += DAY
    return day


HOLIDAYS = {(12, 25), (12, 26), (1, 1)}


@dataclass(slots=True)
class Course:
    law: str
    kind: str
    received: date
    first_hearing: date | None = None
    report_ordered: date | None = None
    report_due: date | None = None
    final_hearing: date | None = None
    closed: date | None = None
    stage: str = Stage.BEFORE_FIRST_HEARING
    # (hearing kind, day, key into words.OUTCOMES); no key for hearings still ahead
    hearings: list[tuple] = field(default_factory=list)
    # (team kind, from, until): until is None while the work goes on
    phases: list[tuple] = field(default_factory=list)


def plan_course(rng, group: str, received: date, today: date) -> Course:
    """A course for "care", "public_other", "private" or "private_other" work, cut at today."""
    return _as_of(_PLANS[group](rng, received), today)


def _care(rng, received):
    first = weekday(received + rng.randint(3, 14) * DAY)
    weeks = min(max(rng.gauss(44, 13), 20), 95)
    final = weekday(received + timedelta(weeks=weeks))
    hearings = []
    if rng.random() < 0.3:
        hearings.append((H.OTHER, weekday(received + rng.randint(1, 2) * DAY), ("public", "other")))
    hearings.append((H.FIRST, first, ("public", "first")))
    if (final - first).days > 16 * 7:
        middle = weekday(first + rng.randint(6, 12) * WEEK)
        hearings.append((H.CASE_MANAGEMENT, middle, ("public", "case_management")))
    issues = weekday(final - rng.randint(4, 8) * WEEK)
    if issues > hearings[-1][1]:
        hearings.append((H.ISSUES_RESOLUTION, issues, ("public", "issues_resolution")))
    hearings.append((H.FINAL, final, ("public", "final")))
    due = max(final - rng.randint(7, 21) * DAY, first)
    return Course(
        Law.PUBLIC,
        Kind.CARE_S31,
        received,
        first,
        first,
        due,
        final,
        final,
        hearings=hearings,
        phases=[(POST, received, final)],
    )


def _public_other(rng, received):
    first = weekday(received + rng.randint(1, 7) * DAY)
    final = weekday(first + rng.randint(2, 14) * WEEK)
    hearings = [
        (H.FIRST, first, ("public", "first")),
        (H.FINAL, final, ("public", "final")),
    ]
    return Course(
        Law.PUBLIC,
        Kind.OTHER,
        received,
        first,
        final_hearing=final,
        closed=final,
        hearings=hearings,
        phases=[(POST, received, final)],
    )


def _private(rng, received):
    first = weekday(received + timedelta(weeks=min(max(rng.gauss(13, 4), 5), 26)))
    pick = rng.random()
    if pick < 0.54:  # the work ends at the first hearing, with the safeguarding letter
        return Course(
            Law.PRIVATE,
            Kind.PRIVATE_FIRST_HEARING,
            received,
            first,
            closed=first,
            hearings=[(H.FIRST, first, ("private", "first"))],
            phases=[(PRE, received, first)],
        )
    if pick < 0.94:  # the court asks for a section 7 report
        due = weekday(first + rng.randint(10, 14) * WEEK)
        hearings = [(H.FIRST, first, ("private", "first_report"))]
        if rng.random() < 0.2:
            middle = weekday(first + rng.randint(4, 8) * WEEK)
            hearings.append((H.CASE_MANAGEMENT, middle, ("private", "case_management")))
        settle = weekday(due + rng.randint(2, 5) * WEEK)
        if rng.random() < 0.5:
            final = settle
        else:
            hearings.append((H.ISSUES_RESOLUTION, settle, ("private", "issues_resolution")))
            final = weekday(settle + rng.randint(4, 10) * WEEK)
        hearings.append((H.FINAL, final, ("private", "final")))
        kind, ordered = Kind.SECTION_7, first
    else:  # a guardian for the children under rule 16.4
        middle = weekday(first + rng.randint(6, 10) * WEEK)
        final = weekday(first + timedelta(weeks=min(max(rng.gauss(80, 20), 40), 130)))
        issues = weekday(final - rng.randint(6, 10) * WEEK)
        hearings = [
            (H.FIRST, first, ("private", "first_guardian")),
            (H.CASE_MANAGEMENT, middle, ("private", "case_management")),
            (H.ISSUES_RESOLUTION, issues, ("private", "issues_resolution")),
            (H.FINAL, final, ("private", "final")),
        ]
        kind, ordered, due = Kind.RULE_16_4, middle, max(final - rng.randint(3, 5) * WEEK, middle)
    if rng.random() < 0.08:
        moved = hearings[-1][1] - rng.randint(2, 4) * WEEK
        if moved > first:
            hearings.insert(-1, (H.OTHER, weekday(moved), ("private", "other")))
    return Course(
        Law.PRIVATE,
        kind,
        received,
        first,
        ordered,
        due,
        final,
        final,
        hearings=hearings,
        phases=[(PRE, received, first), (POST, first, final)],
    )


def _private_other(rng, received):
    first = weekday(received + rng.randint(4, 12) * WEEK)
    hearings = [(H.FIRST, first, ("private", "first"))]
    closed = first
    if rng.random() < 0.4:
        closed = weekday(first + rng.randint(2, 8) * WEEK)
        hearings.append((H.FINAL, closed, ("private", "final")))
    return Course(
        Law.PRIVATE,
        Kind.OTHER,
        received,
        first,
        final_hearing=closed if closed != first else None,
        closed=closed,
        hearings=hearings,
        phases=[(PRE, received, closed)],
    )


_PLANS = {
    "care": _care,
    "public_other": _public_other,
    "private": _private,
    "private_other": _private_other,
}


def _as_of(course: Course, today: date) -> Course:
    if course.closed < today:
        course.stage = Stage.CONCLUDED
        return course
    course.closed = None
    if course.law == Law.PRIVATE and course.first_hearing >= today:
        # Until the first hearing nobody knows whether a report or a guardian will be needed.
        if course.kind != Kind.OTHER:
            course.kind = Kind.PRIVATE_FIRST_HEARING
        course.report_ordered = course.report_due = course.final_hearing = None
        course.hearings = course.hearings[:1]
        course.phases = course.phases[:1]
    elif course.report_ordered and course.report_ordered >= today:
        course.report_ordered = course.report_due = None
    past = [h for h in course.hearings if h[1] < today]
    ahead = [(kind, day, None) for kind, day, _ in course.hearings if day >= today]
    listed = [h for h in ahead if h[1] <= ahead[0][1] + 6 * WEEK] if ahead else []
    course.hearings = past + listed
    if course.final_hearing and course.final_hearing > today + 26 * WEEK:
        course.final_hearing = None
    course.stage = (
        Stage.AFTER_FIRST_HEARING if course.first_hearing < today else Stage.BEFORE_FIRST_HEARING
    )
    phases = [p for p in course.phases if p[1] <= today]
    team_kind, start, _ = phases[-1]
    course.phases = [*phases[:-1], (team_kind, start, None)]
    assert LAW_OF_KIND.get(course.kind, course.law) == course.law
    return course


@dataclass(slots=True)
class AreaStaff:
    manager_id: int
    creator_id: int  # business services: who starts the file
    hub_id: int | None
    # (started in the team, user id, team id), earliest first
    fcas: dict = field(default_factory=lambda: {PRE: [], POST: []})
    waits: float = 1.0


class Allocator:
    """Names lead FCAs as work arrives, keeping open caseloads even across each area's FCAs."""

    def __init__(self, ctx, rng, memberships, exclude=()):
        self.rng = rng
        self.today = ctx.today
        staff = ctx.made["staff"]
        teams = {team.pk: team for team in ctx.made["teams"]}
        self.names = {user.pk: user.full_name for user in staff}
        self.areas = {}
        for area in ctx.made["areas"]:
            by_role = {u.role: u.pk for u in staff if u.service_area_id == area.pk}
            hub = [
                t.pk
                for t in teams.values()
                if t.service_area_id == area.pk and t.kind == Team.Kind.ALLOCATION_HUB
            ]
            self.areas[area.pk] = AreaStaff(
                manager_id=by_role[Role.SERVICE_MANAGER],
                creator_id=by_role[Role.BUSINESS_SERVICES],
                hub_id=hub[0] if hub else None,
                waits=3.0 if area.in_prioritisation else 1.0,
            )
        roles = {user.pk: user for user in staff}
        self.capacity, self.load = {}, {}
        for user_id, team_id, started_on in sorted(memberships, key=lambda m: (m[2], m[0])):
            team, user = teams[team_id], roles[user_id]
            area = self.areas[team.service_area_id]
            if user.role == Role.FCA and team.kind in (PRE, POST) and user_id not in exclude:
                area.fcas[team.kind].append((started_on, user_id, team_id))
                self.capacity[user_id] = float(user.fte) * rng.uniform(0.85, 1.15)
                self.load[user_id] = 0

    def allocate(self, course: Course, area_id: int, transition_wait: float = 6.0) -> list:
        """[(fca id, team id, allocated by, started at, ended at)] for the course's phases."""
        rng, today, area = self.rng, self.today, self.areas[area_id]
        rows = []
        for n, (team_kind, start, end) in enumerate(course.phases):
            mean = (4.0 if team_kind == PRE else transition_wait if n else 2.0) * area.waits
            day = weekday(start + (int(rng.expovariate(1 / mean)) + (1 if n else 0)) * DAY)
            if day >= today or (end is not None and day > end):
                continue  # held on duty for now, or for the whole of this part of the work
            until = end or today
            ongoing = end is None
            if team_kind == POST and (until - day).days > 90 and rng.random() < 0.07:
                # Reallocated part way: the FCA left, or their caseload was too high.
                before = self._pick(area, team_kind, day, ongoing=False)
                handover = weekday(day + rng.randint(30, (until - day).days - 30) * DAY)
                rows.append(
                    (*before, area.manager_id, at(day, rng.randint(11, 15)), at(handover, 16))
                )
                day = weekday(handover + rng.randint(1, 14) * DAY)
                if day >= today or (end is not None and day > end):
                    continue  # back on duty until someone new is found
                holder = self._pick(area, team_kind, day, ongoing=ongoing, avoid=before[0])
            else:
                holder = self._pick(area, team_kind, day, ongoing=ongoing)
            ended = at(end, 17) if end is not None else None
            rows.append((*holder, area.manager_id, at(day, rng.randint(11, 15)), ended))
        return rows

    def _pick(self, area: AreaStaff, team_kind, day: date, *, ongoing: bool, avoid=None):
        rng = self.rng
        people = area.fcas[team_kind] or area.fcas[POST if team_kind == PRE else PRE]
        joined = bisect(people, (day, float("inf")))
        pool = people[:joined] if joined >= 3 else people
        tries = [pool[int(rng.random() * len(pool))] for _ in range(3 if ongoing else 2)]
        tries = [p for p in tries if p[1] != avoid] or tries
        if not ongoing:
            return tries[0][1], tries[0][2]
        # The least loaded of three: caseloads stay even without sorting everyone each time.
        best = min(tries, key=lambda p: self.load[p[1]] / self.capacity[p[1]])
        self.load[best[1]] += 1
        return best[1], best[2]
