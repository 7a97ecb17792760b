"""Quality reports read from a replica when one is named: the national quality report (page and
PDF), compliance and themes over time read through the "reporting" alias; the download of the
PDF is still logged on the primary. Here the alias points at the test database as a replica
would (a mirror, on a connection of its own)."""

import pytest
from django.db import connections
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.quality.factories import finished_audit
from together.accounts.models import Role
from together.audit.models import AuditEvent
from together.quality.models import Grade

pytestmark = pytest.mark.django_db(transaction=True, databases=["default", "reporting"])


@pytest.fixture
def replica(settings):
    settings.TOGETHER_REPORTING_DATABASE = "reporting"


def _quality_reads(captured):
    return [q for q in captured if "quality_" in q["sql"] and q["sql"].startswith("SELECT")]


@pytest.mark.parametrize("address", ["/quality/national/report/", "/quality/themes/over-time/"])
def test_the_quality_reports_read_from_the_reporting_database(client, make_user, replica, address):
    client.force_login(make_user(Role.NATIONAL_PERFORMANCE))
    with (
        CaptureQueriesContext(connections["reporting"]) as on_replica,
        CaptureQueriesContext(connections["default"]) as on_primary,
    ):
        page = client.get(address)
    assert page.status_code == 200
    assert _quality_reads(on_replica.captured_queries), "nothing read from the replica"
    assert not _quality_reads(on_primary.captured_queries)


def test_compliance_reads_the_replica_and_counts_the_same(client, world, replica):
    finished_audit(world, grade=Grade.GOOD, audited_on=timezone.localdate())
    client.force_login(world.supervisor_team)
    with CaptureQueriesContext(connections["reporting"]) as on_replica:
        page = client.get("/quality/compliance/")
    assert page.status_code == 200
    assert _quality_reads(on_replica.captured_queries)
    assert page.context["rows"][0].audits + page.context["rows"][1].audits == 1


def test_the_pdf_is_read_from_the_replica_and_its_download_logged_on_the_primary(
    client, make_user, replica
):
    reader = make_user(Role.NATIONAL_PERFORMANCE)
    client.force_login(reader)
    with CaptureQueriesContext(connections["reporting"]) as on_replica:
        response = client.get("/quality/national/report/pdf/")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert _quality_reads(on_replica.captured_queries)
    assert not [q for q in on_replica.captured_queries if q["sql"].startswith("INSERT")]
    assert AuditEvent.objects.using("default").filter(actor=reader).exists()
