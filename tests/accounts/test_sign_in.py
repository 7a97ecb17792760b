"""Signing in and out, lock-out after wrong passwords, and the idle timeout."""

import time
from datetime import timedelta

import pytest
from django.urls import reverse

from tests.accounts.factories import PASSWORD
from together.accounts.middleware import LAST_SEEN_KEY
from together.audit.models import Action, AuditEvent

SIGN_IN = reverse("accounts:sign-in")


def sign_in(client, email, password):
    return client.post(SIGN_IN, {"username": email, "password": password})


def test_staff_member_signs_in_and_lands_on_their_home_page(client, fca):
    response = sign_in(client, fca.email, PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == reverse("home:home")
    home = client.get(reverse("home:home"))
    assert "My children" in home.content.decode()
    event = AuditEvent.objects.get(action=Action.SIGN_IN)
    assert event.actor == fca
    assert event.ip_address == "127.0.0.1"
    assert event.request_id


def test_email_is_not_case_sensitive(client, fca):
    assert sign_in(client, fca.email.upper(), PASSWORD).status_code == 302


def test_wrong_password_shows_the_error_summary_and_is_logged(client, fca):
    response = sign_in(client, fca.email, "not-my-password")
    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page
    assert "The email address or password is not right" in page
    assert "<title>Error: Sign in" in page
    event = AuditEvent.objects.get(action=Action.SIGN_IN_FAILED)
    assert event.actor is None and event.actor_label == fca.email


@pytest.mark.parametrize(
    ("email", "password", "message"),
    [
        ("", "x", "Enter your email address"),
        ("someone@example.org", "", "Enter your password"),
        ("not an email", "x", "Enter an email address in the correct format"),
    ],
)
def test_missing_or_malformed_answers_get_a_plain_message(client, db, email, password, message):
    page = sign_in(client, email, password).content.decode()
    assert "There is a problem" in page
    assert message in page


def test_account_locks_after_five_wrong_passwords_even_for_the_right_one(client, fca):
    for _ in range(4):
        assert sign_in(client, fca.email, "wrong-password").status_code == 200
    fifth = sign_in(client, fca.email, "wrong-password")
    assert fifth.status_code == 429
    assert "Your account is locked" in fifth.content.decode()
    right = sign_in(client, fca.email, PASSWORD)
    assert right.status_code == 429
    assert "try again in 15 minutes" in right.content.decode()
    assert AuditEvent.objects.filter(action=Action.LOCKED_OUT, actor_label=fca.email).exists()
    assert not AuditEvent.objects.filter(action=Action.SIGN_IN).exists()


def test_locking_one_account_does_not_lock_a_colleague_in_the_same_office(client, fca, make_user):
    colleague = make_user("fca")
    for _ in range(5):
        sign_in(client, fca.email, "wrong-password")
    assert sign_in(client, colleague.email, PASSWORD).status_code == 302


def test_signing_out_needs_a_form_post_and_is_logged(client, fca):
    client.force_login(fca)
    assert client.get(reverse("accounts:sign-out")).status_code == 405
    response = client.post(reverse("accounts:sign-out"))
    assert response["Location"] == reverse("accounts:signed-out")
    assert "You have signed out" in client.get(response["Location"]).content.decode()
    assert AuditEvent.objects.filter(action=Action.SIGN_OUT, actor=fca).exists()
    # Signed out means signed out: the home page asks for sign-in again.
    assert client.get(reverse("home:home"))["Location"].startswith(SIGN_IN)


# The production setting for the half-hour timeout (tests/conftest.py writes less often).
PRODUCTION_PRECISION = timedelta(minutes=1)


def test_session_ends_after_thirty_minutes_idle(client, fca, settings):
    settings.IDLE_PRECISION = PRODUCTION_PRECISION
    client.force_login(fca)
    assert client.get(reverse("home:home")).status_code == 200
    session = client.session
    # Ended within the precision after the half hour: 31 minutes after the kept time.
    session[LAST_SEEN_KEY] = time.time() - 31 * 60
    session.save()
    response = client.get(reverse("home:home"))
    assert response.status_code == 302
    assert response["Location"] == f"{SIGN_IN}?timed_out=1"
    page = client.get(response["Location"]).content.decode()
    assert "You were signed out because you had not done anything for 30 minutes" in page
    assert AuditEvent.objects.filter(action=Action.SESSION_TIMED_OUT, actor=fca).exists()
    assert client.get(reverse("home:home")).status_code == 302


def test_session_carries_on_within_thirty_minutes(client, fca, settings):
    settings.IDLE_PRECISION = PRODUCTION_PRECISION
    client.force_login(fca)
    client.get(reverse("home:home"))
    session = client.session
    session[LAST_SEEN_KEY] = time.time() - 29 * 60
    session.save()
    assert client.get(reverse("home:home")).status_code == 200


def test_signed_in_person_visiting_sign_in_goes_home(client, fca):
    client.force_login(fca)
    assert client.get(SIGN_IN)["Location"] == reverse("home:home")


def test_sign_in_does_not_redirect_to_another_site(client, fca):
    response = client.post(
        SIGN_IN, {"username": fca.email, "password": PASSWORD, "next": "https://evil.example.com/"}
    )
    assert response["Location"] == reverse("home:home")


@pytest.mark.parametrize("typed", ["{email}", "{upper}", " {email}", "{title} "])
def test_a_locked_account_stays_locked_however_the_address_is_typed(client, fca, typed):
    variants = [
        fca.email.upper(),
        fca.email.title(),
        f" {fca.email}",
        fca.email,
        fca.email.swapcase(),
    ]
    for variant in variants:
        sign_in(client, variant, "wrong-password")
    address = typed.format(email=fca.email, upper=fca.email.upper(), title=fca.email.title())
    response = sign_in(client, address, PASSWORD)
    assert response.status_code == 429
    assert "Your account is locked" in response.content.decode()
    assert not AuditEvent.objects.filter(action=Action.SIGN_IN).exists()


def test_an_active_session_is_never_ended_early_by_a_short_idle_timeout(
    client, fca, settings, monkeypatch
):
    # With a one-minute timeout, a request every 40 seconds keeps the session going: the time of
    # the last request is what counts, not a copy of it kept once a minute.
    from datetime import UTC, datetime, timedelta
    from types import SimpleNamespace

    import together.accounts.middleware as middleware

    settings.IDLE_TIMEOUT = timedelta(minutes=1)
    settings.IDLE_PRECISION = timedelta(seconds=1)  # as in production (tests/conftest.py)
    client.force_login(fca)
    start = time.time()
    clock = [start]
    monkeypatch.setattr(
        middleware, "timezone", SimpleNamespace(now=lambda: datetime.fromtimestamp(clock[0], UTC))
    )
    for step in range(4):
        clock[0] = start + step * 40
        assert client.get(reverse("home:home")).status_code == 200, f"ended at {step * 40} s"
    clock[0] = start + 3 * 40 + 62
    assert client.get(reverse("home:home")).status_code == 302


def test_the_session_is_written_once_a_minute_and_never_ended_early(
    client, fca, settings, monkeypatch
):
    # With the half-hour timeout the time of the last request is written at most once a minute
    # (a person clicking through pages does not write their session on every click), and the
    # session still lasts the whole half hour after the last request, however the minute falls.
    from datetime import UTC, datetime
    from types import SimpleNamespace

    import together.accounts.middleware as middleware

    settings.IDLE_PRECISION = PRODUCTION_PRECISION
    client.force_login(fca)
    start = time.time()
    clock = [start]
    monkeypatch.setattr(
        middleware, "timezone", SimpleNamespace(now=lambda: datetime.fromtimestamp(clock[0], UTC))
    )
    assert client.get(reverse("home:home")).status_code == 200
    kept = client.session[LAST_SEEN_KEY]
    clock[0] = start + 50  # within the minute: nothing written
    assert client.get(reverse("home:home")).status_code == 200
    assert client.session[LAST_SEEN_KEY] == kept
    # 29 minutes 59 seconds after that last request, though 30 minutes 49 seconds after the
    # time kept: still signed in.
    clock[0] = start + 50 + 30 * 60 - 1
    assert client.get(reverse("home:home")).status_code == 200
    clock[0] = start + 50 + 30 * 60 - 1 + 30 * 60 + 61
    assert client.get(reverse("home:home")).status_code == 302
