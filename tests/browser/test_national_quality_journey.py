"""National leadership sets up a national audit and draws its sample; an auditor from another
area audits a file given to them and cannot open one that was not; the quality report shows it."""

import datetime

import pytest

from tests.accounts.factories import PASSWORD
from tests.quality.national_factories import nation  # noqa: F401
from together.accounts.models import Role
from together.quality.national_models import NationalAuditFile

pytestmark = pytest.mark.browser


def sign_in(journey, user):
    journey.page.context.clear_cookies()
    journey.goto("/sign-in/")
    journey.fill("Email address", user.email)
    journey.fill("Password", PASSWORD)
    journey.click("Sign in")


def fill_date(page, field, day):
    page.fill(f"#id_{field}_0", str(day.day))
    page.fill(f"#id_{field}_1", str(day.month))
    page.fill(f"#id_{field}_2", str(day.year))


def test_a_national_audit_from_the_draw_to_the_report(journey, nation):  # noqa: F811
    page = journey.page
    today = datetime.date.today()
    sign_in(journey, nation.national)
    journey.goto("/quality/national/")
    assert journey.heading() == "National quality audits"
    journey.click("Set up a national audit", role="button")
    journey.fill("Title", "Autumn national audit")
    page.get_by_label("All children's files").check()
    fill_date(page, "starts_on", datetime.date(2026, 9, 1))
    fill_date(page, "ends_on", today + datetime.timedelta(days=30))
    journey.fill("How many files?", "20")
    journey.click("Set up the audit")
    assert journey.heading() == "Autumn national audit"

    journey.click("Draw the sample")
    assert (
        "20 children's files have been drawn"
        in page.locator(".govuk-notification-banner").inner_text()
    )
    strata = page.locator("#strata").inner_text()
    assert "Public law\t12" in strata or "12" in strata
    journey.click("Give the files to auditors from other areas")
    assert "20 files have been given" in page.locator(".govuk-notification-banner").inner_text()

    auditor = nation.people[nation.south][Role.PRACTICE_SUPERVISOR]
    mine = NationalAuditFile.objects.filter(auditor=auditor).select_related("child")
    file = mine.order_by("position")[0]
    other = NationalAuditFile.objects.exclude(auditor=auditor).select_related("child")[0]
    sign_in(journey, auditor)
    journey.goto("/quality/national/assigned/")
    name = file.child.preferred_name
    journey.page.locator(f'a[href="/quality/national/files/{file.uuid}/"]').click()
    page.wait_for_load_state()
    journey.check_accessibility()
    assert journey.heading() == f"National audit of {name}'s file"
    journey.click(f"Read {name}'s file", role="link")
    assert "given to you for a national quality audit" in page.content()
    page.go_back()
    page.wait_for_load_state()
    journey.check_accessibility()

    journey.click("Save the audit")
    assert "Choose the overall grade" in page.locator(".govuk-error-summary").inner_text()
    page.get_by_label("Good", exact=True).check()
    fill_date(page, "audited_on", today)
    journey.fill("What worked well, and what could be better", "The plan used their own words.")
    journey.click("Save the audit")
    assert journey.heading() == "Files to audit for the national audit"
    assert "Done: Good" in page.locator("#assigned").inner_text()

    # A file not given to them is like one that does not exist.
    response = page.goto(journey.base_url + f"/children/{other.child.uuid}/")
    assert response.status == 404
    journey.check_accessibility()
    response = page.goto(journey.base_url + f"/quality/national/files/{other.uuid}/")
    assert response.status == 404
    journey.check_accessibility()

    sign_in(journey, nation.national)
    journey.goto("/quality/national/report/")
    assert "100%" in page.locator("#nation").inner_text()
    rounds = page.locator("#rounds").inner_text()
    assert "Autumn national audit" in rounds


def test_an_assistant_director_reads_this_years_letters_beside_about_me(journey, world):
    from tests.letters.factories import ready_fca, send_letter, start_letter

    ready_fca(world.fca_allocated)
    world.child.enjoys = "Drawing dragons and swimming"
    world.child.save()
    send_letter(start_letter(world.child, world.fca_allocated), world.fca_allocated)
    page = journey.page
    sign_in(journey, world.director_region)
    journey.goto("/quality/national/spotlight/")
    journey.click("Draw this year's letters")
    assert "1 letter has been drawn" in page.locator(".govuk-notification-banner").inner_text()
    journey.click("Jayden", role="link")
    assert "Drawing dragons and swimming" in page.content()
    page.get_by_label("Partly explored").check()
    journey.fill("Why (optional)", "It names the school but not the dragons.")
    journey.click("Save the judgement")
    row = page.locator("#judgements").inner_text()
    assert "Partly explored\t1" in row or "Partly explored\n1" in row
