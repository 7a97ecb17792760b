"""Who may read the scorecard, and for which places: national leadership the nation and every
region, area and team; heads of practice and assistant directors their region and its areas and
teams; service managers their own area and its teams; practice supervisors the teams they
supervise now (each on its own, and together if they have several). Anyone else gets 404 (ADR
0002), and so does a place outside a person's reach, exactly as one that does not exist.

The figures are counts and shares only. The lists behind them (drill.py) show a child only to
someone who may see that child's file (together.children.rules).
"""

import uuid
from dataclasses import dataclass, field

from together.accounts.models import REGION_ROLES, Role
from together.organisation.models import Region, ServiceArea, Team

NATION, REGION, AREA, TEAM = "nation", "region", "area", "team"
# A practice supervisor's teams together, when they supervise more than one.
TEAMS = "teams"


@dataclass(frozen=True)
class Place:
    """A place the scorecard is for: the nation, a region, a service area or a team. `level` and
    `ids` are what the selectors count over (`ids` None for the nation); `key` names it in the
    page's address ("" for the nation)."""

    kind: str
    name: str
    key: str = ""
    level: str = AREA
    ids: tuple[int, ...] | None = None
    # The places one level down, shown one by one beside the whole: (heading, level, places).
    below: list = field(default_factory=list, compare=False)


def may_read_scorecard(user) -> bool:
    if not (user.is_authenticated and user.is_active):
        return False
    if user.role in REGION_ROLES:
        return user.region_id is not None
    if user.role == Role.SERVICE_MANAGER:
        return user.service_area_id is not None
    return user.role == Role.NATIONAL_PERFORMANCE


def _supervised_teams(user) -> list[Team]:
    """The teams a practice supervisor is a member of now, by name (none for anyone else)."""
    if not (user.is_authenticated and user.is_active and user.role == Role.PRACTICE_SUPERVISOR):
        return []
    return list(
        Team.objects.filter(memberships__user=user, memberships__ended_on__isnull=True)
        .select_related("service_area")
        .distinct()
        .order_by("name")
    )


def may_read_team_scorecard(user) -> bool:
    """A practice supervisor reads the scorecard of the teams they supervise now (and the
    lists behind its figures, with the child's file's rules on every row); not their area's,
    nor the pressure and prioritisation pages, which are for service managers and above."""
    return bool(_supervised_teams(user))


def may_open_scorecard(user) -> bool:
    """The scorecard page, its lists and downloads: anyone who reads some place's figures."""
    return may_read_scorecard(user) or may_read_team_scorecard(user)


def _region(region: Region) -> Place:
    return Place(REGION, region.name, f"region-{region.code}", REGION, (region.pk,))


def _area(area: ServiceArea) -> Place:
    return Place(AREA, area.name, f"area-{area.code}", AREA, (area.pk,))


def _team(team: Team) -> Place:
    return Place(TEAM, team.name, f"team-{team.uuid}", TEAM, (team.pk,))


def _with_below(place: Place) -> Place:
    """`place` with the places one level down: regions and areas below the nation, areas and
    teams below a region, teams below an area."""
    if place.kind == NATION:
        regions = [_region(r) for r in Region.objects.order_by("name")]
        areas = [_area(a) for a in ServiceArea.objects.order_by("name")]
        below = [("By region", REGION, regions), ("By service area", AREA, areas)]
    elif place.kind == REGION:
        areas = ServiceArea.objects.filter(region_id=place.ids[0]).order_by("name")
        teams = Team.objects.filter(service_area__region_id=place.ids[0]).select_related(
            "service_area"
        )
        teams = sorted(teams, key=lambda t: (t.service_area.name, t.name))
        below = [
            ("By service area", AREA, [_area(a) for a in areas]),
            ("By team", TEAM, [_team(t) for t in teams]),
        ]
    elif place.kind == AREA:
        teams = Team.objects.filter(service_area_id=place.ids[0]).order_by("name")
        below = [("By team", TEAM, [_team(t) for t in teams])]
    elif place.kind == TEAMS:
        teams = Team.objects.filter(pk__in=place.ids).order_by("name")
        below = [("By team", TEAM, [_team(t) for t in teams])]
    else:
        below = []
    return Place(place.kind, place.name, place.key, place.level, place.ids, below)


def _own_place(user, teams: list[Team]) -> Place:
    if user.role == Role.NATIONAL_PERFORMANCE:
        return Place(NATION, "National")
    if user.role in REGION_ROLES:
        return _region(user.region)
    if user.role == Role.SERVICE_MANAGER:
        return _area(user.service_area)
    if len(teams) == 1:
        return _team(teams[0])
    return Place(TEAMS, "Your teams", "", TEAM, tuple(t.pk for t in teams))


def _named(key: str) -> tuple[Place, int, int | None] | None:
    """The place `key` names, with its region's id and its area's id (None for a region), or None
    if it names nothing."""
    kind, _, code = key.partition("-")
    if kind == REGION:
        region = Region.objects.filter(code=code).first()
        return (_region(region), region.pk, None) if region else None
    if kind == AREA:
        area = ServiceArea.objects.filter(code=code).first()
        return (_area(area), area.region_id, area.pk) if area else None
    if kind == TEAM:
        team = (
            Team.objects.filter(uuid=code).select_related("service_area").first()
            if _is_uuid(code)
            else None
        )
        return (_team(team), team.service_area.region_id, team.service_area_id) if team else None
    return None


def _is_uuid(text: str) -> bool:
    try:
        uuid.UUID(text)
    except ValueError:
        return False
    return True


def scorecard_place(user, key: str = "", *, below: bool = True) -> Place | None:
    """The place `key` names (the person's own place when empty) if `user` may read its
    scorecard, with the places below it (`below`); None if they may not, or it does not exist."""
    teams = [] if may_read_scorecard(user) else _supervised_teams(user)
    if not (teams or may_read_scorecard(user)):
        return None
    if not key:
        place = _own_place(user, teams)
    else:
        named = _named(key)
        if named is None:
            return None
        place, region_id, area_id = named
        if teams and (place.kind != TEAM or place.ids[0] not in {t.pk for t in teams}):
            return None
        if user.role in REGION_ROLES and region_id != user.region_id:
            return None
        if user.role == Role.SERVICE_MANAGER and (
            area_id is None or area_id != user.service_area_id
        ):
            return None
    return _with_below(place) if below else place


@dataclass(frozen=True)
class Places:
    """The places a person's scorecard is for, as the pressure page reads them: `name`, and the
    service areas (`areas` None for the whole nation); `each`, the areas to show one by one."""

    name: str
    areas: list[ServiceArea] | None
    each: list[ServiceArea]


def scorecard_places(user) -> Places | None:
    """The service areas `user` reads the scorecard for, or None if they may not read it."""
    if not may_read_scorecard(user):
        return None
    if user.role == Role.NATIONAL_PERFORMANCE:
        return Places("National", None, list(ServiceArea.objects.order_by("name")))
    if user.role in REGION_ROLES:
        areas = list(ServiceArea.objects.filter(region_id=user.region_id).order_by("name"))
        return Places(user.region.name, areas, areas)
    return Places(user.service_area.name, [user.service_area], [])
