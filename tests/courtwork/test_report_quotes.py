"""The professionals who know the child, chosen into a report to the court with what they said:
on the report's page and in the court's PDF and Word copies, each with its source and never an
address or a way to contact them."""

import datetime
import io

import docx
import pytest
from django.core.exceptions import ValidationError
from pypdf import PdfReader

from tests.children.factories import ChildFactory
from tests.courtwork.report_factories import agreed, report_page, start_report
from together.children import services as child_services
from together.children.models import Professional
from together.core.exceptions import EditConflict
from together.courtwork import report_quotes
from together.courtwork.report_models import ReportStatus

pytestmark = pytest.mark.django_db

TEACHER_SAID = "Jayden is settled in class and talks about both parents warmly."
GP_SAID = "No worries about his health; his jabs are up to date."
SOURCE = "Priya Shah, Class teacher (School or nursery), Hillside Primary School, talked with on"


def _professional(world, **fields):
    return child_services.professional_add(
        by=world.fca_allocated,
        child=world.child,
        token=None,
        **{
            "role": Professional.Role.SCHOOL,
            "role_detail": "Class teacher",
            "name": "Priya Shah",
            "organisation": "Hillside Primary School",
            "consulted_on": datetime.date(2026, 11, 2),
            "what_they_said": TEACHER_SAID,
            **fields,
        },
    )


@pytest.fixture
def teacher(world):
    return _professional(world)


@pytest.fixture
def gp(world):
    return _professional(
        world,
        role=Professional.Role.GP,
        role_detail="",
        name="Dr Owen Price",
        organisation="Riverside Surgery",
        what_they_said=GP_SAID,
    )


def _choose(world, report, *professionals):
    return report_quotes.report_quotes_save(
        by=world.fca_allocated,
        report=report,
        version=report.version,
        professionals=list(professionals),
    )


def test_chosen_professionals_are_quoted_with_what_they_said_in_the_order_chosen(
    world, teacher, gp
):
    report = start_report(world)
    quotes = _choose(world, report, gp, teacher)
    assert [(q.professional, q.words, q.order) for q in quotes] == [
        (gp, GP_SAID, 1),
        (teacher, TEACHER_SAID, 2),
    ]
    report.refresh_from_db()
    assert report.version == 2
    assert quotes[1].source.startswith(SOURCE)
    assert "2 November 2026" in quotes[1].source


def test_choosing_again_takes_out_those_no_longer_chosen(world, teacher, gp):
    report = start_report(world)
    _choose(world, report, teacher, gp)
    report.refresh_from_db()
    _choose(world, report, gp)
    assert [q.professional for q in report.quotes.all()] == [gp]


def test_only_the_childs_professionals_who_were_talked_with_can_be_quoted(world, teacher):
    not_yet = _professional(
        world, name="Ms Lee", consulted_on=None, what_they_said="", role=Professional.Role.OTHER,
        role_detail="Youth worker",
    )  # fmt: skip
    # Another child's teacher (recorded on that child's file, which this FCA does not hold).
    someone_elses = Professional.objects.create(
        child=ChildFactory(),
        role=Professional.Role.SCHOOL,
        name="Mr Hale",
        consulted_on=datetime.date(2026, 11, 2),
        what_they_said="Settled.",
        recorded_by=world.fca_other_area,
    )
    report = start_report(world)
    assert report_quotes.quotable_professionals(report) == [teacher]
    for refused in (not_yet, someone_elses):
        with pytest.raises(ValidationError):
            _choose(world, report, refused)
    assert not report.quotes.exists()


def test_a_choice_made_on_an_old_version_is_refused(world, teacher):
    report = start_report(world)
    _choose(world, report, teacher)
    with pytest.raises(EditConflict):
        _choose(world, report)  # `report` still has the version before
    assert report.quotes.count() == 1


def test_changing_the_quotes_of_an_agreed_report_sends_it_back_to_draft(world, teacher):
    report = agreed(world)
    _choose(world, report, teacher)
    report.refresh_from_db()
    assert report.status == ReportStatus.DRAFT and report.agreed_by is None


def test_the_writer_chooses_on_the_page_and_the_report_shows_the_quote_and_source(
    client, world, teacher, gp
):
    report = start_report(world)
    client.force_login(world.fca_allocated)
    page = client.get(report_page(report, "professionals/"))
    assert page.status_code == 200
    assert "Priya Shah, school or nursery, Hillside Primary School" in page.content.decode()
    response = client.post(
        report_page(report, "professionals/"),
        {"version": report.version, "professionals": [str(teacher.uuid)]},
    )
    assert response.status_code == 302
    shown = client.get(report_page(report)).content.decode()
    assert TEACHER_SAID in shown and SOURCE in shown
    assert GP_SAID not in shown


def test_a_choice_on_a_page_someone_else_saved_since_keeps_the_ticks_and_says_so(
    client, world, teacher
):
    report = start_report(world)
    seen = report.version
    _choose(world, report, teacher)  # someone else saves first
    client.force_login(world.fca_allocated)
    response = client.post(
        report_page(report, "professionals/"), {"version": seen, "professionals": []}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "saved changes to the report" in page
    assert report.quotes.count() == 1


def test_the_page_says_to_record_professionals_first_when_none_were_talked_with(client, world):
    report = start_report(world)
    client.force_login(world.fca_allocated)
    page = client.get(report_page(report, "professionals/")).content.decode()
    assert "Record who they are and what they said on the family page first" in page


def test_the_pdf_and_word_copies_quote_them_with_their_source_and_nothing_to_contact_them(
    client, world, teacher
):
    report = start_report(world, kind="final_analysis")
    _choose(world, report, teacher)
    client.force_login(world.supervisor_team)
    pdf = client.get(report_page(report, "download/pdf/"))
    text = " ".join(
        page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages
    ).replace("\n", " ")
    assert "Other professionals who know the child" in text
    assert TEACHER_SAID in text and f"Source: {SOURCE}" in text
    word = client.get(report_page(report, "download/docx/"))
    paragraphs = [p.text for p in docx.Document(io.BytesIO(word.content)).paragraphs]
    assert "Other professionals who know the child" in paragraphs
    assert TEACHER_SAID in paragraphs
    assert any(p.startswith(f"Source: {SOURCE}") for p in paragraphs)
    # A source is who they are, their role and organisation, and when: nothing else of theirs.
    source = next(p for p in paragraphs if p.startswith("Source: "))
    assert source == f"Source: {SOURCE} 2 November 2026"
