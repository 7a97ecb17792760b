"""A form on a child's file sent twice (a double click, a browser's retry) adds one record, and
the second post takes the person where the first did (ADR 0016)."""

from tests.children.test_file_views import meeting_form
from tests.submit_once import assert_sent_to_the_same_place, form_token, post_twice
from together.audit.models import Action, AuditEvent
from together.children.models import ChildConnection, FamilyMember, Meeting, TimelineEntry

ROSE = {
    "given_name": "Rose",
    "family_name": "Okafor",
    "kind": "adult",
    "relationship": "grandparent",
    "child_calls_them": "Nanny Rose",
}


def test_adding_someone_twice_with_one_form_adds_them_once(client, world):
    client.force_login(world.fca_allocated)
    family = f"/children/{world.child.uuid}/family/"
    first, second = post_twice(client, page=family + "add/", answers=ROSE)
    assert_sent_to_the_same_place(first, second)
    assert first["Location"] == family
    assert ChildConnection.objects.filter(child=world.child).count() == 1
    assert FamilyMember.objects.filter(given_name="Rose").count() == 1
    assert TimelineEntry.objects.filter(child=world.child, kind="family").count() == 1
    assert AuditEvent.objects.filter(action=Action.FAMILY_MEMBER_ADDED).count() == 1
    page = client.get(family).content.decode()
    assert page.count("Nanny Rose") == 1


def test_recording_a_meeting_twice_with_one_form_records_it_once(client, world):
    client.force_login(world.fca_allocated)
    meetings = f"/children/{world.child.uuid}/meetings/"
    first, second = post_twice(client, page=meetings + "add/", answers=meeting_form())
    assert_sent_to_the_same_place(first, second)
    assert first["Location"] == meetings
    assert Meeting.objects.filter(child=world.child).count() == 1
    assert TimelineEntry.objects.filter(child=world.child, kind="meeting").count() == 1
    page = client.get(meetings).content.decode()
    assert page.count("I like it when you come to school.") == 1


def test_a_form_sent_with_a_mistake_then_put_right_adds_the_person(client, world):
    """The first post saved nothing, so the same token still adds them when they are corrected."""
    client.force_login(world.fca_allocated)
    add = f"/children/{world.child.uuid}/family/add/"
    token = form_token(client.get(add))
    wrong = client.post(add, {**ROSE, "relationship": "", "form_token": token})
    assert "Choose how they are connected to the child" in wrong.content.decode()
    assert form_token(wrong) == token  # the form drawn again keeps its token
    right = client.post(add, {**ROSE, "form_token": token})
    assert right.status_code == 302
    assert ChildConnection.objects.filter(child=world.child).count() == 1


def test_adding_two_people_one_after_the_other_adds_both(client, world):
    """Each time the form is opened it has a new token: two people are two records."""
    client.force_login(world.fca_allocated)
    add = f"/children/{world.child.uuid}/family/add/"
    client.post(add, {**ROSE, "form_token": form_token(client.get(add))})
    joe = {**ROSE, "given_name": "Joe", "child_calls_them": "Grandad"}
    client.post(add, {**joe, "form_token": form_token(client.get(add))})
    assert ChildConnection.objects.filter(child=world.child).count() == 2


def test_a_token_that_is_not_one_of_ours_is_refused_with_a_plain_message(client, world):
    client.force_login(world.fca_allocated)
    add = f"/children/{world.child.uuid}/family/add/"
    response = client.post(add, {**ROSE, "form_token": "x" * 65})
    page = response.content.decode()
    assert response.status_code == 200 and "There is a problem" in page
    assert "This form could not be sent. Open it again and try again" in page
    assert not ChildConnection.objects.exists()
