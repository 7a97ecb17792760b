"""Finding a child one does not usually work with, giving a reason to open their file, and the
manager who then sees that it was opened."""

import pytest

from tests.accounts.factories import PASSWORD

pytestmark = pytest.mark.browser

REASON = "On duty today: the mother phoned about a change to time with her son."


def sign_in(journey, user):
    journey.goto("/sign-in/")
    journey.fill("Email address", user.email)
    journey.fill("Password", PASSWORD)
    journey.click("Sign in")


def search(journey):
    # Exactly "Search": the page also has a "Search all children" button.
    journey.page.get_by_role("button", name="Search", exact=True).click()
    journey.page.wait_for_load_state()
    journey.check_accessibility()


def test_an_fca_from_another_area_gives_a_reason_and_a_manager_sees_it(journey, world):
    sign_in(journey, world.fca_other_area)
    journey.goto("/children/")
    assert journey.heading() == "Find a child"

    search(journey)  # nothing typed: the error summary, with focus on it
    summary = journey.page.locator(".govuk-error-summary")
    assert "Enter a name, a court's number or a date of birth" in summary.inner_text()

    journey.fill("Name or court's number", "Jayden")
    search(journey)
    assert journey.page.get_by_role("heading", name="No children found").is_visible()

    journey.fill("Name or court's number", "Jaiden")  # a near miss, among all children
    journey.click("Search all children")
    others = journey.page.locator("table", has_text="Children you do not usually work with")
    # Enough to pick the right child without opening the file: the family name's first letter,
    # the area of their latest proceedings (another area: not its number) and why it matched.
    row = others.get_by_role("row", name=f"Jayden {world.child.legal_family_name[0]}.")
    assert world.area.name in row.inner_text()
    assert "Name they use (a similar spelling)" in row.inner_text()
    # (The results, not the whole page: the hint's example name could be the child's own.)
    assert world.child.legal_family_name not in others.inner_text()
    assert world.proceedings.court_number not in others.inner_text()

    journey.click("Give a reason to open this file", role="link")
    assert journey.heading() == "Give a reason to open this file"
    assert "do not usually work with" in journey.page.locator(".govuk-warning-text").inner_text()
    journey.fill("Why do you need to open this file?", "Duty")
    journey.click("Open the file")
    assert "at least 10 characters" in journey.page.locator(".govuk-error-summary").inner_text()
    journey.fill("Why do you need to open this file?", REASON)
    journey.click("Open the file")
    assert journey.page.url.endswith(f"/children/{world.child.uuid}/")
    assert journey.heading() == "About me"
    assert "You opened this file by giving a reason" in journey.page.inner_text("main")

    journey.click("Sign out")
    sign_in(journey, world.manager_area)
    journey.goto("/children/opened-without-everyday-reason/")
    assert journey.heading() == "Files opened without an everyday reason"
    row = journey.page.locator("tbody tr").first.inner_text()
    assert "Jayden" in row and world.fca_other_area.full_name in row and REASON in row


def test_an_fca_finds_a_child_they_work_with_by_date_of_birth(journey, world):
    sign_in(journey, world.fca_allocated)
    journey.goto("/children/")
    journey.fill("Day", "14")
    journey.fill("Month", "5")
    journey.fill("Year", "2016")
    search(journey)
    assert journey.page.get_by_role("heading", name="1 child found").is_visible()
    row = journey.page.get_by_role("row", name="Jayden")
    assert world.proceedings.court_number in row.inner_text()
    assert "Date of birth" in row.inner_text()  # why it matched
    journey.click("Jayden", role="link")
    assert journey.heading() == "About me"
