"""Hearings coming up whose lead Family Court Adviser is recorded as away on the day, so the
service manager can send someone else (the board asked for this to avoid wasted-costs orders):
the list, and its page."""

import datetime
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Subquery
from django.db.models.functions import TruncDate
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from together.accounts.models import REGION_ROLES
from together.core.links import link_maker
from together.organisation.models import Absence, away_on_q
from together.organisation.rules import manages_area_q

from . import rules
from .models import Hearing, ProceedingsChild

# How far ahead the list looks: today and the 14 days after it.
LOOK_AHEAD_DAYS = 14


@dataclass(frozen=True)
class HearingLeadAway:
    hearing: Hearing
    day: datetime.date
    lead_name: str
    away_kind: str  # Absence.Kind's label
    away_until: datetime.date | None  # None: until further notice
    children: list[str]
    area_name: str
    detail_url: str


def _midnight(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time.min, tzinfo=timezone.get_current_timezone())


def hearings_with_lead_away(*, user, today: datetime.date | None = None) -> list[HearingLeadAway]:
    """Hearings from today to 14 days ahead, in open proceedings of the areas `user` manages (a
    service manager's own, a head of practice's or assistant director's region), whose current
    lead FCA has an absence covering the hearing's day, soonest first. Two queries whatever the
    numbers; 404 for anyone who holds no duty list."""
    if not rules.may_view_duty_list(user):
        raise Http404("No such list")
    today = today or timezone.localdate()
    away = Absence.objects.filter(
        away_on_q(OuterRef("day")), user_id=OuterRef("proceedings__lead_fca_id")
    ).order_by("-starts_on", "-pk")
    found = list(
        Hearing.objects.filter(
            manages_area_q(user, prefix="proceedings__"),
            proceedings__closed_on__isnull=True,
            proceedings__lead_fca__isnull=False,
            starts_at__gte=_midnight(today),
            starts_at__lt=_midnight(today + datetime.timedelta(days=LOOK_AHEAD_DAYS + 1)),
        )
        .annotate(day=TruncDate("starts_at", tzinfo=timezone.get_current_timezone()))
        .filter(Exists(away))
        .annotate(
            away_kind=Subquery(away.values("kind")[:1]),
            away_until=Subquery(away.values("ends_on")[:1]),
        )
        .select_related("proceedings__lead_fca", "proceedings__service_area", "proceedings__team")
        .order_by("starts_at", "pk")
    )
    names: dict[int, list[str]] = {}
    links = (
        ProceedingsChild.objects.filter(proceedings_id__in={h.proceedings_id for h in found})
        .order_by("child__preferred_name", "child__pk")
        .values_list("proceedings_id", "child__preferred_name", "child__legal_family_name")
    )
    for proceedings_id, preferred, family in links:
        names.setdefault(proceedings_id, []).append(f"{preferred} {family}")
    detail_url = link_maker("proceedings:detail")
    return [
        HearingLeadAway(
            hearing=hearing,
            day=hearing.day,
            lead_name=hearing.proceedings.lead_fca.full_name,
            away_kind=Absence.Kind(hearing.away_kind).label,
            away_until=hearing.away_until,
            children=names.get(hearing.proceedings_id, []),
            area_name=hearing.proceedings.service_area.name,
            detail_url=detail_url(hearing.proceedings.uuid),
        )
        for hearing in found
    ]


@require_GET
def hearings_lead_away(request):
    user = request.user
    context = {
        "rows": hearings_with_lead_away(user=user),
        "days": LOOK_AHEAD_DAYS,
        "whole_region": user.role in REGION_ROLES,
        "place": user.region.name if user.role in REGION_ROLES else user.service_area.name,
    }
    return render(request, "proceedings/hearings_lead_away.html", context)
