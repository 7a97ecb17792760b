"""The national quality report for a period: the share of audits graded Good or better, for the
nation, each region and each service area, beside the period before it of the same length (the
trend), the domains audits most often graded Requires improvement (nationally and by region),
and how far the national audits of the period have gone. Four queries, whatever the number of
audits; with the moderation agreement rate and the themes, a few more."""

import datetime
from dataclasses import dataclass, field

from django import forms
from django.db.models import Count, Q
from django.utils import timezone

from together.core.forms import DateField
from together.organisation.models import ServiceArea

from .models import GOOD_OR_BETTER, Audit, Domain, DomainGrade, Grade, Theme, View
from .national_models import NationalAuditRound
from .selectors.moderation import ModerationFigures, moderation_figures

AREA = "proceedings__service_area_id"
REGION = "audit__proceedings__service_area__region_id"

# The grades an audit finished with: the agreed ones of a collaborative audit, the auditor's of
# a practice audit (as moderation's audit_final_grades reads them).
FINAL_GRADES = Q(view=View.AUDITOR, audit__kind=Audit.Kind.PRACTICE) | Q(
    view=View.AGREED, audit__kind=Audit.Kind.COLLABORATIVE
)
DOMAIN_ORDER = {domain.value: n for n, domain in enumerate(Domain)}


class ReportPeriodForm(forms.Form):
    starts_on = DateField(label="From", label_for_errors="the first day", required=False)
    ends_on = DateField(label="To", label_for_errors="the last day", required=False)

    def clean(self):
        data = super().clean()
        if data.get("starts_on") and data.get("ends_on") and data["ends_on"] < data["starts_on"]:
            self.add_error("ends_on", "The last day must be on or after the first day")
        return data


@dataclass(frozen=True)
class Period:
    starts_on: datetime.date
    ends_on: datetime.date

    def before(self) -> "Period":
        length = self.ends_on - self.starts_on
        ends = self.starts_on - datetime.timedelta(days=1)
        return Period(ends - length, ends)


def period_from(query) -> tuple[ReportPeriodForm, Period]:
    """The period asked for, or the twelve months to today."""
    today = timezone.localdate()
    period = Period(today - datetime.timedelta(days=364), today)
    form = ReportPeriodForm(query if "starts_on_day" in query else None)
    if form.is_bound and form.is_valid():
        starts = form.cleaned_data["starts_on"] or period.starts_on
        ends = form.cleaned_data["ends_on"] or period.ends_on
        if starts <= ends:
            period = Period(starts, ends)
    return form, period


@dataclass
class Share:
    audits: int = 0
    good: int = 0
    audits_before: int = 0
    good_before: int = 0

    def add(self, other: "Share") -> None:
        self.audits += other.audits
        self.good += other.good
        self.audits_before += other.audits_before
        self.good_before += other.good_before

    @property
    def percent(self) -> int | None:
        return round(100 * self.good / self.audits) if self.audits else None

    @property
    def percent_before(self) -> int | None:
        return round(100 * self.good_before / self.audits_before) if self.audits_before else None

    @property
    def trend(self) -> str:
        if self.percent is None or self.percent_before is None:
            return "No figure to compare"
        change = self.percent - self.percent_before
        if change == 0:
            return "No change"
        points = "point" if abs(change) == 1 else "points"
        return f"{'Up' if change > 0 else 'Down'} {abs(change)} {points}"


@dataclass
class DomainFigure:
    """How many of the audits that graded a domain graded it Requires improvement."""

    domain: str
    requires_improvement: int = 0
    audits: int = 0

    @property
    def label(self) -> str:
        return Domain(self.domain).label

    @property
    def percent(self) -> int | None:
        return round(100 * self.requires_improvement / self.audits) if self.audits else None


def _most_first(figures) -> list[DomainFigure]:
    return sorted(
        figures,
        key=lambda f: (-f.requires_improvement, -(f.percent or 0), DOMAIN_ORDER[f.domain]),
    )


@dataclass
class Place:
    name: str
    share: Share
    areas: list["Place"] = field(default_factory=list)
    # Regions only: the domains graded Requires improvement at least once there, most first.
    requires_improvement: list[DomainFigure] = field(default_factory=list)


@dataclass(frozen=True)
class ThemeCount:
    name: str
    audits: int
    observations: int

    @property
    def total(self) -> int:
        return self.audits + self.observations


@dataclass
class Report:
    period: Period
    nation: Share
    regions: list[Place]
    rounds: list
    moderation: ModerationFigures
    themes: list[ThemeCount]
    # Every domain graded in the period, nationally, most often Requires improvement first.
    requires_improvement: list[DomainFigure] = field(default_factory=list)


def _day_bounds(period: Period) -> tuple[datetime.datetime, datetime.datetime]:
    """The period as aware datetimes: from its first day's start to the day after its last."""
    starts = datetime.datetime.combine(period.starts_on, datetime.time())
    ends = datetime.datetime.combine(period.ends_on + datetime.timedelta(days=1), datetime.time())
    return timezone.make_aware(starts), timezone.make_aware(ends)


def themes_in(period: Period) -> list[ThemeCount]:
    """How many audits finished and observations made in the period were tagged with each
    theme, most first (themes that did not come up are left out). One query."""
    span = (period.starts_on, period.ends_on)
    found = Theme.objects.annotate(
        audit_count=Count("audits", filter=Q(audits__audited_on__range=span), distinct=True),
        observation_count=Count(
            "observations", filter=Q(observations__observed_on__range=span), distinct=True
        ),
    ).values_list("name", "audit_count", "observation_count")
    counts = [ThemeCount(*row) for row in found if row[1] or row[2]]
    return sorted(counts, key=lambda t: (-t.total, t.name))


def requires_improvement_in(period: Period) -> dict[int, dict[str, DomainFigure]]:
    """For each region, and each domain graded by audits finished in the period (their final
    grades), how many audits graded it and how many of them Requires improvement. One query."""
    rows = (
        DomainGrade.objects.filter(
            FINAL_GRADES, audit__audited_on__range=(period.starts_on, period.ends_on)
        )
        .exclude(domain=Domain.OVERALL)
        .values(REGION, "domain")
        .annotate(
            # One final grade per audit and domain (one_grade_per_domain_and_view), so rows
            # count audits.
            audits=Count("pk"),
            requires_improvement=Count("pk", filter=Q(grade=Grade.REQUIRES_IMPROVEMENT)),
        )
        .order_by()
    )
    by_region: dict[int, dict[str, DomainFigure]] = {}
    for row in rows:
        by_region.setdefault(row[REGION], {})[row["domain"]] = DomainFigure(
            row["domain"], row["requires_improvement"], row["audits"]
        )
    return by_region


def national_quality_report(period: Period) -> Report:
    before = period.before()
    now = Q(audited_on__range=(period.starts_on, period.ends_on))
    then = Q(audited_on__range=(before.starts_on, before.ends_on))
    good = Q(grade__in=sorted(GOOD_OR_BETTER))
    rows = (
        Audit.objects.filter(now | then)
        .values(AREA)
        .annotate(
            audits=Count("pk", filter=now),
            good=Count("pk", filter=now & good),
            audits_before=Count("pk", filter=then),
            good_before=Count("pk", filter=then & good),
        )
        .order_by()
    )
    by_area = {
        row[AREA]: Share(row["audits"], row["good"], row["audits_before"], row["good_before"])
        for row in rows
    }
    nation = Share()
    regions: dict[int, Place] = {}
    for area in ServiceArea.objects.select_related("region").order_by("region__name", "name"):
        share = by_area.get(area.pk, Share())
        region = regions.setdefault(area.region_id, Place(area.region.name, Share()))
        region.share.add(share)
        region.areas.append(Place(area.name, share))
        nation.add(share)
    nation_domains: dict[str, DomainFigure] = {}
    for region_id, domains in requires_improvement_in(period).items():
        for figure in domains.values():
            total = nation_domains.setdefault(figure.domain, DomainFigure(figure.domain))
            total.requires_improvement += figure.requires_improvement
            total.audits += figure.audits
        if region_id in regions:
            regions[region_id].requires_improvement = _most_first(
                f for f in domains.values() if f.requires_improvement
            )
    rounds = list(
        NationalAuditRound.objects.filter(
            starts_on__lte=period.ends_on, ends_on__gte=period.starts_on
        )
        .annotate(
            drawn=Count("files"),
            audited=Count("files", filter=Q(files__audit__isnull=False)),
            good=Count("files", filter=Q(files__audit__grade__in=sorted(GOOD_OR_BETTER))),
            moderated=Count("files", filter=Q(files__moderated=True)),
        )
        .order_by("starts_on", "pk")
    )
    return Report(
        period,
        nation,
        list(regions.values()),
        rounds,
        moderation_figures(between=_day_bounds(period)),
        themes_in(period),
        _most_first(nation_domains.values()),
    )
