"""The pages of reports to the court as an FCA, a supervisor and a manager use them, the court's
copies (PDF and Word) with their text, the reports-due page and My children."""

import datetime
import io

import docx
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from pypdf import PdfReader

from tests.children.factories import ChildFactory, FamilyMemberFactory
from tests.courtwork.report_factories import (
    agreed,
    complete,
    report_page,
    start_report,
    written_plan,
)
from tests.proceedings.factories import (
    HearingFactory,
    ProceedingsChildFactory,
    ProceedingsFactory,
    allocate,
)
from together.audit.models import Action, AuditEvent
from together.courtwork import reports as services
from together.courtwork.report_models import ChildTold, CourtReport, ReportStatus

pytestmark = pytest.mark.django_db


def _date(prefix: str, day: datetime.date) -> dict:
    return {f"{prefix}_day": day.day, f"{prefix}_month": day.month, f"{prefix}_year": day.year}


def test_an_fca_starts_a_section_7_report_from_the_plan(client, world):
    plan = written_plan(world)
    client.force_login(world.fca_allocated)
    today = timezone.localdate()
    address = f"/children/{world.child.uuid}/court/reports/new/"
    page = client.get(address).content.decode()
    assert "Section 7 welfare report" in page
    response = client.post(
        address,
        {
            "proceedings": str(world.proceedings.uuid),
            "kind": "section_7",
            **_date("ordered_on", today),
            **_date("due_on", today + datetime.timedelta(days=60)),
            "court_asked": "Where should Jayden live?",
        },
    )
    report = CourtReport.objects.get()
    assert response.status_code == 302 and response["Location"] == report_page(report)
    page = client.get(report_page(report)).content.decode()
    assert f"Written from version {plan.version} of Jayden" in page
    assert "Live with mum and see dad every other weekend" in page


def test_starting_a_report_with_the_due_date_before_the_order_says_so(client, world):
    client.force_login(world.fca_allocated)
    today = timezone.localdate()
    response = client.post(
        f"/children/{world.child.uuid}/court/reports/new/",
        {
            "proceedings": str(world.proceedings.uuid),
            "kind": "section_7",
            **_date("ordered_on", today),
            **_date("due_on", today - datetime.timedelta(days=1)),
            "court_asked": "Where should Jayden live?",
        },
    )
    assert response.status_code == 200
    assert "The date it is due must be on or after the date it was ordered" in (
        response.content.decode()
    )
    assert not CourtReport.objects.exists()


def test_a_section_is_saved_with_its_version_and_a_stale_save_keeps_what_was_typed(client, world):
    report = start_report(world)
    client.force_login(world.fca_allocated)
    address = report_page(report, "section/child/")
    form = client.get(address).content.decode()
    assert "Check my writing" in form
    old = report.version
    response = client.post(address, {"version": old, "unique_about_child": "Loves trains"})
    assert response.status_code == 302
    response = client.post(address, {"version": old, "unique_about_child": "Loves buses"})
    page = response.content.decode()
    assert "saved changes to the report" in page
    assert "Loves buses" in page
    report.refresh_from_db()
    assert report.unique_about_child == "Loves trains"


def test_the_recommendation_form_refuses_to_finish_without_saying_why_it_differs(client, world):
    report = start_report(world)
    client.force_login(world.fca_allocated)
    response = client.post(
        report_page(report, "recommendations/add/"),
        {
            "version": report.version,
            "recommendation": "Live with dad",
            "evidence": "Dad's home is calmer",
            "differs_from_wishes": "yes",
            "why_different": "",
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page
    assert "Explain why you recommend something different from what the child wants" in page
    assert not report.recommendations.exists()


def test_the_supervisor_reads_the_whole_report_and_sends_it_back_with_comments(client, world):
    report = complete(start_report(world), world.fca_allocated)
    services.report_state_change(
        by=world.fca_allocated, report=report, to=ReportStatus.READY_FOR_REVIEW
    )
    client.force_login(world.supervisor_team)
    page = client.get(report_page(report, "move/send-back/")).content.decode()
    assert "Loves drawing trains" in page and "Live with mum" in page
    response = client.post(report_page(report, "move/send-back/"), {"comment": ""})
    assert "Say what needs to change before the report is agreed" in response.content.decode()
    client.post(report_page(report, "move/send-back/"), {"comment": "Say more about school"})
    client.force_login(world.fca_allocated)
    page = client.get(report_page(report)).content.decode()
    assert "Sent back" in page and "Say more about school" in page


def test_filing_needs_the_date(client, world):
    report = agreed(world)
    client.force_login(world.fca_allocated)
    response = client.post(report_page(report, "move/file/"), {})
    assert "Enter the date the report was filed" in response.content.decode()
    today = timezone.localdate()
    client.post(report_page(report, "move/file/"), _date("filed_on", today))
    report.refresh_from_db()
    assert report.status == ReportStatus.FILED and report.filed_on == today


def _final_analysis(world):
    FamilyMemberFactory(
        given_name="Dana", address="12 Hidden Lane, Safeton", address_confidential=True
    )
    brother = ChildFactory(legal_given_names="Kai Leon", legal_family_name="Rivers")
    ProceedingsChildFactory(proceedings=world.proceedings, child=brother)
    return agreed(world, start_report(world, kind="final_analysis"))


def test_the_pdf_has_the_courts_heading_the_childrens_court_names_and_page_numbers(client, world):
    report = _final_analysis(world)
    client.force_login(world.supervisor_team)
    response = client.get(report_page(report, "download/pdf/"))
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert f"In the Family Court sitting at {world.proceedings.court}" in text
    assert world.proceedings.court_number in text
    assert f"{world.child.legal_given_names} {world.child.legal_family_name}" in text
    assert "Kai Leon Rivers" in text
    assert "Final analysis" in text and "Live with mum" in text
    assert "Page 1 of" in text
    assert "Hidden Lane" not in text
    assert AuditEvent.objects.filter(
        action=Action.DOCUMENT_PRINTED, actor=world.supervisor_team, detail__format="pdf"
    ).exists()


def test_the_word_document_has_the_same_and_a_page_number_field(client, world):
    report = _final_analysis(world)
    client.force_login(world.fca_allocated)
    response = client.get(report_page(report, "download/docx/"))
    assert response["Content-Disposition"].endswith('.docx"')
    document = docx.Document(io.BytesIO(response.content))
    text = "\n".join(p.text for p in document.paragraphs)
    text += "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    assert f"In the Family Court sitting at {world.proceedings.court}" in text
    assert f"Court number: {world.proceedings.court_number}" in text
    assert "Kai Leon Rivers" in text
    assert "Live with mum" in text and "Loves drawing trains" in text
    assert "Hidden Lane" not in text
    footer = document.sections[0].footer._element.xml  # noqa: SLF001 (reading the XML in a test)
    assert "PAGE" in footer
    assert AuditEvent.objects.filter(
        action=Action.DOCUMENT_PRINTED, actor=world.fca_allocated, detail__format="docx"
    ).exists()


def _reports_due_queries(client, user) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/reports/due/")
    assert response.status_code == 200
    return len(captured.captured_queries)


def test_the_reports_due_page_lists_the_overdue_first_in_a_fixed_number_of_queries(client, world):
    client.force_login(world.manager_area)
    client.get("/reports/due/")
    start_report(world, due_in_days=5)
    before = _reports_due_queries(client, world.manager_area)
    for n in range(4):
        proceedings = ProceedingsFactory(service_area=world.area)
        child = ChildFactory(preferred_name=f"Child{n}")
        ProceedingsChildFactory(proceedings=proceedings, child=child)
        allocate(proceedings, world.fca_allocated, world.team)
        services.report_start(
            by=world.fca_allocated,
            child=child,
            proceedings=proceedings,
            token=None,
            kind="section_7",
            ordered_on=timezone.localdate() - datetime.timedelta(days=30),
            due_on=timezone.localdate() - datetime.timedelta(days=n + 1),
            court_asked="Where should the child live?",
        )
    assert _reports_due_queries(client, world.manager_area) == before
    page = client.get("/reports/due/").content.decode()
    assert "5 reports not filed, 4 overdue" in page
    assert page.index("Child3") < page.index("Child0") < page.index("Jayden")


def test_my_children_shows_reports_overdue_and_the_child_still_to_be_told(client, world):
    report = start_report(world, due_in_days=3)
    client.force_login(world.fca_allocated)
    page = client.get("/").content.decode()
    assert "Report to the court due by" in page
    CourtReport.objects.filter(pk=report.pk).update(
        due_on=timezone.localdate() - datetime.timedelta(days=1)
    )
    hearing = HearingFactory(
        proceedings=world.proceedings, starts_at=timezone.now() - datetime.timedelta(days=1)
    )
    services.hearing_outcome_record(
        by=world.fca_allocated, hearing=hearing, token=None, orders_made="No order"
    )
    page = client.get("/").content.decode()
    assert "1 report to the court overdue" in page
    assert "Tell them what the judge decided by" in page
    ChildTold.objects.update(due_on=timezone.localdate() - datetime.timedelta(days=1))
    assert "Not yet told what the judge decided" in client.get("/").content.decode()


def test_the_fca_records_the_outcome_then_tells_the_child_in_words_for_them(client, world):
    hearing = HearingFactory(
        proceedings=world.proceedings, starts_at=timezone.now() - datetime.timedelta(hours=3)
    )
    client.force_login(world.fca_allocated)
    address = f"/proceedings/{world.proceedings.uuid}/hearings/{hearing.uuid}/outcome/"
    response = client.post(address, {"orders_made": ""})
    assert "Say what orders the court made" in response.content.decode()
    response = client.post(
        address, {"orders_made": "Lives with mum", "directions": "Section 7 report"}
    )
    assert response.status_code == 302
    telling = ChildTold.objects.get()
    page = client.get(f"/children/{world.child.uuid}/court/reports/").content.decode()
    assert "Record telling Jayden" in page
    told = f"/children/{world.child.uuid}/court/told/{telling.uuid}/"
    page = client.get(told).content.decode()
    assert "Lives with mum" in page and "Check my writing" in page
    response = client.post(
        told,
        {
            **_date("told_on", timezone.localdate()),
            "method": "in_person",
            "words_for_child": "The judge said you will live with mum.",
            "child_response": "Good",
        },
    )
    assert response.status_code == 302
    telling.refresh_from_db()
    assert telling.told_on == timezone.localdate()
    assert "Told" in client.get(f"/children/{world.child.uuid}/court/reports/").content.decode()


def test_when_the_proceedings_close_the_ending_letter_is_prompted(client, world):
    client.force_login(world.fca_allocated)
    address = f"/proceedings/{world.proceedings.uuid}/court-work/"
    assert "ending letter" not in client.get(address).content.decode()
    world.proceedings.closed_on = timezone.localdate()
    world.proceedings.save()
    page = client.get(address).content.decode()
    assert f'href="/children/{world.child.uuid}/letters/new/"' in page
    assert "Write Jayden's ending letter" in page


def test_the_childs_reports_page_prompts_the_ending_letter_until_it_is_started(client, world):
    from tests.letters.factories import ready_fca, start_letter
    from together.letters.models import Kind

    client.force_login(world.fca_allocated)
    address = f"/children/{world.child.uuid}/court/reports/"
    assert "Write Jayden's ending letter" not in client.get(address).content.decode()
    world.proceedings.closed_on = timezone.localdate()
    world.proceedings.save()
    page = client.get(address).content.decode()
    assert "Jayden's proceedings have closed" in page
    assert f'href="/children/{world.child.uuid}/letters/new/"' in page
    start_letter(world.child, ready_fca(world.fca_allocated), kind=Kind.ENDING_CHILD)
    assert "Write Jayden's ending letter" not in client.get(address).content.decode()


@pytest.mark.parametrize("relationship", ["head_region", "director_region", "national"])
def test_the_ending_letter_links_only_for_those_who_may_write_it(client, world, relationship):
    world.proceedings.closed_on = timezone.localdate()
    world.proceedings.save()
    client.force_login(world.users[relationship])
    letters = f'href="/children/{world.child.uuid}/letters/new/"'
    response = client.get(f"/proceedings/{world.proceedings.uuid}/court-work/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Jayden: no ending letter yet" in page and letters not in page
    page = client.get(f"/children/{world.child.uuid}/court/reports/").content.decode()
    assert "proceedings have closed" not in page and letters not in page
    assert client.get(f"/children/{world.child.uuid}/letters/new/").status_code == 404


def _queries(client, address) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(address)
    assert response.status_code == 200
    return len(captured.captured_queries)


def test_the_childs_reports_and_the_proceedings_page_take_the_same_queries_with_more_work(
    client, world
):
    client.force_login(world.fca_allocated)
    child_page = f"/children/{world.child.uuid}/court/reports/"
    proceedings_page = f"/proceedings/{world.proceedings.uuid}/court-work/"
    start_report(world)
    first = HearingFactory(
        proceedings=world.proceedings, starts_at=timezone.now() - datetime.timedelta(days=9)
    )
    services.hearing_outcome_record(
        by=world.fca_allocated, hearing=first, token=None, orders_made="No order"
    )
    client.get(child_page)
    before = (_queries(client, child_page), _queries(client, proceedings_page))
    for n in range(3):
        start_report(world, kind="position_statement", due_in_days=n)
        ProceedingsChildFactory(proceedings=world.proceedings, child=ChildFactory())
        hearing = HearingFactory(
            proceedings=world.proceedings, starts_at=timezone.now() - datetime.timedelta(days=n)
        )
        services.hearing_outcome_record(
            by=world.fca_allocated, hearing=hearing, token=None, orders_made="No order"
        )
    assert (_queries(client, child_page), _queries(client, proceedings_page)) == before


def test_managers_homes_link_to_the_reports_due(client, world):
    for manager in (world.manager_area, world.head_region):
        client.force_login(manager)
        assert 'href="/reports/due/"' in client.get("/").content.decode()


def test_the_proceedings_page_leads_from_a_hearing_to_recording_its_outcome(client, world):
    past = HearingFactory(
        proceedings=world.proceedings, starts_at=timezone.now() - datetime.timedelta(days=1)
    )
    future = HearingFactory(
        proceedings=world.proceedings, starts_at=timezone.now() + datetime.timedelta(days=9)
    )
    proceedings = world.proceedings.uuid
    client.force_login(world.fca_allocated)
    page = client.get(f"/proceedings/{proceedings}/").content.decode()
    assert f"/proceedings/{proceedings}/court-work/" in page
    assert f"/proceedings/{proceedings}/hearings/{past.uuid}/outcome/" in page
    assert f"/hearings/{future.uuid}/outcome/" not in page
    services.hearing_outcome_record(
        by=world.fca_allocated, hearing=past, token=None, orders_made="Child arrangements order"
    )
    page = client.get(f"/proceedings/{proceedings}/").content.decode()
    assert f"/hearings/{past.uuid}/outcome/" not in page
    assert f"court-work/#hearing-{past.uuid}" in page and "See the outcome" in page
    # The form itself, opened again once the outcome is recorded, leads to what was recorded.
    again = client.get(f"/proceedings/{proceedings}/hearings/{past.uuid}/outcome/")
    assert again.status_code == 302 and again["Location"].endswith(f"#hearing-{past.uuid}")
