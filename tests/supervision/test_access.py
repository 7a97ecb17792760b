"""Every page of thinking together, for every relationship in conftest.world: a session is seen
by those who were there, their supervisors and managers; what it says about a child only by
those who may see the child; and nobody is given a child's file by a session."""

import pytest

from tests.conftest import SEES_CHILD
from tests.supervision.access import ADDS_TO_SESSION, SEES_SESSION
from tests.supervision.factories import add_action, discuss, record_session
from together.audit.models import Action as AuditAction
from together.audit.models import AuditEvent

RELATIONSHIPS = list(SEES_CHILD)
# Everyone in `world` with a current team membership (FCAs and practice supervisors).
IN_A_TEAM = {
    "fca_allocated",
    "fca_same_team",
    "fca_other_area",
    "supervisor_team",
    "supervisor_other_team",
}


@pytest.fixture
def discussion(world):
    return discuss(world)


@pytest.mark.parametrize("relationship", RELATIONSHIPS)
def test_a_session_is_seen_by_those_there_their_supervisors_and_managers(
    client, world, discussion, relationship
):
    client.force_login(world.users[relationship])
    response = client.get(f"/supervision/sessions/{discussion.session.uuid}/")
    assert response.status_code == (200 if relationship in SEES_SESSION else 404)
    listed = client.get("/supervision/")
    assert listed.status_code == 200
    assert (str(discussion.session.uuid) in listed.text) == (relationship in SEES_SESSION)


@pytest.mark.parametrize("relationship", RELATIONSHIPS)
def test_adding_to_a_session_is_for_those_there_and_the_teams_supervisor(
    client, world, discussion, relationship
):
    client.force_login(world.users[relationship])
    adds = relationship in ADDS_TO_SESSION
    response = client.get(f"/supervision/sessions/{discussion.session.uuid}/discuss/")
    assert response.status_code == (200 if adds else 404)
    response = client.get(f"/supervision/discussions/{discussion.uuid}/change/")
    assert response.status_code == (200 if adds else 404)
    response = client.get(f"/supervision/discussions/{discussion.uuid}/actions/add/")
    assert response.status_code == (200 if adds else 404)


@pytest.mark.parametrize("relationship", RELATIONSHIPS)
def test_recording_a_session_is_for_people_in_a_team(client, world, relationship):
    client.force_login(world.users[relationship])
    response = client.get("/supervision/sessions/new/")
    assert response.status_code == (200 if relationship in IN_A_TEAM else 404)


@pytest.mark.parametrize("relationship", RELATIONSHIPS)
def test_the_childs_supervision_section_follows_the_childs_file(
    client, world, discussion, relationship
):
    user = world.users[relationship]
    client.force_login(user)
    response = client.get(f"/children/{world.child.uuid}/supervision/")
    sees = SEES_CHILD[relationship]
    assert response.status_code == (200 if sees else 404)
    logged = AuditEvent.objects.filter(
        action=AuditAction.CHILD_VIEWED, actor=user, detail__section="supervision"
    ).exists()
    assert logged == sees


@pytest.mark.parametrize("relationship", RELATIONSHIPS)
def test_an_action_is_marked_done_by_its_owner_or_those_who_add_to_the_session(
    client, world, relationship
):
    action = add_action(world)
    client.force_login(world.users[relationship])
    assert client.get("/supervision/actions/").status_code == 200
    response = client.post(f"/supervision/actions/{action.uuid}/done/", {"done": "yes"})
    allowed = relationship in ADDS_TO_SESSION
    assert response.status_code == (302 if allowed else 404)
    action.refresh_from_db()
    assert (action.done_on is not None) == allowed


def test_signed_out_people_are_sent_to_sign_in(client, world, discussion):
    for url in (
        "/supervision/",
        "/supervision/actions/",
        f"/supervision/sessions/{discussion.session.uuid}/",
    ):
        response = client.get(url)
        assert response.status_code == 302
        assert "sign-in" in response["Location"]


def test_a_child_from_another_area_shows_only_to_those_who_may_see_them(client, world):
    """An FCA from another area comes to the team's session and brings a child from there: the
    session shows that a child was discussed, but nothing about them, and the team's supervisor
    still cannot open that child's file."""
    from tests.children.factories import ChildFactory
    from tests.proceedings.factories import (
        ProceedingsChildFactory,
        ProceedingsFactory,
        allocate,
    )

    # A name no generated member of staff can have ("Fiona Miah" made "Mia" unsafe to look for).
    far_child = ChildFactory(preferred_name="Zephyrine", legal_family_name="Quillfeather")
    far = ProceedingsFactory(service_area=world.other_area)
    ProceedingsChildFactory(proceedings=far, child=far_child)
    allocate(far, world.fca_other_area, world.fca_other_area.team_memberships.first().team)
    session = record_session(world, attendees=[world.fca_allocated, world.fca_other_area])
    discuss(
        world,
        session,
        child=far_child,
        brought_by=world.fca_other_area,
        question="Zephyrine's own worry about moving school",
    )
    client.force_login(world.supervisor_team)
    page = client.get(f"/supervision/sessions/{session.uuid}/")
    assert page.status_code == 200
    assert "A child you do not work with" in page.text
    assert "Zephyrine" not in page.text and "Quillfeather" not in page.text
    assert client.get(f"/children/{far_child.uuid}/").status_code == 404
    assert client.get(f"/children/{far_child.uuid}/supervision/").status_code == 404
    # The FCA who brought her sees what was said.
    client.force_login(world.fca_other_area)
    page = client.get(f"/supervision/sessions/{session.uuid}/")
    assert "Zephyrine&#x27;s own worry about moving school" in page.text


def test_an_attendees_own_supervisor_sees_the_session_but_not_the_child(client, world):
    """Someone from another team comes to the team's session: their own practice supervisor
    may read the session (and no more), and it gives them nothing of the child's file."""
    from tests.accounts.factories import UserFactory
    from tests.organisation.factories import MembershipFactory
    from together.accounts.models import Role

    other_team = world.supervisor_other_team.team_memberships.first().team
    visitor = UserFactory(role=Role.FCA, service_area=world.area)
    MembershipFactory(user=visitor, team=other_team)
    session = record_session(world, attendees=[world.fca_allocated, visitor])
    discuss(world, session, question="Jayden's own worry about moving school")
    client.force_login(world.supervisor_other_team)
    page = client.get(f"/supervision/sessions/{session.uuid}/")
    assert page.status_code == 200
    assert "A child you do not work with" in page.text
    assert "moving school" not in page.text
    assert client.get(f"/supervision/sessions/{session.uuid}/discuss/").status_code == 404
    assert client.get(f"/children/{world.child.uuid}/").status_code == 404
    assert client.get(f"/children/{world.child.uuid}/supervision/").status_code == 404
    # Once the visitor has left that team, their former supervisor no longer sees it.
    visitor.team_memberships.update(ended_on=visitor.team_memberships.first().started_on)
    assert client.get(f"/supervision/sessions/{session.uuid}/").status_code == 404
