"""The scorecard page: the board's figures at a chosen day, for the places the reader leads."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape, strip_tags

from together.accounts.models import Role
from together.organisation.models import Region, ServiceArea

from .folders import service, write_folder


@pytest.fixture
def imported(db, tmp_path):
    call_command("import_service", str(write_folder(tmp_path / "service", service())), verbosity=0)


def figure(page, key: str) -> str:
    """The figure in the row of `key` in the page's main table."""
    html = page.content.decode()
    row = html[html.index(f'id="figure-{key}"') :]
    cell = row[row.index("govuk-table__cell") :]
    text = strip_tags(cell[cell.index(">") + 1 : cell.index("</td>")])
    return text.replace(" (see the list)", "")


def on(client, day, month, year):
    return client.get("/scorecard/", {"date_day": day, "date_month": month, "date_year": year})


def test_national_leadership_reads_the_nation_and_each_area_on_a_chosen_day(
    client, make_user, imported
):
    client.force_login(make_user(Role.NATIONAL_PERFORMANCE))
    page = on(client, "30", "6", "2026")
    assert page.status_code == 200
    assert "National on 30 June 2026" in page.content.decode()
    assert figure(page, "open_proceedings") == "30"
    assert figure(page, "held_on_duty") == "1"
    assert figure(page, "children_seen_share") == "12.5%"
    # Built on 2 FCAs, and on 1 set of proceedings: too few to show.
    assert figure(page, "caseload_post_first_hearing_avg") == "fewer than 5"
    assert figure(page, "days_to_allocation_avg_last_90_days") == "fewer than 5"
    html = page.content.decode()
    assert "By service area on 30 June 2026" in html
    assert "Tyneside" in html and "Wearside" in html


def test_a_day_with_nothing_to_count_says_so(client, make_user, imported):
    client.force_login(make_user(Role.NATIONAL_PERFORMANCE))
    page = on(client, "1", "1", "2023")
    assert figure(page, "open_proceedings") == "0"
    assert figure(page, "audits_good_or_better_share_last_12_months") == "No figure"


def test_a_service_manager_reads_only_their_area(client, make_user, imported):
    wearside = ServiceArea.objects.get(code="NE2")
    client.force_login(make_user(Role.SERVICE_MANAGER, area=wearside))
    page = on(client, "30", "6", "2026")
    assert "Wearside on 30 June 2026" in page.content.decode()
    assert figure(page, "open_proceedings") == "28"
    assert "By service area" not in page.content.decode()


def test_a_head_of_practice_reads_their_region(client, make_user, imported):
    client.force_login(make_user(Role.HEAD_OF_PRACTICE, region=Region.objects.get(code="NE")))
    page = on(client, "31", "3", "2026")
    assert "North East on 31 March 2026" in page.content.decode()
    assert figure(page, "open_children") == "31"


def test_a_head_of_practice_elsewhere_sees_none_of_this_region(client, make_user, imported):
    client.force_login(make_user(Role.HEAD_OF_PRACTICE))
    page = on(client, "30", "6", "2026")
    assert figure(page, "open_proceedings") == "0"
    assert "Tyneside" not in page.content.decode()


@pytest.mark.parametrize(
    ("day", "month", "year", "message"),
    [
        ("31", "2", "2026", "The date must be a real date, like 27 3 2019"),
        ("1", "1", "2099", "The date must be today or in the past"),
        ("1", "", "2026", "The date must include a month"),
    ],
)
def test_a_wrong_date_is_explained_and_today_is_shown(
    client, make_user, imported, day, month, year, message
):
    client.force_login(make_user(Role.NATIONAL_PERFORMANCE))
    page = on(client, day, month, year)
    assert page.status_code == 200
    html = page.content.decode()
    assert "There is a problem" in html
    assert escape(message) in html


def test_the_page_asks_as_many_queries_for_nineteen_areas_as_for_two(client, make_user, imported):
    from tests.organisation.factories import ServiceAreaFactory

    client.force_login(make_user(Role.NATIONAL_PERFORMANCE))
    on(client, "30", "6", "2026")  # the first request after signing in also saves the session
    with CaptureQueriesContext(connection) as two:
        on(client, "30", "6", "2026")
    for _ in range(17):
        ServiceAreaFactory()
    with CaptureQueriesContext(connection) as nineteen:
        page = on(client, "30", "6", "2026")
    assert page.content.decode().count('<th scope="row" class="govuk-table__header">') >= 16 + 19
    assert len(nineteen) == len(two)


def test_the_scorecard_shows_the_pressure_on_the_places_it_is_for(client, make_user, imported):
    client.force_login(make_user(Role.NATIONAL_PERFORMANCE))
    html = on(client, "30", "6", "2026").content.decode()
    assert 'id="pressure"' in html and "Pressure on 30 June 2026" in html
    assert "Demand, throughput, saturation and duty" in html
    wearside = ServiceArea.objects.get(name="Wearside")
    client.force_login(make_user(Role.SERVICE_MANAGER, area=wearside))
    html = on(client, "30", "6", "2026").content.decode()
    assert "All of Wearside" in html
