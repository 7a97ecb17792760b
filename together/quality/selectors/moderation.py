"""Reading moderation: what a moderator has to do, and how often moderators agree."""

import datetime
import uuid
from dataclasses import dataclass

from django.db.models import Count, F, Q
from django.http import Http404
from django.utils import timezone

from together.organisation.models import ServiceArea

from .. import rules
from ..models import Domain, Moderation, ModerationGrade

LIST_LIMIT = 100


def _uuid(value) -> uuid.UUID:
    try:
        return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))
    except ValueError:
        raise Http404("Not found") from None


def moderation_areas(user) -> list[ServiceArea]:
    """The service areas whose audits `user` moderates (or, for national roles, sees the
    moderation of): one query."""
    if rules.sees_everyone(user):
        return list(ServiceArea.objects.order_by("name"))
    if not rules.may_moderate(user):
        return []
    return [
        area for area in ServiceArea.objects.order_by("name") if rules.may_moderate_area(user, area)
    ]


@dataclass
class DomainChange:
    domain: str
    label: str
    differed: int  # the moderator's grade was not the audit's
    changed: int  # the final grade was not the audit's


@dataclass
class ModerationFigures:
    graded: int
    agreed: int
    domains: list[DomainChange]

    @property
    def agreement_share(self) -> float | None:
        return self.agreed / self.graded if self.graded else None

    @property
    def agreement_percent(self) -> int | None:
        return round(100 * self.agreed / self.graded) if self.graded else None


def moderation_figures(
    *, areas=None, today: datetime.date | None = None, between=None
) -> ModerationFigures:
    """Over the moderations graded in the last 12 months (or `between` two aware datetimes) in
    `areas` (None: everywhere, national moderation included): how many agreed with the audit,
    and in which domains moderators' grades most often differed and changed the final grade
    (most first). Two queries."""
    if between is None:
        today = today or timezone.localdate()
        since = timezone.make_aware(
            datetime.datetime.combine(today - datetime.timedelta(days=365), datetime.time())
        )
        graded = Moderation.objects.filter(graded_at__gte=since)
    else:
        graded = Moderation.objects.filter(graded_at__gte=between[0], graded_at__lt=between[1])
    if areas is not None:
        graded = graded.filter(audit__proceedings__service_area__in=[a.pk for a in areas])
    counts = graded.aggregate(graded=Count("pk"), agreed=Count("pk", filter=Q(agreed=True)))
    rows = (
        ModerationGrade.objects.filter(moderation__in=graded.values("pk"))
        .values("domain")
        .annotate(
            differed=Count("pk", filter=~Q(grade=F("audit_grade"))),
            changed=Count("pk", filter=~Q(final_grade="") & ~Q(final_grade=F("audit_grade"))),
        )
        .order_by()
    )
    domains = [
        DomainChange(r["domain"], Domain(r["domain"]).label, r["differed"], r["changed"])
        for r in rows
        if r["differed"]
    ]
    domains.sort(key=lambda d: (-d.differed, -d.changed, d.label))
    return ModerationFigures(counts["graded"], counts["agreed"], domains)


def moderations_to_do(user) -> list[Moderation]:
    return list(
        Moderation.objects.filter(
            moderator=user.pk,
            stage__in=[Moderation.Stage.TO_GRADE, Moderation.Stage.TO_DISCUSS],
        )
        .select_related("audit__child", "audit__fca", "audit__auditor")
        .order_by("month", "pk")
    )


def moderations_done(*, areas) -> list[Moderation]:
    return list(
        Moderation.objects.filter(
            stage=Moderation.Stage.DONE,
            audit__proceedings__service_area__in=[a.pk for a in areas],
        )
        .select_related("audit__child", "audit__fca", "moderator")
        .order_by("-resolved_at", "-pk")[:LIST_LIMIT]
    )


def moderation_get_for_moderator(*, user, moderation_id) -> Moderation:
    try:
        return Moderation.objects.select_related(
            "audit__child", "audit__fca", "audit__auditor", "audit__proceedings"
        ).get(uuid=_uuid(moderation_id), moderator=user.pk)
    except Moderation.DoesNotExist:
        raise Http404("No moderation found") from None
