"""Every letters page, for every relationship to the child in `world`: 200 or 404, and logged."""

import re
import uuid

import pytest

from tests.conftest import SEES_CHILD
from tests.letters.access import (
    BATCHES,
    OVERSEES,
    OVERSIGHT_CHILDREN_PAGE,
    OVERSIGHT_PAGE,
    PUBLIC_PAGE,
    READ_PAGES,
    WRITE_PAGES,
    WRITES,
)
from tests.letters.factories import send_letter, start_letter
from together.audit.models import Action, AuditEvent
from together.letters.selectors import invitation_for


def url(route, child, letter=None, token="x"):  # noqa: S107 (a link, not a password)
    return (
        route.replace("<uuid:child_id>", str(child.uuid))
        .replace("<uuid:letter_id>", str(letter.uuid if letter else uuid.uuid4()))
        .replace("<str:token>", token)
    )


@pytest.fixture
def letter(letters_world):
    return start_letter(letters_world.child, letters_world.fca_allocated)


@pytest.mark.parametrize("route", READ_PAGES)
@pytest.mark.parametrize(("relationship", "sees"), SEES_CHILD.items())
def test_reading_follows_the_childs_file(client, letters_world, letter, route, relationship, sees):
    user = letters_world.users[relationship]
    client.force_login(user)
    response = client.get(url(route, letters_world.child, letter))
    assert response.status_code == (200 if sees else 404)
    if route.endswith("/pdf/"):
        printed = AuditEvent.objects.filter(action=Action.DOCUMENT_PRINTED, actor=user)
        assert printed.count() == (1 if sees else 0)
    else:
        viewed = AuditEvent.objects.filter(action=Action.CHILD_VIEWED, actor=user)
        assert viewed.count() == (1 if sees else 0)


@pytest.mark.parametrize("route", WRITE_PAGES)
@pytest.mark.parametrize("relationship", SEES_CHILD)
def test_writing_follows_changing_the_file(client, letters_world, letter, route, relationship):
    client.force_login(letters_world.users[relationship])
    response = client.get(url(route, letters_world.child, letter))
    assert response.status_code == (200 if relationship in WRITES else 404)


@pytest.mark.parametrize("relationship", SEES_CHILD)
def test_only_writers_may_post_changes_to_a_letter(client, letters_world, letter, relationship):
    client.force_login(letters_world.users[relationship])
    response = client.post(
        url(READ_PAGES[1], letters_world.child, letter),
        {"version": letter.version, "body": "Changed by someone"},
    )
    letter.refresh_from_db()
    if relationship in WRITES:
        assert response.status_code == 302 and letter.body == "Changed by someone"
    else:
        assert response.status_code == 404 and letter.body != "Changed by someone"


@pytest.mark.parametrize("route", [*READ_PAGES, *WRITE_PAGES])
def test_a_letter_that_does_not_exist_looks_the_same_as_one_you_may_not_see(
    client, letters_world, letter, route
):
    client.force_login(letters_world.fca_other_area)
    hidden = client.get(url(route, letters_world.child, letter))
    client.force_login(letters_world.fca_allocated)
    missing = client.get(url(route, letters_world.child) if "letter_id" in route else "/nowhere/")
    assert hidden.status_code == missing.status_code == 404


def _without_tokens(response):
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())


@pytest.mark.parametrize("route", [*READ_PAGES, *WRITE_PAGES])
def test_someone_not_signed_in_is_asked_to_sign_in(client, letters_world, letter, route):
    response = client.get(url(route, letters_world.child, letter))
    assert response.status_code == 302 and response["Location"].startswith("/sign-in/")


def test_the_web_version_opens_for_anyone_with_the_link(client, letters_world, letter):
    send_letter(letter, letters_world.fca_allocated)
    token = invitation_for(letter).token
    response = client.get(url(PUBLIC_PAGE, letters_world.child, token=token))
    assert response.status_code == 200
    assert "Dear Jayden" in response.content.decode()


def test_a_draft_letters_links_work_only_once_it_is_sent(client, letters_world, letter):
    token = invitation_for(letter).token
    unknown = client.get(url(PUBLIC_PAGE, letters_world.child, token="x" * 32))
    draft_web = client.get(url(PUBLIC_PAGE, letters_world.child, token=token))
    draft_form = client.get(f"/f/{token}")
    assert draft_web.status_code == draft_form.status_code == 404
    assert _without_tokens(draft_web) == _without_tokens(unknown)
    assert "This link does not work" in draft_form.content.decode()

    send_letter(letter, letters_world.fca_allocated)
    assert client.get(url(PUBLIC_PAGE, letters_world.child, token=token)).status_code == 200
    assert client.get(f"/f/{token}").status_code == 200


def test_each_read_through_the_link_is_logged_without_saying_who(client, letters_world, letter):
    invitation = invitation_for(letter)
    draft = client.get(url(PUBLIC_PAGE, letters_world.child, token=invitation.token))
    send_letter(letter, letters_world.fca_allocated)
    for token in (invitation.token, invitation.token, "nonsense"):
        client.get(url(PUBLIC_PAGE, letters_world.child, token=token))
    assert draft.status_code == 404
    # Two reads of the sent letter; neither the draft's refused link nor an unknown one.
    events = list(AuditEvent.objects.filter(action=Action.LETTER_READ_BY_LINK))
    assert len(events) == 2
    assert {e.child_id for e in events} == {letters_world.child.uuid}
    assert {e.object_id for e in events} == {str(letter.uuid)}
    assert all(e.actor_id is None for e in events)
    assert events[0].actor_label == "Someone with the feedback link"
    assert events[0].detail == {"invitation": str(invitation.uuid)}


@pytest.mark.parametrize("token", ["nonsense", "x" * 32])
def test_an_unknown_link_says_it_does_not_work(client, letters_world, token):
    response = client.get(url(PUBLIC_PAGE, letters_world.child, token=token))
    assert response.status_code == 404
    assert "This link does not work" in response.content.decode()


def test_an_expired_link_looks_the_same_as_an_unknown_one(client, letters_world, letter):
    from django.utils import timezone

    send_letter(letter, letters_world.fca_allocated)
    invitation = invitation_for(letter)
    type(invitation).objects.filter(pk=invitation.pk).update(expires_at=timezone.now())
    expired = client.get(url(PUBLIC_PAGE, letters_world.child, token=invitation.token))
    unknown = client.get(url(PUBLIC_PAGE, letters_world.child, token="nonsense"))
    assert expired.status_code == unknown.status_code == 404
    assert _without_tokens(expired) == _without_tokens(unknown)


@pytest.mark.parametrize("relationship", SEES_CHILD)
def test_the_oversight_page_is_for_managers(client, letters_world, relationship):
    client.force_login(letters_world.users[relationship])
    response = client.get(OVERSIGHT_PAGE)
    assert response.status_code == (200 if relationship in OVERSEES else 404)


@pytest.mark.parametrize("relationship", SEES_CHILD)
def test_the_children_behind_the_oversight_figures_are_for_managers(
    client, letters_world, relationship
):
    client.force_login(letters_world.users[relationship])
    response = client.get(OVERSIGHT_CHILDREN_PAGE, {"figure": "allocated"})
    assert response.status_code == (200 if relationship in OVERSEES else 404)
    page = response.content.decode()
    # Jayden is listed only for those whose part of the service holds him.
    sees = relationship in {"manager_area", "head_region", "director_region", "national"}
    assert (f"/children/{letters_world.child.uuid}/letters/" in page) == sees


@pytest.mark.parametrize("relationship", SEES_CHILD)
def test_asking_for_a_batch(client, letters_world, relationship):
    client.force_login(letters_world.users[relationship])
    response = client.get("/letters/batches/new/")
    assert response.status_code == (200 if relationship in BATCHES else 404)


def test_a_batch_is_only_for_the_person_who_asked(
    client, letters_world, letter, immediate_tasks, django_capture_on_commit_callbacks
):
    client.force_login(letters_world.fca_allocated)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/letters/batches/new/")
    assert response.status_code == 302
    batch_url = response["Location"]
    assert client.get(batch_url).status_code == 200
    assert client.get(batch_url + "zip/").status_code == 200
    client.force_login(letters_world.manager_area)
    assert client.get(batch_url).status_code == 404
    assert client.get(batch_url + "zip/").status_code == 404
    client.logout()
    assert client.get(batch_url).status_code == 302
