"""Who manages, supervises or belongs to which part of the organisation."""

import pytest

from tests.organisation.factories import ServiceAreaFactory, TeamFactory
from together.accounts.models import Role
from together.organisation import rules


@pytest.fixture
def places(db):
    home = TeamFactory()
    same_area = TeamFactory(service_area=home.service_area)
    same_region = TeamFactory(service_area=ServiceAreaFactory(region=home.service_area.region))
    elsewhere = TeamFactory()
    return {
        "home": home,
        "same_area": same_area,
        "same_region": same_region,
        "elsewhere": elsewhere,
    }


# role -> the places (teams) whose team that role manages, when placed at "home"
MANAGES = {
    Role.FCA: set(),
    Role.PRACTICE_SUPERVISOR: {"home"},
    Role.SERVICE_MANAGER: {"home", "same_area"},
    Role.HEAD_OF_PRACTICE: {"home", "same_area", "same_region"},
    Role.ASSISTANT_DIRECTOR: {"home", "same_area", "same_region"},
    Role.NATIONAL_PERFORMANCE: {"home", "same_area", "same_region", "elsewhere"},
    Role.BUSINESS_SERVICES: set(),
    Role.SYSTEM_ADMINISTRATOR: {"home", "same_area", "same_region", "elsewhere"},
}


@pytest.mark.parametrize("role", list(MANAGES))
@pytest.mark.parametrize("place", ["home", "same_area", "same_region", "elsewhere"])
def test_who_manages_which_team(make_user, places, role, place):
    home = places["home"]
    user = make_user(role, team=home, area=home.service_area, region=home.service_area.region)
    assert rules.manages_team(user, places[place]) is (place in MANAGES[role])


def test_an_fca_is_a_member_of_their_own_team_only(make_user, places):
    fca = make_user(Role.FCA, team=places["home"])
    assert rules.is_member_of_team(fca, places["home"])
    assert not rules.is_member_of_team(fca, places["same_area"])


def test_a_supervisor_who_left_a_team_no_longer_supervises_it(make_user, places):
    supervisor = make_user(Role.PRACTICE_SUPERVISOR, team=places["home"])
    supervisor.team_memberships.update(ended_on="2026-01-01")
    supervisor = type(supervisor).objects.get(pk=supervisor.pk)
    assert not rules.supervises_team(supervisor, places["home"])


def test_an_inactive_manager_manages_nothing(make_user, places):
    manager = make_user(Role.SERVICE_MANAGER, area=places["home"].service_area, is_active=False)
    assert not rules.manages_service_area(manager, places["home"].service_area)


@pytest.mark.parametrize("role", list(MANAGES))
@pytest.mark.parametrize("place", ["home", "same_area", "same_region", "elsewhere"])
def test_the_filters_say_what_the_predicates_say(make_user, places, role, place):
    """supervises_team_q and manages_area_q, reached through proceedings held by a team, agree
    with supervises_team and manages_service_area (national roles oversee every area, but not
    through the area filter: each app says what they may do)."""
    from tests.proceedings.factories import ProceedingsFactory
    from together.accounts.models import NATIONAL_ROLES
    from together.proceedings.models import Proceedings

    home = places["home"]
    user = make_user(role, team=home, area=home.service_area, region=home.service_area.region)
    team = places[place]
    proceedings = ProceedingsFactory(service_area=team.service_area, team=team)
    here = Proceedings.objects.filter(pk=proceedings.pk)
    assert here.filter(rules.supervises_team_q(user)).exists() is rules.supervises_team(user, team)
    manages = rules.manages_service_area(user, team.service_area) and role not in NATIONAL_ROLES
    assert here.filter(rules.manages_area_q(user)).exists() is manages
