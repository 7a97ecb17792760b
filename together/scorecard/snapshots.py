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
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from together.organisation.models import Region, ServiceArea, Team

from .dates import end_of
from .models import ScorecardSnapshot, SnapshotFillState, SnapshotLevel
from .pressure import (
    DURATION_TYPES,
    Figures,
    Pressure,
    areas_shown,
    pressure_at,
    pressure_counts,
    pressure_counts_for_days,
    pressure_from,
)
from .selectors import BASE, KEPT, figures_for
from .series import figures_for_days

NATION_ID = 0
# How often today's figures are kept again (a scheduler runs `scorecard_snapshot --today
# --enqueue` this often), so today's page reads them rather than working them out live.
TODAY_REFRESH_MINUTES = 10
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
        for key in KEPT
    ]


# The pressure counts of each service area (scorecard.pressure.pressure_counts), kept beside the
# figures at the area level, measure names starting with this; a practice supervisor's holdings
# in an area are PRESSURE + "supervisor." + their id.
PRESSURE = "pressure."
PRESSURE_COUNTS = ("opened", "opened_year_before", "closed", "led", "capacity", "held_on_duty")
PRESSURE_COUNTS += ("manager_duty",)
SUPERVISOR = f"{PRESSURE}supervisor."
WAIT = f"{PRESSURE}days_to_allocation"


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
        rows += _pressure_rows(day, pressure_counts(day, list(levels[1][2])))
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
    found = {place_id: dict.fromkeys(KEPT) for place_id in ids}
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
    if ids is not None and len(ids) > 1:
        return [(day, None) for day in days]  # places are kept one by one, not together
    level, ids = _level(level, ids)
    place_id = ids[0]
    kept = set(
        SnapshotFillState.objects.filter(day__in=days, state=DONE).values_list("day", flat=True)
    )
    by_day = {day: dict.fromkeys(KEPT) for day in kept}
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


def _read(wanted: list[tuple[datetime.date, str, tuple[int, ...]]], pressure=None) -> dict:
    """The kept rows of each (day, level, places) in `wanted`, and of each service area's
    pressure on `pressure` (a (day, area ids)), in one query: {(day, level, place id): {measure:
    (value, base)}}."""
    where = Q(pk__in=[])
    for day, level, ids in wanted:
        where |= Q(day=day, level=level, place_id__in=ids)
    if pressure is not None:
        day, area_ids = pressure
        where |= Q(
            day=day, level=SnapshotLevel.AREA, place_id__in=area_ids, measure__startswith=PRESSURE
        )
    found: dict = {}
    for day, level, place_id, measure, value, base in ScorecardSnapshot.objects.filter(
        where
    ).values_list("day", "level", "place_id", "measure", "value", "base"):
        found.setdefault((day, level, place_id), {})[measure] = (value, base)
    return found


def _figures(rows: dict | None) -> dict:
    """The figures (with their bases) from one place's kept rows, as snapshot_read gives them."""
    found = dict.fromkeys(KEPT)
    for measure, (value, base) in (rows or {}).items():
        if measure in found:
            found[measure] = int(value) if value is not None and base is None else value
            if base is not None:
                found[f"{BASE}{measure}"] = base
    return found


def _pressure(day: datetime.date, shown, found: dict) -> Pressure:
    """The pressure on `day` in the areas `shown` from their kept counts."""
    figures, waits, holdings = {}, {}, {}
    for area in shown:
        rows = found.get((day, SnapshotLevel.AREA, area.pk), {})
        counts = Figures()
        for measure, (value, _base) in rows.items():
            name = measure.removeprefix(PRESSURE)
            if measure == WAIT:
                waits[area.pk] = value
            elif measure.startswith(SUPERVISOR):
                holdings[(int(measure.removeprefix(SUPERVISOR)), area.pk)] = int(value)
            elif name in PRESSURE_COUNTS:
                setattr(counts, name, int(value))
            elif name.startswith(("duration_days.", "duration_count.")):
                total, kind = name.split(".", 1)
                getattr(counts, total)[kind] = int(value)
        figures[area.pk] = counts
    return pressure_from(day, shown, figures, waits, holdings)


@dataclass
class PageFigures:
    """What the scorecard page shows of a place on a day: its figures (`now`), the same day a
    month and a year before (None where no snapshot was kept), the places below it (`below`,
    by level, each by id), and the pressure. `as_at` is the moment the figures are as at when
    they were kept during the day (today's, kept every few minutes), None when they are the
    whole day's or computed live now (`live`)."""

    now: dict
    month: dict | None
    year: dict | None
    below: dict
    pressure: Pressure
    live: bool
    as_at: datetime.datetime | None = None
    not_kept: list = field(default_factory=list)


def page_figures(
    day: datetime.date,
    level: str,
    ids,
    *,
    below: list[tuple[str, tuple[int, ...]]],
    areas,
    month_day: datetime.date,
    year_day: datetime.date,
) -> PageFigures:
    """The scorecard page's figures of the place (`level` and `ids`, as figures_for) on `day`,
    the places `below` it (each (level, ids)) and the pressure in the service areas `areas`
    (None for all). A day with a complete snapshot, today's among them, is read from it: four
    queries, however many places. A day without one is computed from the records. The month
    and year before are read from their snapshots only (the nightly run keeps every day).
    Several places together (`ids`) are worked out from the records."""
    if ids is not None and len(ids) > 1:
        # Several places together (a practice supervisor's teams): kept one by one only, so
        # worked out from the records, the days compared with too.
        return PageFigures(
            now=figures_for(day, level, ids)[None],
            month=figures_for(month_day, level, ids)[None],
            year=figures_for(year_day, level, ids)[None],
            below={lv: figures_for(day, lv, lids, each=True) for lv, lids in below if lids},
            pressure=pressure_at(day, areas),
            live=True,
        )
    states = dict(
        SnapshotFillState.objects.filter(
            day__in=[day, month_day, year_day], state=DONE
        ).values_list("day", "last_modified")
    )
    place_level, place_ids = _level(level, ids)
    kept = day in states and day <= timezone.localdate()
    shown = areas_shown(areas) if kept else None
    wanted = [(d, place_level, place_ids) for d in (month_day, year_day) if d in states]
    if kept:
        wanted += [(day, place_level, place_ids)]
        wanted += [(day, below_level, below_ids) for below_level, below_ids in below if below_ids]
    found = _read(wanted, (day, [area.pk for area in shown]) if kept else None)

    def read(d, lv, place_id):
        return _figures(found.get((d, lv, place_id))) if d in states else None

    month = read(month_day, place_level, place_ids[0])
    year = read(year_day, place_level, place_ids[0])
    not_kept = [d for d in (month_day, year_day) if d not in states]
    if not kept:
        return PageFigures(
            now=figures_for(day, level, ids)[None],
            month=month,
            year=year,
            below={
                below_level: figures_for(day, below_level, below_ids, each=True)
                for below_level, below_ids in below
                if below_ids
            },
            pressure=pressure_at(day, areas),
            live=True,
            not_kept=not_kept,
        )
    as_at = states[day] if states[day] < end_of(day) else None
    return PageFigures(
        now=read(day, place_level, place_ids[0]),
        month=month,
        year=year,
        below={
            below_level: {place_id: read(day, below_level, place_id) for place_id in below_ids}
            for below_level, below_ids in below
            if below_ids
        },
        pressure=_pressure(day, shown, found),
        live=False,
        as_at=as_at,
        not_kept=not_kept,
    )
