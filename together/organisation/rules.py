"""Who works where: small named predicates that every app's access rules build on."""

from together.accounts.models import NATIONAL_ROLES, REGION_ROLES, Role

from .models import ServiceArea, Team


def has_national_role(user) -> bool:
    return user.is_authenticated and user.is_active and user.role in NATIONAL_ROLES


def is_member_of_team(user, team: Team) -> bool:
    return user.is_authenticated and any(m.team_id == team.pk for m in _current_memberships(user))


def supervises_team(user, team: Team) -> bool:
    return user.role == Role.PRACTICE_SUPERVISOR and is_member_of_team(user, team)


def manages_service_area(user, area: ServiceArea) -> bool:
    """Service managers manage their own area; heads of practice and directors their region's."""
    if not (user.is_authenticated and user.is_active):
        return False
    if user.role == Role.SERVICE_MANAGER:
        return user.service_area_id == area.pk
    if user.role in REGION_ROLES:
        return user.region_id == area.region_id
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
        cached = list(user.team_memberships.filter(ended_on__isnull=True))
        user._together_current_memberships = cached
    return cached
