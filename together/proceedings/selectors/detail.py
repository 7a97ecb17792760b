"""Reads of one set of proceedings: fetched for a user (or 404), its page, its lead allocation."""

from dataclasses import dataclass
from datetime import date

from django.http import Http404
from django.utils import timezone

from together.children.models import Child

from .. import rules
from ..models import Allocation, Hearing, Party, PartyRole, Proceedings


def _get(queryset, proceedings_id) -> Proceedings:
    try:
        return queryset.get(uuid=proceedings_id)
    except (Proceedings.DoesNotExist, ValueError):
        raise Http404("No proceedings found") from None


def proceedings_get_for_user(*, user, proceedings_id) -> Proceedings:
    """The proceedings, if `user` may see a child in them; otherwise 404, as if there were none."""
    return _get(
        rules.visible_proceedings(user).select_related("service_area", "team", "lead_fca"),
        proceedings_id,
    )


def proceedings_get_for_allocation(*, user, proceedings_id) -> Proceedings:
    """Open proceedings in the service manager's own area; 404 for anyone else."""
    if not rules.may_allocate_in_area(user):
        raise Http404("No proceedings found")
    proceedings = _get(
        Proceedings.objects.filter(
            service_area_id=user.service_area_id, closed_on__isnull=True
        ).select_related("service_area", "team", "lead_fca"),
        proceedings_id,
    )
    if not rules.may_allocate(user, proceedings):
        raise Http404("No proceedings found")
    return proceedings


def proceedings_get_for_hearing(*, user, proceedings_id) -> Proceedings:
    """The proceedings, if `user` may record their hearings; otherwise 404."""
    proceedings = proceedings_get_for_user(user=user, proceedings_id=proceedings_id)
    if not rules.may_record_hearing(user, proceedings):
        raise Http404("No proceedings found")
    return proceedings


@dataclass(frozen=True)
class ProceedingsDetail:
    proceedings: Proceedings
    children: list[Child]
    parties: list[Party]
    hearings: list[Hearing]
    allocations: list[Allocation]
    days_waiting: int | None


_PARTY_ORDER = {role: n for n, role in enumerate(PartyRole.values)}


def proceedings_detail(proceedings: Proceedings, today: date | None = None) -> ProceedingsDetail:
    """Everything the proceedings page shows, in four queries whatever the numbers."""
    children = list(
        Child.objects.filter(proceedings_links__proceedings=proceedings).order_by(
            "preferred_name", "legal_family_name", "pk"
        )
    )
    parties = sorted(
        Party.objects.filter(proceedings=proceedings).select_related("person"),
        key=lambda p: (_PARTY_ORDER.get(p.role, 99), str(p.person).lower()),
    )
    hearings = list(Hearing.objects.filter(proceedings=proceedings).order_by("starts_at", "pk"))
    allocations = list(
        Allocation.objects.filter(proceedings=proceedings)
        .select_related("fca", "team", "allocated_by")
        .order_by("-started_at", "-pk")
    )
    waiting = None
    if proceedings.on_duty:
        waiting = ((today or timezone.localdate()) - proceedings.received_on).days
    return ProceedingsDetail(proceedings, children, parties, hearings, allocations, waiting)


def current_allocation(proceedings: Proceedings) -> Allocation | None:
    """The current lead allocation, if the proceedings have a lead FCA."""
    return (
        Allocation.objects.filter(
            proceedings=proceedings, ended_at__isnull=True, kind=Allocation.Kind.LEAD
        )
        .select_related("fca", "allocated_by")
        .first()
    )
