"""Every page of a child's file, for every relationship to the child: 200 or 404, and logged."""

import re
import uuid

import pytest

from tests.children.access import (
    ADDRESS_PAGE,
    EDIT_PAGES,
    EDITS,
    FILE_PAGES,
    MEETING_CHANGE_PAGE,
    SEES_CONFIDENTIAL_ADDRESS,
)
from tests.children.factories import ConnectionFactory, FamilyMemberFactory, MeetingFactory
from tests.conftest import SEES_CHILD
from together.audit.models import Action, AuditEvent


def url(route, child, person=None):
    address = route.replace("<uuid:child_id>", str(child.uuid))
    return address.replace("<uuid:person_id>", str(person.uuid if person else uuid.uuid4()))


@pytest.mark.parametrize("route", FILE_PAGES)
@pytest.mark.parametrize(("relationship", "sees"), SEES_CHILD.items())
def test_file_pages(client, world, route, relationship, sees):
    client.force_login(world.users[relationship])
    response = client.get(url(route, world.child))
    assert response.status_code == (200 if sees else 404)
    logged = AuditEvent.objects.filter(
        action=Action.CHILD_VIEWED, child_id=world.child.uuid, actor=world.users[relationship]
    )
    assert logged.count() == (1 if sees else 0)


@pytest.mark.parametrize("route", EDIT_PAGES)
@pytest.mark.parametrize("relationship", SEES_CHILD)
def test_pages_that_change_the_file(client, world, route, relationship):
    client.force_login(world.users[relationship])
    expected = 200 if relationship in EDITS else 404
    assert client.get(url(route, world.child)).status_code == expected


@pytest.mark.parametrize("relationship", SEES_CHILD)
def test_changing_a_meeting(client, world, relationship):
    meeting = MeetingFactory(child=world.child, recorded_by=world.fca_allocated)
    client.force_login(world.users[relationship])
    address = url(MEETING_CHANGE_PAGE, world.child).replace("<uuid:meeting_id>", str(meeting.uuid))
    expected = 200 if relationship in EDITS else 404
    assert client.get(address).status_code == expected
    # Nor by posting: the record is as it was.
    client.post(address, {"version": "1", "child_words": "Changed"})
    meeting.refresh_from_db()
    assert meeting.version == 1 and meeting.child_words == ""


@pytest.mark.parametrize("relationship", SEES_CHILD)
def test_confidential_address(client, world, relationship):
    person = FamilyMemberFactory(address="1 Hidden Lane", address_confidential=True)
    ConnectionFactory(child=world.child, person=person)
    client.force_login(world.users[relationship])
    response = client.get(url(ADDRESS_PAGE, world.child, person))
    if relationship in SEES_CONFIDENTIAL_ADDRESS:
        assert response.status_code == 200
        assert "1 Hidden Lane" in response.content.decode()
        assert AuditEvent.objects.filter(
            action=Action.CONFIDENTIAL_ADDRESS_VIEWED, object_id=str(person.uuid)
        ).exists()
    else:
        assert response.status_code == 404
        assert not AuditEvent.objects.filter(action=Action.CONFIDENTIAL_ADDRESS_VIEWED).exists()


@pytest.mark.parametrize("route", [*FILE_PAGES, *EDIT_PAGES])
def test_a_child_that_does_not_exist_looks_the_same_as_one_you_may_not_see(client, world, route):
    client.force_login(world.fca_other_area)
    missing = client.get(route.replace("<uuid:child_id>", str(uuid.uuid4())))
    hidden = client.get(url(route, world.child))
    assert missing.status_code == hidden.status_code == 404
    assert _without_tokens(missing) == _without_tokens(hidden)


@pytest.mark.parametrize("route", FILE_PAGES)
def test_a_refused_look_at_a_file_that_exists_is_logged_but_a_missing_one_is_not(
    client, world, route
):
    client.force_login(world.fca_other_area)
    client.get(route.replace("<uuid:child_id>", str(uuid.uuid4())))
    assert not AuditEvent.objects.filter(action=Action.CHILD_VIEW_REFUSED).exists()
    address = url(route, world.child)
    assert client.get(address).status_code == 404
    refused = AuditEvent.objects.get(action=Action.CHILD_VIEW_REFUSED)
    assert refused.actor == world.fca_other_area
    assert refused.child_id == world.child.uuid
    assert refused.detail == {"path": address}
    assert not AuditEvent.objects.filter(action=Action.CHILD_VIEWED).exists()


def _without_tokens(response):
    # The sign-out form's security token is different on every page; nothing else may be.
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())


@pytest.mark.parametrize("route", [*FILE_PAGES, *EDIT_PAGES])
def test_someone_not_signed_in_is_asked_to_sign_in(client, world, route):
    response = client.get(url(route, world.child))
    assert response.status_code == 302 and response["Location"].startswith("/sign-in/")
