"""Reports read from a replica when one is named (REPORTING_DATABASE_URL): the scorecard and the
exports read through the "reporting" alias, writes still go to the primary. Here the alias
points at the test database as a replica would (a mirror, on a connection of its own)."""

import pytest
from django.core.management import call_command
from django.db import connections
from django.test.utils import CaptureQueriesContext

from tests.scorecard.folders import service, write_folder
from tests.scorecard.test_page import figure, on
from together.accounts.models import Role
from together.audit.models import AuditEvent

pytestmark = pytest.mark.django_db(transaction=True, databases=["default", "reporting"])


@pytest.fixture
def replica(settings, tmp_path):
    call_command("import_service", str(write_folder(tmp_path / "service", service())), verbosity=0)
    settings.TOGETHER_REPORTING_DATABASE = "reporting"


def test_the_scorecard_reads_its_figures_from_the_reporting_database(client, make_user, replica):
    client.force_login(make_user(Role.NATIONAL_PERFORMANCE))
    with (
        CaptureQueriesContext(connections["reporting"]) as on_replica,
        CaptureQueriesContext(connections["default"]) as on_primary,
    ):
        page = on(client, "30", "6", "2026")
    assert page.status_code == 200
    assert figure(page, "open_proceedings") == "30"  # the same figures, from the replica
    scorecard_reads = [q for q in on_replica.captured_queries if "proceedings" in q["sql"]]
    assert scorecard_reads, "the scorecard read nothing from the reporting database"
    assert not [q for q in on_primary.captured_queries if "proceedings_allocation" in q["sql"]]


def test_an_export_reads_from_the_replica_and_logs_on_the_primary(client, make_user, replica):
    manager = make_user(Role.NATIONAL_PERFORMANCE)
    client.force_login(manager)
    with CaptureQueriesContext(connections["reporting"]) as on_replica:
        response = client.get("/feedback/download/")
    assert response.status_code == 200
    assert on_replica.captured_queries
    assert not [q for q in on_replica.captured_queries if q["sql"].startswith("INSERT")]
    assert AuditEvent.objects.using("default").filter(actor=manager).exists()


def test_without_a_replica_reports_read_the_primary(settings):
    from together.core.reporting import ReportingRouter, reporting_reads

    settings.TOGETHER_REPORTING_DATABASE = "default"
    router = ReportingRouter()
    with reporting_reads():
        assert router.db_for_read(None) == "default"
    settings.TOGETHER_REPORTING_DATABASE = "reporting"
    with reporting_reads():
        assert router.db_for_read(None) == "reporting"
        assert router.db_for_write(None) == "default"
    assert router.db_for_read(None) is None  # outside a report: the primary, as always
    assert not router.allow_migrate("reporting", "children")
