"""Who works where: small named predicates that every app's access rules build on.

Two of them are facts that other apps' rules rest on, and each is stated once, here:

- supervises the team: a practice supervisor with a current membership of the team
  (`supervises_team_q`, `supervises_team`);
- manages the area: a service manager their own service area, a head of practice or assistant
  director every service area in their region (`manages_area_q`, `manages_service_area`).

The `_q` forms are filters for any query that reaches a team or a service area: `prefix` is the
path from the model queried to the thing that has the `team` or `service_area` (for example
"proceedings__" from a plan, "" on Proceedings itself).
"""

from django.db.models import Exists, OuterRef, Q

from together.accounts.models import NATIONAL_ROLES, REGION_ROLES, Role, User

from .models import ServiceArea, Team, TeamMembership

# A filter that matches nothing. Not Q(): an empty Q vanishes when OR-ed with another, and
# matches everything on its own.
NOTHING = Q(pk__in=[])


def _active(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def has_national_role(user) -> bool:
    return _active(user) and user.role in NATIONAL_ROLES


def current_memberships(user):
    """The teams `user` works in now: a membership that has not ended."""
    return user.team_memberships.filter(ended_on__isnull=True)


def supervises_team_q(user, prefix: str = "") -> Q:
    """Rows whose team (at `prefix`) `user` supervises: they are a practice supervisor with a
    current membership of it."""
    if not (_active(user) and user.role == Role.PRACTICE_SUPERVISOR):
        return NOTHING
    return Q(**{f"{prefix}team__in": current_memberships(user).values("team_id")})


def _managed_by(user) -> tuple[str, int] | None:
    """The service areas `user` manages, as (a field of ServiceArea, the value it must have)."""
    if not _active(user):
        return None
    if user.role == Role.SERVICE_MANAGER and user.service_area_id is not None:
        return "pk", user.service_area_id
    if user.role in REGION_ROLES and user.region_id is not None:
        return "region_id", user.region_id
    return None


def manages_area_q(user, prefix: str = "") -> Q:
    """Rows whose service area (at `prefix`) `user` manages: a service manager's own area, or any
    area in a head of practice's or assistant director's region. National roles oversee every
    area, but not through this rule: each app says what they may do."""
    managed = _managed_by(user)
    if managed is None:
        return NOTHING
    field, value = managed
    return Q(**{f"{prefix}service_area__{field}": value})


def works_in_area_q(user, prefix: str = "") -> Q:
    """Rows in the service area (at `prefix`) that `user` works in, if their role works in one
    (service managers, business services)."""
    if not (_active(user) and user.service_area_id is not None):
        return NOTHING
    if user.role not in {Role.SERVICE_MANAGER, Role.BUSINESS_SERVICES}:
        return NOTHING
    return Q(**{f"{prefix}service_area": user.service_area_id})


def is_member_of_team(user, team: Team) -> bool:
    return user.is_authenticated and any(m.team_id == team.pk for m in _current_memberships(user))


def supervises_team(user, team: Team) -> bool:
    """supervises_team_q, for a team in hand (memberships read once per request)."""
    return _active(user) and user.role == Role.PRACTICE_SUPERVISOR and is_member_of_team(user, team)


def manages_service_area(user, area: ServiceArea) -> bool:
    """manages_area_q, for an area in hand; national roles manage every area."""
    managed = _managed_by(user)
    if managed is not None:
        field, value = managed
        return getattr(area, field) == value
    return has_national_role(user)


def sees_staff_changes(user) -> bool:
    """Service managers, heads of practice, assistant directors and national roles see the changes
    made in the admin site to the staff and teams of the places they manage."""
    return has_national_role(user) or (
        user.is_authenticated
        and user.is_active
        and (user.role == Role.SERVICE_MANAGER or user.role in REGION_ROLES)
    )


def manages_team(user, team: Team) -> bool:
    return supervises_team(user, team) or manages_service_area(user, team.service_area)


def _current_memberships(user):
    # Cached on the user object for the request, so a page asking many questions asks once.
    cached = getattr(user, "_together_current_memberships", None)
    if cached is None:
        cached = list(current_memberships(user))
        user._together_current_memberships = cached
    return cached


# Absence: staff record their own planned absence; whoever manages them records their sickness.


def may_record_own_absence(user) -> bool:
    """Anyone who works with children or runs a place records their own leave and training."""
    return _active(user) and user.role != Role.SYSTEM_ADMINISTRATOR


def manages_staff_q(user) -> Q:
    """Staff (a filter on User) whose absence `user` manages: a practice supervisor the other
    current members of the teams they supervise; a service manager everyone in a team in their
    area now."""
    if not _active(user):
        return NOTHING
    memberships = TeamMembership.objects.filter(user=OuterRef("pk"), ended_on__isnull=True)
    if user.role == Role.PRACTICE_SUPERVISOR:
        supervised = current_memberships(user).values("team_id")
        return Q(Exists(memberships.filter(team__in=supervised))) & ~Q(pk=user.pk)
    if user.role == Role.SERVICE_MANAGER and user.service_area_id is not None:
        in_area = memberships.filter(team__service_area_id=user.service_area_id)
        return Q(Exists(in_area)) & ~Q(pk=user.pk)
    return NOTHING


def may_manage_absence(user) -> bool:
    """Offer the team's absence page: service managers and practice supervisors."""
    return _active(user) and (
        user.role == Role.PRACTICE_SUPERVISOR
        or (user.role == Role.SERVICE_MANAGER and user.service_area_id is not None)
    )


def may_record_sickness_for(user, person) -> bool:
    """manages_staff_q, for one person in hand."""
    return User.objects.filter(manages_staff_q(user), pk=person.pk).exists()


# Prioritisation: national leadership sets each area's thresholds and records its decisions;
# whoever reads an area's scorecard reads its prioritisation and history.


def may_decide_prioritisation(user) -> bool:
    return _active(user) and user.role == Role.NATIONAL_PERFORMANCE


def sees_prioritisation_q(user) -> Q:
    """Service areas (a filter on ServiceArea) whose prioritisation `user` reads: national
    leadership every area, heads of practice and assistant directors their region's, a service
    manager their own."""
    if not _active(user):
        return NOTHING
    if user.role == Role.NATIONAL_PERFORMANCE:
        return Q()
    if user.role in REGION_ROLES and user.region_id is not None:
        return Q(region_id=user.region_id)
    if user.role == Role.SERVICE_MANAGER and user.service_area_id is not None:
        return Q(pk=user.service_area_id)
    return NOTHING
