"""The pressure counts of each service area at one day, from the records (pressure_counts)."""

import datetime

from django.db.models import (
    Case,
    Count,
    DurationField,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Greatest

from together.accounts.models import Role
from together.organisation.models import Absence, Team, TeamMembership, away_on_q
from together.proceedings.models import Allocation, Kind, Law, Proceedings
from together.proceedings.selectors import scaled_ceiling

from ..dates import end_of
from ..selectors import (
    CEILING_AFTER_FIRST_HEARING,
    CEILING_BEFORE_FIRST_HEARING,
    Scope,
    days_to_allocation,
    leads_at,
    open_q,
)
from .figures import (
    DEMAND_MONTHS,
    DURATION_WINDOW,
    PRIVATE_AFTER_FIRST_HEARING,
    PUBLIC,
    RULE_16_4,
    Figures,
    a_year_before,
    months_before,
)


def _counts(day: datetime.date, area_ids, figures: dict[int, Figures], on_duty=None) -> None:
    """Demand, throughput and held on duty (one query), and service managers' duty holdings
    (one query). `on_duty`, each area's number held on duty at D where the board's figures
    have it already ({area id: n}), saves counting them again."""
    start = months_before(day, DEMAND_MONTHS)
    year_before = a_year_before(day)
    year_before_start = months_before(year_before, DEMAND_MONTHS)
    end = end_of(day)
    has_lead = leads_at(day).filter(proceedings=OuterRef("proceedings_id"))
    counts = {
        "opened": Count("pk", filter=Q(received_on__gt=start, received_on__lte=day)),
        "opened_year_before": Count(
            "pk", filter=Q(received_on__gt=year_before_start, received_on__lte=year_before)
        ),
        "closed": Count("pk", filter=Q(closed_on__gt=start, closed_on__lte=day)),
    }
    if on_duty is None:
        counts["held_on_duty"] = Count(
            "pk",
            filter=open_q(day) & ~Exists(leads_at(day).filter(proceedings=OuterRef("pk"))),
        )
    # Only proceedings open in the windows can count: not closed, or closed after the earliest
    # window began (a set received in a window closes on or after it was received).
    rows = (
        Proceedings.objects.filter(
            Q(closed_on__isnull=True) | Q(closed_on__gt=year_before_start),
            service_area__in=area_ids,
        )
        .values("service_area")
        .annotate(**counts)
        .order_by()
    )
    for row in rows:
        found = figures[row.pop("service_area")]
        for name, value in row.items():
            setattr(found, name, value)
    for area_id, n in (on_duty or {}).items():
        figures[area_id].held_on_duty = n
    # Held on duty (open, no lead at D) with a service manager's duty allocation at D: read
    # from the few such allocations rather than asked of every open set of proceedings.
    held_by_managers = (
        Allocation.objects.filter(
            Q(ended_at__isnull=True) | Q(ended_at__gte=end),
            open_q(day, "proceedings__"),
            kind=Allocation.Kind.DUTY,
            fca__role=Role.SERVICE_MANAGER,
            started_at__lt=end,
            proceedings__service_area__in=area_ids,
        )
        .exclude(Exists(has_lead))
        .values("proceedings__service_area")
        .annotate(n=Count("proceedings_id", distinct=True))
        .order_by()
    )
    for row in held_by_managers:
        figures[row["proceedings__service_area"]].manager_duty = row["n"]


def _durations(day: datetime.date, area_ids, figures: dict[int, Figures]) -> None:
    """Proceedings closed in (D - 365 days, D]: how many of each type, and the days they ran
    in all (from the application, or for private law after the first hearing from that
    hearing; none for one closed before it). One query, summed in the database."""
    of_type = Case(
        When(kind=Kind.RULE_16_4, then=Value(RULE_16_4)),
        When(law=Law.PUBLIC, then=Value(PUBLIC)),
        When(
            law=Law.PRIVATE,
            first_hearing_on__isnull=False,
            then=Value(PRIVATE_AFTER_FIRST_HEARING),
        ),
        default=Value(""),
    )
    since = Case(
        When(
            ~Q(kind=Kind.RULE_16_4),
            law=Law.PRIVATE,
            first_hearing_on__isnull=False,
            then=F("first_hearing_on"),
        ),
        default=F("received_on"),
    )
    ran = Greatest(
        ExpressionWrapper(F("closed_on") - since, output_field=DurationField()),
        Value(datetime.timedelta(0)),
    )
    rows = (
        Proceedings.objects.filter(
            service_area__in=area_ids,
            closed_on__gt=day - datetime.timedelta(days=DURATION_WINDOW),
            closed_on__lte=day,
        )
        .annotate(duration_type=of_type)
        .exclude(duration_type="")
        .values("service_area", "duration_type")
        .annotate(n=Count("pk"), ran=Sum(ran))
        .values_list("service_area", "duration_type", "n", "ran")
        .order_by()
    )
    for area_id, found, n, ran in rows:
        figures[area_id].duration_days[found] += ran.days
        figures[area_id].duration_count[found] += n


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


def pressure_counts(
    day: datetime.date, area_ids: list[int], *, known: dict | None = None
) -> tuple[dict, dict, dict, dict]:
    """Each area's counts at `day` (Figures), its days to allocation, how many open sets of
    proceedings in it each practice supervisor holds an allocation on at D, keyed (user id,
    area id), and who those supervisors are: seven queries. `known`, each area's board figures
    at `day` worked out already for a page showing both ({area id: figures}, as
    figures_rolled_up gives them), gives the days to allocation and the number held on duty:
    six queries then. What the page shows is built from these (pressure_from), so the nightly
    snapshot keeps them and a past day reads the same."""
    figures = {area_id: Figures() for area_id in area_ids}
    if not area_ids:
        return figures, {}, {}, {}
    if known is not None and all(area_id in known for area_id in area_ids):
        waits = {a: known[a]["days_to_allocation_avg_last_90_days"] for a in area_ids}
        on_duty = {a: known[a]["held_on_duty"] for a in area_ids}
    else:
        found = days_to_allocation(Scope(day=day, area_ids=tuple(area_ids), by_area=True))
        waits = {a: area["days_to_allocation_avg_last_90_days"] for a, area in found.items()}
        on_duty = None
    _counts(day, area_ids, figures, on_duty)
    _durations(day, area_ids, figures)
    _saturation(day, area_ids, figures)
    return (figures, waits, *_supervisor_holdings(day, area_ids))
