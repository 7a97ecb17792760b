"""The figures a member of staff may see about children's and families' feedback.

Every figure is added up in the database from a monthly summary, kept up to date as each answer
is saved, one grouped query per table, so the dashboard asks the same number of questions
whatever the number of answers. National, regional and service-area figures read the coarse one
(FeedbackAreaMonthSummary, a row per service area and month: a few hundred rows for the whole
country); tables of teams and FCAs read the fine one (FeedbackMonthSummary, a row per FCA, team
and month).
"""

import datetime
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.db.models import Sum
from django.http import Http404
from django.utils import timezone

from together.accounts.models import REGION_ROLES, Role
from together.organisation.models import ServiceArea, Team

from .. import rules
from ..models import FeedbackAreaMonthSummary, FeedbackMonthSummary, FeedbackResponse

LONDON = ZoneInfo("Europe/London")
# A figure built on fewer answers than this is not shown, so nobody can be picked out.
SMALLEST_FIGURE = 5
MONTHS = 12


@dataclass(frozen=True)
class Share:
    """How many of those who answered (leaving out "I don't know") felt listened to."""

    yes: int
    counted: int

    @property
    def shown(self) -> bool:
        return self.counted >= SMALLEST_FIGURE

    @property
    def percent(self) -> int | None:
        if not self.shown:
            return None
        return round(100 * self.yes / self.counted)

    def __str__(self) -> str:
        if not self.shown:
            return "fewer than 5 answers"
        return f"{self.percent}% ({self.yes} of {self.counted})"


@dataclass(frozen=True)
class Row:
    name: str
    children: Share
    parents: Share
    professionals: Share
    answers: int

    @property
    def answers_shown(self) -> str:
        return str(self.answers) if self.answers >= SMALLEST_FIGURE else "fewer than 5"


@dataclass(frozen=True)
class Table:
    title: str
    level: str  # what one row is: "Region", "Service area", "Team", "Family Court Adviser"
    rows: list[Row]

    @property
    def cells(self) -> list[tuple[str, str, str, str, str]]:
        """Each row's cells as the page shows them: plain strings, which a template looks up
        far faster than attributes of objects."""
        return [
            (r.name, str(r.children), str(r.parents), str(r.professionals), r.answers_shown)
            for r in self.rows
        ]


@dataclass(frozen=True)
class Month:
    month: datetime.date
    children: Share
    parents: Share

    @property
    def label(self) -> str:
        return self.month.strftime("%B %Y")


@dataclass
class Dashboard:
    scope: str
    total: Row
    tables: list[Table] = field(default_factory=list)
    months: list[Month] = field(default_factory=list)

    @property
    def month_cells(self) -> list[tuple[str, str, str]]:
        """The table beside the chart, as plain strings (see Table.cells)."""
        return [(m.label, str(m.children), str(m.parents)) for m in self.months]


# The summaries' columns, as the counts are named here.
_SUMS = {
    "all_n": Sum("answers"),
    "c_yes": Sum("children_yes"),
    "c_n": Sum("children_counted"),
    "p_yes": Sum("parents_yes"),
    "p_n": Sum("parents_counted"),
    "o_yes": Sum("professionals_yes"),
    "o_n": Sum("professionals_counted"),
}
_COUNTS = tuple(_SUMS)


def _counts(cells, keys):
    """The counts for each value of `keys`, added up from summary `cells` (of either summary)
    in one grouped query."""
    for cell in cells.values(*keys).annotate(**_SUMS).order_by():
        for name in _SUMS:
            cell[name] = cell[name] or 0
        yield cell


def _collect(found, keys=(), order=()) -> list[dict]:
    """The counts every table needs added up for each value of `keys`, sorted by `order`
    (empty first)."""
    out: dict[tuple, dict] = {}
    for cell in found:
        key = tuple(cell[k] for k in keys)
        counts = out.get(key)
        if counts is None:
            counts = out[key] = {**dict(zip(keys, key, strict=True)), **dict.fromkeys(_COUNTS, 0)}
        for name in _COUNTS:
            counts[name] += cell[name]
    return sorted(
        out.values(),
        key=lambda g: tuple((g[k] is not None, g[k] if g[k] is not None else "") for k in order),
    )


# The summaries' columns the figures add up, in the order of _COUNTS.
_COLUMNS = (
    "answers",
    "children_yes",
    "children_counted",
    "parents_yes",
    "parents_counted",
    "professionals_yes",
    "professionals_counted",
)


def _by_area_and_month(coarse, starts) -> tuple[list[dict], list[dict]]:
    """The coarse summary's rows, read as they are (a few hundred for the whole country: no
    grouping in the database is cheaper) and added up here by service area and by month."""
    areas: dict[tuple, list[int]] = {}
    months: dict[datetime.date, list[int]] = {}
    first, last = starts[0], starts[-1]
    for month, *place, a, b, c, d, e, f, g in coarse.values_list(
        "month", *_AREA_KEYS, *_COLUMNS
    ).order_by():
        counts = (a, b, c, d, e, f, g)
        for out, key in ((areas, tuple(place)), (months, month)):
            if key is month and not first <= month <= last:
                continue
            kept = out.get(key)
            if kept is None:
                out[key] = list(counts)
            else:
                for i, n in enumerate(counts):
                    kept[i] += n
    by_area = [
        {**dict(zip(_AREA_KEYS, place, strict=True)), **dict(zip(_COUNTS, n, strict=True))}
        for place, n in areas.items()
    ]
    by_month = [{"month": m, **dict(zip(_COUNTS, n, strict=True))} for m, n in months.items()]
    return _collect(by_area, _AREA_KEYS, ("service_area__name",)), by_month


def _row(name: str, counts: dict) -> Row:
    return Row(
        name=name,
        children=Share(counts["c_yes"], counts["c_n"]),
        parents=Share(counts["p_yes"], counts["p_n"]),
        professionals=Share(counts["o_yes"], counts["o_n"]),
        answers=counts["all_n"],
    )


def responses_for(user):
    """The answers `user` may see. Http404 for a role that sees no feedback at all."""
    if not rules.may_see_feedback(user):
        raise Http404
    return FeedbackResponse.objects.filter(rules.feedback_scope_q(user))


def summary_for(user):
    """The summary cells of the answers `user` may see (the same rule, on the same fields)."""
    if not rules.may_see_feedback(user):
        raise Http404
    return FeedbackMonthSummary.objects.filter(rules.feedback_scope_q(user))


def area_summary_for(user, *, area=None, team=None):
    """The coarse summary (one row per service area, month and who answered) of what `user` may
    see, narrowed to `area`; None when it cannot answer: a team chosen, or a role that sees
    less than whole service areas."""
    if not rules.may_see_feedback(user):
        raise Http404
    if team is not None or not rules.sees_whole_service_areas(user):
        return None
    cells = FeedbackAreaMonthSummary.objects.filter(rules.feedback_scope_q(user))
    if area is not None:
        cells = cells.filter(service_area=area)
    return cells


def areas_for(user):
    if user.role == Role.NATIONAL_PERFORMANCE:
        return ServiceArea.objects.order_by("name")
    if user.role in REGION_ROLES:
        return ServiceArea.objects.filter(region_id=user.region_id).order_by("name")
    return ServiceArea.objects.none()


def teams_for(user):
    teams = Team.objects.select_related("service_area").order_by("service_area__name", "name")
    if user.role == Role.PRACTICE_SUPERVISOR:
        return teams.filter(memberships__user=user, memberships__ended_on__isnull=True)
    if user.role == Role.SERVICE_MANAGER:
        return teams.filter(service_area_id=user.service_area_id)
    if user.role in REGION_ROLES:
        return teams.filter(service_area__region_id=user.region_id)
    if user.role == Role.NATIONAL_PERFORMANCE:
        return teams
    return Team.objects.none()


def month_starts(today: datetime.date | None = None) -> list[datetime.date]:
    """The first day of each of the last 12 months, oldest first, this month last."""
    today = today or timezone.localdate()
    year, month = today.year, today.month
    starts = []
    for _ in range(MONTHS):
        starts.append(datetime.date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return starts[::-1]


def _add(rows: list[dict], keys=_COUNTS):
    return {key: sum(row[key] for row in rows) for key in keys}


_AREA_KEYS = (
    "service_area_id",
    "service_area__name",
    "service_area__region_id",
    "service_area__region__name",
)
_TEAM_KEYS = ("team_id", "team__name")
_FCA_KEYS = ("fca_id", "fca__family_name", "fca__given_name")


def dashboard_for(user, *, area=None, team=None) -> Dashboard:
    """The figures `user` may see, narrowed to `area` or `team` if chosen.

    National and regional staff see service areas (and regions, and the total, added up from
    the same grouped query of the coarse summary); everyone else the total, their teams and
    FCAs, added up from one grouped query of the fine summary (an FCA: the total from their
    months). The months come from the coarse summary wherever it can answer (see
    area_summary_for), else from the fine one.
    """
    cells = summary_for(user)
    if area is not None:
        cells = cells.filter(service_area=area)
    if team is not None:
        cells = cells.filter(team=team)
    coarse = area_summary_for(user, area=area, team=team)
    scope = _scope_name(user, area, team)
    tables = []
    by_area = (
        (user.role == Role.NATIONAL_PERFORMANCE or user.role in REGION_ROLES)
        and area is None
        and team is None
    )
    starts = month_starts()
    if coarse is not None:
        grouped, by_month = _by_area_and_month(coarse, starts)
    if by_area:
        total = _row(scope, _add(grouped))
        if user.role == Role.NATIONAL_PERFORMANCE:
            regions: dict = {}
            for g in grouped:
                regions.setdefault(g["service_area__region__name"] or "No region", []).append(g)
            tables.append(
                Table(
                    "By region",
                    "Region",
                    [_row(name, _add(rows)) for name, rows in sorted(regions.items())],
                )
            )
        tables.append(
            Table(
                "By service area",
                "Service area",
                [_row(g["service_area__name"] or "No service area", g) for g in grouped],
            )
        )
    elif user.role == Role.FCA:
        # One query: every month of their own work, the total added up from the months.
        every_month = _collect(_counts(cells, ("month",)), ("month",))
        total = _row(scope, _add(every_month))
    else:
        # One query for both tables: each (team, FCA) pair, added up here by team and by FCA.
        found = list(_counts(cells, (*_TEAM_KEYS, *_FCA_KEYS)))
        by_fca = _collect(found, _FCA_KEYS, (*_FCA_KEYS[1:], _FCA_KEYS[0]))
        total = _row(scope, _add(by_fca))
        if team is None:
            by_team = _collect(found, _TEAM_KEYS, (*_TEAM_KEYS[1:], _TEAM_KEYS[0]))
            tables.append(
                Table(
                    "By team",
                    "Team",
                    [_row(g["team__name"] or "No team", g) for g in by_team],
                )
            )
        tables.append(
            Table(
                "By Family Court Adviser",
                "Family Court Adviser",
                [_row(f"{g['fca__given_name']} {g['fca__family_name']}", g) for g in by_fca],
            )
        )
    dashboard = Dashboard(scope=scope, total=total, tables=tables)
    if user.role == Role.FCA:
        by_month = every_month
    elif coarse is None:
        in_range = cells.filter(month__gte=starts[0], month__lte=starts[-1])
        by_month = _collect(_counts(in_range, ("month",)), ("month",))
    dashboard.months = _months(starts, {g["month"]: g for g in by_month})
    return dashboard


def _months(starts, grouped: dict) -> list[Month]:
    """The months starting on `starts`, with the counts `grouped` holds for each (none for a
    month it does not hold)."""
    empty = {"c_yes": 0, "c_n": 0, "p_yes": 0, "p_n": 0}
    months = []
    for start in starts:
        counts = grouped.get(start, empty)
        months.append(
            Month(
                start,
                Share(counts["c_yes"], counts["c_n"]),
                Share(counts["p_yes"], counts["p_n"]),
            )
        )
    return months


def _scope_name(user, area, team) -> str:
    if team is not None:
        return team.name
    if area is not None:
        return area.name
    if user.role == Role.NATIONAL_PERFORMANCE:
        return "England"
    if user.role in REGION_ROLES:
        return user.region.name
    if user.role == Role.SERVICE_MANAGER:
        return user.service_area.name
    if user.role == Role.PRACTICE_SUPERVISOR:
        return "Your teams"
    return "Your work"
