"""Sharing, comparison and print pages of the plan, for every relationship to the child: who may
open them (200 or 404), that each view is logged, and who may record sharing and responses."""

import re
import uuid

import pytest

from tests.conftest import SEES_CHILD
from tests.plans.access import WRITES
from tests.plans.access_outputs import OUTPUT_READ_PAGES, OUTPUT_WRITE_PAGES
from tests.plans.factories import share_with_child
from together.audit.models import Action, AuditEvent


@pytest.fixture
def share(world):
    return share_with_child(world)


def url(route, child, share=None):
    address = route.replace("<uuid:child_id>", str(child.uuid))
    return address.replace("<uuid:share_id>", str(share.uuid if share else uuid.uuid4()))


def _views(world, user):
    return AuditEvent.objects.filter(
        action=Action.CHILD_VIEWED, child_id=world.child.uuid, actor=user, detail__section="plan"
    ).count()


@pytest.mark.parametrize("route", OUTPUT_READ_PAGES)
@pytest.mark.parametrize(("relationship", "sees"), SEES_CHILD.items())
def test_reading_pages(client, world, share, route, relationship, sees):
    user = world.users[relationship]
    client.force_login(user)
    response = client.get(url(route, world.child))
    assert response.status_code == (200 if sees else 404)
    assert _views(world, user) == (1 if sees else 0)


@pytest.mark.parametrize("route", OUTPUT_WRITE_PAGES)
@pytest.mark.parametrize("relationship", SEES_CHILD)
def test_recording_pages(client, world, share, route, relationship):
    user = world.users[relationship]
    client.force_login(user)
    response = client.get(url(route, world.child, share))
    expected = 200 if relationship in WRITES else 404
    assert response.status_code == expected
    assert _views(world, user) == (1 if expected == 200 else 0)


@pytest.mark.parametrize("relationship", SEES_CHILD)
def test_only_the_writer_can_post_a_share(client, world, share, relationship):
    client.force_login(world.users[relationship])
    response = client.post(
        url(OUTPUT_WRITE_PAGES[0], world.child),
        {"recipient": "child", "shared": "no", "not_shared_reason": "Not yet", "version": 99},
    )
    if relationship in WRITES:
        assert response.status_code == 200  # the stale version is refused, and said so
    else:
        assert response.status_code == 404
    assert share.plan.shares.count() == 1


@pytest.mark.parametrize("relationship", ["fca_allocated", "supervisor_team", "national"])
def test_a_record_of_sharing_from_another_plan_is_not_found(client, world, share, relationship):
    client.force_login(world.users[relationship])
    response = client.get(url(OUTPUT_WRITE_PAGES[1], world.child))  # a made-up share
    assert response.status_code == 404


@pytest.mark.parametrize("route", [*OUTPUT_READ_PAGES, *OUTPUT_WRITE_PAGES])
def test_a_child_that_does_not_exist_looks_the_same_as_one_you_may_not_see(
    client, world, share, route
):
    client.force_login(world.fca_other_area)
    missing = client.get(
        url(route, world.child, share).replace(str(world.child.uuid), str(uuid.uuid4()))
    )
    hidden = client.get(url(route, world.child, share))
    assert missing.status_code == hidden.status_code == 404
    strip = lambda r: re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", r.content.decode())  # noqa: E731
    assert strip(missing) == strip(hidden)


@pytest.mark.parametrize("route", [*OUTPUT_READ_PAGES, *OUTPUT_WRITE_PAGES])
def test_someone_not_signed_in_is_asked_to_sign_in(client, world, share, route):
    response = client.get(url(route, world.child, share))
    assert response.status_code == 302 and response["Location"].startswith("/sign-in/")


def test_a_child_with_no_plan_yet_has_no_sharing_page(client, world):
    client.force_login(world.fca_allocated)
    assert client.get(url(OUTPUT_READ_PAGES[0], world.child)).status_code == 404
