"""Every page of the reports to the court, for every relationship to the child: who may read,
write, agree, comment, record outcomes and see the reports due."""

import datetime

import pytest
from django.utils import timezone

from tests.conftest import SEES_CHILD
from tests.courtwork.access import (
    RECORDS_OUTCOMES,
    REPORT_AGREES,
    REPORT_COMMENTS,
    REPORT_WRITES,
    SEES_REPORTS_DUE,
)
from tests.courtwork.report_factories import complete, report_page, start_report
from tests.proceedings.factories import HearingFactory
from together.audit.models import Action, AuditEvent
from together.courtwork import reports as services
from together.courtwork.report_models import ReportStatus

pytestmark = pytest.mark.django_db
RELATIONSHIPS = list(SEES_CHILD)


@pytest.fixture
def report(world):
    return start_report(world)


def _status(allowed: bool) -> int:
    return 200 if allowed else 404


@pytest.mark.parametrize("relationship", RELATIONSHIPS)
def test_reading_the_reports_follows_the_childs_file(client, world, report, relationship):
    user = world.users[relationship]
    sees = SEES_CHILD[relationship]
    client.force_login(user)
    for address in [
        f"/children/{world.child.uuid}/court/reports/",
        report_page(report),
        report_page(report, "section/risks/"),
        report_page(report, "download/docx/"),
    ]:
        assert client.get(address).status_code == _status(sees), address
    viewed = AuditEvent.objects.filter(action=Action.CHILD_VIEWED, actor=user).count()
    assert viewed == (3 if sees else 0)
    printed = AuditEvent.objects.filter(action=Action.DOCUMENT_PRINTED, actor=user).count()
    assert printed == (1 if sees else 0)


@pytest.mark.parametrize("relationship", RELATIONSHIPS)
def test_only_the_writer_opens_the_pages_that_change_a_report(client, world, report, relationship):
    user = world.users[relationship]
    client.force_login(user)
    rec = services.report_recommendation_save(
        by=world.fca_allocated,
        report=report,
        version=report.version,
        recommendation="Live with mum",
        evidence="Calm home",
        differs_from_wishes=False,
    )
    allowed = relationship in REPORT_WRITES
    for address in [
        f"/children/{world.child.uuid}/court/reports/new/",
        report_page(report, "direction/"),
        report_page(report, "recommendations/add/"),
        report_page(report, f"recommendations/{rec.uuid}/"),
        report_page(report, "professionals/"),
        report_page(report, "move/review/"),
    ]:
        assert client.get(address).status_code == _status(allowed), address
    # Posting a section's changes is the writer's too.
    response = client.post(report_page(report, "section/child/"), {"version": 1})
    assert response.status_code != 200 or allowed


@pytest.mark.parametrize("relationship", RELATIONSHIPS)
def test_only_the_teams_supervisor_agrees(client, world, relationship):
    report = complete(start_report(world), world.fca_allocated)
    services.report_state_change(
        by=world.fca_allocated, report=report, to=ReportStatus.READY_FOR_REVIEW
    )
    client.force_login(world.users[relationship])
    allowed = relationship in REPORT_AGREES
    assert client.get(report_page(report, "move/agree/")).status_code == _status(allowed)
    response = client.post(report_page(report, "move/agree/"))
    report.refresh_from_db()
    assert (report.status == ReportStatus.AGREED) == allowed
    assert response.status_code == (302 if allowed else 404)


@pytest.mark.parametrize("relationship", RELATIONSHIPS)
def test_who_may_comment(client, world, report, relationship):
    client.force_login(world.users[relationship])
    response = client.post(report_page(report, "comment/"), {"text": "Looks clear"})
    assert response.status_code == (302 if relationship in REPORT_COMMENTS else 404)
    assert report.comments.count() == (1 if relationship in REPORT_COMMENTS else 0)


@pytest.mark.parametrize("relationship", RELATIONSHIPS)
def test_hearing_outcomes_and_telling_the_child(client, world, relationship):
    hearing = HearingFactory(
        proceedings=world.proceedings, starts_at=timezone.now() - datetime.timedelta(days=1)
    )
    client.force_login(world.users[relationship])
    proceedings = world.proceedings.uuid
    page = client.get(f"/proceedings/{proceedings}/court-work/")
    assert page.status_code == _status(SEES_CHILD[relationship])
    logged = AuditEvent.objects.filter(
        action=Action.PROCEEDINGS_VIEWED, actor=world.users[relationship]
    ).exists()
    assert logged == SEES_CHILD[relationship]
    outcome_page = f"/proceedings/{proceedings}/hearings/{hearing.uuid}/outcome/"
    assert client.get(outcome_page).status_code == _status(relationship in RECORDS_OUTCOMES)
    # The proceedings page links to the outcome form for those who may record it, and only them.
    detail = client.get(f"/proceedings/{proceedings}/")
    if detail.status_code == 200:
        assert (outcome_page in detail.content.decode()) == (relationship in RECORDS_OUTCOMES)
    outcome = services.hearing_outcome_record(
        by=world.fca_allocated, hearing=hearing, token=None, orders_made="No order"
    )
    telling = outcome.tellings.get()
    told_page = f"/children/{world.child.uuid}/court/told/{telling.uuid}/"
    assert client.get(told_page).status_code == _status(relationship in REPORT_WRITES)


@pytest.mark.parametrize("relationship", RELATIONSHIPS)
def test_the_reports_due_page_is_for_managers(client, world, relationship):
    client.force_login(world.users[relationship])
    response = client.get("/reports/due/")
    assert response.status_code == _status(relationship in SEES_REPORTS_DUE)


def test_a_report_that_does_not_exist_and_one_not_seen_answer_alike(client, world, report):
    import uuid

    client.force_login(world.fca_other_area)
    hidden = client.get(report_page(report))
    client.force_login(world.fca_allocated)
    missing = client.get(f"/children/{world.child.uuid}/court/reports/{uuid.uuid4()}/")
    assert hidden.status_code == missing.status_code == 404
