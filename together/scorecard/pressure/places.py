"""The pressure of the places shown: the whole, regions, areas against thresholds, supervisors."""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone

from together.accounts.models import User
from together.organisation.models import (
    DEFAULT_DAYS_TO_ALLOCATION,
    DEFAULT_SATURATION_PERCENT,
    Region,
    ServiceArea,
)

from .counts import pressure_counts
from .figures import SUPERVISOR_LIMIT, Figures


@dataclass(frozen=True)
class Thresholds:
    saturation_percent: int | None = DEFAULT_SATURATION_PERCENT
    held_on_duty: int | None = None
    days_to_allocation: int | None = DEFAULT_DAYS_TO_ALLOCATION
    manager_duty_holdings: int | None = None


@dataclass
class AreaPressure:
    area: ServiceArea
    figures: Figures
    thresholds: Thresholds
    days_to_allocation: float | None
    # The thresholds the area is past, in words ("Saturation 104% (threshold 90%)").
    past: list[str] = field(default_factory=list)

    @property
    def in_prioritisation(self) -> bool:
        return self.area.in_prioritisation

    @property
    def consider_prioritisation(self) -> bool:
        """Past a threshold and not in prioritisation yet."""
        return bool(self.past) and not self.area.in_prioritisation


@dataclass(frozen=True)
class SupervisorHolding:
    name: str
    area_name: str
    proceedings: int


@dataclass
class Pressure:
    day: datetime.date
    whole: Figures
    regions: list[tuple[Region, Figures]]
    areas: list[AreaPressure]
    supervisors: list[SupervisorHolding]

    @property
    def in_prioritisation(self) -> list[AreaPressure]:
        return [row for row in self.areas if row.in_prioritisation]

    @property
    def past_thresholds(self) -> list[AreaPressure]:
        return [row for row in self.areas if row.past]

    @property
    def consider_prioritisation(self) -> list[AreaPressure]:
        return [row for row in self.areas if row.consider_prioritisation]


def _thresholds(area: ServiceArea) -> Thresholds:
    try:
        found = area.thresholds
    except ServiceArea.thresholds.RelatedObjectDoesNotExist:
        return Thresholds()
    return Thresholds(
        found.saturation_percent,
        found.held_on_duty,
        found.days_to_allocation,
        found.manager_duty_holdings,
    )


def _supervisors_over(
    holdings: dict[tuple[int, int], int], names: dict[int, str], people: dict | None = None
) -> list[SupervisorHolding]:
    """Practice supervisors holding more than 12 open sets of proceedings in the areas `names`
    (their holdings added up over those areas), most first. One query for who they are, unless
    `people` says (as _supervisor_holdings does)."""
    held: dict[int, int] = {}
    for (fca_id, area_id), n in holdings.items():
        if area_id in names:
            held[fca_id] = held.get(fca_id, 0) + n
    over = {fca_id: n for fca_id, n in held.items() if n > SUPERVISOR_LIMIT}
    if not over:
        return []
    if people is None:
        people = {
            pk: rest
            for pk, *rest in User.objects.filter(pk__in=over).values_list(
                "pk", "given_name", "family_name", "service_area"
            )
        }
    rows = sorted(
        (-over[pk], family, pk, f"{given} {family}", names.get(area_id, ""))
        for pk, (given, family, area_id) in people.items()
        if pk in over
    )
    return [
        SupervisorHolding(name=name, area_name=area_name, proceedings=-n)
        for n, _family, _pk, name, area_name in rows
    ]


def _past(row: AreaPressure) -> list[str]:
    t, f = row.thresholds, row.figures
    past = []
    saturation = f.saturation
    if None not in (t.saturation_percent, saturation) and saturation * 100 > t.saturation_percent:
        past.append(f"Saturation {saturation:.0%} (threshold {t.saturation_percent}%)")
    if t.held_on_duty is not None and f.held_on_duty > t.held_on_duty:
        past.append(f"{f.held_on_duty} held on duty (threshold {t.held_on_duty})")
    if (
        t.days_to_allocation is not None
        and row.days_to_allocation is not None
        and row.days_to_allocation > t.days_to_allocation
    ):
        past.append(
            f"{row.days_to_allocation:.1f} days to allocation (threshold {t.days_to_allocation})"
        )
    if t.manager_duty_holdings is not None and f.manager_duty > t.manager_duty_holdings:
        past.append(
            f"{f.manager_duty} held by service managers on duty "
            f"(threshold {t.manager_duty_holdings})"
        )
    return past


def areas_shown(areas=None) -> list[ServiceArea]:
    found = ServiceArea.objects.select_related("region", "thresholds").order_by(
        "region__name", "name"
    )
    if areas is not None:
        found = found.filter(pk__in=[area.pk for area in areas])
    return list(found)


def pressure_from(
    day: datetime.date,
    found: list[ServiceArea],
    figures: dict[int, Figures],
    waits: dict[int, float | None],
    holdings: dict[tuple[int, int], int],
    people: dict | None = None,
) -> Pressure:
    """The pressure of the areas `found` from their counts (pressure_counts, or a snapshot of
    them): the whole, each region, each area against its thresholds, and the practice
    supervisors holding more than 12 in these areas (one query for their names)."""
    rows = []
    whole = Figures()
    regions: dict[int, tuple[Region, Figures]] = {}
    for area in found:
        row = AreaPressure(
            area=area,
            figures=figures.get(area.pk) or Figures(),
            thresholds=_thresholds(area),
            days_to_allocation=waits.get(area.pk),
        )
        row.past = _past(row)
        rows.append(row)
        whole.add(row.figures)
        regions.setdefault(area.region_id, (area.region, Figures()))[1].add(row.figures)
    return Pressure(
        day=day,
        whole=whole,
        regions=list(regions.values()),
        areas=rows,
        supervisors=_supervisors_over(holdings, {area.pk: area.name for area in found}, people),
    )


def pressure_at(
    day: datetime.date | None = None, areas=None, *, known: dict | None = None
) -> Pressure:
    """The pressure at `day` (today if None) in `areas` (a list or queryset of service areas;
    every area if None), for the whole, each region and each area, from the records. `known`,
    each area's board figures at `day` worked out already ({area id: figures}, as
    figures_rolled_up gives them), saves counting some of them again (pressure_counts)."""
    day = day or timezone.localdate()
    found = areas_shown(areas)
    counts = pressure_counts(day, [area.pk for area in found], known=known)
    return pressure_from(day, found, *counts)
