"""The board's figures, part by part (each function's docstring gives its definition)."""

import datetime
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Case, Count, Exists, F, OuterRef, Q, Value, When
from django.db.models.functions import TruncDate

from together.accounts.models import Role
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
    _bases,
    _mean,
    after_first_hearing_q,
    before_first_hearing_q,
    leads_at,
    open_q,
    share,
)
from .tally import Tally

# How far a child in open proceedings had been seen by D (_gather_children).
NOT_SEEN, SEEN, SEEN_IN_PERSON = 0, 1, 2


@dataclass(frozen=True)
class Part:
    """One part of the figures: `gather` reads the records once for every place of a scope, a
    Tally for each ({place's id: tally}, or {None: tally} for the whole); `finish` turns a tally
    into the part's figures."""

    gather: Callable[[Scope], dict]
    finish: Callable[[Tally], dict]

    def __call__(self, scope: Scope) -> dict:
        """The figures for the scope as a whole, or for each of its places (scope.groups())."""
        tallies = self.gather(scope)
        return {key: self.finish(tallies.get(key) or Tally()) for key in scope.groups()}


def _counted(scope: Scope, queryset, path: str, **aggregates) -> dict:
    """The counts `aggregates` over `queryset`, a Tally for the whole, or for each place found
    (`path` is the path to the place's id; the records of no place are keyed None)."""
    if not scope.each:
        return {None: Tally(counts=Counter(queryset.aggregate(**aggregates)))}
    rows = queryset.values(scorecard_group=F(path)).annotate(**aggregates).order_by()
    return {row.pop("scorecard_group"): Tally(counts=Counter(row)) for row in rows}


def _by_place(scope: Scope, rows) -> dict:
    """Rows of (place, values...) gathered by place (all under None for the whole)."""
    found: dict = {}
    for group, *values in rows:
        found.setdefault(group if scope.each else None, []).append(values)
    return found


def _gather_open(scope: Scope) -> dict:
    has_lead = leads_at(scope.day).filter(proceedings=OuterRef("pk"))
    return _counted(
        scope,
        Proceedings.objects.filter(open_q(scope.day), scope.proceedings()),
        scope.path(),
        open=Count("pk"),
        public=Count("pk", filter=Q(law=Law.PUBLIC)),
        private=Count("pk", filter=Q(law=Law.PRIVATE)),
        on_duty=Count("pk", filter=~Exists(has_lead)),
    )


def _open_figures(tally: Tally) -> dict:
    counts = tally.counts
    return {
        "open_proceedings": counts["open"],
        "open_proceedings_public": counts["public"],
        "open_proceedings_private": counts["private"],
        "held_on_duty": counts["on_duty"],
    }


# Open at D, public and private, and held on duty (open with no lead at D).
open_proceedings = Part(_gather_open, _open_figures)


def _gather_children(scope: Scope) -> dict:
    """The (open proceedings, child) pairs at D: how many, how many seen by D (first met in
    those proceedings before the end of D, ProceedingsChild.first_met_at), and seen in person;
    and the distinct children in them. For each place, a set of the children rather than a
    count, so a child in proceedings in two areas is one child of their region when the areas'
    tallies are put together; for a whole on its own, the database's count of them."""
    end = end_of(scope.day)
    pairs = ProceedingsChild.objects.filter(
        open_q(scope.day, "proceedings__"), scope.proceedings("proceedings__")
    )
    if not scope.each:
        found = pairs.aggregate(
            children=Count("child_id", distinct=True),
            pairs=Count("pk"),
            seen=Count("pk", filter=Q(first_met_at__lt=end)),
            in_person=Count("pk", filter=Q(first_met_in_person_at__lt=end)),
        )
        return {None: Tally(counts=Counter(found))}
    # Each pair as (place, child, SEEN_IN_PERSON, SEEN or NOT_SEEN): a first meeting in person is
    # never before the first meeting, so one in person by D was seen by D.
    seen = Case(
        When(first_met_in_person_at__lt=end, then=Value(SEEN_IN_PERSON)),
        When(first_met_at__lt=end, then=Value(SEEN)),
        default=Value(NOT_SEEN),
    )
    rows = pairs.values_list(scope.path("proceedings__"), "child_id", seen).order_by()
    places: dict = {}
    for place, child, how in rows:
        found = places.get(place)
        if found is None:
            found = places[place] = ([0, 0, 0], set())
        found[0][how] += 1
        found[1].add(child)
    return {
        place: Tally(
            counts=Counter(
                pairs=sum(by_how),
                seen=by_how[SEEN] + by_how[SEEN_IN_PERSON],
                in_person=by_how[SEEN_IN_PERSON],
            ),
            people={"children": frozenset(children)},
        )
        for place, (by_how, children) in places.items()
    }


def _children_figures(tally: Tally) -> dict:
    c = tally.counts
    children = tally.people.get("children")
    return {
        "open_children": c["children"] if children is None else len(children),
        "children_seen_share": share(c["seen"], c["pairs"]),
        "children_seen_in_person_share": share(c["in_person"], c["pairs"]),
        **_bases(c["pairs"], "children_seen_share", "children_seen_in_person_share"),
    }


# The distinct children in open proceedings at D, and the share of (open proceedings, child)
# pairs seen by D, and seen in person.
children = Part(_gather_children, _children_figures)


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


def _gather_caseloads(scope: Scope) -> dict:
    """Per FCA (and place), the open proceedings they lead at D, after and before the first
    hearing."""
    after = after_first_hearing_q(scope.day, "proceedings__")
    before = before_first_hearing_q(scope.day, "proceedings__")
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
        .values_list(*by, "fca_id", "after", "before")
        .order_by()
    )
    if not scope.each:
        loads = [(None, *row) for row in loads]
    return {
        key: Tally(
            by_person={
                "after": Counter({fca: a for fca, a, _ in rows}),
                "before": Counter({fca: b for fca, _, b in rows}),
            }
        )
        for key, rows in _by_place(scope, loads).items()
    }


def _caseload_figures(tally: Tally) -> dict:
    after, before = tally.by_person.get("after", {}), tally.by_person.get("before", {})
    return caseload_figures([n for n in after.values() if n], [n for n in before.values() if n])


# Per FCA, the open proceedings they lead at D, after and before the first hearing.
caseloads = Part(_gather_caseloads, _caseload_figures)


def _gather_days_to_allocation(scope: Scope) -> dict:
    """For proceedings whose first lead started in (D-90, D], the days from the application to
    that start, that day taken in the service's time zone. `first_allocated_at` is the first
    lead's start (kept so by proceedings.services and by the import)."""
    window_start = end_of(scope.day - datetime.timedelta(days=DAYS_TO_ALLOCATION_WINDOW))
    rows = (
        Proceedings.objects.filter(
            scope.proceedings(),
            first_allocated_at__gte=window_start,
            first_allocated_at__lt=end_of(scope.day),
        )
        .values_list(scope.path(), "received_on", TruncDate("first_allocated_at"))
        .order_by()
    )
    return {
        key: Tally(values={"days": [(on - got).days for got, on in found]})
        for key, found in _by_place(scope, rows).items()
    }


def _days_to_allocation_figures(tally: Tally) -> dict:
    days = tally.values.get("days", [])
    return {
        "days_to_allocation_avg_last_90_days": _mean(days),
        **_bases(len(days), "days_to_allocation_avg_last_90_days"),
    }


# The mean of the days to the first lead, over proceedings first allocated in (D-90, D].
days_to_allocation = Part(_gather_days_to_allocation, _days_to_allocation_figures)


def _gather_audits(scope: Scope) -> dict:
    """The audits in (D-365, D], and those graded good or outstanding; the FCAs leading at least
    one open set of proceedings at D (in the place); and (the same for every place) the FCAs
    with an audit of their work, anywhere, in (D-91, D]."""
    day = scope.day
    graded = _counted(
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
    by = [scope.path("proceedings__")] if scope.each else []
    leading = (
        leads_at(day)
        .filter(
            open_q(day, "proceedings__"),
            scope.proceedings("proceedings__"),
            fca__role=Role.FCA,
        )
        .values_list(*by, "fca_id")
        .distinct()
        .order_by()
    )
    if not scope.each:
        leading = [(None, fca) for (fca,) in leading]
    audited = frozenset(
        Audit.objects.filter(
            audited_on__gt=day - datetime.timedelta(days=AUDITED_RECENTLY_WINDOW),
            audited_on__lte=day,
        )
        .values_list("fca_id", flat=True)
        .distinct()
        .order_by()
    )
    leaders = _by_place(scope, leading)
    return {
        key: Tally(
            counts=graded.get(key, Tally()).counts,
            people={"leading": frozenset(fca for (fca,) in leaders.get(key, []))},
            shared={"audited": audited},
        )
        for key in graded.keys() | leaders.keys()
    }


def _audit_figures(tally: Tally) -> dict:
    c = tally.counts
    fcas = tally.people.get("leading", frozenset())
    audited = tally.shared.get("audited", frozenset())
    return {
        "audits_good_or_better_share_last_12_months": share(c["good"], c["all"]),
        "fcas_without_audit_last_3_months_share": share(len(fcas - audited), len(fcas)),
        **_bases(c["all"], "audits_good_or_better_share_last_12_months"),
        **_bases(len(fcas), "fcas_without_audit_last_3_months_share"),
    }


# The share of audits in (D-365, D] graded good or outstanding; and over FCAs leading at least one
# open set of proceedings at D (in the place), the share with no audit of their work (anywhere)
# in (D-91, D].
audits = Part(_gather_audits, _audit_figures)


def _gather_feedback(scope: Scope) -> dict:
    """Answers in (D-365, D], leaving out "I don't know" and answers to a form that did not ask
    the question (after an introductory letter): for children and for parents and carers, all
    and those who felt listened to. An area's are the answers about its work."""
    start = end_of(scope.day - datetime.timedelta(days=FEEDBACK_WINDOW))
    answers = FeedbackResponse.objects.filter(
        answered_at__gte=start, answered_at__lt=end_of(scope.day), listened__isnull=False
    ).exclude(listened=Answer.DONT_KNOW)
    if scope.ids is not None:
        answers = answers.filter(scope.proceedings())
    child = Q(audience__in=CHILD_AUDIENCES)
    parent = Q(audience=Audience.PARENT_CARER)
    yes = Q(listened__in=POSITIVE_ANSWERS)
    return _counted(
        scope,
        answers,
        scope.path(),
        children=Count("pk", filter=child),
        children_yes=Count("pk", filter=child & yes),
        parents=Count("pk", filter=parent),
        parents_yes=Count("pk", filter=parent & yes),
    )


def _feedback_figures(tally: Tally) -> dict:
    c = tally.counts
    return {
        "children_felt_listened_to_share_last_12_months": share(c["children_yes"], c["children"]),
        "parents_carers_felt_listened_to_share_last_12_months": share(
            c["parents_yes"], c["parents"]
        ),
        **_bases(c["children"], "children_felt_listened_to_share_last_12_months"),
        **_bases(c["parents"], "parents_carers_felt_listened_to_share_last_12_months"),
    }


# The share of answers in (D-365, D] who felt listened to, for children and for parents and carers.
feedback = Part(_gather_feedback, _feedback_figures)
