"""Pressure on the service at a date D, by nation, region and service area: demand, throughput,
how long proceedings run, saturation, proceedings held on duty and by service managers on duty,
practice supervisors holding many proceedings, and which areas are in prioritisation or past
the thresholds national leadership set. Seven queries whatever the number of records or areas
(or, for a day kept, four from its snapshot: scorecard.snapshots).

The definitions (each function's docstring repeats its own):

- demand: proceedings received in the last 3 months, (D - 3 months, D], against the same three
  months a year before;
- throughput: in the same 3 months, proceedings received against proceedings closed;
- duration: proceedings closed in the 12 months to D, (D - 365 days, D], the average weeks they
  ran: public law from the application; private law after the first hearing (not rule 16.4)
  from the first hearing; rule 16.4 from the application;
- saturation: open proceedings led at D by FCAs, against capacity: each FCA in one of the area's
  teams at D has the caseload ceiling of their team's work (40 before the first hearing, 25
  after) scaled by their working hours as allocation scales it, and none on a day they are away;
- held on duty: open at D with no lead at D; service managers' duty holdings: of those, the ones
  held on duty at D by a service manager (an allocation of kind "duty");
- practice supervisors holding more than 12: practice supervisors holding an allocation at D of
  any kind on more than 12 open sets of proceedings, who and how many.

Counts are summed upwards from the areas, so a region's figures are its areas' together and
the nation's every area's.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone

from together.accounts.models import Role, User
from together.organisation.models import (
    DEFAULT_DAYS_TO_ALLOCATION,
    DEFAULT_SATURATION_PERCENT,
    Absence,
    Region,
    ServiceArea,
    Team,
    TeamMembership,
    away_on_q,
)
from together.proceedings.models import Allocation, Kind, Law, Proceedings
from together.proceedings.selectors import scaled_ceiling

from .dates import end_of
from .selectors import (
    CEILING_AFTER_FIRST_HEARING,
    CEILING_BEFORE_FIRST_HEARING,
    Scope,
    days_to_allocation,
    leads_at,
    open_q,
)

DEMAND_MONTHS = 3
DURATION_WINDOW = 365
SUPERVISOR_LIMIT = 12

PUBLIC, PRIVATE_AFTER_FIRST_HEARING, RULE_16_4 = "public", "private_after_fh", "rule_16_4"
DURATION_TYPES = {
    PUBLIC: "Public law",
    PRIVATE_AFTER_FIRST_HEARING: "Private law after the first hearing",
    RULE_16_4: "Rule 16.4",
}


def months_before(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` calendar months earlier (the month's last day if it is shorter)."""
    month = day.month - months
    year = day.year + (month - 1) // 12
    month = (month - 1) % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)  # pragma: no cover


def a_year_before(day: datetime.date) -> datetime.date:
    return months_before(day, 12)


@dataclass
class Figures:
    """One place's pressure at D: counts that add up from areas to regions to the nation."""

    opened: int = 0
    opened_year_before: int = 0
    closed: int = 0
    duration_days: dict = field(default_factory=lambda: dict.fromkeys(DURATION_TYPES, 0))
    duration_count: dict = field(default_factory=lambda: dict.fromkeys(DURATION_TYPES, 0))
    led: int = 0
    capacity: int = 0
    held_on_duty: int = 0
    manager_duty: int = 0

    def add(self, other: "Figures") -> None:
        for name in ("opened", "opened_year_before", "closed", "led", "capacity"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.held_on_duty += other.held_on_duty
        self.manager_duty += other.manager_duty
        for kind in DURATION_TYPES:
            self.duration_days[kind] += other.duration_days[kind]
            self.duration_count[kind] += other.duration_count[kind]

    @property
    def demand_change(self) -> float | None:
        """Received in the last 3 months against the same months a year before, as a fraction
        (0.06 is up 6%); None with nothing a year before to compare with."""
        if not self.opened_year_before:
            return None
        return self.opened / self.opened_year_before - 1

    @property
    def demand_change_text(self) -> str:
        """The change in words: "up 6% on last year", "the same as last year"."""
        change = self.demand_change
        if change is None:
            return "None a year before"
        if round(change * 100) == 0:
            return "the same as last year"
        return f"{'up' if change > 0 else 'down'} {abs(change):.0%} on last year"

    @property
    def saturation_text(self) -> str:
        return "No capacity" if self.saturation is None else f"{self.saturation:.0%}"

    @property
    def saturation(self) -> float | None:
        """Open proceedings led against capacity, as a fraction; None with no capacity."""
        return self.led / self.capacity if self.capacity else None

    def duration_weeks(self, kind: str) -> float | None:
        n = self.duration_count[kind]
        return self.duration_days[kind] / n / 7 if n else None

    @property
    def durations(self) -> list[tuple[str, str, int]]:
        """(type in words, average weeks in words, how many closed) for each type."""
        rows = []
        for kind, label in DURATION_TYPES.items():
            weeks = self.duration_weeks(kind)
            rows.append(
                (
                    label,
                    "None closed" if weeks is None else f"{weeks:.1f}",
                    self.duration_count[kind],
                )
            )
        return rows


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


def _counts(day: datetime.date, area_ids, figures: dict[int, Figures]) -> None:
    """Demand, throughput, held on duty and service managers' duty holdings: one query."""
    start = months_before(day, DEMAND_MONTHS)
    year_before = a_year_before(day)
    year_before_start = months_before(year_before, DEMAND_MONTHS)
    end = end_of(day)
    has_lead = leads_at(day).filter(proceedings=OuterRef("pk"))
    manager_on_duty = Allocation.objects.filter(
        proceedings=OuterRef("pk"),
        kind=Allocation.Kind.DUTY,
        fca__role=Role.SERVICE_MANAGER,
        started_at__lt=end,
    ).filter(Q(ended_at__isnull=True) | Q(ended_at__gte=end))
    on_duty = open_q(day) & ~Exists(has_lead)
    rows = (
        Proceedings.objects.filter(service_area__in=area_ids)
        .values("service_area")
        .annotate(
            opened=Count("pk", filter=Q(received_on__gt=start, received_on__lte=day)),
            opened_year_before=Count(
                "pk", filter=Q(received_on__gt=year_before_start, received_on__lte=year_before)
            ),
            closed=Count("pk", filter=Q(closed_on__gt=start, closed_on__lte=day)),
            held_on_duty=Count("pk", filter=on_duty),
            manager_duty=Count("pk", filter=on_duty & Exists(manager_on_duty)),
        )
        .order_by()
    )
    for row in rows:
        found = figures[row.pop("service_area")]
        for name, value in row.items():
            setattr(found, name, value)


def duration_type(law: str, kind: str, first_hearing_on) -> str | None:
    if kind == Kind.RULE_16_4:
        return RULE_16_4
    if law == Law.PUBLIC:
        return PUBLIC
    if law == Law.PRIVATE and first_hearing_on is not None:
        return PRIVATE_AFTER_FIRST_HEARING
    return None


def _durations(day: datetime.date, area_ids, figures: dict[int, Figures]) -> None:
    """Proceedings closed in (D - 365 days, D]: the days each ran, by type. One query."""
    rows = Proceedings.objects.filter(
        service_area__in=area_ids,
        closed_on__gt=day - datetime.timedelta(days=DURATION_WINDOW),
        closed_on__lte=day,
    ).values_list("service_area", "law", "kind", "received_on", "first_hearing_on", "closed_on")
    for area_id, law, kind, received, first_hearing, closed in rows:
        found = duration_type(law, kind, first_hearing)
        if found is None:
            continue
        since = first_hearing if found == PRIVATE_AFTER_FIRST_HEARING else received
        figures[area_id].duration_days[found] += max((closed - since).days, 0)
        figures[area_id].duration_count[found] += 1


def _saturation(day: datetime.date, area_ids, figures: dict[int, Figures]) -> None:
    """Open proceedings led at D by FCAs (one query), against the capacity of the FCAs in the
    area's teams at D (one query): each FCA's ceiling for their team's work scaled by their
    working hours, none on a day they are away. An FCA in two teams counts once, in the team
    they joined last."""
    led = (
        leads_at(day)
        .filter(
            open_q(day, "proceedings__"),
            proceedings__service_area__in=area_ids,
            fca__role=Role.FCA,
        )
        .values("proceedings__service_area")
        .annotate(n=Count("proceedings_id", distinct=True))
        .order_by()
    )
    for row in led:
        figures[row["proceedings__service_area"]].led = row["n"]
    away = Absence.objects.filter(away_on_q(day), user=OuterRef("user_id"))
    members = (
        TeamMembership.objects.filter(
            Q(ended_on__isnull=True) | Q(ended_on__gt=day),
            team__service_area__in=area_ids,
            started_on__lte=day,
            user__role=Role.FCA,
            user__is_active=True,
        )
        .annotate(away=Exists(away))
        .values_list("user_id", "team__service_area", "team__kind", "user__fte", "away")
        .order_by("user_id", "-started_on", "-pk")
    )
    counted = set()
    for user_id, area_id, team_kind, fte, is_away in members:
        if user_id in counted:
            continue
        counted.add(user_id)
        if is_away:
            continue
        full_time = (
            CEILING_BEFORE_FIRST_HEARING
            if team_kind == Team.Kind.PRE_FIRST_HEARING
            else CEILING_AFTER_FIRST_HEARING
        )
        figures[area_id].capacity += scaled_ceiling(full_time, fte)


def _supervisor_holdings(day: datetime.date, area_ids) -> tuple[dict, dict]:
    """How many open sets of proceedings in each area each practice supervisor holds an
    allocation on at D (any kind), keyed (user id, area id), and who they are (by id: given
    name, family name, service area). One query."""
    end = end_of(day)
    rows = (
        Allocation.objects.filter(
            Q(ended_at__isnull=True) | Q(ended_at__gte=end),
            open_q(day, "proceedings__"),
            started_at__lt=end,
            proceedings__service_area__in=area_ids,
            fca__role=Role.PRACTICE_SUPERVISOR,
        )
        .values_list(
            "fca_id",
            "proceedings__service_area",
            "fca__given_name",
            "fca__family_name",
            "fca__service_area",
        )
        .annotate(n=Count("proceedings_id", distinct=True))
        .order_by()
    )
    holdings, people = {}, {}
    for fca_id, area_id, given, family, own_area, n in rows:
        holdings[(fca_id, area_id)] = n
        people[fca_id] = (given, family, own_area)
    return holdings, people


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


def pressure_counts(day: datetime.date, area_ids: list[int]) -> tuple[dict, dict, dict, dict]:
    """Each area's counts at `day` (Figures), its days to allocation, how many open sets of
    proceedings in it each practice supervisor holds an allocation on at D, keyed (user id,
    area id), and who those supervisors are: six queries. What the page shows is built from
    these (pressure_from), so the nightly snapshot keeps them and a past day reads the same."""
    figures = {area_id: Figures() for area_id in area_ids}
    if not area_ids:
        return figures, {}, {}, {}
    _counts(day, area_ids, figures)
    _durations(day, area_ids, figures)
    _saturation(day, area_ids, figures)
    waits = days_to_allocation(Scope(day=day, area_ids=tuple(area_ids), by_area=True))
    return (
        figures,
        {key: found["days_to_allocation_avg_last_90_days"] for key, found in waits.items()},
        *_supervisor_holdings(day, area_ids),
    )


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


def pressure_at(day: datetime.date | None = None, areas=None) -> Pressure:
    """The pressure at `day` (today if None) in `areas` (a list or queryset of service areas;
    every area if None), for the whole, each region and each area, from the records."""
    day = day or timezone.localdate()
    found = areas_shown(areas)
    return pressure_from(day, found, *pressure_counts(day, [area.pk for area in found]))
