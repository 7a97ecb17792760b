"""One-to-one reflective supervision: the record, the children thought about (each with a line
on their timeline), actions, and wellbeing that only the two and the supervisor's manager read,
never on a child's file."""

import datetime

import pytest
from django.utils import timezone
from django.utils.html import escape

from tests.conftest import SEES_CHILD
from tests.supervision.access import ADDS_TO_ONE_TO_ONE, SEES_ONE_TO_ONE
from tests.supervision.factories import record_one_to_one
from together.children.models import TimelineEntry
from together.core.form_tokens import new_token
from together.supervision import services
from together.supervision.models import OneToOne

TODAY = timezone.localdate
WELLBEING = "worn out after a long hearing"


def _date(prefix: str, day: datetime.date) -> dict:
    return {f"{prefix}_day": day.day, f"{prefix}_month": day.month, f"{prefix}_year": day.year}


def test_a_supervisor_records_one_to_one_supervision(client, world):
    client.force_login(world.supervisor_team)
    page = client.get("/supervision/one-to-one/new/")
    assert escape(world.fca_allocated.full_name) in page.text
    assert escape(world.supervisor_other_team.full_name) not in page.text
    response = client.post(
        "/supervision/one-to-one/new/",
        {
            "form_token": new_token(),
            "supervisee": str(world.fca_allocated.uuid),
            **_date("held_on", TODAY()),
            "discussion": "How the visits are going",
            "wellbeing": "Tired but coping",
        },
    )
    assert response.status_code == 302
    record = OneToOne.objects.get()
    assert record.supervisor == world.supervisor_team
    page = client.get(response["Location"])
    assert "Tired but coping" in page.text


def test_wellbeing_is_never_on_the_childs_file(client, world):
    record = record_one_to_one(world)
    client.force_login(world.supervisor_team)
    response = client.post(
        f"/supervision/one-to-one/{record.uuid}/children/add/",
        {
            "form_token": new_token(),
            "child": str(world.child.uuid),
            "how_it_helped": "We planned a calmer visit for you",
        },
    )
    assert response.status_code == 302
    entry = TimelineEntry.objects.get(child=world.child, kind=TimelineEntry.Kind.SUPERVISION)
    assert "one-to-one supervision" in entry.summary
    assert world.fca_allocated.full_name in entry.summary
    assert WELLBEING not in entry.summary and "Friday" not in entry.summary
    for who in (world.fca_allocated, world.supervisor_team, world.manager_area):
        client.force_login(who)
        section = client.get(f"/children/{world.child.uuid}/supervision/")
        assert "We planned a calmer visit for you" in section.text
        assert WELLBEING not in section.text and "visits are going" not in section.text
        timeline = client.get(f"/children/{world.child.uuid}/timeline/")
        assert WELLBEING not in timeline.text


@pytest.mark.parametrize("relationship", list(SEES_CHILD))
def test_one_to_one_supervision_is_private_to_the_two_and_the_supervisors_manager(
    client, world, relationship
):
    record = record_one_to_one(world)
    client.force_login(world.users[relationship])
    sees = relationship in SEES_ONE_TO_ONE
    page = client.get(f"/supervision/one-to-one/{record.uuid}/")
    assert page.status_code == (200 if sees else 404)
    listed = client.get("/supervision/one-to-one/")
    assert (str(record.uuid) in listed.text) == sees
    adds = relationship in ADDS_TO_ONE_TO_ONE
    for url in (
        f"/supervision/one-to-one/{record.uuid}/children/add/",
        f"/supervision/one-to-one/{record.uuid}/actions/add/",
        "/supervision/one-to-one/new/",
    ):
        assert client.get(url).status_code == (200 if adds else 404), url


def test_an_action_from_one_to_one_shows_in_the_fcas_work(client, world):
    record = record_one_to_one(world)
    services.one_to_one_action_add(
        by=world.supervisor_team,
        one_to_one=record,
        what="Book a day of leave",
        owner=world.fca_allocated,
        due_on=TODAY() + datetime.timedelta(days=3),
    )
    client.force_login(world.fca_allocated)
    assert "Book a day of leave" in client.get("/supervision/actions/").text
