"""Where the figures are for (Scope), the conditions of a date, and the helpers that gather them."""

import datetime
from dataclasses import dataclass

from django.db.models import F, Q, QuerySet

from together.proceedings.models import Allocation

from ..dates import end_of
from .keys import BASE

# The levels the figures are gathered at below the nation: each region, each service area, or each
# team (the team holding the proceedings, Proceedings.team: a set of proceedings counts for the team
# holding it now, whatever the date), and the path that names it from a set of proceedings and from
# a feedback answer.
LEVEL_FIELDS = {"region": "service_area__region", "area": "service_area", "team": "team"}


@dataclass(frozen=True)
class Scope:
    """Where the figures are for: the nation (`ids` None) or some service areas or teams
    (`level`), all together, or each on its own (`each`)."""

    day: datetime.date
    ids: tuple[int, ...] | None = None
    each: bool = False
    level: str = "area"
    # The first names of `ids` and `each`, for service areas (scorecard.pressure uses them).
    area_ids: tuple[int, ...] | None = None
    by_area: bool = False

    def __post_init__(self):
        if self.area_ids is not None:
            object.__setattr__(self, "ids", tuple(self.area_ids))
        if self.by_area:
            object.__setattr__(self, "each", True)

    @property
    def field(self) -> str:
        return LEVEL_FIELDS[self.level]

    def proceedings(self, prefix: str = "") -> Q:
        if self.ids is None:
            return Q()
        return Q(**{f"{prefix}{self.field}__in": self.ids})

    def path(self, prefix: str = "") -> str:
        """The path from the counted records to the group's id."""
        return f"{prefix}{self.field}"

    def groups(self) -> list:
        """The key of each result: None for the whole, or each area's or team's id."""
        return list(self.ids) if self.each else [None]


def _aggregate(scope: Scope, queryset: QuerySet, area: str, **aggregates) -> dict:
    """The aggregates over `queryset` for the whole scope (key None), or for each group (`area`
    is the path to the group): the same aggregates, grouped."""
    if not scope.each:
        return {None: queryset.aggregate(**aggregates)}
    rows = queryset.values(scorecard_group=F(area)).annotate(**aggregates).order_by()
    found = {row.pop("scorecard_group"): row for row in rows}
    return {key: found.get(key, dict.fromkeys(aggregates, 0)) for key in scope.groups()}


def _grouped(scope: Scope, rows) -> dict:
    """Rows of (group, values...) gathered by the scope's keys."""
    groups = {key: [] for key in scope.groups()}
    for group, *values in rows:
        if scope.each and group not in groups:
            continue
        groups[group if scope.each else None].append(values)
    return groups


def share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def open_q(day: datetime.date, prefix: str = "") -> Q:
    """Open at D: received on or before D, and not closed, or closed after D."""
    return Q(**{f"{prefix}received_on__lte": day}) & (
        Q(**{f"{prefix}closed_on__isnull": True}) | Q(**{f"{prefix}closed_on__gt": day})
    )


def after_first_hearing_q(day: datetime.date, prefix: str = "") -> Q:
    """After the first hearing at D: a first hearing on or before D."""
    return Q(**{f"{prefix}first_hearing_on__lte": day})


def before_first_hearing_q(day: datetime.date, prefix: str = "") -> Q:
    """Before the first hearing at D: none recorded, or one after D."""
    return Q(**{f"{prefix}first_hearing_on__isnull": True}) | Q(
        **{f"{prefix}first_hearing_on__gt": day}
    )


def leads_at(day: datetime.date) -> QuerySet:
    """Lead allocations at D: started on or before D, and not ended, or ended after D."""
    end = end_of(day)
    return Allocation.objects.filter(kind=Allocation.Kind.LEAD, started_at__lt=end).filter(
        Q(ended_at__isnull=True) | Q(ended_at__gte=end)
    )


def _bases(base: int, *keys: str) -> dict:
    """How many people, answers or records each of `keys` is built on (see BASE)."""
    return {f"{BASE}{key}": base for key in keys}


def _mean(values: list) -> float | None:
    return sum(values) / len(values) if values else None
