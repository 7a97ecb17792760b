"""National leadership opens the scorecard, changes the day, goes into one area, lists the
proceedings held on duty there and downloads the list; a service manager reads theirs."""

import pytest
from django.core.management import call_command

from tests.accounts.factories import PASSWORD
from tests.scorecard.folders import service, write_folder
from together.accounts.models import Role
from together.organisation.models import ServiceArea

pytestmark = pytest.mark.browser


def sign_in(journey, user):
    journey.goto("/sign-in/")
    journey.fill("Email address", user.email)
    journey.fill("Password", PASSWORD)
    journey.click("Sign in")


def test_leadership_reads_the_scorecard_on_a_chosen_day(journey, make_user, tmp_path):
    call_command("import_service", str(write_folder(tmp_path / "s", service())), verbosity=0)
    sign_in(journey, make_user(Role.NATIONAL_PERFORMANCE))
    journey.click("Scorecard", role="link")
    assert journey.heading() == "Scorecard"
    page = journey.page

    # A day that is not a real date is explained, in the error summary and beside the boxes.
    journey.fill("Day", "31")
    journey.fill("Month", "2")
    journey.fill("Year", "2026")
    journey.click("Show figures")
    assert "The date must be a real date" in page.locator(".govuk-error-summary").inner_text()

    journey.fill("Day", "30")
    journey.fill("Month", "6")
    journey.fill("Year", "2026")
    journey.click("Show figures")
    table = page.locator("#figures")
    assert "National on 30 June 2026" in table.inner_text()
    row = table.get_by_role("row", name="Proceedings held on duty (no lead FCA)")
    assert row.get_by_role("cell").first.inner_text().split()[0] == "1"  # a link to the list
    areas = page.locator("#by-area").inner_text()
    assert "Tyneside" in areas and "Wearside" in areas
    assert "Change" in table.inner_text()  # each figure beside last month and last year
    assert page.locator("#trend-open_proceedings svg[role=img]").count() == 1

    # Into one area, on the same day, and the proceedings held on duty there.
    # The area's own scorecard (the pressure table's link to its prioritisation says more).
    page.get_by_role("link", name="Wearside", exact=True).click()
    page.wait_for_load_state()
    journey.check_accessibility()
    assert "Wearside on 30 June 2026" in page.locator("#figures").inner_text()
    assert "Wearside after" in page.locator("#by-team").inner_text()
    journey.click("1 (see the list)", role="link")
    assert journey.heading() == "Proceedings held on duty"
    listed = page.locator("#list").inner_text()
    assert "NE-P5" in listed and "Child7 Example" in listed

    # The list as a CSV file.
    with page.expect_download() as download:
        page.get_by_role("link", name="Download this list as a CSV file").click()
    assert download.value.suggested_filename == "on-duty-2026-06-30.csv"
    csv_text = open(download.value.path(), encoding="utf-8").read()  # noqa: SIM115
    assert "NE-P5" in csv_text and "Wearside" in csv_text

    manager = make_user(Role.SERVICE_MANAGER, area=ServiceArea.objects.get(code="NE1"))
    journey.page.context.clear_cookies()
    sign_in(journey, manager)
    journey.goto("/scorecard/?date_day=30&date_month=6&date_year=2026")
    assert "Tyneside on 30 June 2026" in page.locator("#figures").inner_text()
    assert page.locator("#by-area").count() == 0
