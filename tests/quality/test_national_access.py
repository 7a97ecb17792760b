"""Who may open each national audit address; and an auditor from another area reads exactly the
files assigned to them, while the round is open, logged as such (not a broken glass)."""

import datetime

import pytest

from tests.quality.access import (
    ANONYMOUS,
    NATIONAL_FILE,
    NATIONAL_POSTS,
    NATIONAL_ROUTES,
)
from tests.quality.national_factories import ROUND_STARTS, nation  # noqa: F401
from together.accounts.models import Role
from together.audit.models import Action, AuditEvent
from together.children.models import BreakGlass
from together.quality import national
from together.quality.national_models import NationalAuditFile, NationalAuditRound

pytestmark = pytest.mark.django_db


@pytest.fixture
def drawn(nation):  # noqa: F811
    """The nation's round of 20 files, drawn and given to auditors."""
    round_ = national.national_round_create(
        by=nation.national,
        title="Autumn national audit",
        focus=NationalAuditRound.Focus.ALL,
        starts_on=ROUND_STARTS,
        ends_on=datetime.date.today() + datetime.timedelta(days=30),
        sample_size=20,
    )
    national.national_sample_draw(by=nation.national, round_=round_)
    national.national_files_assign_automatically(by=nation.national, round_=round_)
    return round_


@pytest.fixture
def a_round(make_user):
    """A round with nothing drawn: enough to ask who may open its pages."""
    return national.national_round_create(
        by=make_user(Role.NATIONAL_PERFORMANCE),
        title="Spring national audit",
        focus=NationalAuditRound.Focus.DOMESTIC_ABUSE,
        starts_on=ROUND_STARTS,
        ends_on=ROUND_STARTS + datetime.timedelta(weeks=6),
        sample_size=20,
    )


def _address(route, round_=None, file=None):
    if round_:
        route = route.replace("<uuid:round_id>", str(round_.uuid))
    if file:
        route = route.replace("<uuid:file_id>", str(file.uuid))
    return route


@pytest.mark.parametrize("role", [ANONYMOUS, *Role.values])
@pytest.mark.parametrize("route", NATIONAL_ROUTES)
def test_pages(client, make_user, a_round, route, role):
    if role != ANONYMOUS:
        client.force_login(make_user(role))
    response = client.get(_address(route, a_round))
    assert response.status_code == NATIONAL_ROUTES[route][role], f"{role} at {route}"
    if response.status_code == 302:
        assert response["Location"].startswith("/sign-in/")


@pytest.mark.parametrize("role", [ANONYMOUS, *Role.values])
@pytest.mark.parametrize("route", NATIONAL_POSTS)
def test_actions_on_a_round_are_for_national_leadership(client, make_user, a_round, route, role):
    if role != ANONYMOUS:
        client.force_login(make_user(role))
    response = client.post(_address(route, a_round))
    if role == ANONYMOUS:
        assert response["Location"].startswith("/sign-in/")
    elif role == Role.NATIONAL_PERFORMANCE:
        assert response.status_code == 302
        assert response["Location"] == f"/quality/national/{a_round.uuid}/"
    else:
        assert response.status_code == 404


def _files_of(auditor):
    return list(NationalAuditFile.objects.filter(auditor=auditor).select_related("child"))


def test_an_auditor_reads_the_files_assigned_and_no_other(client, nation, drawn):  # noqa: F811
    auditor = nation.people[nation.south][Role.PRACTICE_SUPERVISOR]
    mine = _files_of(auditor)
    assert mine, "the south's supervisor audits some of the north's files"
    theirs = NationalAuditFile.objects.exclude(auditor=auditor).filter(service_area=nation.north)[0]
    client.force_login(auditor)

    assert client.get(_address(NATIONAL_FILE, file=mine[0])).status_code == 200
    opened = client.get(f"/children/{mine[0].child.uuid}/")
    assert opened.status_code == 200
    assert "given to you for a national quality audit" in opened.content.decode()
    viewed = AuditEvent.objects.get(action=Action.CHILD_VIEWED, actor=auditor)
    assert viewed.detail == {"section": "about", "access": "temporary"}
    assert not BreakGlass.objects.exists()

    assert client.get(_address(NATIONAL_FILE, file=theirs)).status_code == 404
    assert client.get(f"/children/{theirs.child.uuid}/").status_code == 404
    assert AuditEvent.objects.filter(action=Action.CHILD_VIEW_REFUSED, actor=auditor).exists()


def test_the_file_given_is_read_only(client, nation, drawn):  # noqa: F811
    auditor = nation.people[nation.south][Role.PRACTICE_SUPERVISOR]
    child = _files_of(auditor)[0].child
    client.force_login(auditor)
    assert client.get(f"/children/{child.uuid}/about/edit/").status_code == 404
    assert client.get(f"/children/{child.uuid}/meetings/add/").status_code == 404


def test_access_ends_when_the_round_closes(client, nation, drawn):  # noqa: F811
    auditor = nation.people[nation.south][Role.PRACTICE_SUPERVISOR]
    file = _files_of(auditor)[0]
    national.national_round_close(by=nation.national, round_=drawn)
    client.force_login(auditor)
    assert client.get(f"/children/{file.child.uuid}/").status_code == 404
    assert client.get(_address(NATIONAL_FILE, file=file)).status_code == 404
    assert (
        "No files have been given to you"
        in client.get("/quality/national/assigned/").content.decode()
    )


def test_access_ends_with_the_last_day_of_the_round(client, nation, drawn):  # noqa: F811
    auditor = nation.people[nation.south][Role.PRACTICE_SUPERVISOR]
    file = _files_of(auditor)[0]
    file.access.ends_at = file.access.starts_at
    file.access.save()
    client.force_login(auditor)
    assert client.get(f"/children/{file.child.uuid}/").status_code == 404


def test_a_file_that_does_not_exist_looks_the_same(client, nation, drawn):  # noqa: F811
    client.force_login(nation.people[nation.south][Role.PRACTICE_SUPERVISOR])
    missing = client.get("/quality/national/files/00000000-0000-4000-8000-000000000000/")
    assert missing.status_code == 404
