"""Staff record their own leave and training; managers record sickness and see their teams'."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tests.organisation.factories import TeamFactory
from together.accounts.models import Role
from together.organisation import selectors
from together.organisation.models import Absence
from together.organisation.services import absence_record

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()


def _dates(prefix: str, day: datetime.date) -> dict:
    return {f"{prefix}_day": day.day, f"{prefix}_month": day.month, f"{prefix}_year": day.year}


@pytest.fixture
def team(db):
    return TeamFactory()


def test_an_fca_records_annual_leave_and_sees_it_on_my_absence(client, make_user, team):
    fca = make_user(Role.FCA, team=team)
    client.force_login(fca)
    start, end = TODAY + datetime.timedelta(days=7), TODAY + datetime.timedelta(days=11)
    response = client.post(
        "/absence/new/",
        {"kind": "annual_leave", **_dates("starts_on", start), **_dates("ends_on", end)},
        follow=True,
    )
    assert "Your time away has been recorded" in response.content.decode()
    page = response.content.decode()
    assert "Annual leave" in page
    assert f"{start:%-d %b %Y} to {end:%-d %b %Y}" in page
    assert Absence.objects.get().recorded_by == fca


def test_a_last_day_before_the_first_is_an_error_and_saves_nothing(client, make_user, team):
    client.force_login(make_user(Role.FCA, team=team))
    response = client.post(
        "/absence/new/",
        {
            "kind": "training",
            **_dates("starts_on", TODAY),
            **_dates("ends_on", TODAY - datetime.timedelta(days=1)),
        },
    )
    assert response.status_code == 200
    assert "The last day away must be the same as or after the first day" in (
        response.content.decode()
    )
    assert "govuk-error-summary" in response.content.decode()
    assert not Absence.objects.exists()


def test_the_same_form_sent_twice_records_one_absence(make_user, team):
    fca = make_user(Role.FCA, team=team)
    for _ in range(2):
        absence_record(by=fca, token="t" * 40, kind="training", starts_on=TODAY, ends_on=TODAY)
    assert Absence.objects.count() == 1


def test_planned_leave_needs_a_last_day(make_user, team):
    fca = make_user(Role.FCA, team=team)
    with pytest.raises(ValidationError):
        absence_record(by=fca, token=None, kind="annual_leave", starts_on=TODAY, ends_on=None)


def test_no_one_records_leave_for_someone_else(make_user, team):
    manager = make_user(Role.SERVICE_MANAGER, area=team.service_area)
    fca = make_user(Role.FCA, team=team)
    with pytest.raises(PermissionDenied):
        absence_record(
            by=manager, person=fca, token=None, kind="annual_leave", starts_on=TODAY, ends_on=TODAY
        )


def test_a_service_manager_records_sickness_for_someone_in_their_area(client, make_user, team):
    manager = make_user(Role.SERVICE_MANAGER, area=team.service_area)
    fca = make_user(Role.FCA, team=team, given_name="Imogen", family_name="Okafor")
    client.force_login(manager)
    form = client.get("/absence/team/sickness/").content.decode()
    assert "Imogen Okafor" in form
    response = client.post(
        "/absence/team/sickness/",
        {"person": str(fca.uuid), **_dates("starts_on", TODAY)},
        follow=True,
    )
    page = response.content.decode()
    assert "Imogen Okafor&#x27;s sickness has been recorded" in page
    assert "until further notice" in page
    absence = Absence.objects.get()
    assert (absence.user, absence.kind, absence.recorded_by) == (fca, "sickness", manager)


def test_someone_in_another_area_is_not_offered_and_is_refused(client, make_user, team):
    manager = make_user(Role.SERVICE_MANAGER, area=team.service_area)
    stranger = make_user(Role.FCA, given_name="Zebedee", family_name="Marsh")
    client.force_login(manager)
    assert "Zebedee" not in client.get("/absence/team/sickness/").content.decode()
    response = client.post(
        "/absence/team/sickness/", {"person": str(stranger.uuid), **_dates("starts_on", TODAY)}
    )
    assert "Choose someone from the list" in response.content.decode()
    with pytest.raises(PermissionDenied):
        absence_record(
            by=manager, person=stranger, token=None, kind="sickness", starts_on=TODAY, ends_on=None
        )
    assert not Absence.objects.exists()


def test_a_practice_supervisor_manages_their_own_team_only(make_user, team):
    supervisor = make_user(Role.PRACTICE_SUPERVISOR, team=team)
    teammate = make_user(Role.FCA, team=team)
    other_team = TeamFactory(service_area=team.service_area)
    elsewhere = make_user(Role.FCA, team=other_team)
    assert selectors.managed_staff(supervisor) == [teammate]
    with pytest.raises(PermissionDenied):
        absence_record(
            by=supervisor,
            person=elsewhere,
            token=None,
            kind="sickness",
            starts_on=TODAY,
            ends_on=None,
        )
    with pytest.raises(PermissionDenied):
        absence_record(by=supervisor, token=None, kind="sickness", starts_on=TODAY, ends_on=None)


def test_someone_who_left_the_team_is_no_longer_managed(make_user, team):
    supervisor = make_user(Role.PRACTICE_SUPERVISOR, team=team)
    leaver = make_user(Role.FCA, team=team)
    leaver.team_memberships.update(ended_on=TODAY)
    assert selectors.managed_staff(supervisor) == []


def test_the_team_absence_list_shows_managed_staff_in_a_fixed_number_of_queries(
    client, make_user, team, django_assert_num_queries
):
    manager = make_user(Role.SERVICE_MANAGER, area=team.service_area)
    outsider = make_user(Role.FCA)
    absence_record(by=outsider, token=None, kind="training", starts_on=TODAY, ends_on=TODAY)
    for n in range(3):
        fca = make_user(Role.FCA, team=team, given_name=f"Person{n}")
        absence_record(
            by=fca,
            token=None,
            kind="annual_leave",
            starts_on=TODAY,
            ends_on=TODAY + datetime.timedelta(days=n),
        )
    old = make_user(Role.FCA, team=team, given_name="Longago")
    absence_record(
        by=old,
        token=None,
        kind="training",
        starts_on=TODAY - datetime.timedelta(days=90),
        ends_on=TODAY - datetime.timedelta(days=89),
    )
    client.force_login(manager)
    client.get("/absence/team/")  # the session and user, read once
    with django_assert_num_queries(3):
        page = client.get("/absence/team/").content.decode()
    assert page.count("Annual leave") == 3
    assert "Longago" not in page
    assert outsider.full_name not in page


def test_a_manager_records_the_return_of_someone_off_sick(client, make_user, team):
    manager = make_user(Role.SERVICE_MANAGER, area=team.service_area)
    fca = make_user(Role.FCA, team=team, given_name="Imogen", family_name="Okafor")
    absence = absence_record(
        by=manager, person=fca, token=None, kind="sickness", starts_on=TODAY, ends_on=None
    )
    client.force_login(manager)
    listed = client.get("/absence/team/").content.decode()
    url = f"/absence/team/{absence.uuid}/back/"
    assert f'href="{url}"' in listed
    too_early = TODAY - datetime.timedelta(days=1)
    response = client.post(url, _dates("ends_on", too_early))
    assert "The last day off sick must be the same as or after the first" in (
        response.content.decode()
    )
    back = TODAY + datetime.timedelta(days=4)
    for _ in range(2):  # a double click records it once, without an error
        response = client.post(url, _dates("ends_on", back), follow=True)
        assert "Imogen Okafor&#x27;s last day off sick is recorded" in response.content.decode()
    absence.refresh_from_db()
    assert absence.ends_on == back
    other_day = back + datetime.timedelta(days=1)
    response = client.post(url, _dates("ends_on", other_day))
    assert "The last day off sick was recorded already" in response.content.decode()


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("manager", 200),
        ("supervisor", 200),
        ("other_supervisor", 404),
        ("other_manager", 404),
        ("the_person", 404),
        ("national", 404),
    ],
)
def test_who_may_open_a_sickness(client, make_user, team, who, status):
    fca = make_user(Role.FCA, team=team)
    manager = make_user(Role.SERVICE_MANAGER, area=team.service_area)
    absence = absence_record(
        by=manager, person=fca, token=None, kind="sickness", starts_on=TODAY, ends_on=None
    )
    people = {
        "manager": manager,
        "supervisor": make_user(Role.PRACTICE_SUPERVISOR, team=team),
        "other_supervisor": make_user(Role.PRACTICE_SUPERVISOR),
        "other_manager": make_user(Role.SERVICE_MANAGER),
        "the_person": fca,
        "national": make_user(Role.NATIONAL_PERFORMANCE),
    }
    client.force_login(people[who])
    assert client.get(f"/absence/team/{absence.uuid}/back/").status_code == status


def test_leave_is_not_ended_through_the_sickness_page(client, make_user, team):
    manager = make_user(Role.SERVICE_MANAGER, area=team.service_area)
    fca = make_user(Role.FCA, team=team)
    leave = absence_record(by=fca, token=None, kind="training", starts_on=TODAY, ends_on=TODAY)
    client.force_login(manager)
    assert client.get(f"/absence/team/{leave.uuid}/back/").status_code == 404
