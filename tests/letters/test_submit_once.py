"""Starting a letter, or asking for a batch of letters, sent twice (a double click, a browser's
retry) makes one, and the second post takes the person where the first did (ADR 0016)."""

import pytest

from tests.letters.factories import start_letter
from tests.submit_once import assert_sent_to_the_same_place, form_token, post_twice
from together.audit.models import Action, AuditEvent
from together.feedback.models import FeedbackInvitation
from together.letters.models import Letter, LetterBatch

LETTER = {
    "kind": "introductory_child",
    "recipient": "child",
    "meeting_plan": "I will come to your school on Tuesday after lunch.",
    "how_to_reach_me": "Call or text me on 07700 900123.",
}


def test_starting_a_letter_twice_with_one_form_starts_one_letter(client, letters_world):
    client.force_login(letters_world.fca_allocated)
    first, second = post_twice(
        client, page=f"/children/{letters_world.child.uuid}/letters/new/", answers=LETTER
    )
    assert_sent_to_the_same_place(first, second)
    letter = Letter.objects.get(child=letters_world.child)
    assert first["Location"] == f"/children/{letters_world.child.uuid}/letters/{letter.uuid}/"
    assert FeedbackInvitation.objects.count() == 1  # one feedback link, for the one letter
    assert AuditEvent.objects.filter(action=Action.LETTER_CREATED).count() == 1
    assert client.get(second["Location"]).status_code == 200


@pytest.fixture
def waiting(letters_world):
    """Three letters of the allocated FCA's, not printed yet."""
    return [start_letter(letters_world.child, letters_world.fca_allocated) for _ in range(3)]


def test_asking_for_a_batch_twice_with_one_form_makes_one_batch(
    client, letters_world, waiting, immediate_tasks, django_capture_on_commit_callbacks
):
    """By the second post the first batch is made and its letters printed; the person is still
    taken to that batch, not told there is nothing to print."""
    client.force_login(letters_world.fca_allocated)
    opened = client.get("/letters/batches/new/")
    assert "3 letters" in opened.content.decode()
    data = {"form_token": form_token(opened)}
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post("/letters/batches/new/", data)
    second = client.post("/letters/batches/new/", data)
    assert_sent_to_the_same_place(first, second)
    batch = LetterBatch.objects.get()
    assert first["Location"] == f"/letters/batches/{batch.uuid}/"
    assert batch.state == LetterBatch.State.DONE and batch.total == 3
    assert "3 of 3 done" in client.get(second["Location"]).content.decode()


def test_a_new_batch_form_with_no_letters_left_says_so(client, letters_world, waiting):
    """Another post, from a page opened before the letters were printed, asks for nothing."""
    client.force_login(letters_world.fca_allocated)
    stale = form_token(client.get("/letters/batches/new/"))
    fresh = form_token(client.get("/letters/batches/new/"))
    assert client.post("/letters/batches/new/", {"form_token": fresh}).status_code == 302
    Letter.objects.update(first_printed_at="2026-11-01T10:00Z")
    response = client.post("/letters/batches/new/", {"form_token": stale}, follow=True)
    assert response.redirect_chain[-1][0] == "/letters/batches/new/"
    assert "There are no letters waiting to be printed" in response.content.decode()
    assert LetterBatch.objects.count() == 1
