"""Each role lands on its own home page, built from the organisation's records."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape

from tests.accounts.factories import UserFactory
from tests.organisation.factories import MembershipFactory, ServiceAreaFactory, TeamFactory
from together.accounts.models import Role

HOME = reverse("home:home")


@pytest.mark.parametrize(
    ("role", "heading"),
    [
        (Role.FCA, "My children"),
        (Role.PRACTICE_SUPERVISOR, "Your workspace"),
        (Role.NATIONAL_PERFORMANCE, "Scorecard"),
        (Role.HEAD_OF_PRACTICE, "Scorecard"),
        (Role.ASSISTANT_DIRECTOR, "Scorecard"),
        (Role.SYSTEM_ADMINISTRATOR, "National overview"),
    ],
)
def test_role_lands_on_its_home_page(client, make_user, role, heading):
    client.force_login(make_user(role))
    response = client.get(HOME)
    assert response.status_code == 200
    assert f">{heading}</h1>" in response.content.decode()


def test_service_manager_sees_their_area_teams_with_fca_counts(client, make_user, area):
    team = TeamFactory(service_area=area, name="Leeds long-term 1")
    for _ in range(3):
        make_user(Role.FCA, team=team, fte="0.50")
    make_user(Role.FCA, team=TeamFactory(name="Elsewhere long-term 1"))  # another area
    client.force_login(make_user(Role.SERVICE_MANAGER, area=area))
    page = client.get(HOME).content.decode()
    assert f"{area.name} <span" in page
    assert "Leeds long-term 1" in page and "Elsewhere long-term 1" not in page
    numeric = 'class="govuk-table__cell govuk-table__cell--numeric"'
    assert f'<td data-label="Family Court Advisers" {numeric}>3</td>' in page
    assert f'<td data-label="Full-time equivalent" {numeric}>1.5</td>' in page


def test_head_of_practice_sees_only_their_region(client, make_user):
    mine = ServiceAreaFactory(name="Mine")
    ServiceAreaFactory(name="Not mine")
    client.force_login(make_user(Role.HEAD_OF_PRACTICE, region=mine.region))
    page = client.get(HOME).content.decode()
    assert 'id="by-area"' in page
    assert ">Mine</a>" in page and "Not mine" not in page


def test_service_manager_home_links_to_their_scorecard(client, make_user, area):
    client.force_login(make_user(Role.SERVICE_MANAGER, area=area))
    page = client.get(HOME).content.decode()
    assert f'href="/scorecard/">Read {escape(area.name)}\'s scorecard</a>' in page


def test_supervisor_sees_their_team_and_not_people_who_left(client, make_user, team):
    supervisor = make_user(Role.PRACTICE_SUPERVISOR, team=team)
    stayed = make_user(Role.FCA, team=team)
    left = UserFactory(role=Role.FCA)
    MembershipFactory(user=left, team=team, ended_on="2025-01-31")
    client.force_login(supervisor)
    page = client.get(HOME).content.decode()
    assert escape(stayed.full_name) in page and escape(left.full_name) not in page


def _queries_for(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return [q["sql"] for q in captured.captured_queries]


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        (Role.SYSTEM_ADMINISTRATOR, 4),  # session, user, areas with counts, their teams
        (Role.SERVICE_MANAGER, 5),  # session, user, the area, its region, its teams with counts
        # session, user, their teams, the members with their caseloads, their children's work,
        # supervision actions, plans waiting for review, the proceedings they lead
        (Role.PRACTICE_SUPERVISOR, 8),
        (Role.FCA, 4),  # session, user, teams, their children with subqueries
    ],
)
def test_home_page_queries_do_not_grow_with_the_organisation(client, make_user, role, expected):
    team = TeamFactory()
    user = make_user(role, team=team, area=team.service_area, region=team.service_area.region)
    client.force_login(user)
    client.get(HOME)  # the first request after sign-in also writes the session
    assert len(_queries_for(client, HOME)) == expected
    for _ in range(4):
        other = TeamFactory(service_area=ServiceAreaFactory(region=team.service_area.region))
        make_user(Role.FCA, team=other)
        make_user(Role.FCA, team=team)
    assert len(_queries_for(client, HOME)) == expected
