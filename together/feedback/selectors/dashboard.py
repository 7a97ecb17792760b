"""The figures and comments a member of staff may see about children's and families' feedback.

Every figure is added up in the database from the monthly summary (FeedbackMonthSummary, kept up
to date as each answer is saved), one grouped query per table, so the dashboard asks the same
number of questions whatever the number of answers and reads a few thousand cells rather than
every answer. The comments are read from the answers themselves, one page at a time.
"""

import datetime
import uuid
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import Q, Sum
from django.http import Http404
from django.utils import timezone
from django.utils.functional import cached_property

from together.accounts.models import REGION_ROLES, Role
from together.organisation.models import ServiceArea, Team

from .. import rules
from ..models import CHILD_AUDIENCES, Audience, FeedbackMonthSummary, FeedbackResponse, Felt

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


_CHILDREN = sorted(CHILD_AUDIENCES)


_COUNTS = ("all_n", "c_yes", "c_n", "p_yes", "p_n", "o_yes", "o_n")
_GROUP_OF = {
    Audience.YOUNGER_CHILD: "c",
    Audience.OLDER_CHILD: "c",
    Audience.PARENT_CARER: "p",
    Audience.PROFESSIONAL: "o",
}


def _grouped(cells, keys=(), order=()) -> list[dict]:
    """The counts every table needs for each value of `keys`, sorted by `order` (empty first).

    One grouped query with a single sum; the shares are turned into columns here, which is
    cheaper than seven filtered sums over every cell."""
    found = cells.values(*keys, "audience", "listened").annotate(n=Sum("answers")).order_by()
    out: dict[tuple, dict] = {}
    for cell in found:
        key = tuple(cell[k] for k in keys)
        counts = out.get(key)
        if counts is None:
            counts = out[key] = {**dict(zip(keys, key, strict=True)), **dict.fromkeys(_COUNTS, 0)}
        n = cell["n"] or 0
        counts["all_n"] += n
        group = _GROUP_OF.get(cell["audience"])
        if group is None or cell["listened"] == Felt.DONT_KNOW:
            continue
        counts[f"{group}_n"] += n
        if cell["listened"] == Felt.YES:
            counts[f"{group}_yes"] += n
    return sorted(
        out.values(),
        key=lambda g: tuple((g[k] is not None, g[k] if g[k] is not None else "") for k in order),
    )


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


def _table(queryset, title, level, keys, name_of) -> Table:
    grouped = _grouped(queryset, keys, [*keys[1:], keys[0]])
    return Table(title, level, [_row(name_of(g), g) for g in grouped])


def _add(rows: list[dict], keys=_COUNTS):
    return {key: sum(row[key] for row in rows) for key in keys}


def dashboard_for(user, *, area=None, team=None) -> Dashboard:
    """The figures `user` may see, narrowed to `area` or `team` if chosen.

    National and regional staff see service areas (and regions, and the total, added up from
    the same grouped query); everyone else the total, their teams and FCAs.
    """
    responses = summary_for(user)
    if area is not None:
        responses = responses.filter(service_area=area)
    if team is not None:
        responses = responses.filter(team=team)
    scope = _scope_name(user, area, team)
    tables = []
    by_area = (
        (user.role == Role.NATIONAL_PERFORMANCE or user.role in REGION_ROLES)
        and area is None
        and team is None
    )
    if by_area:
        grouped = _grouped(
            responses,
            (
                "service_area_id",
                "service_area__name",
                "service_area__region_id",
                "service_area__region__name",
            ),
            ("service_area__name",),
        )
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
    else:
        total = _row(scope, _add(_grouped(responses)))
        if user.role != Role.FCA and team is None:
            tables.append(
                _table(
                    responses,
                    "By team",
                    "Team",
                    ["team_id", "team__name"],
                    lambda g: g["team__name"] or "No team",
                )
            )
        if user.role != Role.FCA:
            tables.append(
                _table(
                    responses,
                    "By Family Court Adviser",
                    "Family Court Adviser",
                    ["fca_id", "fca__family_name", "fca__given_name"],
                    lambda g: f"{g['fca__given_name']} {g['fca__family_name']}",
                )
            )
    dashboard = Dashboard(scope=scope, total=total, tables=tables)
    dashboard.months, dashboard.chart = _months(responses)
    return dashboard


# The chart's drawing area, in SVG units.
CHART_HEIGHT = 200
CHART_TOP = 10
BAR_WIDTH = 14
MONTH_WIDTH = 44


def _months(responses) -> tuple[list[Month], dict]:
    starts = month_starts()
    found = (
        responses.filter(month__gte=starts[0], month__lte=starts[-1])
        .values("month", "audience", "listened")
        .annotate(n=Sum("answers", default=0))
        .order_by()
    )
    grouped = {start: dict.fromkeys(("c_yes", "c_n", "p_yes", "p_n"), 0) for start in starts}
    for row in found:
        if row["audience"] in CHILD_AUDIENCES:
            key = "c"
        elif row["audience"] == Audience.PARENT_CARER:
            key = "p"
        else:
            continue
        if row["listened"] == Felt.DONT_KNOW or row["month"] not in grouped:
            continue
        grouped[row["month"]][f"{key}_n"] += row["n"]
        if row["listened"] == Felt.YES:
            grouped[row["month"]][f"{key}_yes"] += row["n"]
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
    chart = {
        "width": 40 + MONTHS * MONTH_WIDTH,
        "height": CHART_HEIGHT + CHART_TOP + 30,
        "baseline": CHART_TOP + CHART_HEIGHT,
        "label_y": CHART_TOP + CHART_HEIGHT + 18,
        "gridlines": [
            {"y": CHART_TOP + CHART_HEIGHT - CHART_HEIGHT * p // 100, "label": f"{p}%"}
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


def dashboard_kept_for(user, *, area=None, team=None) -> tuple[Dashboard, datetime.datetime, str]:
    """dashboard_for, kept in the cache for a short while, with the time it was counted and the
    key it is kept under (the page keeps its rendered figures under the same key).

    Kept per part of the country (not per person) and per filter; forgotten whenever an answer
    is saved or changed, and at the turn of a month."""
    if not rules.may_see_feedback(user):
        raise Http404
    key = ":".join(
        (
            "feedback:figures",
            _figures_version(),
            f"{month_starts()[-1]:%Y-%m}",
            _scope_key(user),
            str(area.pk) if area is not None else "",
            str(team.pk) if team is not None else "",
        )
    )
    kept = cache.get(key)
    if kept is None:
        kept = (dashboard_for(user, area=area, team=team), timezone.now())
        cache.set(key, kept, FIGURES_KEPT_FOR)
    return (*kept, key)


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


@dataclass(frozen=True)
class Comment:
    answered_at: datetime.datetime
    audience: str
    fca: str
    team: str
    do_better: str
    anything_else: str


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
    cells = summary_for(user).filter(commented=True)
    if area is not None:
        responses = responses.filter(service_area=area)
        cells = cells.filter(service_area=area)
    if team is not None:
        responses = responses.filter(team=team)
        cells = cells.filter(team=team)
    if audience == "children":
        responses = responses.filter(audience__in=_CHILDREN)
        cells = cells.filter(audience__in=_CHILDREN)
    elif audience:
        responses = responses.filter(audience=audience)
        cells = cells.filter(audience=audience)
    if month:
        start = datetime.datetime.strptime(month, "%Y-%m").replace(tzinfo=LONDON)
        end = (start + datetime.timedelta(days=32)).replace(day=1)
        responses = responses.filter(answered_at__gte=start, answered_at__lt=end)
        cells = cells.filter(month=start.date())
    responses = responses.select_related("fca", "team").only(
        "answered_at",
        "audience",
        "do_better",
        "anything_else",
        "fca__given_name",
        "fca__family_name",
        "team__name",
    )
    per_month = cells.values("month").annotate(n=Sum("answers")).order_by()
    return _CountedPaginator(
        responses.order_by("-answered_at", "-id"),
        COMMENTS_PER_PAGE,
        per_month=[(row["month"], row["n"] or 0) for row in per_month],
    ).get_page(page)


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
