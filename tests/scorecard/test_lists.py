"""The lists behind the figures: proceedings on duty, FCAs over the ceiling, children not seen;
each paged, each following the child's file rules, each a CSV download logged as an export."""

import datetime

import pytest
from django.core.management import call_command

from together.accounts.models import Role
from together.audit.models import Action, AuditEvent
from together.organisation.models import Region, ServiceArea
from together.scorecard import drill
from together.scorecard.rules import scorecard_place

from .folders import service, write_folder

DAY = {"date_day": "30", "date_month": "6", "date_year": "2026"}


@pytest.fixture
def imported(db, tmp_path):
    call_command("import_service", str(write_folder(tmp_path / "service", service())), verbosity=0)


def test_held_on_duty_links_to_the_proceedings_behind_it(client, make_user, imported):
    client.force_login(make_user(Role.NATIONAL_PERFORMANCE))
    html = client.get("/scorecard/", DAY).content.decode()
    assert 'href="/scorecard/on-duty/?date_day=30&amp;date_month=6&amp;date_year=2026"' in html
    page = client.get("/scorecard/on-duty/", DAY)
    text = page.content.decode()
    assert "Proceedings held on duty" in text
    assert "NE-P5" in text and "Child7 Example" in text and "Wearside" in text
    assert "NE-P1" not in text


def test_a_service_manager_lists_only_their_area(client, make_user, imported):
    wearside = ServiceArea.objects.get(code="NE2")
    client.force_login(make_user(Role.SERVICE_MANAGER, area=wearside))
    assert "NE-P5" in client.get("/scorecard/on-duty/", DAY).content.decode()
    tyneside = ServiceArea.objects.get(code="NE1")
    client.force_login(make_user(Role.SERVICE_MANAGER, area=tyneside))
    assert "NE-P5" not in client.get("/scorecard/on-duty/", DAY).content.decode()
    assert client.get("/scorecard/on-duty/", {**DAY, "place": "area-NE2"}).status_code == 404
    assert client.get("/scorecard/not-seen/", {**DAY, "place": "area-NE2"}).status_code == 404


def test_no_row_names_a_child_the_reader_may_not_see(make_user, imported):
    """The lists ask the child's file rules for every row: an FCA (who may not read the
    scorecard, but the rule is the lists' own) would see none of these children."""
    nation = scorecard_place(make_user(Role.NATIONAL_PERFORMANCE))
    fca = make_user(Role.FCA)
    day = datetime.date(2026, 6, 30)
    assert drill.on_duty(fca, nation, day)[1] == []
    assert drill.not_seen(fca, nation, day)[1] == []
    national = make_user(Role.NATIONAL_PERFORMANCE)
    assert len(drill.on_duty(national, nation, day)[1]) == 1
    assert drill.not_seen(national, nation, day)[0].paginator.count == 28


def test_fcas_over_the_ceiling(client, make_user, imported):
    client.force_login(make_user(Role.HEAD_OF_PRACTICE, region=Region.objects.get(code="NE")))
    text = client.get("/scorecard/over-ceiling/", {**DAY, "stage": "after"}).content.decode()
    assert "FCAs over 25 sets of proceedings after the first hearing" in text
    assert "F5" in text and ">26<" in text
    text = client.get("/scorecard/over-ceiling/", {**DAY, "stage": "before"}).content.decode()
    assert "No Family Court Adviser led more than 40" in text
    assert client.get("/scorecard/over-ceiling/", {**DAY, "stage": "x"}).status_code == 404


def test_children_not_seen_are_paged(client, make_user, imported):
    client.force_login(make_user(Role.NATIONAL_PERFORMANCE))
    first = client.get("/scorecard/not-seen/", DAY).content.decode()
    assert "28 listed. Showing 1 to 25." in first
    assert "Page 1 of 2" in first
    second = client.get("/scorecard/not-seen/", {**DAY, "page": "2"}).content.decode()
    assert "Showing 26 to 28." in second


def test_every_list_is_a_csv_download_logged_as_an_export(client, make_user, imported):
    user = make_user(Role.NATIONAL_PERFORMANCE)
    client.force_login(user)
    response = client.get("/scorecard/on-duty/", {**DAY, "download": "csv"})
    assert response["Content-Disposition"] == 'attachment; filename="on-duty-2026-06-30.csv"'
    assert "NE-P5" in response.content.decode()
    response = client.get("/scorecard/not-seen/", {**DAY, "download": "csv"})
    assert len(response.content.decode().strip().splitlines()) == 1 + 28  # every page
    response = client.get("/scorecard/over-ceiling/", {**DAY, "download": "csv"})
    assert "F5" in response.content.decode()
    response = client.get("/scorecard/", {**DAY, "download": "area"})
    assert "Tyneside" in response.content.decode()
    events = AuditEvent.objects.filter(actor=user, action=Action.SCORECARD_EXPORTED)
    tables = sorted(e.detail["table"] for e in events)
    assert tables == ["area", "not_seen", "on_duty", "over_25"]
    assert all(e.detail["export"] == "scorecard" for e in events)


def test_a_list_page_asks_the_same_number_of_queries_however_long(client, make_user, imported):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(make_user(Role.NATIONAL_PERFORMANCE))
    client.get("/scorecard/not-seen/", DAY)
    with CaptureQueriesContext(connection) as two_pages:
        client.get("/scorecard/not-seen/", DAY)
    with CaptureQueriesContext(connection) as last_page:
        client.get("/scorecard/not-seen/", {**DAY, "page": "2"})
    assert len(two_pages) == len(last_page)
