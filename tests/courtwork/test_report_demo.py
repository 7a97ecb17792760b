"""The demo shows reports to the court at every stage, some overdue, and hearing outcomes with
children told and not yet told, the demo FCA's among them."""

import pytest
from django.db.models import Count

from tests.demo.test_demo_data import make
from together.courtwork.report_models import ChildTold, CourtReport, ReportQuote, ReportStatus

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


def test_the_demo_has_reports_at_every_stage_and_children_told_and_not_yet_told():
    make()
    stages = dict(CourtReport.objects.values_list("status").annotate(n=Count("pk")))
    assert set(stages) == set(ReportStatus.values)
    today = "2026-11-01"
    overdue = CourtReport.objects.exclude(status=ReportStatus.FILED).filter(due_on__lt=today)
    assert overdue.exists()
    assert CourtReport.objects.filter(written_from__isnull=False).exists()
    assert CourtReport.objects.filter(proceedings__lead_fca__email="fca@example.org").exists()
    assert ChildTold.objects.filter(told_on__isnull=False).exists()
    assert ChildTold.objects.filter(told_on__isnull=True).exists()
    for report in CourtReport.objects.all()[:50]:
        report.full_clean()
    # Reports quote the professionals who know the child, recorded on the child's family page.
    quote = ReportQuote.objects.select_related("report", "professional").first()
    assert quote is not None and quote.professional.child_id == quote.report.child_id
    assert quote.words == quote.professional.what_they_said
    quote.full_clean()
