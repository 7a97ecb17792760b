"""The pressure part of the scorecard, on its own page: what a leader reads."""

import datetime

import pytest

from tests.scorecard.test_pressure import D, service  # noqa: F401 (a fixture)
from together.accounts.models import Role

pytestmark = pytest.mark.django_db


def _at(day: datetime.date) -> str:
    return f"/scorecard/pressure/?date_day={day.day}&date_month={day.month}&date_year={day.year}"


def test_national_leadership_reads_the_pressure_at_a_date(client, make_user, service):  # noqa: F811
    client.force_login(make_user(Role.NATIONAL_PERFORMANCE))
    page = client.get(_at(D)).content.decode()
    assert "Pressure on 30 June 2026" in page
    assert "Up 50% on last year (2)" in page
    assert "Saturation 45% (threshold 40%)" in page
    assert "Consider prioritisation" in page
    assert "Priya Lamb, Area A: 13" in page
    assert "23.7" in page  # public law: 166 days is 23.7 weeks


def test_a_service_manager_reads_their_own_area_only(client, make_user, service):  # noqa: F811
    area_a, area_b = service
    client.force_login(make_user(Role.SERVICE_MANAGER, area=area_b))
    page = client.get(_at(D)).content.decode()
    assert "All of Area B" in page
    assert "Area A" not in page


def test_the_page_takes_a_fixed_number_of_queries(
    client,
    make_user,
    service,  # noqa: F811
    django_assert_num_queries,
):
    client.force_login(make_user(Role.NATIONAL_PERFORMANCE))
    client.get(_at(D))
    with django_assert_num_queries(11):
        client.get(_at(D))
