"""Themes over time: how often each theme came up in the audits and observations a person may
see, month by month, for a place they choose (the nation, a region or a service area)."""

import datetime
from dataclasses import dataclass

from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.utils import timezone

from together.accounts.models import REGION_ROLES
from together.core.charts import Drawing, bar_chart, round_top
from together.organisation.models import Region, ServiceArea

from .. import rules
from ..models import Audit, Observation, Theme

# How far back the table may go, in months, and how far it goes unless asked.
MONTHS_CHOICES = (3, 6, 12, 24)
MONTHS_DEFAULT = 12


@dataclass(frozen=True)
class ThemePlace:
    key: str  # "" for everything the person may see; "region-<uuid>"; "area-<uuid>"
    name: str
    # What the place filters, on the service area of an audit's proceedings (or None).
    region_id: int | None = None
    area_id: int | None = None


EVERYTHING = ThemePlace("", "Everything you can see")


def theme_places(user) -> list[ThemePlace]:
    """The places `user` may look at themes by: everything they may see, and (for national and
    regional roles) each region and service area they lead. Two queries at most."""
    places = [EVERYTHING]
    if rules.sees_everyone(user):
        regions = Region.objects.order_by("name")
        areas = ServiceArea.objects.order_by("name")
    elif user.role in REGION_ROLES and user.region_id:
        regions = Region.objects.filter(pk=user.region_id)
        areas = ServiceArea.objects.filter(region_id=user.region_id).order_by("name")
    else:
        return places
    places += [ThemePlace(f"region-{r.uuid}", r.name, region_id=r.pk) for r in regions]
    places += [ThemePlace(f"area-{a.uuid}", a.name, area_id=a.pk) for a in areas]
    return places


def months_to(today: datetime.date, count: int) -> list[datetime.date]:
    """The first days of the `count` months up to and including today's, oldest first."""
    months, month = [], today.replace(day=1)
    for _ in range(count):
        months.append(month)
        month = (month - datetime.timedelta(days=1)).replace(day=1)
    return months[::-1]


@dataclass
class ThemeRow:
    theme: Theme
    months: list[datetime.date]
    audits: list[int]
    observations: list[int]

    @property
    def counts(self) -> list[int]:
        return [a + o for a, o in zip(self.audits, self.observations, strict=True)]

    @property
    def cells(self) -> list[tuple[datetime.date, int]]:
        return list(zip(self.months, self.counts, strict=True))

    @property
    def observations_total(self) -> int:
        return sum(self.observations)

    @property
    def total(self) -> int:
        return sum(self.audits) + sum(self.observations)


@dataclass
class ThemesOverTime:
    place: ThemePlace
    months: list[datetime.date]
    rows: list[ThemeRow]

    @property
    def totals(self) -> list[int]:
        return [sum(column) for column in zip(*(row.counts for row in self.rows), strict=True)]

    @property
    def highest(self) -> int:
        return max((count for row in self.rows for count in row.counts), default=0)


def _month(value) -> datetime.date:
    # TruncMonth of a date is a date on PostgreSQL, and may be a datetime elsewhere.
    return value.date() if isinstance(value, datetime.datetime) else value


def themes_over_time(
    user, place: ThemePlace = EVERYTHING, months: int = MONTHS_DEFAULT, today=None
) -> ThemesOverTime:
    """For each theme: how many finished audits (by the day they were finished) and observations
    (by the day they took place) tagged with it `user` may see in each of the last `months`
    months, in `place`. An audit's place is its proceedings' service area; an observation's, the
    service area of the FCA observed. Three queries, whatever the number of audits."""
    today = today or timezone.localdate()
    columns = months_to(today, months)
    starts = columns[0]
    audits = Audit.objects.filter(
        rules.audit_scope_q(user), audited_on__gte=starts, audited_on__lte=today
    )
    observations = Observation.objects.filter(
        rules.observation_scope_q(user), observed_on__gte=starts, observed_on__lte=today
    )
    if place.region_id:
        audits = audits.filter(proceedings__service_area__region_id=place.region_id)
        observations = observations.filter(fca__service_area__region_id=place.region_id)
    if place.area_id:
        audits = audits.filter(proceedings__service_area_id=place.area_id)
        observations = observations.filter(fca__service_area_id=place.area_id)
    counted = {}
    for name, found, day in (
        ("audits", audits, "audited_on"),
        ("observations", observations, "observed_on"),
    ):
        rows = (
            found.filter(themes__isnull=False)
            .annotate(month=TruncMonth(day))
            .values("themes", "month")
            .annotate(n=Count("pk", distinct=True))
            .order_by()
        )
        counted[name] = {(row["themes"], _month(row["month"])): row["n"] for row in rows}
    result = []
    for theme in Theme.objects.order_by("-in_use", "name"):
        row = ThemeRow(
            theme,
            columns,
            [counted["audits"].get((theme.pk, m), 0) for m in columns],
            [counted["observations"].get((theme.pk, m), 0) for m in columns],
        )
        if row.total or theme.in_use:
            result.append(row)
    result.sort(key=lambda row: (-row.total, row.theme.name))
    return ThemesOverTime(place, columns, result)


@dataclass(frozen=True)
class ThemeChart:
    """A small bar chart of one theme, month by month: a picture of its row in the table."""

    key: str
    name: str
    title: str
    description: str
    drawing: Drawing


def _months_named(months: list[datetime.date]) -> str:
    names = [f"{month:%B %Y}" for month in months]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def theme_charts(found: ThemesOverTime) -> list[ThemeChart]:
    """A chart for each theme that came up, in the table's order, all on the same scale so
    they can be compared. The table stays the place to read the figures."""
    top = round_top(found.highest)
    labels = [f"{month:%b %Y}" for month in found.months]
    span = f"{found.months[0]:%B %Y} to {found.months[-1]:%B %Y}"
    charts = []
    for row in found.rows:
        if not row.total:
            continue
        counts = row.counts
        most = max(counts)
        times = "once" if row.total == 1 else f"{row.total} times"
        description = (
            f"{row.theme.name} came up {times} in audits and observations from {span}; the "
            f"most in a month was {most}, in "
            f"{_months_named([m for m, n in row.cells if n == most])}. "
            "The table above gives every month."
        )
        charts.append(
            ThemeChart(
                f"theme-chart-{row.theme.uuid}",
                row.theme.name,
                f"{row.theme.name}: audits and observations tagged with it, month by month",
                description,
                bar_chart(counts, labels, top=top, tick_at=(0, 1), width=320, height=140),
            )
        )
    return charts
