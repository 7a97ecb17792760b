"""Each service area's pressure counts of many days at once, for a rebuild of the snapshots
(snapshots.snapshots_take): for each day, what pressure.pressure_counts gives for that day alone,
by the same definitions, in seven queries however many days.

As scorecard.series does for the figures: one query reads the records any of the days could
count, and a conditional aggregate per day counts those that day counts. Differences from the
one-day queries, each giving the same answer:

- held on duty: the open proceedings, less those open with a lead at D (one day's query asks of
  each open set whether it has a lead);
- service managers' duty holdings: the open proceedings a service manager holds on duty at D,
  less those of them with a lead at D (the lead found through the proceedings' allocations);
- durations: the proceedings closed in the run's windows read once, each counted for the days
  whose window holds its closing;
- capacity: the FCAs' memberships of the run read once, with whether they are away on each day;
  each day takes the memberships it holds, as a day alone does;
- days to allocation: series.days_to_allocation, the rows of the run read once.

Whole numbers are counted and averages taken over whole numbers, so the two ways agree to the last
digit (tests/scorecard/test_pressure_days.py, on SQLite and PostgreSQL).
"""

import bisect
import datetime

from django.db.models import Count, Exists, OuterRef, Q

from together.accounts.models import Role
from together.organisation.models import Absence, Team, TeamMembership, away_on_q
from together.proceedings.models import Allocation, Proceedings
from together.proceedings.selectors import scaled_ceiling

from ..dates import end_of
from ..selectors import CEILING_AFTER_FIRST_HEARING, CEILING_BEFORE_FIRST_HEARING, Scope, open_q
from ..series import days_to_allocation, lead_q, open_any_q
from .figures import (
    DEMAND_MONTHS,
    DURATION_WINDOW,
    PRIVATE_AFTER_FIRST_HEARING,
    Figures,
    a_year_before,
    duration_type,
    months_before,
)


def _held_q(day: datetime.date, prefix: str = "") -> Q:
    """An allocation of any kind held at D (started before the end of D, not ended by then)."""
    end = end_of(day)
    return Q(**{f"{prefix}started_at__lt": end}) & (
        Q(**{f"{prefix}ended_at__isnull": True}) | Q(**{f"{prefix}ended_at__gte": end})
    )


def _held_any_q(days) -> Q:
    """Allocations held at one of `days` or more."""
    return Q(started_at__lt=end_of(max(days))) & (
        Q(ended_at__isnull=True) | Q(ended_at__gte=end_of(min(days)))
    )


def _counts(days, area_ids, figures: dict) -> None:
    """Demand, throughput, held on duty and service managers' duty holdings: three queries."""
    starts = [months_before(day, DEMAND_MONTHS) for day in days]
    years = [a_year_before(day) for day in days]
    year_starts = [months_before(year, DEMAND_MONTHS) for year in years]
    counts = {}
    for n, day in enumerate(days):
        counts[f"opened{n}"] = Count(
            "pk", filter=Q(received_on__gt=starts[n], received_on__lte=day)
        )
        counts[f"year{n}"] = Count(
            "pk", filter=Q(received_on__gt=year_starts[n], received_on__lte=years[n])
        )
        counts[f"closed{n}"] = Count("pk", filter=Q(closed_on__gt=starts[n], closed_on__lte=day))
        counts[f"open{n}"] = Count("pk", filter=open_q(day))
    any_day = (
        Q(received_on__gt=min(year_starts), received_on__lte=max(years))
        | Q(received_on__gt=min(starts), received_on__lte=max(days))
        | Q(closed_on__gt=min(starts), closed_on__lte=max(days))
        | open_any_q(days)
    )
    rows = (
        Proceedings.objects.filter(any_day, service_area__in=area_ids)
        .values("service_area")
        .annotate(**counts)
        .order_by()
    )
    for row in rows:
        area_id = row["service_area"]
        for n, day in enumerate(days):
            found = figures[day][area_id]
            found.opened = row[f"opened{n}"]
            found.opened_year_before = row[f"year{n}"]
            found.closed = row[f"closed{n}"]
            found.held_on_duty = row[f"open{n}"]  # less those with a lead, below
    led_counts, duty_counts = {}, {}
    for n, day in enumerate(days):
        led = lead_q(day) & open_q(day, "proceedings__")
        led_counts[f"led{n}"] = Count("proceedings_id", distinct=True, filter=led)
        led_counts[f"fca{n}"] = Count(
            "proceedings_id", distinct=True, filter=led & Q(fca__role=Role.FCA)
        )
        duty = _held_q(day) & open_q(day, "proceedings__")
        duty_counts[f"duty{n}"] = Count("proceedings_id", distinct=True, filter=duty)
        duty_counts[f"led{n}"] = Count(
            "proceedings_id",
            distinct=True,
            filter=duty & lead_q(day, "proceedings__allocations__"),
        )
    led = (
        Allocation.objects.filter(
            _held_any_q(days),
            open_any_q(days, "proceedings__"),
            kind=Allocation.Kind.LEAD,
            proceedings__service_area__in=area_ids,
        )
        .values("proceedings__service_area")
        .annotate(**led_counts)
        .order_by()
    )
    for row in led:
        area_id = row["proceedings__service_area"]
        for n, day in enumerate(days):
            figures[day][area_id].held_on_duty -= row[f"led{n}"]
            figures[day][area_id].led = row[f"fca{n}"]
    duty = (
        Allocation.objects.filter(
            _held_any_q(days),
            open_any_q(days, "proceedings__"),
            kind=Allocation.Kind.DUTY,
            fca__role=Role.SERVICE_MANAGER,
            proceedings__service_area__in=area_ids,
        )
        .values("proceedings__service_area")
        .annotate(**duty_counts)
        .order_by()
    )
    for row in duty:
        area_id = row["proceedings__service_area"]
        for n, day in enumerate(days):
            figures[day][area_id].manager_duty = row[f"duty{n}"] - row[f"led{n}"]


def _durations(days, area_ids, figures: dict) -> None:
    """Proceedings closed in (D - 365 days, D] for each D: the days each ran, by type. One query."""
    window = datetime.timedelta(days=DURATION_WINDOW)
    rows = Proceedings.objects.filter(
        service_area__in=area_ids, closed_on__gt=min(days) - window, closed_on__lte=max(days)
    ).values_list("service_area", "law", "kind", "received_on", "first_hearing_on", "closed_on")
    for area_id, law, kind, received, first_hearing, closed in rows:
        found = duration_type(law, kind, first_hearing)
        if found is None:
            continue
        since = first_hearing if found == PRIVATE_AFTER_FIRST_HEARING else received
        ran = max((closed - since).days, 0)
        # The days D whose window (D - 365 days, D] holds the closing: closed <= D < closed + 365.
        first, after = bisect.bisect_left(days, closed), bisect.bisect_left(days, closed + window)
        for day in days[first:after]:
            figures[day][area_id].duration_days[found] += ran
            figures[day][area_id].duration_count[found] += 1


def _capacity(days, area_ids, figures: dict) -> None:
    """The capacity of the FCAs in the area's teams at each D, as pressure._saturation gives it
    for one day: one query. An FCA in two teams counts once, in the team they joined last."""
    away = {
        f"away{n}": Exists(Absence.objects.filter(away_on_q(day), user=OuterRef("user_id")))
        for n, day in enumerate(days)
    }
    members = list(
        TeamMembership.objects.filter(
            Q(ended_on__isnull=True) | Q(ended_on__gt=min(days)),
            team__service_area__in=area_ids,
            started_on__lte=max(days),
            user__role=Role.FCA,
            user__is_active=True,
        )
        .annotate(**away)
        .values_list(
            "user_id",
            "team__service_area",
            "team__kind",
            "user__fte",
            "started_on",
            "ended_on",
            *away,
        )
        .order_by("user_id", "-started_on", "-pk")
    )
    for n, day in enumerate(days):
        counted = set()
        for user_id, area_id, team_kind, fte, started, ended, *is_away in members:
            if started > day or (ended is not None and ended <= day) or user_id in counted:
                continue
            counted.add(user_id)
            if is_away[n]:
                continue
            full_time = (
                CEILING_BEFORE_FIRST_HEARING
                if team_kind == Team.Kind.PRE_FIRST_HEARING
                else CEILING_AFTER_FIRST_HEARING
            )
            figures[day][area_id].capacity += scaled_ceiling(full_time, fte)


def _supervisor_holdings(days, area_ids) -> dict:
    """For each D, as pressure._supervisor_holdings gives it for one day: how many open sets of
    proceedings in each area each practice supervisor holds an allocation on at D (any kind),
    keyed (user id, area id), and who they are. One query."""
    names = ("fca_id", "proceedings__service_area", "fca__given_name", "fca__family_name")
    names += ("fca__service_area",)
    rows = list(
        Allocation.objects.filter(
            _held_any_q(days),
            open_any_q(days, "proceedings__"),
            proceedings__service_area__in=area_ids,
            fca__role=Role.PRACTICE_SUPERVISOR,
        )
        .values(*names)
        .annotate(
            **{
                f"n{n}": Count(
                    "proceedings_id",
                    distinct=True,
                    filter=_held_q(day) & open_q(day, "proceedings__"),
                )
                for n, day in enumerate(days)
            }
        )
        .values_list(*names, *(f"n{n}" for n in range(len(days))))
        .order_by()
    )
    result = {}
    for n, day in enumerate(days):
        holdings, people = {}, {}
        for fca_id, area_id, given, family, own_area, *held in rows:
            if held[n]:
                holdings[(fca_id, area_id)] = held[n]
                people[fca_id] = (given, family, own_area)
        result[day] = (holdings, people)
    return result


def pressure_counts_for_days(days, area_ids: list[int]) -> dict:
    """Each of `days` with what pressure.pressure_counts gives for it: (each area's Figures, its
    days to allocation, the practice supervisors' holdings, who they are). Seven queries however
    many days and areas."""
    days = sorted(set(days))
    if not days:
        return {}
    if not area_ids:
        return {day: ({}, {}, {}, {}) for day in days}
    figures = {day: {area_id: Figures() for area_id in area_ids} for day in days}
    _counts(days, area_ids, figures)
    _durations(days, area_ids, figures)
    _capacity(days, area_ids, figures)
    waits = days_to_allocation(Scope(day=days[-1], ids=tuple(area_ids), each=True), days)
    holdings = _supervisor_holdings(days, area_ids)
    return {
        day: (
            figures[day],
            {
                key: found["days_to_allocation_avg_last_90_days"]
                for key, found in waits[day].items()
            },
            *holdings[day],
        )
        for day in days
    }
