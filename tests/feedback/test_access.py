"""Every feedback address for every role, and someone not signed in (see access.py)."""

import pytest

from together.accounts.models import Role

from .access import ANONYMOUS, EXPECTED, ROUTES
from .factories import InvitationFactory

pytestmark = pytest.mark.django_db


def test_every_route_has_expectations():
    assert set(EXPECTED) == set(ROUTES)


@pytest.mark.parametrize("role", [ANONYMOUS, *Role.values])
@pytest.mark.parametrize("route", ROUTES)
def test_access(client, make_user, route, role):
    invitation = InvitationFactory()
    if role != ANONYMOUS:
        client.force_login(make_user(role))
    response = client.get(route.replace("<str:token>", invitation.token))
    assert response.status_code == EXPECTED[route][role], f"{role} at {route}"
    if response.status_code == 302 and route.startswith("/feedback/"):
        assert "sign-in" in response["Location"]


@pytest.mark.parametrize("route", ["/f/<str:token>", "/f/<str:token>/thanks"])
def test_a_link_that_does_not_work_is_404_for_everyone(client, route):
    response = client.get(route.replace("<str:token>", "x" * 32))
    assert response.status_code == 404


def test_feedback_links_are_not_in_the_admin_site(client, make_user):
    invitation = InvitationFactory()
    client.force_login(make_user(Role.SYSTEM_ADMINISTRATOR))
    assert client.get("/admin/feedback/feedbackinvitation/").status_code == 404
    page = client.get(f"/admin/feedback/feedbackinvitation/{invitation.pk}/change/")
    assert page.status_code == 404
    assert invitation.token not in page.content.decode()
