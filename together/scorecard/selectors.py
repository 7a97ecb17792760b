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
from together.organisation.models import ServiceArea, TeamMembership
from together.proceedings.models import Allocation, Law, Proceedings, ProceedingsChild
from together.quality.models import GOOD_OR_BETTER, Audit, Observation
from together.quality.selectors.staff import (
    AUDITS_A_YEAR,
    COLLABORATIVE_A_YEAR,
    OBSERVATIONS_A_YEAR,
)

from .dates import end_of

# The board's thresholds for caseloads: sets of proceedings one FCA leads.
CEILING_AFTER_FIRST_HEARING = 25
CEILING_BEFORE_FIRST_HEARING = 40
DAYS_TO_ALLOCATION_WINDOW = 90
AUDITS_WINDOW = 365
AUDITED_RECENTLY_WINDOW = 91
FEEDBACK_WINDOW = 365

# The key of how many people, answers or records a figure is built on: BASE + the figure's key.
BASE = "base:"

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
# The quality framework's work done for the FCAs of a place (compliance below), kept and shown
# beside the board's figures but not printed by the command.
COMPLIANCE_KEYS = (
    "fcas_audits_done_share_last_12_months",
    "fcas_observations_done_share_last_12_months",
    "fcas_audits_and_observations_done_share_last_12_months",
)
# Every figure a snapshot keeps and the page shows.
KEPT = KEYS + COMPLIANCE_KEYS


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
    # The first names of `ids` and `each`, for service areas (pressure.py still uses them).
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


# The path from a team membership to the place it is in, at each level.
MEMBERSHIP_FIELDS = {"region": "team__service_area__region", "area": "team__service_area"}
MEMBERSHIP_FIELDS["team"] = "team"


def compliance_for_days(scope: Scope, days) -> dict:
    """For each of `days` (D): over the active FCAs with a membership of a team in the place at D
    (started on or before D, not ended or ended after D), the share with the framework's audits
    done in (D-365, D] (four, two of them collaborative), with their observations done (two), and
    with both; the audits and observations are of the FCA, wherever the work was. The same
    figures as quality.selectors.compliance_in_place for the FCAs in a team then. Three queries,
    however many days, places and FCAs; a day's figures (compliance) are these for one day."""
    first, last = min(days), max(days)
    path = MEMBERSHIP_FIELDS[scope.level]
    members = TeamMembership.objects.filter(
        Q(ended_on__isnull=True) | Q(ended_on__gt=first),
        user__role=Role.FCA,
        user__is_active=True,
        started_on__lte=last,
    )
    if scope.ids is not None:
        members = members.filter(**{f"{path}__in": scope.ids})
    memberships = list(
        members.values_list(path, "user_id", "started_on", "ended_on").distinct().order_by()
    )
    fca_ids = members.values("user_id")
    year = datetime.timedelta(days=AUDITS_WINDOW)

    def within(field: str, day: datetime.date) -> Q:
        return Q(**{f"{field}__gt": day - year, f"{field}__lte": day})

    collaborative = Q(kind=Audit.Kind.COLLABORATIVE)
    audit_counts = {
        fca: counts
        for fca, *counts in Audit.objects.filter(
            fca__in=fca_ids, audited_on__gt=first - year, audited_on__lte=last
        )
        .values("fca_id")
        .annotate(
            **{
                name: aggregate
                for n, day in enumerate(days)
                for name, aggregate in (
                    (f"all{n}", Count("pk", filter=within("audited_on", day))),
                    (f"c{n}", Count("pk", filter=within("audited_on", day) & collaborative)),
                )
            }
        )
        .values_list("fca_id", *(f"{k}{n}" for n in range(len(days)) for k in ("all", "c")))
        .order_by()
    }
    observation_counts = {
        fca: counts
        for fca, *counts in Observation.objects.filter(
            fca__in=fca_ids, observed_on__gt=first - year, observed_on__lte=last
        )
        .values("fca_id")
        .annotate(
            **{
                f"o{n}": Count("pk", filter=within("observed_on", day))
                for n, day in enumerate(days)
            }
        )
        .values_list("fca_id", *(f"o{n}" for n in range(len(days))))
        .order_by()
    }
    result = {}
    for n, day in enumerate(days):
        audited = {
            fca
            for fca, counts in audit_counts.items()
            if counts[2 * n] >= AUDITS_A_YEAR and counts[2 * n + 1] >= COLLABORATIVE_A_YEAR
        }
        observed = {
            fca for fca, counts in observation_counts.items() if counts[n] >= OBSERVATIONS_A_YEAR
        }
        members_then = [
            (group, fca)
            for group, fca, started, ended in memberships
            if started <= day and (ended is None or ended > day)
        ]
        result[day] = {}
        for key, found in _grouped(scope, members_then).items():
            fcas = {fca for (fca,) in found}
            result[day][key] = {
                "fcas_audits_done_share_last_12_months": share(len(fcas & audited), len(fcas)),
                "fcas_observations_done_share_last_12_months": share(
                    len(fcas & observed), len(fcas)
                ),
                "fcas_audits_and_observations_done_share_last_12_months": share(
                    len(fcas & audited & observed), len(fcas)
                ),
                **_bases(len(fcas), *COMPLIANCE_KEYS),
            }
    return result


def compliance(scope: Scope) -> dict:
    """The FCAs of the place with their audits and observations done (compliance_for_days)."""
    return compliance_for_days(scope, [scope.day])[scope.day]


# The board's figures (KEYS), which the command prints; and every figure kept (KEPT).
BOARD_PARTS = (open_proceedings, caseloads, days_to_allocation, children_seen, audits, feedback)
PARTS = (*BOARD_PARTS, compliance)


def _bases(base: int, *keys: str) -> dict:
    """How many people, answers or records each of `keys` is built on (see BASE)."""
    return {f"{BASE}{key}": base for key in keys}


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


def _mean(values: list) -> float | None:
    return sum(values) / len(values) if values else None
