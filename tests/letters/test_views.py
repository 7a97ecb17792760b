"""The letters pages: what a person sees, every kind of bad input, and the printed letter."""

import datetime
import io

import pypdf
import pytest
import zxingcpp
from django.utils import timezone
from PIL import Image

from tests.children.factories import ConnectionFactory
from tests.letters.factories import send_letter, start_letter
from together.audit.models import Action, AuditEvent
from together.feedback.models import FeedbackInvitation
from together.letters.models import Letter, Status
from together.letters.selectors import invitation_for


def base(child):
    return f"/children/{child.uuid}/letters/"


@pytest.fixture
def signed_in(client, letters_world):
    client.force_login(letters_world.fca_allocated)
    return client


def _error_summary(response) -> str:
    html = response.content.decode()
    assert 'class="govuk-error-summary"' in html, "no error summary on the page"
    return html


# --- the list ---------------------------------------------------------------------------------


def test_the_list_shows_kind_recipient_status_and_feedback(
    signed_in, letters_world, django_assert_max_num_queries
):
    start_letter(letters_world.child, letters_world.fca_allocated)
    with django_assert_max_num_queries(20):
        response = signed_in.get(base(letters_world.child))
    html = response.content.decode()
    assert "Introductory letter to a child" in html
    assert "Draft" in html and "Not yet" in html
    assert "Write a letter" in html


def test_the_list_takes_the_same_queries_for_one_letter_or_many(
    signed_in, letters_world, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    start_letter(letters_world.child, letters_world.fca_allocated)
    signed_in.get(base(letters_world.child))  # warm: the first request fills caches
    with CaptureQueriesContext(connection) as one:
        signed_in.get(base(letters_world.child))
    for _ in range(4):
        start_letter(letters_world.child, letters_world.fca_allocated)
    with django_assert_num_queries(len(one.captured_queries)):
        signed_in.get(base(letters_world.child))


# --- starting a letter ------------------------------------------------------------------------


def test_starting_a_letter_with_nothing_chosen_shows_the_error_summary(signed_in, letters_world):
    response = signed_in.post(base(letters_world.child) + "new/", {})
    html = _error_summary(response)
    assert "Choose what kind of letter to write" in html
    assert "Choose who the letter is to" in html
    assert not Letter.objects.exists()


def test_a_letter_to_a_child_cannot_go_to_a_parent(signed_in, letters_world):
    mum = ConnectionFactory(child=letters_world.child, relationship="mother").person
    response = signed_in.post(
        base(letters_world.child) + "new/",
        {"kind": "introductory_child", "recipient": str(mum.uuid)},
    )
    assert "A letter to a child goes to Jayden" in _error_summary(response)


def test_a_placeholder_that_cannot_be_filled_is_named_on_the_page(signed_in, letters_world):
    response = signed_in.post(
        base(letters_world.child) + "new/",
        {"kind": "introductory_child", "recipient": "child", "how_to_reach_me": "Call me"},
    )
    html = _error_summary(response)
    assert "{meeting_plan}" in html
    assert not Letter.objects.exists() and not FeedbackInvitation.objects.exists()


def test_starting_a_letter_opens_it_for_editing(signed_in, letters_world):
    response = signed_in.post(
        base(letters_world.child) + "new/",
        {
            "kind": "introductory_child",
            "recipient": "child",
            "meeting_plan": "I will come to your school on Tuesday.",
            "how_to_reach_me": "Call me on 07700 900123.",
        },
    )
    letter = Letter.objects.get()
    assert response["Location"] == f"{base(letters_world.child)}{letter.uuid}/"
    page = signed_in.get(response["Location"]).content.decode()
    assert "Dear Jayden," in page
    assert "Check my writing" in page


def test_language_needs_from_about_me_are_shown(signed_in, letters_world):
    child = letters_world.child
    child.needs_interpreter = True
    child.preferred_language = "Polish"
    child.save()
    page = signed_in.get(base(child) + "new/").content.decode()
    assert "Jayden needs an interpreter (Polish)." in page


# --- editing ----------------------------------------------------------------------------------


@pytest.fixture
def letter(letters_world):
    return start_letter(letters_world.child, letters_world.fca_allocated)


def edit_url(letter):
    return f"{base(letter.child)}{letter.uuid}/"


def test_an_empty_letter_shows_the_error_summary_and_saves_nothing(signed_in, letter):
    response = signed_in.post(edit_url(letter), {"version": 1, "body": "   "})
    assert "Write the letter. It cannot be empty" in _error_summary(response)
    letter.refresh_from_db()
    assert letter.body.startswith("Dear Jayden") and letter.version == 1


def test_a_video_link_that_is_not_https_is_refused(signed_in, letter):
    response = signed_in.post(
        edit_url(letter),
        {"version": 1, "body": "Hello", "video_url": "http://example.org/hello"},
    )
    assert "starts with https://" in _error_summary(response)
    letter.refresh_from_db()
    assert letter.video_url == "" and letter.version == 1


def test_a_stale_edit_keeps_both_versions(signed_in, letters_world, letter, client):
    from together.letters import services

    services.letter_update(
        by=letters_world.supervisor_team, letter=letter, version=1, body="The supervisor's words."
    )
    response = signed_in.post(edit_url(letter), {"version": 1, "body": "The FCA's words."})
    html = _error_summary(response)
    assert "Someone else saved changes to this letter" in html
    assert "The supervisor&#x27;s words." in html  # what is saved now
    assert "The FCA&#x27;s words." in html  # what they typed, kept in the box
    letter.refresh_from_db()
    assert letter.body == "The supervisor's words."


def test_check_my_writing_saves_nothing(signed_in, letter):
    response = signed_in.post(
        edit_url(letter),
        {"version": 1, "body": "The section 7 report.", "language-check": "body"},
    )
    assert response.status_code == 200
    letter.refresh_from_db()
    assert letter.version == 1


def test_saving_and_going_on_to_send(signed_in, letter):
    response = signed_in.post(
        edit_url(letter), {"version": 1, "body": "Dear Jayden, hello.", "send": "1"}
    )
    assert response["Location"] == edit_url(letter) + "send/"


# --- sending ----------------------------------------------------------------------------------


def send_data(letter, day=None, **extra):
    day = day or timezone.localdate()
    return {
        "version": letter.version,
        "sent_how": "post",
        "sent_on_day": day.day,
        "sent_on_month": day.month,
        "sent_on_year": day.year,
        "sent_to": "Jayden",
        **extra,
    }


def test_a_send_date_in_the_future_shows_the_error_summary(signed_in, letter):
    future = timezone.localdate() + datetime.timedelta(days=3)
    response = signed_in.post(edit_url(letter) + "send/", send_data(letter, future))
    assert "must be today or in the past" in _error_summary(response)
    letter.refresh_from_db()
    assert letter.status == Status.DRAFT


def test_a_send_date_before_the_letter_was_started_is_refused(signed_in, letter):
    past = timezone.localdate() - datetime.timedelta(days=3)
    response = signed_in.post(edit_url(letter) + "send/", send_data(letter, past))
    assert "when it was started" in _error_summary(response)


def test_a_stale_send_is_refused(signed_in, letters_world, letter):
    from together.letters import services

    services.letter_update(
        by=letters_world.supervisor_team, letter=letter, version=1, body="Dear Jayden, hi."
    )
    response = signed_in.post(edit_url(letter) + "send/", send_data(letter))
    assert "Someone else changed this letter" in _error_summary(response)
    letter.refresh_from_db()
    assert letter.status == Status.DRAFT


def test_findings_must_be_confirmed_before_sending(signed_in, letters_world, letter):
    from together.letters import services

    letter = services.letter_update(
        by=letters_world.fca_allocated,
        letter=letter,
        version=1,
        body="Dear Jayden, I am writing a section 7 report.",
    )
    url = edit_url(letter) + "send/"
    page = signed_in.get(url).content.decode()
    assert "Check the words before you send" in page
    response = signed_in.post(url, send_data(letter))
    assert "Say why you are keeping" in _error_summary(response)
    letter.refresh_from_db()
    assert letter.status == Status.DRAFT
    reasons = {
        f"language-reason_{n}": "Jayden asked what the report is called" for n in range(1, 9)
    }
    response = signed_in.post(url, send_data(letter, **reasons))
    assert response.status_code == 302
    letter.refresh_from_db()
    assert letter.status == Status.SENT and letter.sent_how == "post"
    listing = signed_in.get(base(letter.child)).content.decode()
    assert "Sent" in listing and "by post" in listing


# --- printing ---------------------------------------------------------------------------------


def test_the_pdf_has_the_names_and_a_qr_code_of_the_feedback_link(signed_in, letters_world, letter):
    response = signed_in.get(edit_url(letter) + "pdf/")
    assert response["Content-Type"] == "application/pdf"
    reader = pypdf.PdfReader(io.BytesIO(response.content))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Jayden" in text and letters_world.fca_allocated.full_name in text
    invitation = invitation_for(letter)
    assert "Scan this or type the link" in text
    # Printed to type: the short code; in the QR code: the whole link.
    assert invitation.typed_link in text.splitlines()
    assert invitation.short_link not in text.replace("\n", "")
    images = [image for page in reader.pages for image in page.images]
    decoded = [
        c.text for i in images for c in zxingcpp.read_barcodes(Image.open(io.BytesIO(i.data)))
    ]
    assert decoded == [invitation.short_link]
    event = AuditEvent.objects.get(action=Action.DOCUMENT_PRINTED)
    assert event.detail["what"].endswith("standard print")
    letter.refresh_from_db()
    assert letter.first_printed_at is not None


def test_large_print_is_logged_as_large_print(signed_in, letter):
    response = signed_in.get(edit_url(letter) + "pdf/?size=large")
    assert response.status_code == 200
    assert "large-print" in response["Content-Disposition"]
    event = AuditEvent.objects.get(action=Action.DOCUMENT_PRINTED)
    assert event.detail["what"].endswith("large print")


# --- the web version --------------------------------------------------------------------------


def test_the_web_version_shows_the_letter_and_leads_to_the_feedback_form(
    client, letters_world, letter
):
    send_letter(letter, letters_world.fca_allocated)
    invitation = invitation_for(letter)
    html = client.get(f"/l/{invitation.token}").content.decode()
    assert "Dear Jayden," in html
    assert f'href="/f/{invitation.token}"' in html
    assert "I have two cats." in html
