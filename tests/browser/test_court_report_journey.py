"""An FCA writes Jayden's section 7 report from Jayden's plan; the practice supervisor reads it
and agrees it; the PDF and Word copies download with their text; the FCA marks it filed. After a
hearing the FCA records what the court decided and tells Jayden."""

import datetime
import io
from pathlib import Path

import docx
import pypdf
import pytest
from django.utils import timezone

from tests.accounts.factories import PASSWORD
from tests.courtwork.report_factories import written_plan
from tests.proceedings.factories import HearingFactory
from together.audit.models import Action, AuditEvent
from together.courtwork.report_models import ChildTold, CourtReport, ReportStatus

pytestmark = pytest.mark.browser


def sign_in(journey, user):
    journey.goto("/sign-in/")
    journey.fill("Email address", user.email)
    journey.fill("Password", PASSWORD)
    journey.click("Sign in")


def sign_out(journey):
    journey.page.get_by_role("button", name="Sign out").click()
    journey.page.wait_for_load_state()
    journey.check_accessibility()


def fill_date(journey, name, day):
    journey.page.locator(f"input[name={name}_day]").fill(str(day.day))
    journey.page.locator(f"input[name={name}_month]").fill(str(day.month))
    journey.page.locator(f"input[name={name}_year]").fill(str(day.year))


def no_errors(journey):
    assert journey.page.locator(".govuk-error-summary").count() == 0, journey.page.content()


def download(journey, name) -> bytes:
    with journey.page.expect_download() as info:
        journey.page.get_by_role("link", name=name).click()
    return Path(info.value.path()).read_bytes()


def test_an_fca_writes_a_section_7_report_from_the_plan_and_the_supervisor_agrees_it(
    journey, world
):
    today = timezone.localdate()
    written_plan(world)
    reports = f"/children/{world.child.uuid}/court/reports/"

    sign_in(journey, world.fca_allocated)
    journey.goto(reports)
    journey.click("Start a report the court asked for", role="link")
    journey.page.get_by_label("Section 7 welfare report", exact=True).check()
    fill_date(journey, "ordered_on", today - datetime.timedelta(days=7))
    fill_date(journey, "due_on", today + datetime.timedelta(days=50))
    journey.fill("What did the court ask?", "Where should Jayden live, and when see dad?")
    journey.click("Start the report")
    no_errors(journey)
    assert journey.heading() == "Section 7 welfare report"
    page = journey.page.content()
    assert "Written from version" in page
    assert "Live with mum and see dad every other weekend" in page  # from the plan

    # The risk analysis asks about harm some time ago and coercive control.
    journey.click("Risk analysis", role="link")
    journey.fill(
        "Harm that happened some time ago, and what it means for the child now",
        "Historic incidents in 2023.",
    )
    journey.fill("Is there coercive or controlling behaviour?", "None known to the police.")
    journey.click("Save and return to the report")
    assert "Do not call harm" in journey.page.content()
    journey.fill(
        "Harm that happened some time ago, and what it means for the child now",
        "In 2023 the police came after a fight at home. Jayden still talks about it.",
    )
    journey.click("Save and return to the report")
    no_errors(journey)

    journey.click("Send for review", role="link")
    journey.click("Send for review")
    no_errors(journey)
    report = CourtReport.objects.get()
    assert report.status == ReportStatus.READY_FOR_REVIEW
    sign_out(journey)

    sign_in(journey, world.supervisor_team)
    journey.goto(reports)
    journey.click("Section 7 welfare report", role="link")
    journey.click("Agree the report", role="link")
    assert "Read the whole report" in journey.page.content()
    assert "Jayden still talks about it" in journey.page.content()
    journey.click("Agree the report")
    report.refresh_from_db()
    assert report.status == ReportStatus.AGREED

    pdf = pypdf.PdfReader(io.BytesIO(download(journey, "Download as PDF")))
    text = "\n".join(p.extract_text() for p in pdf.pages)
    assert world.proceedings.court_number in text
    assert "Section 7 welfare report" in text and "Live with mum" in text
    word = docx.Document(io.BytesIO(download(journey, "Download as a Word document")))
    words = "\n".join(p.text for p in word.paragraphs)
    assert f"Court number: {world.proceedings.court_number}" in words
    assert f"{world.child.legal_given_names} {world.child.legal_family_name}" in words
    assert AuditEvent.objects.filter(action=Action.DOCUMENT_PRINTED).count() == 2
    sign_out(journey)

    sign_in(journey, world.fca_allocated)
    journey.goto(reports)
    journey.click("Section 7 welfare report", role="link")
    journey.click("Mark as filed", role="link")
    fill_date(journey, "filed_on", today)
    journey.click("Mark as filed")
    no_errors(journey)
    report.refresh_from_db()
    assert report.status == ReportStatus.FILED and report.filed_on == today


def test_after_a_hearing_the_fca_records_the_outcome_and_tells_the_child(journey, world):
    hearing = HearingFactory(
        proceedings=world.proceedings, starts_at=timezone.now() - datetime.timedelta(hours=4)
    )
    sign_in(journey, world.fca_allocated)
    journey.goto(f"/proceedings/{world.proceedings.uuid}/court-work/")
    journey.page.get_by_role("link", name=f"Record the outcome of the {hearing}").click()
    journey.page.wait_for_load_state()
    journey.check_accessibility()
    journey.fill("What orders did the court make?", "Child arrangements order: lives with mum.")
    journey.click("Save the outcome")
    no_errors(journey)
    telling = ChildTold.objects.get()

    journey.goto("/")
    assert "Tell them what the judge decided by" in journey.page.content()
    journey.goto(f"/children/{world.child.uuid}/court/reports/")
    journey.page.get_by_role("link", name=f"Record telling Jayden about the {hearing}").click()
    journey.page.wait_for_load_state()
    journey.check_accessibility()
    fill_date(journey, "told_on", timezone.localdate())
    journey.page.get_by_label("In person", exact=True).check()
    journey.fill("What did you tell them?", "The judge said you will keep living with mum.")
    journey.fill("What did they say? (optional)", "Good. Can I still see nan?")
    journey.click("Save")
    no_errors(journey)
    telling.refresh_from_db()
    assert telling.told_on == timezone.localdate()
    assert "Can I still see nan?" in journey.page.content()
