"""Reading the kept figures back: a day, a trend, and all a scorecard page shows."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import timezone

from ..dates import end_of
from ..models import ScorecardSnapshot, SnapshotFillState, SnapshotLevel
from ..pressure import Figures, Pressure, areas_shown, pressure_at, pressure_from
from ..selectors import BASE, KEPT, areas_by_region, figures_for, figures_rolled_up
from .keys import DONE, NATION_ID, PRESSURE, PRESSURE_COUNTS, SUPERVISOR, WAIT

# How often today's figures are kept again (a scheduler runs `scorecard_snapshot --today
# --enqueue` this often), so today's page reads them rather than working them out live.
TODAY_REFRESH_MINUTES = 10


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


def _live(day: datetime.date, level: str, ids, below) -> tuple[dict, dict, dict | None]:
    """The figures of a place and of the places `below` it, worked out from the records, and
    each service area's figures where they were worked out on the way (else None). The nation's
    or a region's, with the regions and service areas below, are put together from the areas'
    (figures_rolled_up); teams are worked out on their own."""
    below = {below_level: below_ids for below_level, below_ids in below if below_ids}
    if ids is None or (level == "region" and len(ids) == 1):
        regions = areas_by_region(None if ids is None else ids[0])
        rolled = figures_rolled_up(day, regions, nation=ids is None)
        now = rolled["nation"][None] if ids is None else rolled["region"][ids[0]]
        found = {
            below_level: (
                {place: rolled[below_level][place] for place in below_ids}
                if below_level in ("region", "area")
                else figures_for(day, below_level, below_ids, each=True)
            )
            for below_level, below_ids in below.items()
        }
        return now, found, rolled["area"]
    return (
        figures_for(day, level, ids)[None],
        {
            below_level: figures_for(day, below_level, below_ids, each=True)
            for below_level, below_ids in below.items()
        },
        None,
    )


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
        now, below_found, by_area = _live(day, level, ids, below)
        return PageFigures(
            now=now,
            month=month,
            year=year,
            below=below_found,
            pressure=pressure_at(day, areas, known=by_area),
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
