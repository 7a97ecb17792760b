"""The scorecard's figures at a date, for the nation or some service areas, from the records.

Each figure is the board's definition (issue 16; each function's docstring repeats it), read
with the ORM's aggregates and `Exists`, one or two queries a figure. A date D is a day in London:
a time recorded "on or before D" is before the first moment of the next day (scorecard.dates).

Shares are fractions between 0 and 1 and averages are unrounded; a share or an average with
nothing to count is None (`null` in JSON). Counts are whole numbers, 0 when there is nothing.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet
from django.utils import timezone

from together.accounts.models import Role
from together.children.models import Meeting
from together.feedback.models import (
    CHILD_AUDIENCES,
    POSITIVE_ANSWERS,
    Answer,
    Audience,
    FeedbackResponse,
)
from together.organisation.models import ServiceArea
from together.proceedings.models import Allocation, Law, Proceedings, ProceedingsChild
from together.quality.models import GOOD_OR_BETTER, Audit

from .dates import end_of

# The board's thresholds for caseloads: sets of proceedings one FCA leads.
CEILING_AFTER_FIRST_HEARING = 25
CEILING_BEFORE_FIRST_HEARING = 40
DAYS_TO_ALLOCATION_WINDOW = 90
AUDITS_WINDOW = 365
AUDITED_RECENTLY_WINDOW = 91
FEEDBACK_WINDOW = 365

# The figures, in the order the command prints them.
KEYS = (
    "open_proceedings",
    "open_proceedings_public",
    "open_proceedings_private",
    "open_children",
    "held_on_duty",
    "caseload_post_first_hearing_avg",
    "caseload_post_first_hearing_share_over_25",
    "caseload_pre_first_hearing_avg",
    "caseload_pre_first_hearing_share_over_40",
    "days_to_allocation_avg_last_90_days",
    "children_seen_share",
    "children_seen_in_person_share",
    "audits_good_or_better_share_last_12_months",
    "fcas_without_audit_last_3_months_share",
    "children_felt_listened_to_share_last_12_months",
    "parents_carers_felt_listened_to_share_last_12_months",
)


@dataclass(frozen=True)
class Scope:
    """Where the figures are for: the nation (`area_ids` None) or some service areas (one area,
    or a region's), all together, or each area on its own (`by_area`)."""

    day: datetime.date
    area_ids: tuple[int, ...] | None = None
    by_area: bool = False

    def proceedings(self, prefix: str = "") -> Q:
        if self.area_ids is None:
            return Q()
        return Q(**{f"{prefix}service_area__in": self.area_ids})

    def groups(self) -> list:
        """The key of each result: None for the whole, or each service area's id."""
        return list(self.area_ids) if self.by_area else [None]


def _aggregate(scope: Scope, queryset: QuerySet, area: str, **aggregates) -> dict:
    """The aggregates over `queryset` for the whole scope (key None), or for each service area
    (`area` is the path to the service area): the same aggregates, grouped."""
    if not scope.by_area:
        return {None: queryset.aggregate(**aggregates)}
    rows = queryset.values(scorecard_area=F(area)).annotate(**aggregates).order_by()
    found = {row.pop("scorecard_area"): row for row in rows}
    return {key: found.get(key, dict.fromkeys(aggregates, 0)) for key in scope.groups()}


def _grouped(scope: Scope, rows) -> dict:
    """Rows of (service area, values...) gathered by the scope's keys."""
    groups = {key: [] for key in scope.groups()}
    for area, *values in rows:
        groups[area if scope.by_area else None].append(values)
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


def open_proceedings(scope: Scope) -> dict:
    has_lead = leads_at(scope.day).filter(proceedings=OuterRef("pk"))
    counts = _aggregate(
        scope,
        Proceedings.objects.filter(open_q(scope.day), scope.proceedings()),
        "service_area",
        open=Count("pk"),
        public=Count("pk", filter=Q(law=Law.PUBLIC)),
        private=Count("pk", filter=Q(law=Law.PRIVATE)),
        on_duty=Count("pk", filter=~Exists(has_lead)),
    )
    children = _aggregate(
        scope,
        ProceedingsChild.objects.filter(
            open_q(scope.day, "proceedings__"), scope.proceedings("proceedings__")
        ),
        "proceedings__service_area",
        n=Count("child_id", distinct=True),
    )
    return {
        key: {
            "open_proceedings": counts[key]["open"],
            "open_proceedings_public": counts[key]["public"],
            "open_proceedings_private": counts[key]["private"],
            "open_children": children[key]["n"],
            "held_on_duty": counts[key]["on_duty"],
        }
        for key in scope.groups()
    }


def caseloads(scope: Scope) -> dict:
    """Per FCA, the open proceedings they lead at D, after and before the first hearing."""
    after = after_first_hearing_q(scope.day, "proceedings__")
    before = before_first_hearing_q(scope.day, "proceedings__")
    # One row per FCA, or per FCA and service area.
    by = ["proceedings__service_area"] if scope.by_area else []
    loads = (
        leads_at(scope.day)
        .filter(
            open_q(scope.day, "proceedings__"),
            scope.proceedings("proceedings__"),
            fca__role=Role.FCA,
        )
        .values("fca_id", *by)
        .annotate(
            after=Count("proceedings_id", filter=after, distinct=True),
            before=Count("proceedings_id", filter=before, distinct=True),
        )
        .values_list(*by, "after", "before")
        .order_by()
    )
    if not scope.by_area:
        loads = [(None, *row) for row in loads]
    result = {}
    for key, rows in _grouped(scope, loads).items():
        after_loads = [a for a, _ in rows if a]
        before_loads = [b for _, b in rows if b]
        result[key] = {
            "caseload_post_first_hearing_avg": _mean(after_loads),
            "caseload_post_first_hearing_share_over_25": share(
                sum(n > CEILING_AFTER_FIRST_HEARING for n in after_loads), len(after_loads)
            ),
            "caseload_pre_first_hearing_avg": _mean(before_loads),
            "caseload_pre_first_hearing_share_over_40": share(
                sum(n > CEILING_BEFORE_FIRST_HEARING for n in before_loads), len(before_loads)
            ),
        }
    return result


def days_to_allocation(scope: Scope) -> dict:
    """For proceedings whose first lead started in (D-90, D], the mean of the days from the
    application to that start. `first_allocated_at` is the first lead's start (kept so by
    proceedings.services and by the import)."""
    window_start = end_of(scope.day - datetime.timedelta(days=DAYS_TO_ALLOCATION_WINDOW))
    rows = Proceedings.objects.filter(
        scope.proceedings(),
        first_allocated_at__gte=window_start,
        first_allocated_at__lt=end_of(scope.day),
    ).values_list("service_area_id", "received_on", "first_allocated_at")
    return {
        key: {
            "days_to_allocation_avg_last_90_days": _mean(
                [(timezone.localdate(at) - received).days for received, at in found]
            )
        }
        for key, found in _grouped(scope, rows).items()
    }


def children_seen(scope: Scope) -> dict:
    """Over (open proceedings, child) pairs: the share with a meeting in those proceedings on or
    before D, and the share with one in person."""
    met = Meeting.objects.filter(
        child=OuterRef("child_id"),
        proceedings=OuterRef("proceedings_id"),
        outcome=Meeting.Outcome.MET,  # a record of not meeting them is not a meeting
        occurred_at__lt=end_of(scope.day),
    )
    counts = _aggregate(
        scope,
        ProceedingsChild.objects.filter(
            open_q(scope.day, "proceedings__"), scope.proceedings("proceedings__")
        ),
        "proceedings__service_area",
        pairs=Count("pk"),
        seen=Count("pk", filter=Exists(met)),
        in_person=Count("pk", filter=Exists(met.filter(method=Meeting.Method.IN_PERSON))),
    )
    return {
        key: {
            "children_seen_share": share(c["seen"], c["pairs"]),
            "children_seen_in_person_share": share(c["in_person"], c["pairs"]),
        }
        for key, c in counts.items()
    }


def audits(scope: Scope) -> dict:
    """The share of audits in (D-365, D] graded good or outstanding; and over FCAs leading at
    least one open set of proceedings at D (in the area), the share with no audit of their work
    (anywhere) in (D-91, D]."""
    day = scope.day
    graded = _aggregate(
        scope,
        Audit.objects.filter(
            scope.proceedings("proceedings__"),
            audited_on__gt=day - datetime.timedelta(days=AUDITS_WINDOW),
            audited_on__lte=day,
        ),
        "proceedings__service_area",
        all=Count("pk"),
        good=Count("pk", filter=Q(grade__in=GOOD_OR_BETTER)),
    )
    leading = (
        leads_at(day)
        .filter(
            open_q(day, "proceedings__"),
            scope.proceedings("proceedings__"),
            fca__role=Role.FCA,
        )
        .values_list("proceedings__service_area", "fca_id")
        .distinct()
        .order_by()
    )
    audited = set(
        Audit.objects.filter(
            audited_on__gt=day - datetime.timedelta(days=AUDITED_RECENTLY_WINDOW),
            audited_on__lte=day,
        )
        .values_list("fca_id", flat=True)
        .distinct()
        .order_by()
    )
    result = {}
    for key, rows in _grouped(scope, leading).items():
        fcas = {fca for (fca,) in rows}
        result[key] = {
            "audits_good_or_better_share_last_12_months": share(
                graded[key]["good"], graded[key]["all"]
            ),
            "fcas_without_audit_last_3_months_share": share(len(fcas - audited), len(fcas)),
        }
    return result


def feedback(scope: Scope) -> dict:
    """Answers in (D-365, D], leaving out "I don't know" and answers to a form that did not ask
    the question (after an introductory letter): the share who felt listened to, for children
    and for parents and carers. An area's are the answers about its work."""
    start = end_of(scope.day - datetime.timedelta(days=FEEDBACK_WINDOW))
    answers = FeedbackResponse.objects.filter(
        answered_at__gte=start, answered_at__lt=end_of(scope.day), listened__isnull=False
    ).exclude(listened=Answer.DONT_KNOW)
    if scope.area_ids is not None:
        answers = answers.filter(service_area__in=scope.area_ids)
    child = Q(audience__in=CHILD_AUDIENCES)
    parent = Q(audience=Audience.PARENT_CARER)
    yes = Q(listened__in=POSITIVE_ANSWERS)
    counts = _aggregate(
        scope,
        answers,
        "service_area",
        children=Count("pk", filter=child),
        children_yes=Count("pk", filter=child & yes),
        parents=Count("pk", filter=parent),
        parents_yes=Count("pk", filter=parent & yes),
    )
    return {
        key: {
            "children_felt_listened_to_share_last_12_months": share(
                c["children_yes"], c["children"]
            ),
            "parents_carers_felt_listened_to_share_last_12_months": share(
                c["parents_yes"], c["parents"]
            ),
        }
        for key, c in counts.items()
    }


PARTS = (open_proceedings, caseloads, days_to_allocation, children_seen, audits, feedback)


def _figures(scope: Scope) -> dict:
    figures = {key: {} for key in scope.groups()}
    for part in PARTS:
        for key, found in part(scope).items():
            figures[key].update(found)
    return {key: {name: found[name] for name in KEYS} for key, found in figures.items()}


def scorecard_figures(
    day: datetime.date,
    *,
    area: ServiceArea | None = None,
    areas: list[ServiceArea] | None = None,
) -> dict:
    """Every figure at `day`, keyed as KEYS: for the nation, one service area (`area`), or
    several together (`areas`, a region's)."""
    if area is not None:
        areas = [area]
    scope = Scope(day=day, area_ids=None if areas is None else tuple(a.pk for a in areas))
    return _figures(scope)[None]


def scorecard_figures_by_area(day: datetime.date, areas: list[ServiceArea]) -> dict:
    """Every figure at `day` for each of `areas` on its own, keyed by the area's id: the same
    figures as `scorecard_figures(day, area=...)` for each, in the same number of queries as
    one."""
    return _figures(Scope(day=day, area_ids=tuple(a.pk for a in areas), by_area=True))


def _mean(values: list) -> float | None:
    return sum(values) / len(values) if values else None
