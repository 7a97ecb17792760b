"""A letter's feedback link works only once the letter is sent, and asks what fits how far the
work has got: the letter after an introduction, the meeting once the child was met, the whole
work (with the reasons for the advice to the court) at the end."""

import datetime

import pytest
from django.utils import timezone

from tests.children.factories import MeetingFactory
from tests.letters.factories import send_letter, start_letter
from together.audit.models import Action, AuditEvent
from together.feedback.models import FeedbackMonthSummary, FeedbackResponse, Stage
from together.letters.models import Kind
from together.letters.selectors import invitation_for

WHY = "tell you why they said what should happen"


def _page(client, invitation) -> str:
    response = client.get(f"/f/{invitation.token}")
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def introduction(letters_world):
    letter = start_letter(letters_world.child, letters_world.fca_allocated)
    return send_letter(letter, letters_world.fca_allocated)


def test_a_draft_letters_feedback_link_does_not_work_until_it_is_sent(client, letters_world):
    letter = start_letter(letters_world.child, letters_world.fca_allocated)
    invitation = invitation_for(letter)
    assert invitation.opened_at is None
    assert client.get(f"/f/{invitation.token}").status_code == 404
    assert client.get(f"/f/{invitation.code}").status_code == 404

    send_letter(letter, letters_world.fca_allocated)
    invitation.refresh_from_db()
    assert invitation.opened_at is not None
    # Working for as long as a new link would, from when it was sent.
    assert invitation.expires_at - invitation.opened_at == datetime.timedelta(days=120)
    assert client.get(f"/f/{invitation.token}").status_code == 200
    assert AuditEvent.objects.filter(
        action=Action.FEEDBACK_INVITATION_OPENED, object_id=str(invitation.uuid)
    ).exists()


def test_an_introduction_asks_about_the_letter_not_a_meeting(client, letters_world, introduction):
    invitation = invitation_for(introduction)
    assert invitation.stage == Stage.INTRODUCTION
    page = _page(client, invitation)
    name = letters_world.fca_allocated.given_name
    assert f"{name} wrote you a letter." in page
    assert f"Did the letter help you know what {name} will do?" in page
    assert "You met" not in page
    assert WHY not in page
    assert f"Did {name} listen to you?" not in page


def test_once_the_child_is_met_the_introductions_link_asks_about_the_meeting(
    client, letters_world, introduction
):
    MeetingFactory(
        child=letters_world.child,
        occurred_at=timezone.now(),
        recorded_by=letters_world.fca_allocated,
    )
    page = _page(client, invitation_for(introduction))
    name = letters_world.fca_allocated.given_name
    assert f"You met {name}." in page
    assert f"Did {name} listen to you?" in page
    assert WHY not in page  # nothing has been said to the court yet


def test_a_meeting_before_the_letter_was_sent_does_not_count(client, letters_world, introduction):
    MeetingFactory(
        child=letters_world.child,
        occurred_at=timezone.now() - datetime.timedelta(days=3),
        recorded_by=letters_world.fca_allocated,
    )
    page = _page(client, invitation_for(introduction))
    assert "You met" not in page


def test_an_ending_letter_asks_about_the_reasons_for_the_advice(client, letters_world):
    letter = start_letter(letters_world.child, letters_world.fca_allocated, Kind.ENDING_CHILD)
    send_letter(letter, letters_world.fca_allocated)
    invitation = invitation_for(letter)
    assert invitation.stage == Stage.ENDING
    page = _page(client, invitation)
    assert f"Did {letters_world.fca_allocated.given_name} {WHY}?" in page


def test_an_answer_to_an_introduction_keeps_only_the_question_asked(
    client, letters_world, introduction
):
    invitation = invitation_for(introduction)
    response = client.post(f"/f/{invitation.token}", {"explained": "5", "do_better": ""})
    assert response.status_code == 303
    saved = FeedbackResponse.objects.get()
    assert saved.stage == Stage.INTRODUCTION
    assert saved.explained == 5
    assert saved.listened is saved.respected is saved.understood_reasons is None
    # Not asked whether they felt listened to: not counted either way.
    (summary,) = FeedbackMonthSummary.objects.all()
    assert summary.answers == 1 and summary.children_counted == 0


def test_the_letter_page_says_the_link_works_once_the_letter_is_sent(client, letters_world):
    fca = letters_world.fca_allocated
    letter = start_letter(letters_world.child, fca)
    client.force_login(fca)
    page = f"/children/{letters_world.child.uuid}/letters/{letter.uuid}/"
    waiting = "The link starts to work when you record that the letter was sent."
    assert waiting in client.get(page).content.decode()
    send_letter(letter, fca)
    assert waiting not in client.get(page).content.decode()
