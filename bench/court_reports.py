"""Reports to the court and safeguarding letters, against floors measured in the same run.

1. A final analysis with 20 recommendations and two professionals quoted, as a tagged PDF against
   a minimal WeasyPrint document (one paragraph, through pdf_from_html), and as a Word document
   against a minimal python-docx document (one paragraph).
2. The reports-due page and the safeguarding letters due, for the demo service manager (their
   area) and head of practice (their region), against the bare-page floor, each with its query
   count, measured twice: with a few reports and letters in the area, then with many more. The
   count must be the same both times (the run stops if it is not).

Nothing the benchmark adds outlives it: everything runs inside one transaction that is rolled
back at the end, the reports, letters, professionals, sessions and audit events alike.

    .venv/bin/python bench/court_reports.py                      # SQLite, small demo data
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/together_national BENCH_SIZE=national \\
        .venv/bin/python bench/court_reports.py

BENCH_SIZE=national runs on the national dataset as it is: no migrate and no demo data. That
dataset has no court work, so the run makes what it needs for a sample of children, inside the
transaction; a court-work table the dataset's schema does not have yet (a migration newer than
the dataset) is made inside the same transaction (PostgreSQL rolls back a CREATE TABLE too).
BENCH_PDFS sets how many documents each figure times (default 20), BENCH_REQUESTS how many pages
(default 100; 30 at national size), BENCH_MANY how many reports and letters the second
measurement adds (default 400, more than the longest list either page shows).
"""

import datetime
import io
import os

from common import prepare_database, print_row, summary, time_against_floor
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext

SIZE = os.environ.get("BENCH_SIZE", "small")
NATIONAL = SIZE == "national"
N_DOCS = int(os.environ.get("BENCH_PDFS", "20"))
N_PAGES = int(os.environ.get("BENCH_REQUESTS", "30" if NATIONAL else "100"))
FEW = 10
MANY = int(os.environ.get("BENCH_MANY", "400"))
RECOMMENDATIONS = 20
TODAY = datetime.date(2026, 11, 1)

MINIMAL = (
    '<html lang="en-GB"><head><title>Floor</title></head>'
    "<body><p>One paragraph, the least a PDF can be.</p></body></html>"
)


class _Rollback(Exception):
    pass


def minimal_docx() -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph("One paragraph, the least a Word document can be.")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def queries(call) -> int:
    with CaptureQueriesContext(connection) as captured:
        call()
    return len(captured.captured_queries)


def missing_tables_made() -> list[str]:
    """Make, inside the run's transaction, any court-work table the database does not have yet
    (the national dataset may predate the newest migration). Returns their names."""
    from django.apps import apps

    existing = set(connection.introspection.table_names())
    missing = [
        model
        for model in apps.get_app_config("courtwork").get_models()
        if model._meta.db_table not in existing
    ]
    if missing:
        with connection.schema_editor() as editor:
            for model in missing:
                editor.create_model(model)
    return [model._meta.db_table for model in missing]


def final_analysis(link):
    """A final analysis with every section written, 20 recommendations and two professionals who
    know the child quoted, for the child of `link` (a ProceedingsChild)."""
    from together.children.models import Professional
    from together.courtwork.report_models import (
        CourtReport,
        ReportKind,
        ReportQuote,
        ReportRecommendation,
        ReportStatus,
    )

    paragraph = (
        "The school told me {name} is settled and has friends in class. Since the summer the "
        "arguments at home have been fewer, and {name} sleeps better before visits.\n\n"
    )
    name = link.child.preferred_name
    text = (paragraph * 3).format(name=name).strip()
    writer = link.proceedings.lead_fca
    report = CourtReport.objects.create(
        proceedings=link.proceedings,
        child=link.child,
        kind=ReportKind.FINAL_ANALYSIS,
        ordered_on=TODAY - datetime.timedelta(days=60),
        due_on=TODAY + datetime.timedelta(days=14),
        court_asked=f"What final order best meets {name}'s needs?",
        status=ReportStatus.AGREED,
        created_by=writer,
        harm=text,
        non_recent_harm=text,
        coercive_control=text,
        unique_about_child=text,
        family_strengths=text,
        impact_on_child=text,
        wishes_and_feelings=f"I want to stay with nan. I like my school. ({name})",
        shared_with_child=text,
        child_response="That's fair.",
    )
    ReportRecommendation.objects.bulk_create(
        ReportRecommendation(
            report=report,
            order=n,
            recommendation=f"Recommendation {n}: {name} lives with their grandmother.",
            evidence=text,
            differs_from_wishes=n % 5 == 0,
            why_different="Time with dad needs grandma there to be safe." if n % 5 == 0 else "",
        )
        for n in range(1, RECOMMENDATIONS + 1)
    )
    for order, (role, who, said) in enumerate(
        [
            (Professional.Role.SCHOOL, "Priya Shah", f"{name} is settled in class."),
            (Professional.Role.GP, "Dr Owen Price", f"No worries about {name}'s health."),
        ],
        start=1,
    ):
        professional = Professional.objects.create(
            child=link.child,
            role=role,
            name=who,
            organisation="Hillside",
            consulted_on=TODAY - datetime.timedelta(days=20),
            what_they_said=said,
            recorded_by=writer,
        )
        ReportQuote.objects.create(
            report=report, professional=professional, order=order, words=said
        )
    return CourtReport.objects.select_related("proceedings", "child", "created_by").get(
        pk=report.pk
    )


def reports_for(links, writer_of) -> int:
    """A report not yet filed (some overdue) for each child of `links`; how many were made."""
    from together.courtwork.report_models import CourtReport, ReportKind, ReportStatus

    made = CourtReport.objects.bulk_create(
        CourtReport(
            proceedings_id=proceedings_id,
            child_id=child_id,
            kind=ReportKind.SECTION_7,
            ordered_on=TODAY - datetime.timedelta(days=40),
            due_on=TODAY + datetime.timedelta(days=(n % 30) - 10),
            court_asked="Where should the child live?",
            status=ReportStatus.DRAFT,
            created_by_id=writer_of(lead_fca_id),
        )
        for n, (proceedings_id, child_id, lead_fca_id) in enumerate(links)
    )
    return len(made)


def letters_for(proceedings_ids, writer) -> int:
    """A safeguarding letter for each of `proceedings_ids`: two in three drafts (still due),
    one in three filed (no longer due)."""
    from together.courtwork.models import SafeguardingLetter

    made = SafeguardingLetter.objects.bulk_create(
        SafeguardingLetter(
            proceedings_id=pk,
            enquiries="The police and the local council found nothing of note.",
            status=SafeguardingLetter.Status.FILED
            if n % 3 == 0
            else SafeguardingLetter.Status.DRAFT,
            filed_on=TODAY if n % 3 == 0 else None,
            filed_by=writer if n % 3 == 0 else None,
            started_by=writer,
            updated_by=writer,
        )
        for n, pk in enumerate(proceedings_ids)
    )
    return len(made)


def main():
    from together.accounts.models import Role, User
    from together.courtwork import report_outputs
    from together.demo.organisation import DEMO_ACCOUNTS
    from together.documents.pdf import pdf_from_html
    from together.proceedings.models import Law, Proceedings, ProceedingsChild, Stage

    if not NATIONAL:
        prepare_database(SIZE)
    print(f"\nReports to the court and safeguarding letters ({connection.vendor}, {SIZE} data):")
    try:
        with transaction.atomic():
            made = missing_tables_made()
            if made:
                print(f"  (made for this run only, rolled back: {', '.join(made)})")
            manager = User.objects.get(email=DEMO_ACCOUNTS[Role.SERVICE_MANAGER])
            head = User.objects.get(email=DEMO_ACCOUNTS[Role.HEAD_OF_PRACTICE])
            area = manager.service_area_id
            open_links = ProceedingsChild.objects.filter(
                proceedings__closed_on__isnull=True, proceedings__lead_fca__isnull=False
            )

            # 1. The court's copies.
            link = (
                open_links.filter(proceedings__service_area_id=area)
                .select_related("proceedings__lead_fca", "child")
                .order_by("pk")
                .first()
            )
            report = final_analysis(link)
            copy = report_outputs.court_copy(report)
            floor, made_pdf = time_against_floor(
                lambda: pdf_from_html(MINIMAL), lambda: report_outputs.pdf(copy), N_DOCS, warmup=3
            )
            print_row("floor: minimal WeasyPrint PDF (one paragraph)", summary(floor), None, 0)
            print_row(
                f"final analysis PDF, {RECOMMENDATIONS} recommendations",
                summary(made_pdf),
                summary(floor),
                queries(lambda: report_outputs.render(report, "pdf")),
            )
            floor, made_docx = time_against_floor(
                minimal_docx, lambda: report_outputs.docx(copy), N_DOCS, warmup=3
            )
            print_row("floor: minimal python-docx document (one paragraph)", summary(floor), None)
            print_row(
                f"final analysis Word, {RECOMMENDATIONS} recommendations",
                summary(made_docx),
                summary(floor),
                queries(lambda: report_outputs.render(report, "docx")),
            )

            # 2. The managers' lists, with few and then many reports and letters.
            in_area = open_links.filter(
                proceedings__service_area_id=area,
                proceedings__stage=Stage.AFTER_FIRST_HEARING,
            ).exclude(child_id=link.child_id)
            sample = list(
                in_area.order_by("pk").values_list(
                    "proceedings_id", "child_id", "proceedings__lead_fca_id"
                )[: FEW + MANY]
            )
            letters_due = list(
                Proceedings.objects.filter(
                    service_area_id=area,
                    law=Law.PRIVATE,
                    stage=Stage.BEFORE_FIRST_HEARING,
                    closed_on__isnull=True,
                    first_hearing_on__isnull=False,
                    safeguarding_letter__isnull=True,
                )
                .order_by("pk")
                .values_list("pk", flat=True)[: FEW + MANY]
            )
            print(
                f"  ({len(sample)} children after the first hearing and {len(letters_due)} "
                "proceedings before it sampled in the manager's area)"
            )
            clients = {}
            for who in (manager, head):
                client = Client(HTTP_HOST="127.0.0.1")
                client.force_login(who)
                clients[who.role] = client
            pages = [
                ("reports due", "/reports/due/"),
                ("safeguarding letters due", "/court/safeguarding-letters/"),
            ]
            counts = {}
            for label, reports, letters in [
                ("few", sample[:FEW], letters_due[:FEW]),
                ("many", sample[FEW:], letters_due[FEW:]),
            ]:
                made_reports = reports_for(reports, lambda fca: fca or manager.pk)
                made_letters = letters_for(letters, manager)
                print(f"  with {label}: +{made_reports} reports, +{made_letters} letters")
                for role, client in clients.items():

                    def fetch_floor(client=client):
                        assert client.get("/bench/floor/").status_code == 200

                    for page_label, address in pages:

                        def fetch(client=client, address=address):
                            response = client.get(address)
                            assert response.status_code == 200, (address, response.status_code)

                        floor, page = time_against_floor(fetch_floor, fetch, N_PAGES, warmup=3)
                        n = queries(fetch)
                        counts.setdefault((role, page_label), []).append(n)
                        print_row(
                            f"{page_label} ({Role(role).label.lower()}, {label})",
                            summary(page),
                            summary(floor),
                            n,
                        )
            for (role, page_label), found in counts.items():
                assert len(set(found)) == 1, f"{page_label} for {role}: queries grew: {found}"
            print("  query counts are the same with few and with many: " + ", ".join(
                f"{page_label} ({Role(role).label.lower()}) {found[0]}"
                for (role, page_label), found in counts.items()
            ))  # fmt: skip
            raise _Rollback
    except _Rollback:
        pass


if __name__ == "__main__":
    main()
