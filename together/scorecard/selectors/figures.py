"""The public entry points: every figure at a date, for the nation or places, together or each."""

import datetime

from together.organisation.models import Region, ServiceArea

from .board import (
    audits,
    caseloads,
    children,
    days_to_allocation,
    feedback,
    open_proceedings,
)
from .framework import compliance
from .keys import KEYS
from .scope import Scope
from .tally import Tally, total

# The board's figures (KEYS), which the command prints; and every figure kept (KEPT).
BOARD_PARTS = (
    open_proceedings,
    children,
    caseloads,
    days_to_allocation,
    audits,
    feedback,
)
PARTS = (*BOARD_PARTS, compliance)


def _figures(scope: Scope, parts=PARTS) -> dict:
    """Each group's figures from `parts` (keyed as KEPT; the board's parts give KEYS), and (keyed
    BASE + key) how many people, answers or records each share and average is built on, so that
    a page can leave out a figure built on too few (presentation.SMALLEST)."""
    figures = {key: {} for key in scope.groups()}
    for part in parts:
        for key, found in part(scope).items():
            figures[key].update(found)
    return figures


def _only_figures(found: dict) -> dict:
    return {name: found[name] for name in KEYS}


def scorecard_figures(
    day: datetime.date,
    *,
    area: ServiceArea | None = None,
    areas: list[ServiceArea] | None = None,
    teams: list | None = None,
    with_bases: bool = False,
) -> dict:
    """Every figure at `day`, keyed as KEYS: for the nation, one service area (`area`), several
    together (`areas`, a region's), or some teams together (`teams`). `with_bases` adds, keyed
    BASE + key, how many each share and average is built on."""
    if area is not None:
        areas = [area]
    if teams is not None:
        scope = Scope(day=day, ids=tuple(t.pk for t in teams), level="team")
    else:
        scope = Scope(day=day, ids=None if areas is None else tuple(a.pk for a in areas))
    found = _figures(scope, BOARD_PARTS)[None]
    return found if with_bases else _only_figures(found)


def scorecard_figures_by_area(
    day: datetime.date, areas: list[ServiceArea], *, with_bases: bool = False
) -> dict:
    """Every figure at `day` for each of `areas` on its own, keyed by the area's id: the same
    figures as `scorecard_figures(day, area=...)` for each, in the same number of queries as
    one."""
    found = _figures(Scope(day=day, ids=tuple(a.pk for a in areas), each=True), BOARD_PARTS)
    return {k: v if with_bases else _only_figures(v) for k, v in found.items()}


def scorecard_figures_by_team(day: datetime.date, teams: list, *, with_bases: bool = False) -> dict:
    """Every figure at `day` for each of `teams` on its own (the team holding the proceedings),
    keyed by the team's id, in the same number of queries however many teams there are."""
    scope = Scope(day=day, ids=tuple(t.pk for t in teams), each=True, level="team")
    found = _figures(scope, BOARD_PARTS)
    return {k: v if with_bases else _only_figures(v) for k, v in found.items()}


def figures_for(
    day: datetime.date,
    level: str = "area",
    ids: tuple[int, ...] | None = None,
    *,
    each: bool = False,
) -> dict:
    """Every figure at `day`, with its base (BASE + key), for the nation (`ids` None), for the
    regions, areas or teams `ids` together (key None), or for each of them (`each`, keyed by
    id): the same number of queries however many there are."""
    return _figures(Scope(day=day, ids=ids, each=each, level=level))


def areas_by_region(region_id: int | None = None) -> dict[int, tuple[int, ...]]:
    """{region id: its service areas' ids} for every region, or for one: what figures_rolled_up
    puts together. One query (two for every region, so a region with no areas is there too)."""
    areas = ServiceArea.objects.order_by("pk")
    found: dict = {}
    if region_id is None:
        found = dict.fromkeys(Region.objects.values_list("pk", flat=True), ())
    else:
        found, areas = {region_id: ()}, areas.filter(region_id=region_id)
    for region, area in areas.values_list("region_id", "pk"):
        found[region] = (*found[region], area)
    return found


def figures_rolled_up(
    day: datetime.date, regions: dict[int, tuple[int, ...]], *, nation: bool = False
) -> dict:
    """Every figure at `day` (as figures_for) for each service area of `regions` ({region id:
    its area ids}), each of those regions, and with `nation` the nation, keyed by level ("area",
    "region", "nation") then id (None for the nation). Each part reads the records once, by
    service area, and a region's tally, and the nation's, is the sum of its areas' (tally.py);
    the nation's adds the records of no area (answers not about an area's work). The same
    figures as figures_for at each level, in the queries of one."""
    area_ids = tuple(area for ids in regions.values() for area in ids)
    by_area = Scope(day=day, ids=None if nation else area_ids, each=True)
    found = {"area": {area: {} for area in area_ids}, "region": {r: {} for r in regions}}
    if nation:
        found["nation"] = {None: {}}
    for part in PARTS:
        tallies = part.gather(by_area)
        for area in area_ids:
            found["area"][area].update(part.finish(tallies.get(area) or Tally()))
        for region, ids in regions.items():
            found["region"][region].update(
                part.finish(total(tallies.get(a) or Tally() for a in ids))
            )
        if nation:
            found["nation"][None].update(part.finish(total(tallies.values())))
    return found
