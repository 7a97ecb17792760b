"""A service manager sees the hearings in the next 14 days whose lead FCA is recorded as away."""

import datetime
import zoneinfo

import pytest

from tests.children.factories import ChildFactory
from tests.organisation.factories import TeamFactory
from tests.proceedings.factories import (
    HearingFactory,
    ProceedingsChildFactory,
    ProceedingsFactory,
    allocate,
)
from together.accounts.models import Role
from together.organisation.models import Absence
from together.proceedings.absent import hearings_with_lead_away

pytestmark = pytest.mark.django_db

LONDON = zoneinfo.ZoneInfo("Europe/London")
TODAY = datetime.date(2026, 12, 7)


def at(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=LONDON)


def days(n: int) -> datetime.date:
    return TODAY + datetime.timedelta(days=n)


@pytest.fixture
def area(make_user):
    team = TeamFactory()
    manager = make_user(Role.SERVICE_MANAGER, area=team.service_area)
    return team, manager


def _led(team, fca, *, child_name="Amara"):
    proceedings = ProceedingsFactory(service_area=team.service_area)
    ProceedingsChildFactory(proceedings=proceedings, child=ChildFactory(preferred_name=child_name))
    allocate(proceedings, fca, team)
    return proceedings


def _away(fca, kind, starts, ends):
    return Absence.objects.create(
        user=fca, kind=kind, starts_on=starts, ends_on=ends, recorded_by=fca
    )


def test_only_hearings_on_a_day_the_lead_is_away_are_listed(area, make_user):
    team, manager = area
    fca = make_user(Role.FCA, team=team, given_name="Nadia", family_name="Hussain")
    proceedings = _led(team, fca)
    _away(fca, "annual_leave", days(3), days(5))
    on_leave = HearingFactory(proceedings=proceedings, starts_at=at(days(4)))
    HearingFactory(proceedings=proceedings, starts_at=at(days(6)))  # back by then
    HearingFactory(proceedings=proceedings, starts_at=at(days(2)))  # not yet away
    rows = hearings_with_lead_away(user=manager, today=TODAY)
    assert [row.hearing for row in rows] == [on_leave]
    assert rows[0].lead_name == "Nadia Hussain"
    assert rows[0].away_kind == "Annual leave"
    assert rows[0].away_until == days(5)
    assert rows[0].children[0].startswith("Amara")


def test_the_first_and_last_days_away_count_and_sickness_has_no_end(area, make_user):
    team, manager = area
    fca = make_user(Role.FCA, team=team)
    proceedings = _led(team, fca)
    _away(fca, "training", days(1), days(1))
    first = HearingFactory(proceedings=proceedings, starts_at=at(days(1), 9))
    other = make_user(Role.FCA, team=team)
    second = HearingFactory(proceedings=_led(team, other), starts_at=at(days(14), 15))
    _away(other, "sickness", days(-3), None)
    HearingFactory(proceedings=_led(team, other), starts_at=at(days(15)))  # too far ahead
    rows = hearings_with_lead_away(user=manager, today=TODAY)
    assert [row.hearing for row in rows] == [first, second]
    assert rows[1].away_kind == "Sickness"
    assert rows[1].away_until is None


def test_closed_proceedings_and_other_areas_are_left_out(area, make_user):
    team, manager = area
    fca = make_user(Role.FCA, team=team)
    closed = _led(team, fca)
    closed.closed_on = TODAY
    closed.save()
    HearingFactory(proceedings=closed, starts_at=at(days(2)))
    far_team = TeamFactory()
    far_fca = make_user(Role.FCA, team=far_team)
    HearingFactory(proceedings=_led(far_team, far_fca), starts_at=at(days(2)))
    _away(fca, "annual_leave", TODAY, days(10))
    _away(far_fca, "annual_leave", TODAY, days(10))
    assert hearings_with_lead_away(user=manager, today=TODAY) == []


def test_the_page_shows_the_hearing_and_links_to_the_proceedings_in_fixed_queries(
    client, area, make_user, django_assert_num_queries
):
    team, manager = area
    today = datetime.date.today()
    for n in range(3):
        fca = make_user(Role.FCA, team=team, given_name=f"Adviser{n}")
        proceedings = _led(team, fca, child_name=f"Child{n}")
        HearingFactory(
            proceedings=proceedings,
            starts_at=at(today + datetime.timedelta(days=n + 1)),
            kind="final",
        )
        _away(fca, "annual_leave", today, today + datetime.timedelta(days=7))
    client.force_login(manager)
    client.get("/allocation/hearings-lead-away/")
    with django_assert_num_queries(5):
        page = client.get("/allocation/hearings-lead-away/").content.decode()
    assert page.count("Final hearing") == 3
    assert f'href="/proceedings/{proceedings.uuid}/"' in page
    assert "Adviser2" in page and "Child2" in page


def test_the_manager_home_page_links_to_it(client, area):
    _, manager = area
    client.force_login(manager)
    page = client.get("/").content.decode()
    assert 'href="/allocation/hearings-lead-away/"' in page


def test_someone_who_holds_no_duty_list_gets_404(client, make_user):
    client.force_login(make_user(Role.PRACTICE_SUPERVISOR))
    assert client.get("/allocation/hearings-lead-away/").status_code == 404
