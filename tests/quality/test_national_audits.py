"""Giving a round's files to auditors, recording their audits, and the national quality report,
with known answers."""

import datetime
import io
import re
from collections import Counter

import pypdf
import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tests.quality.national_factories import ROUND_STARTS, nation  # noqa: F401
from tests.write_permissions import refused_with_nothing_saved
from together.audit.models import Action, AuditEvent
from together.children.models import TemporaryAccess, TimelineEntry
from together.quality import national
from together.quality.models import DOMAINS, Audit, Domain, DomainGrade, Grade, Theme, View
from together.quality.national_models import NationalAuditFile, NationalAuditRound
from together.quality.national_report import Period, national_quality_report

pytestmark = pytest.mark.django_db
TODAY = datetime.date.today()


@pytest.fixture
def drawn(nation):  # noqa: F811
    round_ = national.national_round_create(
        by=nation.national,
        title="Autumn national audit",
        focus=NationalAuditRound.Focus.ALL,
        starts_on=ROUND_STARTS,
        ends_on=TODAY + datetime.timedelta(days=30),
        sample_size=20,
    )
    national.national_sample_draw(by=nation.national, round_=round_)
    return round_


def test_files_go_round_the_auditors_of_other_areas_evenly(nation, drawn):  # noqa: F811
    assert national.national_files_assign_automatically(by=nation.national, round_=drawn) == 20
    files = NationalAuditFile.objects.select_related("auditor")
    assert all(f.auditor.service_area_id != f.service_area_id for f in files)
    # 16 of the north's files shared by the south's two auditors, 4 of the south's by the
    # north's two.
    assert sorted(Counter(f.auditor_id for f in files).values()) == [2, 2, 8, 8]
    assert TemporaryAccess.objects.count() == 20
    assert all(f.access.user_id == f.auditor_id for f in files)


def test_national_leadership_may_choose_an_auditor_but_not_from_the_files_own_area(
    nation,  # noqa: F811
    drawn,
):
    file = NationalAuditFile.objects.filter(service_area=nation.north).first()
    with pytest.raises(ValidationError):
        national.national_file_assign(
            by=nation.national, file=file, auditor=nation.people[nation.north]["service_manager"]
        )
    chosen = nation.people[nation.south]["service_manager"]
    national.national_file_assign(by=nation.national, file=file, auditor=chosen)
    other = nation.people[nation.south]["practice_supervisor"]
    national.national_file_assign(by=nation.national, file=file, auditor=other)
    grants = TemporaryAccess.objects.filter(child=file.child)
    assert [g.user for g in grants.filter(ends_at__gt=datetime.datetime.now(datetime.UTC))] == [
        other
    ]
    assert grants.count() == 2  # the first grant kept, ended


@pytest.mark.parametrize("who", ["fca", "practice_supervisor", "service_manager"])
def test_only_national_leadership_runs_a_round(nation, drawn, who):  # noqa: F811
    by = nation.people[nation.north][who]
    with refused_with_nothing_saved():
        national.national_files_assign_automatically(by=by, round_=drawn)
    with refused_with_nothing_saved():
        national.national_round_close(by=by, round_=drawn)
    with refused_with_nothing_saved():
        national.national_sample_draw(by=by, round_=drawn)
    with refused_with_nothing_saved():
        national.national_round_create(
            by=by, title="Mine", focus="all", starts_on=TODAY, ends_on=TODAY
        )


def _record(by, file, grade=Grade.GOOD):
    return national.national_audit_record(
        by=by,
        file=file,
        grade=grade,
        audited_on=TODAY,
        notes="Ayla's words were in the plan.",
    )


def test_the_auditor_records_the_audit_and_the_childs_timeline_says_so_without_the_grade(
    nation,  # noqa: F811
    drawn,
):
    national.national_files_assign_automatically(by=nation.national, round_=drawn)
    file = NationalAuditFile.objects.select_related("auditor").first()
    audit = _record(file.auditor, file, Grade.REQUIRES_IMPROVEMENT)
    assert audit.grade == Grade.REQUIRES_IMPROVEMENT and audit.fca_id == file.fca_id
    entry = TimelineEntry.objects.get(child=file.child, kind=TimelineEntry.Kind.AUDIT)
    assert "national quality audit" in entry.summary
    assert "improvement" not in entry.summary.lower()
    with pytest.raises(ValidationError):
        _record(file.auditor, file)


def test_nobody_else_records_it_nor_the_auditor_once_the_round_closes(nation, drawn):  # noqa: F811
    national.national_files_assign_automatically(by=nation.national, round_=drawn)
    file = NationalAuditFile.objects.select_related("auditor").first()
    for someone in (nation.national, nation.people[nation.north]["service_manager"]):
        with refused_with_nothing_saved():
            _record(someone, file)
    national.national_round_close(by=nation.national, round_=drawn)
    with pytest.raises(PermissionDenied):
        _record(file.auditor, file)
    assert not Audit.objects.exists()


def test_the_audit_page_saves_the_audit(client, nation, drawn):  # noqa: F811
    national.national_files_assign_automatically(by=nation.national, round_=drawn)
    file = NationalAuditFile.objects.select_related("auditor", "child").first()
    client.force_login(file.auditor)
    page = f"/quality/national/files/{file.uuid}/"
    refused = client.post(page, {"notes": ""})
    assert refused.status_code == 200
    assert "Choose the overall grade" in refused.content.decode()
    answers = {
        "grade": "good",
        "audited_on_day": TODAY.day,
        "audited_on_month": TODAY.month,
        "audited_on_year": TODAY.year,
        "notes": "The plan used Ayla's own words.",
        "form_token": "one-token-for-two-clicks-0123456789",
    }
    assert client.post(page, answers).status_code == 302
    assert client.post(page, answers).status_code == 302
    assert Audit.objects.count() == 1
    shown = client.get("/quality/national/assigned/").content.decode()
    assert "Done: Good" in shown


def _audit(area_files, grade, on):
    file = area_files.pop()
    return Audit.objects.create(
        child=file.child,
        proceedings_id=file.proceedings_id,
        auditor=file.auditor,
        fca_id=file.fca_id,
        audited_on=on,
        grade=grade,
    )


def test_the_report_shows_good_or_better_by_region_and_area_with_the_trend(
    nation,  # noqa: F811
    drawn,
    client,
    django_assert_num_queries,
):
    national.national_files_assign_automatically(by=nation.national, round_=drawn)
    north = list(NationalAuditFile.objects.filter(service_area=nation.north))
    period = Period(datetime.date(2026, 1, 1), datetime.date(2026, 6, 30))
    # This half year in the north: 3 of 4 good or better; the half year before: 1 of 2.
    this_half = [
        _audit(north, grade, datetime.date(2026, 3, 1))
        for grade in (Grade.GOOD, Grade.OUTSTANDING, Grade.GOOD, Grade.INADEQUATE)
    ]
    abuse, letters = Theme.objects.get(name="Domestic abuse"), Theme.objects.get(name="Letters")
    for audit in this_half[:3]:
        audit.themes.add(abuse)
    this_half[0].themes.add(letters)
    for grade in (Grade.GOOD, Grade.REQUIRES_IMPROVEMENT):
        _audit(north, grade, datetime.date(2025, 10, 1))
    report = national_quality_report(period)
    assert (report.nation.audits, report.nation.percent, report.nation.trend) == (
        4,
        75,
        "Up 25 points",
    )
    by_name = {r.name: r for r in report.regions}
    north_region = by_name[nation.north.region.name]
    assert north_region.share.percent == 75 and north_region.areas[0].share.percent_before == 50
    assert by_name[nation.south.region.name].share.percent is None
    assert [(t.name, t.audits) for t in report.themes] == [("Domestic abuse", 3), ("Letters", 1)]
    assert report.moderation.graded == 0

    client.force_login(nation.national)
    query = (
        "?starts_on_day=1&starts_on_month=1&starts_on_year=2026"
        "&ends_on_day=30&ends_on_month=6&ends_on_year=2026"
    )
    client.get("/quality/national/report/" + query)
    # session, user, audits, areas, domain grades, rounds, moderations, their grades, themes
    with django_assert_num_queries(9):
        page = client.get("/quality/national/report/" + query)
    assert "75%" in page.content.decode() and "Up 25 points" in page.content.decode()
    assert "No audits were moderated in this period" in page.content.decode()
    assert "Domestic abuse" in page.content.decode()


def _grade(audit, view, requires_improvement=()):
    """Grade every domain of `audit` in `view`: Good, but Requires improvement where asked."""
    DomainGrade.objects.bulk_create(
        DomainGrade(
            audit=audit,
            view=view,
            domain=domain,
            grade=Grade.REQUIRES_IMPROVEMENT if domain in requires_improvement else Grade.GOOD,
            recorded_by=audit.auditor,
        )
        for domain in [*DOMAINS, Domain.OVERALL]
    )


def test_the_report_shows_the_domains_most_often_graded_requires_improvement(
    nation,  # noqa: F811
    drawn,
    client,
):
    national.national_files_assign_automatically(by=nation.national, round_=drawn)
    north = list(NationalAuditFile.objects.filter(service_area=nation.north))
    south = list(NationalAuditFile.objects.filter(service_area=nation.south))
    on = datetime.date(2026, 3, 1)
    # The north: voice twice and risk once of four audits.
    _grade(_audit(north, Grade.REQUIRES_IMPROVEMENT, on), View.AUDITOR, {Domain.VOICE, Domain.RISK})
    _grade(_audit(north, Grade.GOOD, on), View.AUDITOR, {Domain.VOICE})
    _grade(_audit(north, Grade.GOOD, on), View.AUDITOR)
    # A collaborative audit counts its agreed grades, not the auditor's or the FCA's own.
    collaborative = _audit(north, Grade.GOOD, on)
    collaborative.kind = Audit.Kind.COLLABORATIVE
    collaborative.save()
    _grade(collaborative, View.SELF, {Domain.UNIQUENESS})
    _grade(collaborative, View.AUDITOR, {Domain.RECORDING})
    _grade(collaborative, View.AGREED)
    # The south: risk in its one audit; one before the period does not count.
    _grade(_audit(south, Grade.GOOD, on), View.AUDITOR, {Domain.RISK})
    _grade(_audit(south, Grade.GOOD, datetime.date(2025, 10, 1)), View.AUDITOR, {Domain.VOICE})

    report = national_quality_report(Period(datetime.date(2026, 1, 1), datetime.date(2026, 6, 30)))
    assert [
        (d.domain, d.requires_improvement, d.audits, d.percent) for d in report.requires_improvement
    ] == [
        (Domain.VOICE, 2, 5, 40),
        (Domain.RISK, 2, 5, 40),
        (Domain.UNIQUENESS, 0, 5, 0),
        (Domain.REASONING, 0, 5, 0),
        (Domain.RELATIONSHIPS, 0, 5, 0),
        (Domain.RECORDING, 0, 5, 0),
    ]
    by_name = {r.name: r for r in report.regions}
    north_name, south_name = nation.north.region.name, nation.south.region.name
    assert [
        (d.domain, d.requires_improvement, d.audits)
        for d in by_name[north_name].requires_improvement
    ] == [
        (Domain.VOICE, 2, 4),
        (Domain.RISK, 1, 4),
    ]
    assert [(d.domain, d.percent) for d in by_name[south_name].requires_improvement] == [
        (Domain.RISK, 100)
    ]

    client.force_login(nation.national)
    query = (
        "?starts_on_day=1&starts_on_month=1&starts_on_year=2026"
        "&ends_on_day=30&ends_on_month=6&ends_on_year=2026"
    )
    page = client.get("/quality/national/report/" + query).content.decode()
    assert "graded each domain Requires improvement, most first</caption>" in page
    rows = _body_rows(page, "requires-improvement")
    assert rows[:2] == [
        ["Hearing the child and recording their words", "2", "5", "40%"],
        ["Understanding risk and domestic abuse", "2", "5", "40%"],
    ]
    assert rows[-1] == ["Writing the child could read one day", "0", "5", "0%"]
    rows = _body_rows(page, "requires-improvement-by-region")
    assert ["Hearing the child and recording their words", "2", "4", "50%"] in rows
    assert rows.index([south_name]) + 1 == rows.index(
        ["Understanding risk and domestic abuse", "1", "1", "100%"]
    )

    pdf = client.get("/quality/national/report/pdf/" + query)
    reader = pypdf.PdfReader(io.BytesIO(pdf.content))
    assert reader.metadata.title == "National quality report, 1 January 2026 to 30 June 2026"
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert text.count("Domains most often graded Requires improvement") == 1
    assert "Hearing the child and recording their words 2 5 40%" in text
    assert "Understanding risk and domestic abuse 1 1 100%" in text


def _body_rows(page: str, table_id: str) -> list[list[str]]:
    """The text of each cell of each row in the body of the table with `table_id`."""
    table = page.split(f'id="{table_id}"')[1].split("</table>")[0]
    body = table.split("<tbody")[1].split(">", 1)[1]
    return [
        [" ".join(re.sub(r"<[^>]+>", " ", cell).split()) for cell in re.split(r"</t[hd]>", row)][
            :-1
        ]
        for row in body.split("</tr>")[:-1]
    ]


def test_the_report_downloads_as_a_tagged_pdf_and_the_download_is_logged(client, nation):  # noqa: F811
    client.force_login(nation.national)
    response = client.get("/quality/national/report/pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    reader = pypdf.PdfReader(io.BytesIO(response.content))
    assert "/StructTreeRoot" in reader.trailer["/Root"]  # tagged
    assert "National quality report" in reader.pages[0].extract_text()
    # The document's title is the report's name and dates, not a section of the report.
    assert reader.metadata.title.startswith("National quality report, ")
    assert "<" not in reader.metadata.title and "Moderation" not in reader.metadata.title
    text = "".join(page.extract_text() for page in reader.pages)
    assert text.count("No audits were moderated in this period") == 1
    assert AuditEvent.objects.filter(action=Action.DOCUMENT_PRINTED, actor=nation.national).exists()


def test_the_round_page_makes_the_same_queries_however_many_files(
    client,
    nation,  # noqa: F811
    drawn,
    django_assert_num_queries,
):
    national.national_files_assign_automatically(by=nation.national, round_=drawn)
    client.force_login(nation.national)
    client.get(f"/quality/national/{drawn.uuid}/")
    # session, user, round, its files with all they show (and, once audited, their moderations)
    with django_assert_num_queries(4):
        page = client.get(f"/quality/national/{drawn.uuid}/")
    assert page.content.decode().count('data-label="Auditor"') == 20


def test_national_leadership_changes_a_files_auditor_on_its_page(client, nation, drawn):  # noqa: F811
    national.national_files_assign_automatically(by=nation.national, round_=drawn)
    file = NationalAuditFile.objects.filter(service_area=nation.north).first()
    page = f"/quality/national/files/{file.uuid}/auditor/"
    for someone in (file.auditor, nation.people[nation.south]["service_manager"]):
        client.force_login(someone)
        assert client.get(page).status_code == 404
    client.force_login(nation.national)
    shown = client.get(page).content.decode()
    north_manager = nation.people[nation.north]["service_manager"]
    assert north_manager.full_name not in shown  # nobody from the file's own area is offered
    refused = client.post(page, {"auditor": str(north_manager.uuid)})
    assert "Choose an auditor from the list" in refused.content.decode()
    chosen = nation.people[nation.south]["service_manager"]
    assert client.post(page, {"auditor": str(chosen.uuid)}).status_code == 302
    file.refresh_from_db()
    assert file.auditor == chosen
