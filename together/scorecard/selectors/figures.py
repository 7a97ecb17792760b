"""The public entry points: every figure at a date, for the nation or places, together or each."""

import datetime

from together.organisation.models import ServiceArea

from .board import audits, caseloads, children_seen, days_to_allocation, feedback, open_proceedings
from .framework import compliance
from .keys import KEYS
from .scope import Scope

# The board's figures (KEYS), which the command prints; and every figure kept (KEPT).
BOARD_PARTS = (open_proceedings, caseloads, days_to_allocation, children_seen, audits, feedback)
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
