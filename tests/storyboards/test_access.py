"""Every storyboards page, for every relationship to the child in `world`: 200 or 404, logged."""

import uuid

import pytest

from tests.conftest import SEES_CHILD
from tests.storyboards.access import (
    DRAWING,
    POST_ONLY,
    PUBLIC_PAGES,
    READ_PAGES,
    REFLECTIONS,
    WRITE_PAGES,
    WRITES,
)
from together.audit.models import Action, AuditEvent
from together.storyboards.models import Drawing, Panel


def url(route, child, storyboard=None, *, panel=None, share=None, drawing=None, token="x"):  # noqa: S107
    return (
        route.replace("<uuid:child_id>", str(child.uuid))
        .replace("<uuid:storyboard_id>", str(storyboard.uuid if storyboard else uuid.uuid4()))
        .replace("<uuid:panel_id>", str(panel.uuid if panel else uuid.uuid4()))
        .replace("<uuid:share_id>", str(share.uuid if share else uuid.uuid4()))
        .replace("<uuid:drawing_id>", str(drawing.uuid if drawing else uuid.uuid4()))
        .replace("<str:token>", token)
    )


def _all(world, shared):
    storyboard = shared.storyboard
    return {
        "storyboard": storyboard,
        "panel": Panel.objects.filter(storyboard=storyboard).first(),
        "share": shared,
        "drawing": Drawing.objects.get(storyboard=storyboard),
    }


@pytest.mark.parametrize("route", READ_PAGES)
@pytest.mark.parametrize(("relationship", "sees"), SEES_CHILD.items())
def test_reading_follows_the_childs_file(client, world, shared, route, relationship, sees):
    user = world.users[relationship]
    client.force_login(user)
    found = _all(world, shared)
    response = client.get(url(route, world.child, **found))
    assert response.status_code == (200 if sees else 404)
    action = Action.DOCUMENT_PRINTED if route.endswith("/pdf/") else Action.CHILD_VIEWED
    assert AuditEvent.objects.filter(action=action, actor=user).count() == (1 if sees else 0)


@pytest.mark.parametrize(("relationship", "sees"), SEES_CHILD.items())
def test_a_drawing_is_shown_only_to_those_who_see_the_file(
    client, world, shared, relationship, sees
):
    client.force_login(world.users[relationship])
    response = client.get(url(DRAWING, world.child, **_all(world, shared)))
    assert response.status_code == (200 if sees else 404)
    if sees:
        assert response["Content-Type"] == "image/png"
        assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("route", WRITE_PAGES)
@pytest.mark.parametrize("relationship", SEES_CHILD)
def test_writing_follows_changing_the_file(client, world, shared, route, relationship):
    client.force_login(world.users[relationship])
    response = client.get(url(route, world.child, **_all(world, shared)))
    assert response.status_code == (200 if relationship in WRITES else 404)


@pytest.mark.parametrize("route", POST_ONLY)
@pytest.mark.parametrize("relationship", SEES_CHILD)
def test_the_buttons_follow_changing_the_file(client, world, shared, route, relationship):
    client.force_login(world.users[relationship])
    found = _all(world, shared)
    response = client.post(
        url(route, world.child, **found),
        {"version": found["storyboard"].version, "direction": "down"},
    )
    assert response.status_code == (302 if relationship in WRITES else 404)


@pytest.mark.parametrize("route", [*READ_PAGES, *WRITE_PAGES, DRAWING])
def test_a_storyboard_that_does_not_exist_looks_the_same_as_one_you_may_not_see(
    client, world, shared, route
):
    client.force_login(world.fca_other_area)
    hidden = client.get(url(route, world.child, **_all(world, shared)))
    client.force_login(world.fca_allocated)
    missing = client.get(url(route, world.child))
    assert hidden.status_code == 404
    assert missing.status_code == (404 if "storyboard_id" in route else 200)


@pytest.mark.parametrize("route", [*READ_PAGES, *WRITE_PAGES, DRAWING])
def test_someone_not_signed_in_is_asked_to_sign_in(client, world, shared, route):
    response = client.get(url(route, world.child, **_all(world, shared)))
    assert response.status_code == 302 and response["Location"].startswith("/sign-in/")


@pytest.mark.parametrize(
    ("relationship", "allowed"), [("fca_allocated", True), ("sysadmin", False)]
)
def test_colleagues_read_reflections(client, world, relationship, allowed):
    client.force_login(world.users[relationship])
    assert client.get(REFLECTIONS).status_code == (200 if allowed else 404)


def test_the_web_version_and_its_drawing_open_for_anyone_with_the_link(client, world, shared):
    found = _all(world, shared)
    token = shared.invitation.token
    page = client.get(url(PUBLIC_PAGES[0], world.child, token=token))
    assert page.status_code == 200
    assert "Jayden&#x27;s story" in page.content.decode()
    assert page["Referrer-Policy"] == "no-referrer"
    picture = client.get(url(PUBLIC_PAGES[1], world.child, drawing=found["drawing"], token=token))
    assert picture.status_code == 200 and picture["Content-Type"] == "image/png"


@pytest.mark.parametrize("token", ["nonsense", "x" * 32])
def test_an_unknown_link_says_it_does_not_work(client, world, shared, token):
    found = _all(world, shared)
    page = client.get(url(PUBLIC_PAGES[0], world.child, token=token))
    assert page.status_code == 404 and "This link does not work" in page.content.decode()
    picture = client.get(url(PUBLIC_PAGES[1], world.child, drawing=found["drawing"], token=token))
    assert picture.status_code == 404


def test_an_expired_link_does_not_work(client, world, shared):
    from datetime import timedelta

    from django.utils import timezone

    from together.feedback.models import FeedbackInvitation

    FeedbackInvitation.objects.filter(pk=shared.invitation_id).update(
        expires_at=timezone.now() - timedelta(days=1)
    )
    response = client.get(url(PUBLIC_PAGES[0], world.child, token=shared.invitation.token))
    assert response.status_code == 404


def test_each_read_through_the_link_is_logged_without_saying_who(client, world, shared):
    from together.audit.models import Action, AuditEvent

    token = shared.invitation.token
    client.get(url(PUBLIC_PAGES[0], world.child, token=token))
    client.get(url(PUBLIC_PAGES[0], world.child, token=token))
    client.get(url(PUBLIC_PAGES[0], world.child, token="nonsense"))
    events = list(AuditEvent.objects.filter(action=Action.STORYBOARD_READ_BY_LINK))
    assert len(events) == 2
    assert {e.child_id for e in events} == {world.child.uuid}
    assert all(e.actor_id is None for e in events)
    assert events[0].actor_label == "Someone with the secure link"
    assert events[0].detail["share"] == str(shared.uuid)
