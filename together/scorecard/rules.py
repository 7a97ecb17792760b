"""Who may read the scorecard, and for which places: national leadership the nation and every
area, heads of practice and assistant directors their region and its areas, service managers
their own area. Anyone else gets 404 (ADR 0002). The scorecard shows counts and shares only,
never a child."""

from dataclasses import dataclass

from together.accounts.models import REGION_ROLES, Role
from together.organisation.models import ServiceArea


@dataclass(frozen=True)
class Places:
    """The place a person's scorecard is for (`name`), and its service areas; `areas` is None
    for the whole nation."""

    name: str
    areas: list[ServiceArea] | None
    # The areas to show one by one, beside the whole (none when the whole is one area).
    each: list[ServiceArea]


def may_read_scorecard(user) -> bool:
    if not (user.is_authenticated and user.is_active):
        return False
    if user.role in REGION_ROLES:
        return user.region_id is not None
    if user.role == Role.SERVICE_MANAGER:
        return user.service_area_id is not None
    return user.role == Role.NATIONAL_PERFORMANCE


def scorecard_places(user) -> Places | None:
    """The places `user` reads the scorecard for, or None if they may not read it."""
    if not may_read_scorecard(user):
        return None
    if user.role == Role.NATIONAL_PERFORMANCE:
        return Places("National", None, list(ServiceArea.objects.order_by("name")))
    if user.role in REGION_ROLES:
        areas = list(ServiceArea.objects.filter(region_id=user.region_id).order_by("name"))
        return Places(user.region.name, areas, areas)
    return Places(user.service_area.name, [user.service_area], [])
