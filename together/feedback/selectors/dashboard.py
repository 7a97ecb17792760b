"""The figures and comments a member of staff may see about children's and families' feedback.

Every figure is added up in the database from a monthly summary, kept up to date as each answer
is saved, one grouped query per table, so the dashboard asks the same number of questions
whatever the number of answers. National, regional and service-area figures read the coarse one
(FeedbackAreaMonthSummary, a row per service area and month: a few hundred rows for the whole
country); tables of teams and FCAs read the fine one (FeedbackMonthSummary, a row per FCA, team
and month). The comments are read from the answers themselves, one page at a time.
"""

import datetime
import uuid
from dataclasses import dataclass, field
from hashlib import sha256
from html import escape  # as django.utils.html.escape writes it, without the lazy-text check
from zoneinfo import ZoneInfo

from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import F, Q, Sum
from django.http import Http404
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.safestring import mark_safe

from together.accounts.models import REGION_ROLES, Role
from together.organisation.models import ServiceArea, Team

from .. import rules
from ..models import (
    CHILD_AUDIENCES,
    Audience,
    FeedbackAreaMonthSummary,
    FeedbackMonthSummary,
    FeedbackResponse,
)

LONDON = ZoneInfo("Europe/London")
# A figure built on fewer answers than this is not shown, so nobody can be picked out.
SMALLEST_FIGURE = 5
MONTHS = 12
COMMENTS_PER_PAGE = 20
# How long a computed dashboard is kept. Saving an answer starts afresh at once (see
# figures_changed); this bounds how old the figures can be in another process whose cache did not
# hear of it (the local-memory cache is per process).
FIGURES_KEPT_FOR = 120
_VERSION_KEY = "feedback:figures:version"


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
class Bar:
    x: int
    y: int
    height: int
    label: str


@dataclass(frozen=True)
class Month:
    month: datetime.date
    children: Share
    parents: Share
    child_bar: Bar | None = None
    parent_bar: Bar | None = None
    label_x: int = 0

    @property
    def label(self) -> str:
        return self.month.strftime("%B %Y")

    @property
    def short_label(self) -> str:
        return self.month.strftime("%b")


@dataclass
class Dashboard:
    scope: str
    total: Row
    tables: list[Table] = field(default_factory=list)
    months: list[Month] = field(default_factory=list)
    chart: dict = field(default_factory=dict)

    @property
    def month_cells(self) -> list[tuple[str, str, str]]:
        """The table beside the chart, as plain strings (see Table.cells)."""
        return [(m.label, str(m.children), str(m.parents)) for m in self.months]


_CHILDREN = sorted(CHILD_AUDIENCES)


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


def _next_month(day: datetime.date) -> datetime.date:
    return datetime.date(day.year + day.month // 12, day.month % 12 + 1, 1)


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
    dashboard.months, dashboard.chart = _months(starts, {g["month"]: g for g in by_month})
    return dashboard


# The chart's drawing area, in SVG units.
CHART_HEIGHT = 200
CHART_TOP = 10
BAR_WIDTH = 14
MONTH_WIDTH = 44


def _months(starts, grouped: dict) -> tuple[list[Month], dict]:
    """The months starting on `starts`, with the counts `grouped` holds for each (none for a
    month it does not hold), and the chart of them."""
    empty = {"c_yes": 0, "c_n": 0, "p_yes": 0, "p_n": 0}
    months = []
    for index, start in enumerate(starts):
        counts = grouped.get(start, empty)
        children = Share(counts["c_yes"], counts["c_n"])
        parents = Share(counts["p_yes"], counts["p_n"])
        x = 40 + index * MONTH_WIDTH
        months.append(
            Month(
                start,
                children,
                parents,
                _bar(x, children, f"Children, {start:%B %Y}"),
                _bar(x + BAR_WIDTH + 2, parents, f"Parents and carers, {start:%B %Y}"),
                label_x=x + BAR_WIDTH + 1,
            )
        )
    # The chart's marks as plain strings, for the template to write out as they are.
    bars = [
        {
            "kind": kind,
            "x": str(bar.x),
            "y": str(bar.y),
            "height": str(bar.height),
            "label": bar.label,
        }
        for month in months
        for kind, bar in (("children", month.child_bar), ("parents", month.parent_bar))
        if bar is not None
    ]
    chart = {
        "bars": bars,
        "labels": [{"x": str(month.label_x), "text": month.short_label} for month in months],
        "width": str(40 + MONTHS * MONTH_WIDTH),
        "height": str(CHART_HEIGHT + CHART_TOP + 30),
        "baseline": str(CHART_TOP + CHART_HEIGHT),
        "label_y": str(CHART_TOP + CHART_HEIGHT + 18),
        "gridlines": [
            {"y": str(CHART_TOP + CHART_HEIGHT - CHART_HEIGHT * p // 100), "label": f"{p}%"}
            for p in (0, 50, 100)
        ],
    }
    return months, chart


def _bar(x: int, share: Share, label: str) -> Bar | None:
    if not share.shown:
        return None
    height = CHART_HEIGHT * share.percent // 100
    return Bar(x=x, y=CHART_TOP + CHART_HEIGHT - height, height=height, label=f"{label}: {share}")


def figures_changed() -> None:
    """Forget every computed dashboard: the next view counts again from the summary."""
    cache.set(_VERSION_KEY, uuid.uuid4().hex, None)


def _figures_version() -> str:
    version = cache.get(_VERSION_KEY)
    if version is None:
        cache.add(_VERSION_KEY, uuid.uuid4().hex, None)
        version = cache.get(_VERSION_KEY, "")
    return version


def _scope_key(user) -> str:
    if user.role == Role.NATIONAL_PERFORMANCE:
        return user.role
    if user.role in REGION_ROLES:
        return f"{user.role}:{user.region_id}"
    if user.role == Role.SERVICE_MANAGER:
        return f"{user.role}:{user.service_area_id}"
    return f"{user.role}:{user.pk}"  # practice supervisors' teams, FCAs' own work


def _kept_key(kind: str, user, area, team) -> str:
    return ":".join(
        (
            kind,
            _figures_version(),
            f"{month_starts()[-1]:%Y-%m}",
            _scope_key(user),
            str(area.pk) if area is not None else "",
            str(team.pk) if team is not None else "",
        )
    )


def dashboard_kept_for(user, *, area=None, team=None) -> tuple[Dashboard, datetime.datetime, str]:
    """dashboard_for, kept in the cache for a short while, with the time it was counted and the
    key it is kept under (the page keeps its rendered figures under the same key).

    Kept per part of the country (not per person) and per filter; forgotten whenever an answer
    is saved or changed, and at the turn of a month."""
    if not rules.may_see_feedback(user):
        raise Http404
    key = _kept_key("feedback:figures", user, area, team)
    kept = cache.get(key)
    if kept is None:
        kept = (dashboard_for(user, area=area, team=team), timezone.now())
        cache.set(key, kept, FIGURES_KEPT_FOR)
    return (*kept, key)


@dataclass(frozen=True)
class CommentsPage:
    """One page of comments as the dashboard shows it, small enough to keep in the cache."""

    comments: list
    number: int
    num_pages: int

    def __iter__(self):
        return iter(self.comments)

    def __len__(self) -> int:
        return len(self.comments)

    @property
    def has_other_pages(self) -> bool:
        return self.num_pages > 1

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number < self.num_pages

    @property
    def previous_page_number(self) -> int:
        return self.number - 1

    @property
    def next_page_number(self) -> int:
        return self.number + 1


def comments_kept_for(user, *, area=None, team=None, audience="", month="", page=1) -> CommentsPage:
    """comments_for, kept in the cache as the figures are (and forgotten with them: whenever an
    answer is saved or changed)."""
    if not rules.may_see_feedback(user):
        raise Http404
    chosen = f"{audience}:{month}:{page}"
    key = (
        f"{_kept_key('feedback:comments', user, area, team)}:{sha256(chosen.encode()).hexdigest()}"
    )
    kept = cache.get(key)
    if kept is None:
        found = comments_for(user, area=area, team=team, audience=audience, month=month, page=page)
        kept = CommentsPage(list(found), found.number, found.paginator.num_pages)
        cache.set(key, kept, FIGURES_KEPT_FOR)
    return kept


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


_COMMENT_FIELDS = (
    "pk",
    "answered_at",
    "audience",
    "do_better",
    "anything_else",
    "fca__given_name",
    "fca__family_name",
    "team__name",
)


def _with_breaks(text: str) -> str:
    """As the linebreaksbr filter writes it: escaped, each line break a <br>."""
    return escape(text.replace("\r\n", "\n").replace("\r", "\n")).replace("\n", "<br>")


_AUDIENCE_LABELS = {audience.value: str(audience.label) for audience in Audience}


@dataclass(frozen=True)
class Comment:
    """One written comment as the page shows it, its words already escaped, with line breaks
    (worked out here once: in the template, twenty cards cost more than all the figures)."""

    pk: int
    heading: str
    do_better: str
    anything_else: str

    @classmethod
    def of(
        cls, pk, answered_at, audience, do_better, anything_else, given, family, team, *, own_only
    ) -> "Comment":
        heading = escape(f"{_AUDIENCE_LABELS[audience]}, {timezone.localtime(answered_at):%B %Y}")
        if not own_only:
            heading = f"{heading} &ndash; about {escape(given)} {escape(family)}"
            if team:
                heading += f" ({escape(team)})"
        return cls(
            pk=pk,
            heading=mark_safe(heading),  # noqa: S308 (every part escaped above)
            do_better=mark_safe(_with_breaks(do_better)),  # noqa: S308
            anything_else=mark_safe(_with_breaks(anything_else)),  # noqa: S308
        )


class _CountedPaginator(Paginator):
    """Pages of written comments, counted from the summary, so it never counts every comment.

    The summary also says how many comments each month holds, so a page is read from only the
    months it falls in: the newest-first index then covers a month or two of answers, not a
    whole region's year of them."""

    def __init__(self, object_list, per_page, *, per_month: list[tuple[datetime.date, int]]):
        super().__init__(object_list, per_page)
        # Newest month first, leaving out empty ones.
        self.per_month = sorted(((m, n) for m, n in per_month if n > 0), reverse=True)

    @cached_property
    def count(self) -> int:
        return sum(n for _, n in self.per_month)

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = min(bottom + self.per_page, self.count)
        newest = oldest = None
        skipped = before = 0
        for month, n in self.per_month:
            if newest is None and before + n > bottom:
                newest, skipped = month, bottom - before
            before += n
            if newest is not None and before >= top:
                oldest = month
                break
        if newest is None or oldest is None:
            return self._get_page([], number, self)
        window = self.object_list.filter(
            answered_at__gte=datetime.datetime.combine(oldest, datetime.time(), tzinfo=LONDON),
            answered_at__lt=datetime.datetime.combine(
                _next_month(newest), datetime.time(), tzinfo=LONDON
            ),
        )
        return self._get_page(window[skipped : skipped + top - bottom], number, self)


def comments_for(user, *, area=None, team=None, audience="", month="", page=1):
    """One page of written comments `user` may see, newest first, with the filters applied."""
    responses = responses_for(user).filter(~Q(do_better="") | ~Q(anything_else=""))
    if area is not None:
        responses = responses.filter(service_area=area)
    if team is not None:
        responses = responses.filter(team=team)
    audiences = _CHILDREN if audience == "children" else [audience] if audience else []
    if audiences:
        responses = responses.filter(audience__in=audiences)
    # How many comments each month holds, from the coarse summary if it can answer.
    cells = area_summary_for(user, area=area, team=team)
    if cells is None:
        cells = summary_for(user)
        if area is not None:
            cells = cells.filter(service_area=area)
        if team is not None:
            cells = cells.filter(team=team)
    columns = [F(f"commented_{a}") for a in audiences or Audience]
    if month:
        start = datetime.datetime.strptime(month, "%Y-%m").replace(tzinfo=LONDON)
        end = (start + datetime.timedelta(days=32)).replace(day=1)
        responses = responses.filter(answered_at__gte=start, answered_at__lt=end)
        cells = cells.filter(month=start.date())
    # Plain values, not records: a page is twenty of them, each shown once.
    responses = responses.values_list(*_COMMENT_FIELDS)
    per_month = cells.values("month").annotate(n=Sum(sum(columns[1:], columns[0]))).order_by()
    found = _CountedPaginator(
        responses.order_by("-answered_at", "-id"),
        COMMENTS_PER_PAGE,
        per_month=[(row["month"], row["n"] or 0) for row in per_month],
    ).get_page(page)
    own_only = rules.sees_only_own_feedback(user)
    found.object_list = [Comment.of(*values, own_only=own_only) for values in found]
    return found


def export_rows(dashboard: Dashboard) -> list[list[str]]:
    """The dashboard's figures as CSV rows, with the same figures hidden."""
    rows = [
        [
            "Level",
            "Name",
            "Answers",
            "Children who felt listened to",
            "Children counted",
            "Parents and carers who felt listened to",
            "Parents and carers counted",
            "Other professionals who felt listened to",
            "Other professionals counted",
        ]
    ]

    def line(level, row):
        cells = [level, row.name, row.answers_shown]
        for share in (row.children, row.parents, row.professionals):
            if share.shown:
                cells += [f"{share.percent}%", str(share.counted)]
            else:
                cells += ["fewer than 5 answers", ""]
        return cells

    rows.append(line("All", dashboard.total))
    for table in dashboard.tables:
        rows += [line(table.level, row) for row in table.rows]
    for month in dashboard.months:
        cells = line("Month", Row(month.label, month.children, month.parents, Share(0, 0), 0))
        rows.append([*cells[:2], "", *cells[3:7], "", ""])
    return rows
