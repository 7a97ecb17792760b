"""Reading the organisation: the part of it a member of staff works in, with head counts, and the
changes made to its staff and teams in the admin site."""

import datetime
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q, QuerySet, Sum
from django.http import Http404
from django.utils import timezone

from together.accounts.models import (
    NATIONAL_ROLES,
    REGION_ROLES,
    SERVICE_AREA_ROLES,
    TEAM_ROLES,
    Role,
    User,
)
from together.audit.models import Action, AuditEvent

from . import rules
from .models import (
    Absence,
    PrioritisationEvent,
    Region,
    ServiceArea,
    Team,
    TeamMembership,
)

_current = Q(memberships__ended_on__isnull=True)
_fca = _current & Q(memberships__user__role=Role.FCA, memberships__user__is_active=True)


def teams_for_user(user) -> list[Team]:
    """The teams a member of staff works in now (the team alone: the pages that list them show
    their names)."""
    return list(
        Team.objects.filter(memberships__user=user, memberships__ended_on__isnull=True).order_by(
            "name"
        )
    )


def team_members(team: Team) -> list[TeamMembership]:
    return list(
        TeamMembership.objects.filter(team=team, ended_on__isnull=True, user__is_active=True)
        .select_related("user")
        .order_by("user__role", "user__family_name", "user__given_name")
    )


def _teams_with_counts(queryset):
    return queryset.annotate(
        fca_count=Count("memberships", filter=_fca),
        fca_fte=Sum("memberships__user__fte", filter=_fca),
        supervisor_count=Count(
            "memberships",
            filter=_current & Q(memberships__user__role=Role.PRACTICE_SUPERVISOR),
        ),
    ).order_by("name")


def service_area_overview(area: ServiceArea) -> list[Team]:
    """The teams in a service area, each with its FCAs, their working hours and supervisors."""
    return list(_teams_with_counts(Team.objects.filter(service_area=area)))


@dataclass(frozen=True)
class AreaRow:
    area: ServiceArea
    teams: int
    fcas: int
    fte: Decimal


def areas_overview(regions=None) -> list[tuple[Region, list[AreaRow]]]:
    """Every service area (in the given regions, or all), grouped by region, with head counts."""
    areas = ServiceArea.objects.select_related("region").order_by("region__name", "name")
    if regions is not None:
        areas = areas.filter(region__in=regions)
    fca = Q(
        teams__memberships__ended_on__isnull=True,
        teams__memberships__user__role=Role.FCA,
        teams__memberships__user__is_active=True,
    )
    areas = areas.annotate(
        fca_count=Count("teams__memberships", filter=fca),
        fca_fte=Sum("teams__memberships__user__fte", filter=fca),
    ).prefetch_related(Prefetch("teams", queryset=Team.objects.only("id", "service_area_id")))
    grouped: dict[int, tuple[Region, list[AreaRow]]] = {}
    for area in areas:
        row = AreaRow(area, len(area.teams.all()), area.fca_count, area.fca_fte or Decimal(0))
        grouped.setdefault(area.region_id, (area.region, []))[1].append(row)
    return list(grouped.values())


def scope_label(user) -> str:
    """Where a member of staff works, in words, for the page header."""
    if user.role in NATIONAL_ROLES:
        return "National"
    if user.role in REGION_ROLES and user.region_id:
        return user.region.name
    if user.role in SERVICE_AREA_ROLES and user.service_area_id:
        return user.service_area.name
    if user.role in TEAM_ROLES:
        return ", ".join(team.name for team in teams_for_user(user)) or "No team yet"
    return ""


# Changes to staff and teams made in the admin site, for the managers of the places concerned.

STAFF_CHANGES_PAGE_SIZE = 50
_CHANGE_WORDS = {"added": "Added", "changed": "Changed", "deleted": "Removed"}


@dataclass(frozen=True)
class StaffChange:
    when: datetime.datetime
    who: str
    change: str  # added, changed or deleted
    summary: str
    places: list[str]
    fields: list[dict[str, str]]


def staff_changes(user) -> QuerySet[AuditEvent]:
    """Admin changes to memberships, roles, service areas and regions that concern the places
    `user` manages (every one for national roles), newest first. 404 for anyone else.

    Each event names the areas and regions it concerns in its detail (organisation.admin
    .places_concerned), keyed by UUID, so one lookup finds a manager's own."""
    if not rules.sees_staff_changes(user):
        raise Http404("No such page")
    events = AuditEvent.objects.filter(action=Action.ADMIN_CHANGE, detail__has_key="areas")
    if user.role == Role.SERVICE_MANAGER:
        events = events.filter(detail__areas__has_key=str(user.service_area.uuid))
    elif user.role in REGION_ROLES:
        events = events.filter(detail__regions__has_key=str(user.region.uuid))
    return events.select_related("actor").order_by("-occurred_at", "-id")


def staff_changes_page(*, user, page=1, per_page: int = STAFF_CHANGES_PAGE_SIZE):
    """One page of staff_changes, each event put into words (a count and the page: two queries)."""
    found = Paginator(staff_changes(user), per_page).get_page(page)
    found.object_list = [_staff_change(event) for event in found.object_list]
    return found


def _staff_change(event: AuditEvent) -> StaffChange:
    detail = event.detail
    change = detail.get("change", "")
    places = sorted(detail.get("areas", {}).values()) or sorted(detail.get("regions", {}).values())
    return StaffChange(
        when=event.occurred_at,
        who=event.actor.full_name if event.actor else event.actor_label,
        change=change,
        summary=(
            f"{_CHANGE_WORDS.get(change, change.capitalize())} {detail.get('model', '')}: "
            f"{detail.get('object', '')}"
        ),
        places=places,
        fields=detail.get("fields", []),
    )


# Absence

# How far back "My absence" and the team's absence list look: recent time away stays in view.
ABSENCE_LOOK_BACK = 30


def my_absences(user, today: datetime.date | None = None) -> list[Absence]:
    """`user`'s own absences that have not ended more than a month ago, soonest first."""
    today = today or timezone.localdate()
    since = today - timedelta(days=ABSENCE_LOOK_BACK)
    return list(
        Absence.objects.filter(Q(ends_on__isnull=True) | Q(ends_on__gte=since), user=user)
        .select_related("recorded_by")
        .order_by("starts_on", "pk")
    )


def managed_staff(user) -> list[User]:
    """The people whose absence `user` manages (rules.manages_staff_q), by name. 404 for anyone
    who manages no one's absence."""
    if not rules.may_manage_absence(user):
        raise Http404("No such page")
    return list(
        User.objects.filter(rules.manages_staff_q(user), is_active=True).order_by(
            "family_name", "given_name", "pk"
        )
    )


def team_absences(user, today: datetime.date | None = None) -> list[Absence]:
    """Absences of the people `user` manages that are going on now or still to come (or ended
    within the last month), soonest first. One query; 404 for anyone who manages no one."""
    if not rules.may_manage_absence(user):
        raise Http404("No such page")
    today = today or timezone.localdate()
    since = today - timedelta(days=ABSENCE_LOOK_BACK)
    managed = User.objects.filter(rules.manages_staff_q(user)).values("pk")
    return list(
        Absence.objects.filter(Q(ends_on__isnull=True) | Q(ends_on__gte=since), user__in=managed)
        .select_related("user", "recorded_by")
        .order_by("starts_on", "user__family_name", "pk")
    )


# Prioritisation


def area_get_for_prioritisation(*, user, area_id) -> ServiceArea:
    """The service area, if `user` reads its prioritisation (rules.sees_prioritisation_q), with
    its thresholds; otherwise 404, as if there were none."""
    try:
        return (
            ServiceArea.objects.filter(rules.sees_prioritisation_q(user))
            .select_related("region", "thresholds", "thresholds__updated_by")
            .get(uuid=area_id)
        )
    except (ServiceArea.DoesNotExist, ValueError, ValidationError):
        raise Http404("No such service area") from None


def areas_for_prioritisation(user) -> list[ServiceArea]:
    """The service areas whose prioritisation `user` reads, by region and name."""
    return list(
        ServiceArea.objects.filter(rules.sees_prioritisation_q(user)).order_by(
            "region__name", "name"
        )
    )


def prioritisation_history(area: ServiceArea) -> list[PrioritisationEvent]:
    """Every decision recorded about `area`, newest first, with who made it. One query."""
    return list(
        PrioritisationEvent.objects.filter(service_area=area)
        .select_related("by")
        .order_by("-at", "-pk")
    )


def sickness_get(*, user, absence_id) -> Absence:
    """A sickness of someone `user` manages; otherwise 404."""
    if not rules.may_manage_absence(user):
        raise Http404("No such absence")
    managed = User.objects.filter(rules.manages_staff_q(user)).values("pk")
    try:
        return Absence.objects.select_related("user").get(
            uuid=absence_id,
            kind=Absence.Kind.SICKNESS,
            user__in=managed,
        )
    except (Absence.DoesNotExist, ValueError, ValidationError):
        raise Http404("No such absence") from None
