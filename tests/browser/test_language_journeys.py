"""An FCA writes about a child and the service checks the words as they type, with JavaScript
and without it. (The no-JavaScript path is also pinned with the Django test client in
tests/language/test_django_inline.py.)"""

import re

import pytest

from tests.accounts.factories import PASSWORD

pytestmark = pytest.mark.browser

JARGON = "Jayden has contact with his sibling"


def sign_in(journey, user):
    journey.goto("/sign-in/")
    journey.fill("Email address", user.email)
    journey.fill("Password", PASSWORD)
    journey.click("Sign in")


def test_findings_appear_as_the_fca_types(journey, world):
    sign_in(journey, world.fca_allocated)
    journey.click("Jayden " + world.child.legal_family_name, role="link")
    journey.click("Change Jayden's details", role="link")
    findings = journey.page.locator("#id_enjoys-language")
    assert "things to look at" not in findings.inner_text()

    journey.page.get_by_label("What they enjoy", exact=True).press_sequentially(JARGON, delay=20)
    marked = findings.locator("mark", has_text="sibling")
    marked.wait_for()
    text = findings.inner_text()
    assert "2 things to look at." in text
    assert f"Jayden is {world.child.age}." in text and "Reading age" in text
    assert "“brother or sister”" in text and "“time with”" in text
    journey.check_accessibility()  # the page with its findings shown

    # Changing the words clears the findings.
    box = journey.page.get_by_label("What they enjoy", exact=True)
    box.fill("Jayden loves football with his brother")
    findings.get_by_text("Nothing to change.").wait_for()
    journey.click("Save")
    assert journey.heading() == "About me"
    assert journey.page.get_by_text("Jayden loves football with his brother").is_visible()


def test_without_javascript_check_my_writing_shows_the_findings(
    chromium, live_server, transactional_db, world
):
    context = chromium.new_context(java_script_enabled=False, locale="en-GB")
    page = context.new_page()
    try:
        page.goto(live_server.url + "/sign-in/")
        page.get_by_label("Email address", exact=True).fill(world.fca_allocated.email)
        page.get_by_label("Password", exact=True).fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        page.goto(f"{live_server.url}/children/{world.child.uuid}/about/edit/")
        page.get_by_label("What they enjoy", exact=True).fill(JARGON)
        # GOV.UK's hidden text is read with spaces round it: "Check my writing : What they enjoy".
        page.get_by_role("button", name=re.compile(r"^Check my writing\W+What they enjoy$")).click()
        page.wait_for_load_state()
        assert page.url.endswith("#id_enjoys-language")
        findings = page.locator("#id_enjoys-language").inner_text()
        assert "2 things to look at." in findings and "“brother or sister”" in findings
        assert page.get_by_label("What they enjoy", exact=True).input_value() == JARGON
        assert page.locator(".govuk-error-summary").count() == 0
        world.child.refresh_from_db()
        assert world.child.enjoys == ""  # checked, not saved
    finally:
        context.close()


def test_the_live_check_keeps_to_the_content_security_policy(strict_page, live_server, world):
    page = strict_page
    page.goto(live_server.url + "/sign-in/")
    page.get_by_label("Email address", exact=True).fill(world.fca_allocated.email)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.goto(f"{live_server.url}/children/{world.child.uuid}/about/edit/")
    page.get_by_label("What they enjoy", exact=True).press_sequentially(JARGON, delay=20)
    page.locator("#id_enjoys-language mark", has_text="sibling").wait_for()
    assert page.errors == []
