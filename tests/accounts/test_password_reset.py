"""Resetting a forgotten password by email: a link from the sign-in page, the same answer whether
or not the address has an account, a link that works once and runs out, a new-password page with
plain messages, and the lock-out lifted."""

import re
import time

import pytest
from django.core import mail
from django.urls import reverse

from tests.accounts.factories import PASSWORD
from together.audit.models import Action, AuditEvent

SIGN_IN = reverse("accounts:sign-in")
RESET = reverse("accounts:password-reset")
NEW_PASSWORD = "teapot river lantern"


def ask_for_link(client, sending, email):
    with sending():
        return client.post(RESET, {"email": email})


def link_in(message) -> str:
    return re.search(r"https?://\S+/password-reset/\S+/", message.body).group(0)


def path_of(link: str) -> str:
    return re.sub(r"^https?://[^/]+", "", link)


def open_link(client, link):
    """Opening the link moves the token out of the address, as Django's view does."""
    response = client.get(path_of(link))
    assert response.status_code == 302
    return response["Location"]


def test_the_sign_in_page_offers_a_way_to_reset_a_forgotten_password(client, db):
    page = client.get(SIGN_IN).content.decode()
    assert f'href="{RESET}">Forgotten your password?</a>' in page
    assert "ask your system administrator to reset it" not in page


def test_the_answer_is_the_same_whether_or_not_the_address_has_an_account(client, fca, sending):
    known = ask_for_link(client, sending, fca.email)
    unknown = ask_for_link(client, sending, "nobody-here@example.org")
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"] == reverse("accounts:password-reset-sent")
    page = client.get(known["Location"]).content.decode()
    assert "If the email address you gave has a Together account" in page
    assert "for 1 hour" in page
    assert [m.to for m in mail.outbox] == [[fca.email]]


def test_each_request_is_in_the_audit_log_with_whether_an_account_matched(client, fca, sending):
    ask_for_link(client, sending, f"  {fca.email.upper()} ")
    ask_for_link(client, sending, "nobody-here@example.org")
    found, not_found = AuditEvent.objects.filter(action=Action.PASSWORD_RESET_REQUESTED).order_by(
        "id"
    )
    assert found.actor is None and found.actor_label == fca.email
    assert found.object_id == str(fca.uuid)
    assert found.detail == {"account_found": True, "email_sent": True}
    assert not_found.actor_label == "nobody-here@example.org" and not_found.object_id == ""
    assert not_found.detail == {"account_found": False, "email_sent": False}


def test_the_email_holds_a_link_to_the_public_address_that_opens_the_new_password_page(
    client, fca, sending, settings
):
    settings.TOGETHER_PUBLIC_URL = "https://together.example.org"
    ask_for_link(client, sending, fca.email)
    [message] = mail.outbox
    assert message.subject == "Reset your password for Together"
    assert message.from_email == settings.DEFAULT_FROM_EMAIL
    link = link_in(message)
    assert link.startswith("https://together.example.org/password-reset/")
    assert "for 1 hour" in message.body
    form_page = client.get(open_link(client, link))
    assert form_page.status_code == 200
    page = form_page.content.decode()
    assert "Choose a new password" in page
    assert 'autocomplete="new-password"' in page
    assert "Use 12 characters or more" in page


def test_a_new_password_is_saved_and_signs_in_and_is_logged(client, fca, sending):
    ask_for_link(client, sending, fca.email)
    form_url = open_link(client, link_in(mail.outbox[0]))
    response = client.post(form_url, {"new_password": NEW_PASSWORD})
    assert response["Location"] == reverse("accounts:password-reset-done")
    done = client.get(response["Location"]).content.decode()
    assert "Your password has been changed" in done
    fca.refresh_from_db()
    assert fca.check_password(NEW_PASSWORD) and not fca.check_password(PASSWORD)
    event = AuditEvent.objects.get(action=Action.PASSWORD_CHANGED)
    assert event.actor == fca and event.object_id == str(fca.uuid)
    signed_in = client.post(SIGN_IN, {"username": fca.email, "password": NEW_PASSWORD})
    assert signed_in["Location"] == reverse("home:home")


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("", "Enter a new password"),
        ("short one", "Your password must be 12 characters or more"),
        ("password1234", "Your password is on a list of passwords people often use"),
        ("483920175648392", "Your password must not be only numbers"),
    ],
)
def test_a_password_the_rules_refuse_gets_a_plain_message_in_the_error_summary(
    client, fca, sending, password, message
):
    ask_for_link(client, sending, fca.email)
    form_url = open_link(client, link_in(mail.outbox[0]))
    response = client.post(form_url, {"new_password": password})
    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page
    assert f'<a href="#id_new_password">{message}' in page
    assert "<title>Error: Choose a new password" in page
    fca.refresh_from_db()
    assert fca.check_password(PASSWORD)


def test_a_password_like_the_persons_own_name_is_refused(client, make_user, sending):
    person = make_user("fca", given_name="Rosalind", family_name="Whitmore-Hayes")
    ask_for_link(client, sending, person.email)
    form_url = open_link(client, link_in(mail.outbox[0]))
    for password in ("Whitmore-Hayes!", person.email):
        page = client.post(form_url, {"new_password": password}).content.decode()
        assert "Your password must not be like your name or email address" in page


def test_a_link_works_once(client, fca, sending):
    ask_for_link(client, sending, fca.email)
    link = link_in(mail.outbox[0])
    client.post(open_link(client, link), {"new_password": NEW_PASSWORD})
    again = client.get(path_of(link))
    assert again.status_code == 200
    page = again.content.decode()
    assert "This link does not work" in page
    assert f'href="{RESET}">Ask for a new link' in page


def test_a_link_stops_working_after_the_reset_timeout(client, fca, sending, settings):
    ask_for_link(client, sending, fca.email)
    link = link_in(mail.outbox[0])
    settings.PASSWORD_RESET_TIMEOUT = 1
    time.sleep(2.1)
    assert "This link does not work" in client.get(path_of(link)).content.decode()


def test_a_link_for_someone_else_or_made_up_does_not_work(client, fca):
    page = client.get(reverse("accounts:password-reset-confirm", args=["MTIz", "abc-def"]))
    assert page.status_code == 200
    assert "This link does not work" in page.content.decode()


def test_resetting_the_password_lifts_a_lock_out(client, fca, sending):
    for _ in range(5):
        client.post(SIGN_IN, {"username": fca.email, "password": "wrong-password"})
    assert client.post(SIGN_IN, {"username": fca.email, "password": PASSWORD}).status_code == 429
    ask_for_link(client, sending, fca.email)
    client.post(open_link(client, link_in(mail.outbox[0])), {"new_password": NEW_PASSWORD})
    response = client.post(SIGN_IN, {"username": fca.email, "password": NEW_PASSWORD})
    assert response.status_code == 302 and response["Location"] == reverse("home:home")


def test_a_new_password_signs_the_person_out_everywhere_else(client, fca, sending):
    from django.test import Client

    elsewhere = Client()
    elsewhere.force_login(fca)
    assert elsewhere.get(reverse("home:home")).status_code == 200
    ask_for_link(client, sending, fca.email)
    client.post(open_link(client, link_in(mail.outbox[0])), {"new_password": NEW_PASSWORD})
    assert elsewhere.get(reverse("home:home"))["Location"].startswith(SIGN_IN)


def test_a_closed_account_is_sent_nothing(client, fca, sending):
    fca.is_active = False
    fca.save()
    ask_for_link(client, sending, fca.email)
    assert mail.outbox == []
    event = AuditEvent.objects.get(action=Action.PASSWORD_RESET_REQUESTED)
    assert event.detail == {"account_found": True, "email_sent": False}


def test_a_link_sent_before_the_account_was_closed_stops_working(client, fca, sending):
    ask_for_link(client, sending, fca.email)
    fca.is_active = False
    fca.save()
    page = client.get(path_of(link_in(mail.outbox[0]))).content.decode()
    assert "This link does not work" in page


def test_too_many_links_for_one_address_sends_no_more_but_answers_the_same(
    client, fca, sending, settings
):
    settings.TOGETHER_PASSWORD_RESET_RATE = "2/h"
    answers = [ask_for_link(client, sending, fca.email)["Location"] for _ in range(3)]
    assert len(set(answers)) == 1
    assert len(mail.outbox) == 2
    last = AuditEvent.objects.filter(action=Action.PASSWORD_RESET_REQUESTED).first()
    assert last.detail == {"account_found": True, "email_sent": False}
    # Another address is not held back by the first one's count.
    ask_for_link(client, sending, "someone-else@example.org")
    assert AuditEvent.objects.filter(action=Action.PASSWORD_RESET_REQUESTED).count() == 4


@pytest.mark.parametrize(
    ("email", "message"),
    [("", "Enter your email address"), ("not an email", "Enter an email address in the correct")],
)
def test_a_missing_or_malformed_address_gets_the_error_summary(client, db, email, message):
    page = client.post(RESET, {"email": email}).content.decode()
    assert "There is a problem" in page and message in page
    assert "<title>Error: Reset your password" in page


def test_nothing_is_sent_until_the_request_is_committed(client, fca, immediate_tasks):
    # Without the commit (the test's transaction is never committed), the task is not queued.
    client.post(RESET, {"email": fca.email})
    assert mail.outbox == []
