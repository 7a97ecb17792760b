"""An FCA opens a child's file from My children, learns who they are and records what happens."""

import pytest

from tests.accounts.factories import PASSWORD

pytestmark = pytest.mark.browser


def sign_in(journey, user):
    journey.goto("/sign-in/")
    journey.fill("Email address", user.email)
    journey.fill("Password", PASSWORD)
    journey.click("Sign in")


def test_fca_opens_a_child_changes_about_me_and_records_a_meeting(journey, world):
    sign_in(journey, world.fca_allocated)
    assert journey.heading() == "My children"
    journey.click("Jayden " + world.child.legal_family_name, role="link")
    assert journey.heading() == "About me"
    identity = journey.page.locator(".moj-identity-bar").inner_text()
    assert "Jayden" in identity and "years old" in identity
    assert "Not seen yet" in journey.page.locator(".together-file-status").inner_text()

    journey.click("Change Jayden's details", role="link")
    journey.fill("How to say it (optional)", "JAY-den")
    journey.fill("What they enjoy", "Drawing dragons and going to the park with Nanny Jo")
    journey.page.get_by_label("What they enjoy, in their words").check()
    journey.click("Save")
    assert journey.heading() == "About me"
    assert "say it: JAY-den" in journey.page.locator(".moj-identity-bar").inner_text()
    assert journey.page.get_by_text("In their own words").is_visible()

    journey.click("Meetings", role="link")
    journey.click("Record a meeting", role="link")
    journey.click("Save the meeting")  # nothing filled in: the error summary
    summary = journey.page.locator(".govuk-error-summary").inner_text()
    assert "Enter the date you met" in summary and "Say how you met" in summary
    journey.fill("Day", "3")
    journey.fill("Month", "11")
    journey.fill("Year", "2026")
    journey.fill("Time", "15:30")
    journey.page.get_by_label("In person").check()
    journey.page.get_by_label("At school").check()
    journey.fill("What they said, in their own words", "I want to see my dad more.")
    journey.fill("Why you met this way and at this time", "Jayden asked to meet at school.")
    journey.click("Save the meeting")
    assert journey.heading() == "Meetings with Jayden"
    assert journey.page.get_by_text("I want to see my dad more.").is_visible()
    seen = journey.page.locator(".together-file-status").inner_text()
    assert "Last seen 3 November" in seen and ", in person, " in seen

    journey.click("Timeline", role="link")
    journey.page.get_by_label("Show").select_option("meeting")
    journey.click("Show")
    assert journey.page.locator(".moj-timeline__title").all_inner_texts() == [
        "Seen in person, at school"
    ]


def test_family_member_with_a_confidential_address(journey, world):
    sign_in(journey, world.fca_allocated)
    journey.goto(f"/children/{world.child.uuid}/family/")
    journey.click("Add someone", role="link")
    journey.fill("First name", "Joanne")
    journey.page.get_by_label("Adult").check()
    journey.page.get_by_label("How are they connected to the child?").select_option("grandparent")
    journey.fill("What the child calls them (optional)", "Nanny Jo")
    journey.fill("Address (optional)", "4 Quiet Street")
    journey.page.get_by_label("This address must be kept confidential").check()
    journey.click("Add")
    assert journey.heading() == "Family and important people"
    card = journey.page.locator(".govuk-summary-card").first.inner_text()
    assert "Nanny Jo" in card and "Confidential address" in card and "4 Quiet Street" not in card
    journey.click("Show the address of Joanne", role="link")
    assert journey.page.get_by_text("4 Quiet Street").is_visible()


def test_someone_without_a_reason_to_see_the_file_gets_page_not_found(journey, world):
    sign_in(journey, world.fca_other_area)
    journey.goto(f"/children/{world.child.uuid}/")
    assert journey.heading() == "Page not found"
