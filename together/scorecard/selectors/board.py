"""The board's figures, part by part (each function's docstring gives its definition)."""

import datetime

from django.db.models import Count, Exists, OuterRef, Q
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
from together.proceedings.models import Law, Proceedings, ProceedingsChild
from together.quality.models import GOOD_OR_BETTER, Audit

from ..dates import end_of
from .keys import (
    AUDITED_RECENTLY_WINDOW,
    AUDITS_WINDOW,
    CEILING_AFTER_FIRST_HEARING,
    CEILING_BEFORE_FIRST_HEARING,
    DAYS_TO_ALLOCATION_WINDOW,
    FEEDBACK_WINDOW,
)
from .scope import (
    Scope,
    _aggregate,
    _bases,
    _grouped,
    _mean,
    after_first_hearing_q,
    before_first_hearing_q,
    leads_at,
    open_q,
    share,
)


def open_proceedings(scope: Scope) -> dict:
    has_lead = leads_at(scope.day).filter(proceedings=OuterRef("pk"))
    counts = _aggregate(
        scope,
        Proceedings.objects.filter(open_q(scope.day), scope.proceedings()),
        scope.path(),
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
        scope.path("proceedings__"),
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


def caseload_figures(after_loads: list[int], before_loads: list[int]) -> dict:
    """The caseload measures from each FCA's number of proceedings after the first hearing and
    before it (each FCA holding any), with the number each is built on."""
    return {
        "caseload_post_first_hearing_avg": _mean(after_loads),
        "caseload_post_first_hearing_share_over_25": share(
            sum(n > CEILING_AFTER_FIRST_HEARING for n in after_loads), len(after_loads)
        ),
        "caseload_pre_first_hearing_avg": _mean(before_loads),
        "caseload_pre_first_hearing_share_over_40": share(
            sum(n > CEILING_BEFORE_FIRST_HEARING for n in before_loads), len(before_loads)
        ),
        **_bases(
            len(after_loads),
            "caseload_post_first_hearing_avg",
            "caseload_post_first_hearing_share_over_25",
        ),
        **_bases(
            len(before_loads),
            "caseload_pre_first_hearing_avg",
            "caseload_pre_first_hearing_share_over_40",
        ),
    }


def caseloads(scope: Scope) -> dict:
    """Per FCA, the open proceedings they lead at D, after and before the first hearing."""
    after = after_first_hearing_q(scope.day, "proceedings__")
    before = before_first_hearing_q(scope.day, "proceedings__")
    # One row per FCA, or per FCA and service area.
    by = [scope.path("proceedings__")] if scope.each else []
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
    if not scope.each:
        loads = [(None, *row) for row in loads]
    result = {}
    for key, rows in _grouped(scope, loads).items():
        after_loads = [a for a, _ in rows if a]
        before_loads = [b for _, b in rows if b]
        result[key] = caseload_figures(after_loads, before_loads)
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
    ).values_list(scope.path(), "received_on", "first_allocated_at")
    return {
        key: {
            "days_to_allocation_avg_last_90_days": _mean(
                [(timezone.localdate(at) - received).days for received, at in found]
            ),
            **_bases(len(found), "days_to_allocation_avg_last_90_days"),
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
        scope.path("proceedings__"),
        pairs=Count("pk"),
        seen=Count("pk", filter=Exists(met)),
        in_person=Count("pk", filter=Exists(met.filter(method=Meeting.Method.IN_PERSON))),
    )
    return {
        key: {
            "children_seen_share": share(c["seen"], c["pairs"]),
            "children_seen_in_person_share": share(c["in_person"], c["pairs"]),
            **_bases(c["pairs"], "children_seen_share", "children_seen_in_person_share"),
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
        scope.path("proceedings__"),
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
        .values_list(scope.path("proceedings__"), "fca_id")
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
            **_bases(graded[key]["all"], "audits_good_or_better_share_last_12_months"),
            **_bases(len(fcas), "fcas_without_audit_last_3_months_share"),
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
    if scope.ids is not None:
        answers = answers.filter(scope.proceedings())
    child = Q(audience__in=CHILD_AUDIENCES)
    parent = Q(audience=Audience.PARENT_CARER)
    yes = Q(listened__in=POSITIVE_ANSWERS)
    counts = _aggregate(
        scope,
        answers,
        scope.path(),
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
            **_bases(c["children"], "children_felt_listened_to_share_last_12_months"),
            **_bases(c["parents"], "parents_carers_felt_listened_to_share_last_12_months"),
        }
        for key, c in counts.items()
    }
