"""The scorecard's figures of many days at once, for a rebuild of the snapshots (snapshots/).

The same figures as selectors.figures_for gives for each day on its own, by the same definitions
(each built from the selectors' own conditions: open_q, the first hearing, a lead at D), but each
measure read once for a run of days: one query reads the records any of the days could count,
and a conditional aggregate per day counts those that day counts. Differences from the one-day
queries, each giving the same answer:

- held on duty: the open proceedings, less those open with a lead at D (one day's query asks of
  each open set whether it has a lead);
- children seen: a child is seen by D when their first meeting in the proceedings is before the
  end of D (one day's query asks whether there is a meeting before then); each pair open in the
  run is read once with its first meetings, and each day's counts are taken from them in Python;
- days to allocation, and the FCAs audited lately: the rows of the whole run read once, and each
  day's window taken from them in Python;
- the FCAs with their audits and observations done: one function for a day and for many
  (selectors.compliance_for_days).

Whole numbers are counted and averages are taken over whole numbers, so the two ways agree to the
last digit (tests/scorecard/test_series.py, on SQLite and PostgreSQL).
"""

import bisect
import datetime

from django.db.models import Count, Q
from django.utils import timezone

from together.accounts.models import Role
from together.feedback.models import (
    CHILD_AUDIENCES,
    POSITIVE_ANSWERS,
    Answer,
    Audience,
    FeedbackResponse,
)
from together.proceedings.models import Allocation, Law, Proceedings, ProceedingsChild
from together.quality.models import GOOD_OR_BETTER, Audit

from .dates import end_of
from .selectors import (
    AUDITED_RECENTLY_WINDOW,
    AUDITS_WINDOW,
    DAYS_TO_ALLOCATION_WINDOW,
    FEEDBACK_WINDOW,
    Scope,
    _aggregate,
    _bases,
    _grouped,
    _mean,
    after_first_hearing_q,
    before_first_hearing_q,
    caseload_figures,
    compliance_for_days,
    open_q,
    share,
)

DAY = datetime.timedelta(days=1)


def lead_q(day: datetime.date, prefix: str = "") -> Q:
    """A lead allocation at D (selectors.leads_at), as a condition."""
    end = end_of(day)
    return Q(**{f"{prefix}kind": Allocation.Kind.LEAD, f"{prefix}started_at__lt": end}) & (
        Q(**{f"{prefix}ended_at__isnull": True}) | Q(**{f"{prefix}ended_at__gte": end})
    )


def open_any_q(days, prefix: str = "") -> Q:
    """Open on at least one of `days` (the run's rows; each day's own condition counts)."""
    return Q(**{f"{prefix}received_on__lte": max(days)}) & (
        Q(**{f"{prefix}closed_on__isnull": True}) | Q(**{f"{prefix}closed_on__gt": min(days)})
    )


def _leads_any(days) -> Q:
    """Lead allocations at one of `days` or more."""
    return Q(kind=Allocation.Kind.LEAD, started_at__lt=end_of(max(days))) & (
        Q(ended_at__isnull=True) | Q(ended_at__gte=end_of(min(days)))
    )


def open_proceedings(scope: Scope, days) -> dict:
    counts = {}
    for n, day in enumerate(days):
        counts[f"open{n}"] = Count("pk", filter=open_q(day))
        counts[f"public{n}"] = Count("pk", filter=open_q(day) & Q(law=Law.PUBLIC))
        counts[f"private{n}"] = Count("pk", filter=open_q(day) & Q(law=Law.PRIVATE))
    counts = _aggregate(
        scope,
        Proceedings.objects.filter(open_any_q(days), scope.proceedings()),
        scope.path(),
        **counts,
    )
    led = _aggregate(
        scope,
        Allocation.objects.filter(
            _leads_any(days),
            open_any_q(days, "proceedings__"),
            scope.proceedings("proceedings__"),
        ),
        scope.path("proceedings__"),
        **{
            f"led{n}": Count(
                "proceedings_id",
                distinct=True,
                filter=lead_q(day) & open_q(day, "proceedings__"),
            )
            for n, day in enumerate(days)
        },
    )
    children = _aggregate(
        scope,
        ProceedingsChild.objects.filter(
            open_any_q(days, "proceedings__"), scope.proceedings("proceedings__")
        ),
        scope.path("proceedings__"),
        **{
            f"n{n}": Count("child_id", distinct=True, filter=open_q(day, "proceedings__"))
            for n, day in enumerate(days)
        },
    )
    return {
        day: {
            key: {
                "open_proceedings": counts[key][f"open{n}"],
                "open_proceedings_public": counts[key][f"public{n}"],
                "open_proceedings_private": counts[key][f"private{n}"],
                "open_children": children[key][f"n{n}"],
                "held_on_duty": counts[key][f"open{n}"] - led[key][f"led{n}"],
            }
            for key in scope.groups()
        }
        for n, day in enumerate(days)
    }


def caseloads(scope: Scope, days) -> dict:
    by = [scope.path("proceedings__")] if scope.each else []
    counts = {}
    for n, day in enumerate(days):
        held = lead_q(day) & open_q(day, "proceedings__")
        counts[f"a{n}"] = Count(
            "proceedings_id",
            distinct=True,
            filter=held & after_first_hearing_q(day, "proceedings__"),
        )
        counts[f"b{n}"] = Count(
            "proceedings_id",
            distinct=True,
            filter=held & before_first_hearing_q(day, "proceedings__"),
        )
    rows = list(
        Allocation.objects.filter(
            _leads_any(days),
            open_any_q(days, "proceedings__"),
            scope.proceedings("proceedings__"),
            fca__role=Role.FCA,
        )
        .values("fca_id", *by)
        .annotate(**counts)
        .values_list(*by, *counts)
        .order_by()
    )
    if not scope.each:
        rows = [(None, *row) for row in rows]
    result = {}
    for n, day in enumerate(days):
        loads = [(row[0], row[1 + 2 * n], row[2 + 2 * n]) for row in rows]
        result[day] = {}
        for key, found in _grouped(scope, loads).items():
            after = [a for a, _ in found if a]
            before = [b for _, b in found if b]
            result[day][key] = caseload_figures(after, before)
    return result


def days_to_allocation(scope: Scope, days) -> dict:
    rows = [
        (group, received, at, timezone.localdate(at))
        for group, received, at in Proceedings.objects.filter(
            scope.proceedings(),
            first_allocated_at__gte=end_of(min(days) - DAYS_TO_ALLOCATION_WINDOW * DAY),
            first_allocated_at__lt=end_of(max(days)),
        ).values_list(scope.path(), "received_on", "first_allocated_at")
    ]
    result = {}
    for day in days:
        start, end = end_of(day - DAYS_TO_ALLOCATION_WINDOW * DAY), end_of(day)
        found = [(g, received, local) for g, received, at, local in rows if start <= at < end]
        result[day] = {
            key: {
                "days_to_allocation_avg_last_90_days": _mean(
                    [(local - received).days for received, local in got]
                ),
                **_bases(len(got), "days_to_allocation_avg_last_90_days"),
            }
            for key, got in _grouped(scope, found).items()
        }
    return result


def children_seen(scope: Scope, days) -> dict:
    """Each pair open on one of the days is read once, with its first meeting in the proceedings
    and its first in person (kept on the pair, ProceedingsChild.first_met_at), and each day's
    counts are taken from them here: a pair counts on the days it is open, and as seen from the
    first day whose end is after its first meeting."""
    group = scope.path("proceedings__")
    rows = (
        ProceedingsChild.objects.filter(
            open_any_q(days, "proceedings__"), scope.proceedings("proceedings__")
        )
        .values_list(
            group,
            "proceedings__received_on",
            "proceedings__closed_on",
            "first_met_at",
            "first_met_in_person_at",
        )
        .order_by()
    )
    ordered = sorted(days)
    ends = [end_of(day) for day in ordered]
    names = ("pairs", "seen", "in_person")
    changes = {key: {name: [0] * (len(ordered) + 1) for name in names} for key in scope.groups()}
    for place, received_on, closed_on, first_met, first_in_person in rows:
        counted = changes.get(place if scope.each else None)
        if counted is None:
            continue
        # Open from the first day on or after receipt to the last day before closing.
        first = bisect.bisect_left(ordered, received_on)
        stop = len(ordered) if closed_on is None else bisect.bisect_left(ordered, closed_on)
        _count_days(counted["pairs"], first, stop)
        for name, met_at in (("seen", first_met), ("in_person", first_in_person)):
            if met_at is not None:
                _count_days(counted[name], max(first, bisect.bisect_right(ends, met_at)), stop)
    result = {day: {} for day in ordered}
    for key, counted in changes.items():
        running = dict.fromkeys(names, 0)
        for n, day in enumerate(ordered):
            for name in names:
                running[name] += counted[name][n]
            result[day][key] = {
                "children_seen_share": share(running["seen"], running["pairs"]),
                "children_seen_in_person_share": share(running["in_person"], running["pairs"]),
                **_bases(running["pairs"], "children_seen_share", "children_seen_in_person_share"),
            }
    return result


def _count_days(changes: list[int], first: int, stop: int) -> None:
    """Count a record on the days numbered first to stop - 1 (none when first >= stop), as
    changes: +1 on the first day it counts, -1 on the first day it no longer does."""
    if first < stop:
        changes[first] += 1
        changes[stop] -= 1


def audits(scope: Scope, days) -> dict:
    def graded_on(day):
        return Q(audited_on__gt=day - AUDITS_WINDOW * DAY, audited_on__lte=day)

    graded = _aggregate(
        scope,
        Audit.objects.filter(
            scope.proceedings("proceedings__"),
            audited_on__gt=min(days) - AUDITS_WINDOW * DAY,
            audited_on__lte=max(days),
        ),
        scope.path("proceedings__"),
        **{
            name: aggregate
            for n, day in enumerate(days)
            for name, aggregate in (
                (f"all{n}", Count("pk", filter=graded_on(day))),
                (f"good{n}", Count("pk", filter=graded_on(day) & Q(grade__in=GOOD_OR_BETTER))),
            )
        },
    )
    leading = list(
        Allocation.objects.filter(
            _leads_any(days),
            open_any_q(days, "proceedings__"),
            scope.proceedings("proceedings__"),
            fca__role=Role.FCA,
        )
        .values_list(scope.path("proceedings__"), "fca_id")
        .annotate(
            **{
                f"l{n}": Count("pk", filter=lead_q(day) & open_q(day, "proceedings__"))
                for n, day in enumerate(days)
            }
        )
        .order_by()
    )
    audited_on = list(
        Audit.objects.filter(
            audited_on__gt=min(days) - AUDITED_RECENTLY_WINDOW * DAY,
            audited_on__lte=max(days),
        )
        .values_list("fca_id", "audited_on")
        .distinct()
        .order_by()
    )
    result = {}
    for n, day in enumerate(days):
        since = day - AUDITED_RECENTLY_WINDOW * DAY
        audited = {fca for fca, on in audited_on if since < on <= day}
        rows = [(group, fca) for group, fca, *held in leading if held[n]]
        result[day] = {}
        for key, found in _grouped(scope, rows).items():
            fcas = {fca for (fca,) in found}
            result[day][key] = {
                "audits_good_or_better_share_last_12_months": share(
                    graded[key][f"good{n}"], graded[key][f"all{n}"]
                ),
                "fcas_without_audit_last_3_months_share": share(len(fcas - audited), len(fcas)),
                **_bases(graded[key][f"all{n}"], "audits_good_or_better_share_last_12_months"),
                **_bases(len(fcas), "fcas_without_audit_last_3_months_share"),
            }
    return result


def feedback(scope: Scope, days) -> dict:
    answers = FeedbackResponse.objects.filter(
        answered_at__gte=end_of(min(days) - FEEDBACK_WINDOW * DAY),
        answered_at__lt=end_of(max(days)),
        listened__isnull=False,
    ).exclude(listened=Answer.DONT_KNOW)
    if scope.ids is not None:
        answers = answers.filter(scope.proceedings())
    child = Q(audience__in=CHILD_AUDIENCES)
    parent = Q(audience=Audience.PARENT_CARER)
    yes = Q(listened__in=POSITIVE_ANSWERS)
    counts = {}
    for n, day in enumerate(days):
        window = Q(
            answered_at__gte=end_of(day - FEEDBACK_WINDOW * DAY), answered_at__lt=end_of(day)
        )
        counts[f"children{n}"] = Count("pk", filter=window & child)
        counts[f"children_yes{n}"] = Count("pk", filter=window & child & yes)
        counts[f"parents{n}"] = Count("pk", filter=window & parent)
        counts[f"parents_yes{n}"] = Count("pk", filter=window & parent & yes)
    counts = _aggregate(scope, answers, scope.path(), **counts)
    return {
        day: {
            key: {
                "children_felt_listened_to_share_last_12_months": share(
                    c[f"children_yes{n}"], c[f"children{n}"]
                ),
                "parents_carers_felt_listened_to_share_last_12_months": share(
                    c[f"parents_yes{n}"], c[f"parents{n}"]
                ),
                **_bases(c[f"children{n}"], "children_felt_listened_to_share_last_12_months"),
                **_bases(c[f"parents{n}"], "parents_carers_felt_listened_to_share_last_12_months"),
            }
            for key, c in counts.items()
        }
        for n, day in enumerate(days)
    }


PARTS = (open_proceedings, caseloads, days_to_allocation, children_seen, audits, feedback)
PARTS += (compliance_for_days,)  # the same function as a day's own (selectors.compliance)


def figures_for_days(
    days, level: str = "area", ids: tuple[int, ...] | None = None, *, each: bool = False
) -> dict:
    """Every figure of each of `days`, as figures_for gives it for that day (keyed by day, then
    as figures_for: None for the whole, or each place's id): the same number of queries however
    many days and places."""
    days = sorted(set(days))
    if not days:
        return {}
    scope = Scope(day=days[-1], ids=ids, each=each, level=level)
    figures = {day: {key: {} for key in scope.groups()} for day in days}
    for part in PARTS:
        for day, by_group in part(scope, days).items():
            for key, found in by_group.items():
                figures[day][key].update(found)
    return figures
