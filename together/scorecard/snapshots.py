"""Each day's figures kept (models.ScorecardSnapshot), and read back.

A snapshot of a day stores every figure, with its base, for the nation, each region, each service
area and each team: the selectors' own figures (figures_for), in a fixed number of queries
whatever the size of the service, written in one transaction with the day's fill state. A run
over many days (a rebuild) does the days not yet DONE, so a run that stops part way resumes.

The page reads a past day from its snapshot when the day is DONE (a past month's figures stay as
they were reported); today, and a day never snapshotted, are computed live.
"""

import datetime
from collections.abc import Callable, Iterable

from django.db import transaction
from django.utils import timezone

from together.organisation.models import Region, ServiceArea, Team

from .models import ScorecardSnapshot, SnapshotFillState, SnapshotLevel
from .selectors import BASE, KEYS, figures_for

NATION_ID = 0
DONE = SnapshotFillState.State.DONE


def _rows(day: datetime.date, level: str, place_id: int, found: dict) -> list[ScorecardSnapshot]:
    return [
        ScorecardSnapshot(
            day=day,
            level=level,
            place_id=place_id,
            measure=key,
            value=found[key],
            base=found.get(f"{BASE}{key}"),
        )
        for key in KEYS
    ]


def snapshot_take(day: datetime.date) -> int:
    """Compute and keep every figure of `day` at every level; returns the rows written. Replaces
    the day's rows if it was taken before. Run by the service itself (the nightly task, the
    command): it changes no one's record, and reads nothing a person asked for."""
    levels = [
        (SnapshotLevel.REGION, "region", tuple(Region.objects.values_list("pk", flat=True))),
        (SnapshotLevel.AREA, "area", tuple(ServiceArea.objects.values_list("pk", flat=True))),
        (SnapshotLevel.TEAM, "team", tuple(Team.objects.values_list("pk", flat=True))),
    ]
    rows = _rows(day, SnapshotLevel.NATION, NATION_ID, figures_for(day)[None])
    for level, selector_level, ids in levels:
        if ids:
            for place_id, found in figures_for(day, selector_level, ids, each=True).items():
                rows += _rows(day, level, place_id, found)
    SnapshotFillState.objects.update_or_create(
        day=day, defaults={"state": SnapshotFillState.State.STARTED}
    )
    with transaction.atomic():
        ScorecardSnapshot.objects.filter(day=day).delete()
        ScorecardSnapshot.objects.bulk_create(rows, batch_size=2000)
        SnapshotFillState.objects.filter(day=day).update(state=DONE, last_modified=timezone.now())
    return len(rows)


def snapshots_fill(
    days: Iterable[datetime.date],
    *,
    again: bool = False,
    progress: Callable[[int, int, datetime.date, bool], None] | None = None,
) -> int:
    """Take the snapshot of each of `days` not already DONE (every one with `again`), calling
    `progress(done, total, day, taken)` after each; returns how many were taken."""
    days = sorted(days)
    finished = (
        set()
        if again
        else set(
            SnapshotFillState.objects.filter(day__in=days, state=DONE).values_list("day", flat=True)
        )
    )
    taken = 0
    for n, day in enumerate(days, start=1):
        took = day not in finished
        if took:
            snapshot_take(day)
            taken += 1
        if progress:
            progress(n, len(days), day, took)
    return taken


def snapshot_done(day: datetime.date) -> bool:
    return SnapshotFillState.objects.filter(day=day, state=DONE).exists()


def kept_days(days) -> set[datetime.date]:
    """Which of `days` have a complete snapshot: one query (a page asks once for all its days)."""
    return set(
        SnapshotFillState.objects.filter(day__in=list(days), state=DONE).values_list(
            "day", flat=True
        )
    )


def _level(level: str, ids) -> tuple[str, tuple[int, ...]]:
    return (SnapshotLevel.NATION, (NATION_ID,)) if ids is None else (level, tuple(ids))


def snapshot_read(day: datetime.date, level: str, ids=None) -> dict:
    """The kept figures of `day`, with their bases, for each place (by id; the nation's as 0):
    one query. A place with no rows (made after that day) has no figures."""
    level, ids = _level(level, ids)
    found = {place_id: dict.fromkeys(KEYS) for place_id in ids}
    for place_id, measure, value, base in ScorecardSnapshot.objects.filter(
        day=day, level=level, place_id__in=ids
    ).values_list("place_id", "measure", "value", "base"):
        if measure in found[place_id]:
            value = int(value) if value is not None and base is None else value
            found[place_id][measure] = value
            if base is not None:
                found[place_id][f"{BASE}{measure}"] = base
    return found


def figures_at(
    day: datetime.date, level: str = "area", ids=None, *, each: bool = False, kept=None
) -> dict:
    """The figures as figures_for gives them (keyed None for the whole, or by id with `each`):
    from the day's snapshot for a past day that has one, otherwise computed live. A whole of
    several places (a region's areas) is only kept for a region, so such a whole is live. `kept`,
    the days known to have snapshots (kept_days), saves asking again."""
    today = timezone.localdate()
    readable = day < today and (ids is None or each or len(ids) == 1)
    if readable and (day in kept if kept is not None else snapshot_done(day)):
        found = snapshot_read(day, level, ids)
        if ids is None:
            return {None: found[NATION_ID]}
        return found if each else {None: found[ids[0]]}
    return figures_for(day, level, ids, each=each)


def trend(level: str, ids, months: int = 24, *, today: datetime.date | None = None) -> list:
    """The last day of each of the last `months` months (this month's: yesterday), each with the
    kept figures of the place (`level` and `ids`, as figures_for), or None where no snapshot was
    kept: two queries."""
    today = today or timezone.localdate()
    days = month_ends(today, months)
    level, ids = _level(level, ids)
    place_id = ids[0]
    kept = set(
        SnapshotFillState.objects.filter(day__in=days, state=DONE).values_list("day", flat=True)
    )
    by_day = {day: dict.fromkeys(KEYS) for day in kept}
    for day, measure, value, base in ScorecardSnapshot.objects.filter(
        day__in=kept, level=level, place_id=place_id
    ).values_list("day", "measure", "value", "base"):
        if measure in by_day[day]:
            by_day[day][measure] = value
            if base is not None:
                by_day[day][f"{BASE}{measure}"] = base
    return [(day, by_day.get(day)) for day in days]


def month_ends(today: datetime.date, months: int) -> list[datetime.date]:
    """The last day of each of the `months` months up to this one, oldest first; for this month,
    yesterday (the last day a snapshot can hold)."""
    ends = {today - datetime.timedelta(days=1)}
    first = today.replace(day=1)
    while len(ends) < months:
        end = first - datetime.timedelta(days=1)
        ends.add(end)
        first = end.replace(day=1)
    return sorted(ends)
