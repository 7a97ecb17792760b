"""Participation: managers see, per team and FCA, group supervision each month and one-to-one
supervision within the expected interval, over the last twelve months."""

import datetime

import pytest
from django.utils import timezone
from django.utils.html import escape

from tests.accounts.factories import UserFactory
from tests.conftest import SEES_CHILD
from tests.organisation.factories import MembershipFactory
from tests.supervision.access import SEES_PARTICIPATION
from tests.supervision.factories import record_one_to_one, record_session
from together.accounts.models import Role
from together.supervision.participation import last_months

TODAY = timezone.localdate


@pytest.mark.parametrize("relationship", list(SEES_CHILD))
def test_managers_see_participation(client, world, relationship):
    client.force_login(world.users[relationship])
    response = client.get("/supervision/participation/")
    assert response.status_code == (200 if relationship in SEES_PARTICIPATION else 404)


def test_each_fca_with_their_months_and_one_to_ones(client, world):
    record_session(world, attendees=[world.fca_allocated])
    record_one_to_one(world, held_on=TODAY() - datetime.timedelta(days=70))
    client.force_login(world.manager_area)
    page = client.get("/supervision/participation/")
    row = page.text.split(escape(world.fca_allocated.full_name), 1)[1].split("</tr>", 1)[0]
    assert "1 of 12" in row and "Overdue" in row
    other = page.text.split(escape(world.fca_same_team.full_name), 1)[1].split("</tr>", 1)[0]
    assert "0 of 12" in other and "None in 12 months" in other
    # Another area's manager does not see this team.
    client.force_login(world.manager_other_area)
    assert (
        escape(world.fca_allocated.full_name) not in client.get("/supervision/participation/").text
    )


def test_the_last_twelve_months_end_with_this_one():
    months = last_months(datetime.date(2026, 2, 14))
    assert months[0] == datetime.date(2025, 3, 1) and months[-1] == datetime.date(2026, 2, 1)
    assert len(months) == 12


def test_participation_asks_a_fixed_number_of_queries(client, world, django_assert_num_queries):
    client.force_login(world.manager_area)
    client.get("/supervision/participation/")
    # The usual request (session, user), staff, group supervision attended, one-to-ones.
    with django_assert_num_queries(5):
        client.get("/supervision/participation/")
    for _ in range(3):
        fca = UserFactory(role=Role.FCA, service_area=world.area)
        MembershipFactory(user=fca, team=world.team)
    record_session(world, attendees=[world.fca_allocated, world.fca_same_team])
    record_one_to_one(world)
    with django_assert_num_queries(5):
        client.get("/supervision/participation/")
