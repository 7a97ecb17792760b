"""What a system administrator can do to an account from the staff list: reset its password
(sending the reset email) and sign its owner out everywhere. Both are asked for first and logged.
A new account gets an email to choose its password."""

import re

import pytest
from django.contrib.auth.base_user import AbstractBaseUser
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse

from tests.accounts.factories import PASSWORD
from together.accounts import services
from together.accounts.models import Role, User
from together.audit.models import Action, AuditEvent

STAFF = reverse("admin:accounts_user_changelist")
HOME = reverse("home:home")
SIGN_IN = reverse("accounts:sign-in")


@pytest.fixture
def sysadmin(make_user, client):
    user = make_user(Role.SYSTEM_ADMINISTRATOR)
    client.force_login(user)
    return user


def signed_in_elsewhere(user) -> Client:
    browser = Client()
    browser.force_login(user)
    assert browser.get(HOME).status_code == 200
    return browser


def run_action(client, action, *users, confirm=True):
    data = {"action": action, "_selected_action": [u.pk for u in users]}
    if confirm:
        data["post"] = "yes"
    return client.post(STAFF, data)


def test_resetting_a_password_asks_first(client, sysadmin, fca):
    page = run_action(client, "force_password_reset", fca, confirm=False)
    assert page.status_code == 200
    body = page.content.decode()
    assert "Reset their password?" in body and fca.email in body
    fca.refresh_from_db()
    assert fca.check_password(PASSWORD)
    assert not AuditEvent.objects.filter(action=Action.PASSWORD_RESET_FORCED).exists()


def test_a_reset_password_stops_working_signs_them_out_and_sends_them_a_link(
    client, sysadmin, fca, sending
):
    browser = signed_in_elsewhere(fca)
    with sending():
        response = run_action(client, "force_password_reset", fca)
    assert response.status_code == 302
    fca.refresh_from_db()
    assert not fca.has_usable_password()
    assert browser.get(HOME)["Location"].startswith(SIGN_IN)
    assert Client().post(SIGN_IN, {"username": fca.email, "password": PASSWORD}).status_code == 200
    [message] = mail.outbox
    assert message.to == [fca.email]
    assert message.subject == "Choose a new password for Together"
    assert "A system administrator has reset the password" in message.body
    event = AuditEvent.objects.get(action=Action.PASSWORD_RESET_FORCED)
    assert event.actor == sysadmin and event.object_id == str(fca.uuid)
    # The link in the email works.
    path = re.search(r"/password-reset/\S+/", message.body).group(0)
    form_url = browser.get(path)["Location"]
    browser.post(form_url, {"new_password": "teapot river lantern"})
    fca.refresh_from_db()
    assert fca.check_password("teapot river lantern")


def test_after_a_reset_the_person_can_still_ask_for_a_fresh_link(client, sysadmin, fca, sending):
    with sending():
        run_action(client, "force_password_reset", fca)
        Client().post(reverse("accounts:password-reset"), {"email": fca.email})
    assert [m.subject for m in mail.outbox] == [
        "Choose a new password for Together",
        "Reset your password for Together",
    ]


def test_signing_someone_out_everywhere_ends_each_session_but_not_their_password(
    client, sysadmin, fca
):
    laptop, phone = signed_in_elsewhere(fca), signed_in_elsewhere(fca)
    assert (
        "Sign them out everywhere?"
        in run_action(client, "end_sessions", fca, confirm=False).content.decode()
    )
    assert laptop.get(HOME).status_code == 200  # not until it is confirmed
    run_action(client, "end_sessions", fca)
    for browser in (laptop, phone):
        assert browser.get(HOME)["Location"].startswith(SIGN_IN)
    event = AuditEvent.objects.get(action=Action.SESSIONS_ENDED)
    assert event.actor == sysadmin and event.object_id == str(fca.uuid)
    # They sign in again with the same password, and that new session lasts.
    again = Client()
    assert again.post(SIGN_IN, {"username": fca.email, "password": PASSWORD})["Location"] == HOME
    assert again.get(HOME).status_code == 200


def test_signing_one_person_out_leaves_everyone_else_signed_in(client, sysadmin, fca, make_user):
    colleague = make_user(Role.FCA)
    theirs = signed_in_elsewhere(colleague)
    run_action(client, "end_sessions", fca)
    assert theirs.get(HOME).status_code == 200


def test_only_a_system_administrator_may_reset_or_sign_someone_out(make_user, fca):
    manager = make_user(Role.SERVICE_MANAGER)
    with pytest.raises(PermissionDenied):
        services.user_sessions_end(by=manager, user=fca)
    with pytest.raises(PermissionDenied):
        services.user_password_reset_force(by=manager, user=fca)
    fca.refresh_from_db()
    assert fca.session_generation == 0 and fca.check_password(PASSWORD)


def test_sessions_from_before_this_change_carry_on(fca):
    # At generation 0 the session hash is Django's own, so nobody is signed out by the upgrade.
    assert fca.get_session_auth_hash() == AbstractBaseUser.get_session_auth_hash(fca)


def test_a_new_account_is_sent_a_link_to_choose_a_password(client, sysadmin, area, sending):
    data = {
        "email": "ama.mensah@example.org",
        "given_name": "Ama",
        "family_name": "Mensah",
        "is_active": "on",
        "role": Role.SERVICE_MANAGER,
        "service_area": area.pk,
        "region": "",
        "employment_type": "permanent",
        "fte": "1.00",
        "pronouns": "",
        "about_me": "",
        "team_memberships-TOTAL_FORMS": "0",
        "team_memberships-INITIAL_FORMS": "0",
        "_save": "Save",
    }
    with sending():
        response = client.post(reverse("admin:accounts_user_add"), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    person = User.objects.get(email="ama.mensah@example.org")
    assert not person.has_usable_password()
    [message] = mail.outbox
    assert message.to == [person.email]
    assert message.subject == "Your Together account: choose a password"
    assert "/password-reset/" in message.body
