"""Taking a day's snapshot, and a run over many days that resumes where it stopped."""

import datetime
from collections.abc import Callable, Iterable

from django.db import connection, transaction
from django.utils import timezone

from together.organisation.models import Region, ServiceArea, Team

from ..models import ScorecardSnapshot, SnapshotFillState, SnapshotLevel
from ..pressure import DURATION_TYPES, pressure_counts, pressure_counts_for_days
from ..selectors import BASE, KEPT, areas_by_region, figures_for, figures_rolled_up
from ..series import figures_for_days
from .keys import DONE, NATION_ID, PRESSURE, PRESSURE_COUNTS, SUPERVISOR, WAIT


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
        for key in KEPT
    ]


def _pressure_rows(day: datetime.date, counts: tuple) -> list[ScorecardSnapshot]:
    """The rows keeping each area's pressure counts of `day` (pressure_counts' answer)."""
    figures, waits, holdings, _people = counts
    rows = []

    def kept(area_id, measure, value):
        rows.append(
            ScorecardSnapshot(
                day=day, level=SnapshotLevel.AREA, place_id=area_id, measure=measure, value=value
            )
        )

    for area_id, found in figures.items():
        for name in PRESSURE_COUNTS:
            kept(area_id, PRESSURE + name, getattr(found, name))
        for kind in DURATION_TYPES:
            kept(area_id, f"{PRESSURE}duration_days.{kind}", found.duration_days[kind])
            kept(area_id, f"{PRESSURE}duration_count.{kind}", found.duration_count[kind])
        kept(area_id, WAIT, waits.get(area_id))
    for (fca_id, area_id), n in holdings.items():
        kept(area_id, f"{SUPERVISOR}{fca_id}", n)
    return rows


def _repeatable_read() -> None:
    """On PostgreSQL, let every query of the transaction just begun see the records as they were
    at its first query, so the figures of a day taken while people work are all as at one
    moment. (SQLite's transactions already do.) Only at the start of a transaction of its own."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")


def snapshot_take(day: datetime.date) -> int:
    """Compute and keep every figure of `day` at every level, and each service area's pressure
    counts; returns the rows written. Replaces the day's rows if it was taken before, in one
    transaction, so a page reading the day meanwhile reads the old rows or the new, never part.

    The fill state's `last_modified` is the moment the figures are as at: today's snapshot,
    taken every few minutes (scorecard_snapshot --today), is the records as they were then.

    Run by the service itself (the nightly task, the command): it changes no one's record, and
    reads nothing a person asked for."""
    if not SnapshotFillState.objects.filter(day=day).exists():
        SnapshotFillState.objects.create(day=day, state=SnapshotFillState.State.STARTED)
    own = not connection.in_atomic_block
    with transaction.atomic():
        if own:
            _repeatable_read()
        as_at = timezone.now()
        # The nation, each region and each area from the areas' tallies; each team on its own.
        regions = areas_by_region()
        rolled = figures_rolled_up(day, regions, nation=True)
        rows = _rows(day, SnapshotLevel.NATION, NATION_ID, rolled["nation"][None])
        for level in (SnapshotLevel.REGION, SnapshotLevel.AREA):
            for place_id, found in rolled[level.value].items():
                rows += _rows(day, level, place_id, found)
        teams = tuple(Team.objects.values_list("pk", flat=True))
        if teams:
            for place_id, found in figures_for(day, "team", teams, each=True).items():
                rows += _rows(day, SnapshotLevel.TEAM, place_id, found)
        area_ids = [area for ids in regions.values() for area in ids]
        rows += _pressure_rows(day, pressure_counts(day, area_ids))
        ScorecardSnapshot.objects.filter(day=day).delete()
        ScorecardSnapshot.objects.bulk_create(rows, batch_size=2000)
        SnapshotFillState.objects.filter(day=day).update(state=DONE, last_modified=as_at)
    return len(rows)


# How many days a rebuild takes at once (scorecard.series reads each measure once for them).
RUN = 31


def snapshots_take(days) -> int:
    """Compute and keep every figure of each of `days` at every level, and each area's pressure
    counts, as snapshot_take does day by day (the same rows), but each figure read once for all
    the days (scorecard.series; the pressure counts, scorecard.pressure.days); returns the rows
    written. One transaction: all the days or none."""
    days = sorted(set(days))
    if not days:
        return 0
    started = set(SnapshotFillState.objects.filter(day__in=days).values_list("day", flat=True))
    SnapshotFillState.objects.bulk_create(
        SnapshotFillState(day=day, state=SnapshotFillState.State.STARTED)
        for day in days
        if day not in started
    )
    own = not connection.in_atomic_block
    with transaction.atomic():
        if own:
            _repeatable_read()
        as_at = timezone.now()
        levels = [
            (SnapshotLevel.REGION, "region", tuple(Region.objects.values_list("pk", flat=True))),
            (SnapshotLevel.AREA, "area", tuple(ServiceArea.objects.values_list("pk", flat=True))),
            (SnapshotLevel.TEAM, "team", tuple(Team.objects.values_list("pk", flat=True))),
        ]
        nation = figures_for_days(days)
        each = {
            level: figures_for_days(days, selector_level, ids, each=True)
            for level, selector_level, ids in levels
            if ids
        }
        pressure = pressure_counts_for_days(days, list(levels[1][2]))
        rows = []
        for day in days:
            rows += _rows(day, SnapshotLevel.NATION, NATION_ID, nation[day][None])
            for level, found in each.items():
                for place_id, figures in found[day].items():
                    rows += _rows(day, level, place_id, figures)
            rows += _pressure_rows(day, pressure[day])
        ScorecardSnapshot.objects.filter(day__in=days).delete()
        ScorecardSnapshot.objects.bulk_create(rows, batch_size=2000)
        SnapshotFillState.objects.filter(day__in=days).update(state=DONE, last_modified=as_at)
    return len(rows)


def snapshots_fill(
    days: Iterable[datetime.date],
    *,
    again: bool = False,
    progress: Callable[[int, int, datetime.date, bool], None] | None = None,
    run: int = RUN,
) -> int:
    """Take the snapshot of each of `days` not already DONE (every one with `again`), `run` days
    at a time (snapshots_take), calling `progress(done, total, day, taken)` for each day once
    its run is kept; returns how many were taken. A run that stops part way leaves its days
    not DONE, and the next run takes them again."""
    days = sorted(days)
    finished = (
        set()
        if again
        else set(
            SnapshotFillState.objects.filter(day__in=days, state=DONE).values_list("day", flat=True)
        )
    )
    taken = 0
    waiting: list[tuple[int, datetime.date, bool]] = []

    def keep():
        nonlocal taken
        todo = [day for _n, day, took in waiting if took]
        if todo:
            snapshots_take(todo)
            taken += len(todo)
        if progress:
            for n, day, took in waiting:
                progress(n, len(days), day, took)
        waiting.clear()

    for n, day in enumerate(days, start=1):
        waiting.append((n, day, day not in finished))
        if sum(took for *_, took in waiting) >= run:
            keep()
    keep()
    return taken
