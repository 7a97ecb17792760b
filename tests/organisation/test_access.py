"""Every organisation address this app's access list declares, for every role and someone not
signed in (see access.py)."""

import pytest

from together.accounts.models import Role

from .access import ANONYMOUS, AREA_ROUTES, EXPECTED, ROUTES

pytestmark = pytest.mark.django_db


def test_every_route_has_expectations():
    assert set(EXPECTED) == set(ROUTES) - set(AREA_ROUTES)


@pytest.mark.parametrize("role", [ANONYMOUS, *Role.values])
@pytest.mark.parametrize("route", sorted(EXPECTED))
def test_access(client, make_user, route, role):
    if role != ANONYMOUS:
        client.force_login(make_user(role))
    response = client.get(route)
    assert response.status_code == EXPECTED[route][role], f"{role} at {route}"
    if response.status_code == 302:
        assert "sign-in" in response["Location"]
