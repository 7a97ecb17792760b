"""Reports to the court against floors measured in the same run: a final analysis with 20
recommendations as a tagged PDF against a minimal WeasyPrint document (one paragraph, through
pdf_from_html), and as a Word document against a minimal python-docx document (one paragraph).
Also the reports-due page for the demo service manager against the bare-page floor, with its
query count, which must not grow with the number of reports.

Everything the benchmark adds is rolled back at the end.
BENCH_PDFS sets how many documents each figure times (default 20); BENCH_SIZE the demo size."""

import datetime
import io
import os

from common import prepare_database, print_row, summary, time_against_floor
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext

N_DOCS = int(os.environ.get("BENCH_PDFS", "20"))
N_PAGES = int(os.environ.get("BENCH_REQUESTS", "100"))
SIZE = os.environ.get("BENCH_SIZE", "small")
RECOMMENDATIONS = 20

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


def final_analysis():
    """A final analysis with every section written and 20 recommendations, for a child in open
    proceedings led by someone."""
    from together.courtwork.report_models import (
        CourtReport,
        ReportKind,
        ReportRecommendation,
        ReportStatus,
    )
    from together.proceedings.models import ProceedingsChild

    link = (
        ProceedingsChild.objects.filter(
            proceedings__closed_on__isnull=True, proceedings__lead_fca__isnull=False
        )
        .select_related("proceedings", "child")
        .order_by("pk")
        .first()
    )
    paragraph = (
        "The school told me {name} is settled and has friends in class. Since the summer the "
        "arguments at home have been fewer, and {name} sleeps better before visits.\n\n"
    )
    name = link.child.preferred_name
    text = (paragraph * 3).format(name=name).strip()
    today = datetime.date(2026, 11, 1)
    report = CourtReport.objects.create(
        proceedings=link.proceedings,
        child=link.child,
        kind=ReportKind.FINAL_ANALYSIS,
        ordered_on=today - datetime.timedelta(days=60),
        due_on=today + datetime.timedelta(days=14),
        court_asked=f"What final order best meets {name}'s needs?",
        status=ReportStatus.AGREED,
        created_by=link.proceedings.lead_fca,
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
    return CourtReport.objects.select_related("proceedings", "child", "created_by").get(
        pk=report.pk
    )


def main():
    from together.accounts.models import User
    from together.courtwork import report_outputs
    from together.demo.organisation import DEMO_ACCOUNTS
    from together.documents.pdf import pdf_from_html

    prepare_database(SIZE)
    print(f"\nReports to the court ({connection.vendor}, {SIZE} data):")
    try:
        with transaction.atomic():
            report = final_analysis()
            copy = report_outputs.court_copy(report)
            floor, made = time_against_floor(
                lambda: pdf_from_html(MINIMAL), lambda: report_outputs.pdf(copy), N_DOCS, warmup=3
            )
            print_row("floor: minimal WeasyPrint PDF (one paragraph)", summary(floor), None, 0)
            print_row(
                f"final analysis PDF, {RECOMMENDATIONS} recommendations",
                summary(made),
                summary(floor),
                queries(lambda: report_outputs.render(report, "pdf")),
            )
            floor, made = time_against_floor(
                minimal_docx, lambda: report_outputs.docx(copy), N_DOCS, warmup=3
            )
            print_row("floor: minimal python-docx document (one paragraph)", summary(floor), None)
            print_row(
                f"final analysis Word, {RECOMMENDATIONS} recommendations",
                summary(made),
                summary(floor),
                queries(lambda: report_outputs.render(report, "docx")),
            )

            client = Client(HTTP_HOST="127.0.0.1")
            client.force_login(User.objects.get(email=DEMO_ACCOUNTS["service_manager"]))

            def fetch_floor():
                assert client.get("/bench/floor/").status_code == 200

            def reports_due():
                assert client.get("/reports/due/").status_code == 200

            floor, page = time_against_floor(fetch_floor, reports_due, N_PAGES, warmup=5)
            print_row("floor: bare page in the base layout", summary(floor), None)
            print_row(
                "reports due (service manager)", summary(page), summary(floor), queries(reports_due)
            )
            raise _Rollback
    except _Rollback:
        pass


if __name__ == "__main__":
    main()
