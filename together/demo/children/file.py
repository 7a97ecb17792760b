"""What happens on a demo child's file: meetings with the child, and the timeline of their file."""

import calendar
import random
import uuid
from datetime import date, timedelta

from together.children.models import CommunicationNeed, Meeting, TimelineEntry
from together.proceedings.models import Hearing

from . import words
from .course import DAY, LONDON, POST, at, weekday
from .rows import MeetingRow, TimelineRow

YEAR = 365.25
HEARING_NAMES = dict(Hearing.Kind.choices)
M, P, T = Meeting.Method, Meeting.Place, TimelineEntry.Kind
METHOD_NAMES = {value: label.lower() for value, label in M.choices}
PLACE_NAMES = {value: label.lower() for value, label in P.choices}
MONTHS = calendar.month_name  # English: Python uses the "C" locale unless told otherwise


def meeting_days(rng, *, born: date, allocations, team_kinds, today: date, open_now: bool):
    """[(day, FCA id)]: when the child was seen, by whom. Before the first hearing in private
    law the work is with the parents, so only some older children are seen then."""
    days = []
    last = len(allocations) - 1
    for n, (fca, team, _by, started, ended) in enumerate(allocations):
        start = started.date()
        until = ended.date() if ended else today - DAY
        if open_now and n == last and ended is None:
            pick = rng.random()
            if pick < 0.04:
                continue  # not seen yet
            if pick < 0.12:
                until = min(until, today - rng.randint(43, 100) * DAY)  # not seen for a while
        if team_kinds.get(team) != POST:
            if (start - born).days > 5 * YEAR and rng.random() < 0.5:
                day = weekday(start + rng.randint(5, 20) * DAY)
                if day <= until:
                    days.append((day, fca))
            continue
        day = weekday(start + rng.randint(3, 14) * DAY)
        while day <= until:
            days.append((day, fca))
            day = weekday(day + rng.randint(21, 49) * DAY)
    return days


def meeting(rng, ctx, *, child, family, proceedings_id, day, fca, full: bool) -> MeetingRow:
    age = (day - child.date_of_birth).days / YEAR
    signs = CommunicationNeed.BSL in child.communication_needs
    pick = rng.random()
    if age < 4 or pick < (0.6 if age >= 12 else 0.8):
        method = M.IN_PERSON
        if age < 5:
            place = P.HOME if rng.random() < 0.75 else rng.choice([P.OFFICE, P.OTHER])
        else:
            place = rng.choice([P.HOME, P.HOME, P.SCHOOL, P.SCHOOL, P.OFFICE, P.OTHER])
    else:
        # A deaf child who signs is not rung up: a video call, with an interpreter.
        method = M.VIDEO if signs or rng.random() < 0.55 else M.PHONE
        place = P.REMOTE
    hour = rng.randint(12, 14) if place == P.SCHOOL else rng.randint(9, 18)
    occurred = at(day, hour, rng.choice((0, 15, 30, 45)))
    detail = others = said = why = ""
    if full or rng.random() < 0.1:
        if place == P.SCHOOL:
            detail = child.school
        elif place == P.OTHER:
            detail, why = rng.choice(words.OTHER_PLACES)
        if age >= 4:
            pool = (
                words.WORDS_YOUNG
                if age < 8
                else words.WORDS_MIDDLE
                if age < 13
                else words.WORDS_TEEN
            )
            said = rng.choice(pool) if rng.random() < 0.85 else ""
        if not why and rng.random() < 0.8:
            why = rng.choice(words.WHY_THIS_WAY[method if method != M.IN_PERSON else place])
        if rng.random() < 0.7:
            others = rng.choice(words.WHO_ELSE_WAS_THERE[place]).format(carer=family.carer)
        if child.needs_interpreter and age >= 3:
            others = f"{others}. An interpreter" if others else "An interpreter"
    # Every meeting in work still open says why it happened this way, and what was said or seen
    # (concluded work keeps its lighter record). Picked without the seeded source, so the rest
    # of the demo is the same as before these were required.
    observed = ""
    if full:
        n = child.id + day.toordinal()
        if not why:
            pool = words.WHY_THIS_WAY.get(method if method != M.IN_PERSON else place)
            why = pool[n % len(pool)] if pool else "At a time and place they chose"
        if not said:
            observed = words.OBSERVATIONS[n % len(words.OBSERVATIONS)]
    return MeetingRow(
        uuid=ctx.uuid(),
        child_id=child.id,
        proceedings_id=proceedings_id,
        occurred_at=occurred,
        method=method,
        place=place,
        place_detail=detail[:200],
        others_present=others[:300],
        child_words=said,
        observations=observed,
        why_this_way=why,
        recorded_by_id=fca,
        recorded_at=occurred + timedelta(hours=rng.randint(1, 30)),
    )


def not_met(ctx, *, child, proceedings_id, allocations, today: date) -> MeetingRow | None:
    """For most children in open proceedings who have not been met, a record of why not: the
    FCA tried, or decided not to meet them yet. Drawn from the child's own seeded source, so
    the rest of the demo is the same with or without these."""
    current = [a for a in allocations if a[4] is None]
    if not current:
        return None  # on the duty list: nobody has tried yet
    fca, _team, _by, started, _ended = current[-1]
    rng = random.Random(f"not met {ctx.seed} {child.id}")
    if rng.random() < 0.25:
        return None  # no reason recorded: the list of children not seen shows it
    day = weekday(started.date() + rng.randint(2, 12) * DAY)
    if day >= today:
        return None
    outcome = rng.choice(["tried", "not_yet"])
    occurred = at(day, rng.randint(9, 17), rng.choice((0, 15, 30, 45)))
    return MeetingRow(
        uuid=uuid.UUID(int=rng.getrandbits(128), version=4),
        child_id=child.id,
        proceedings_id=proceedings_id,
        outcome=outcome,
        occurred_at=occurred,
        not_met_reason=rng.choice(words.NOT_MET[outcome]),
        recorded_by_id=fca,
        recorded_at=occurred + timedelta(hours=rng.randint(1, 30)),
    )


def names_of(children) -> str:
    shown = [c.preferred_name for c in children]
    return shown[0] if len(shown) == 1 else f"{', '.join(shown[:-1])} and {shown[-1]}"


def outcome(rng, key, children) -> str:
    return rng.choice(words.OUTCOMES[key]).format(children=names_of(children)) + "."


def timeline(*, child, proceedings, course, hearings, allocations, meetings, names, full):
    """The file's story for one child in one set of proceedings, as TimelineEntry rows, worded as
    the services word them (children.services, proceedings.services)."""
    rows = [
        TimelineRow(
            child_id=child.id,
            occurred_at=child.created_at,
            kind=T.FILE,
            summary=f"{child.preferred_name}'s file was started",
            actor_id=child.created_by_id,
        )
    ]
    if full:  # concluded work keeps a shorter timeline: started, allocated, ended
        rows.append(
            TimelineRow(
                child_id=child.id,
                occurred_at=child.created_at,
                kind=T.PROCEEDINGS,
                summary=(
                    f"Proceedings started at {proceedings.court}, "
                    f"court's number {proceedings.court_number}"
                ),
                actor_id=child.created_by_id,
            )
        )
    for fca, _team, by, started, _ended in allocations if full else allocations[:1]:
        rows.append(
            TimelineRow(
                child_id=child.id,
                occurred_at=started,
                kind=T.ALLOCATION,
                summary=f"Lead Family Court Adviser named: {names[fca]}",
                actor_id=by,
            )
        )
    for hearing in hearings:
        if hearing.outcome and (full or hearing.kind == Hearing.Kind.FINAL):
            when = hearing.starts_at.astimezone(LONDON)
            summary = (
                f"{HEARING_NAMES[hearing.kind]} on {when.day} {MONTHS[when.month]} {when.year} "
                f"at {when:%H:%M}. What the court decided: {hearing.outcome}"
            )
            rows.append(
                TimelineRow(
                    child_id=child.id,
                    occurred_at=hearing.starts_at,
                    kind=T.HEARING,
                    summary=summary[:300],
                )
            )
    for meeting in meetings:
        rows.append(
            TimelineRow(
                child_id=child.id,
                occurred_at=meeting.occurred_at,
                kind=T.MEETING,
                summary=f"Seen {METHOD_NAMES[meeting.method]}, {PLACE_NAMES[meeting.place]}",
                actor_id=meeting.recorded_by_id,
            )
        )
    if course.closed and not any(h.kind == Hearing.Kind.FINAL for h in hearings):
        rows.append(
            TimelineRow(
                child_id=child.id,
                occurred_at=at(course.closed, 17),
                kind=T.PROCEEDINGS,
                summary="The court's work with the family ended",
            )
        )
    return rows
