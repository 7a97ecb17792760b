"""What a member of staff does first: sign in, see their home page, sign out; and a lock-out."""

import pytest

from tests.accounts.factories import PASSWORD
from together.accounts.models import Role

pytestmark = pytest.mark.browser


def sign_in(journey, email, password=PASSWORD):
    journey.fill("Email address", email)
    journey.fill("Password", password)
    journey.click("Sign in")


@pytest.mark.parametrize(
    ("role", "heading"),
    [
        (Role.FCA, "My children"),
        (Role.PRACTICE_SUPERVISOR, "Your workspace"),
        (Role.SERVICE_MANAGER, None),  # the service area's name
        (Role.NATIONAL_PERFORMANCE, "Scorecard"),
    ],
)
def test_staff_sign_in_see_their_home_page_and_sign_out(journey, make_user, role, heading):
    user = make_user(role)
    journey.goto("/")
    assert journey.heading() == "Sign in to Together"
    sign_in(journey, user.email)
    assert journey.heading().startswith(heading or user.service_area.name)
    assert journey.page.get_by_role("link", name="Home").get_attribute("aria-current") == "page"
    journey.click("Sign out")
    assert journey.heading() == "You have signed out"
    journey.goto("/")
    assert journey.heading() == "Sign in to Together"


def test_wrong_password_then_lock_out(journey, make_user):
    user = make_user(Role.FCA)
    journey.goto("/sign-in/")
    sign_in(journey, user.email, "not-the-password")
    summary = journey.page.locator(".govuk-error-summary")
    assert "The email address or password is not right" in summary.inner_text()
    # GOV.UK Frontend moves focus to the error summary so a screen reader announces it.
    assert journey.page.evaluate("document.activeElement.closest('.govuk-error-summary') !== null")
    for _ in range(4):
        sign_in(journey, user.email, "not-the-password")
    assert journey.heading() == "Your account is locked"
    journey.goto("/sign-in/")
    sign_in(journey, user.email)
    assert journey.heading() == "Your account is locked"


def test_footer_pages_are_open_to_everyone(journey, db):
    journey.goto("/sign-in/")
    journey.click("Accessibility statement", role="link")
    assert journey.heading() == "Accessibility statement for Together"
    journey.click("Privacy notice", role="link")
    assert journey.heading() == "Privacy notice"


def test_pages_run_under_the_content_security_policy_without_errors(
    strict_page, live_server, make_user
):
    user = make_user(Role.FCA)
    strict_page.goto(live_server.url + "/sign-in/")
    strict_page.get_by_label("Email address").fill(user.email)
    strict_page.get_by_label("Password").fill(PASSWORD)
    strict_page.get_by_role("button", name="Sign in").click()
    strict_page.wait_for_load_state()
    assert strict_page.locator("h1").inner_text() == "My children"
    # GOV.UK Frontend's JavaScript ran: it marks the body once it starts.
    assert "govuk-frontend-supported" in strict_page.locator("body").get_attribute("class")
    assert strict_page.errors == []
