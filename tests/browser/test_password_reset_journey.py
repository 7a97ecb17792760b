"""A member of staff who has forgotten their password resets it from the sign-in page; a service
manager reads the changes a system administrator made to their area's teams."""

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from tests.accounts.factories import PASSWORD
from together.accounts.models import Role

pytestmark = pytest.mark.browser

NEW_PASSWORD = "teapot river lantern"


@pytest.fixture
def immediate_tasks(settings):
    """Send the email while the request is answered, so the test can read it at once."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    return settings


def sign_in(journey, email, password):
    journey.fill("Email address", email)
    journey.fill("Password", password)
    journey.click("Sign in")


def test_a_forgotten_password_is_reset_by_email(journey, make_user, immediate_tasks):
    person = make_user(Role.FCA)
    journey.goto("/sign-in/")
    journey.click("Forgotten your password?", role="link")
    assert journey.heading() == "Reset your password"
    journey.fill("Email address", person.email)
    journey.click("Send me a link")
    assert journey.heading() == "Check your email"

    [message] = mail.outbox
    link = re.search(r"https?://\S+/password-reset/\S+/", message.body).group(0)
    journey.goto(urlsplit(link).path)
    assert journey.heading() == "Choose a new password"
    # GOV.UK Frontend's password input shows what was typed, on request.
    journey.fill("New password", "short")
    journey.page.get_by_role("button", name="Show password").click()
    assert journey.page.get_by_label("New password", exact=True).get_attribute("type") == "text"
    journey.click("Save your new password")
    summary = journey.page.locator(".govuk-error-summary")
    assert "Your password must be 12 characters or more" in summary.inner_text()

    journey.fill("New password", NEW_PASSWORD)
    journey.click("Save your new password")
    assert journey.heading() == "Your password has been changed"
    journey.click("Sign in", role="link")
    sign_in(journey, person.email, NEW_PASSWORD)
    assert journey.heading() == "My children"


def test_a_used_link_says_so_and_offers_a_new_one(journey, make_user, immediate_tasks):
    person = make_user(Role.FCA)
    journey.goto("/password-reset/")
    journey.fill("Email address", person.email)
    journey.click("Send me a link")
    path = urlsplit(re.search(r"https?://\S+/password-reset/\S+/", mail.outbox[0].body)[0]).path
    journey.goto(path)
    journey.fill("New password", NEW_PASSWORD)
    journey.click("Save your new password")
    journey.goto(path)
    assert journey.heading() == "This link does not work"
    journey.click("Ask for a new link", role="link")
    assert journey.heading() == "Reset your password"


def test_a_service_manager_reads_the_changes_to_their_areas_teams(journey, make_user, fca):
    membership = fca.team_memberships.get()
    administrator = Client()
    administrator.force_login(make_user(Role.SYSTEM_ADMINISTRATOR, given_name="Sam"))
    administrator.post(
        reverse("admin:organisation_teammembership_change", args=[membership.pk]),
        {
            "user": fca.pk,
            "team": membership.team_id,
            "started_on": "2024-04-01",
            "ended_on": "2026-01-31",
            "_save": "Save",
        },
    )
    manager = make_user(Role.SERVICE_MANAGER, area=membership.team.service_area)
    journey.goto("/sign-in/")
    sign_in(journey, manager.email, PASSWORD)
    journey.click("Staff changes", role="link")
    assert journey.heading() == "Changes to staff and teams"
    table = journey.page.locator("table").inner_text()
    assert f"Changed team membership: {fca.full_name} in {membership.team.name}" in table
    assert "Ended on: was blank, now 31 January 2026" in table
