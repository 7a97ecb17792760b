"""A service manager sees every child in their area's open proceedings who has not been met since
the proceedings were received, oldest first, with the reason when one was recorded."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.children.factories import ChildFactory, MeetingFactory
from tests.proceedings.factories import ProceedingsChildFactory, ProceedingsFactory
from together.children.models import Meeting

PAGE = "/children-not-seen/"


def _child_in(proceedings, name):
    child = ChildFactory(preferred_name=name, legal_given_names=name)
    ProceedingsChildFactory(proceedings=proceedings, child=child)
    return child


def _at(day):
    return datetime.datetime.combine(day, datetime.time(11), tzinfo=datetime.UTC)


def test_a_manager_sees_children_not_seen_oldest_first_with_the_reason(client, world):
    older = ProceedingsFactory(
        service_area=world.area, received_on=datetime.date(2026, 3, 2), court_number="LS26C00001"
    )
    newer = ProceedingsFactory(
        service_area=world.area, received_on=datetime.date(2026, 9, 1), court_number="LS26C00002"
    )
    poppy = _child_in(older, "Poppy")
    _child_in(newer, "Reuben")
    seen = _child_in(newer, "Sienna")
    MeetingFactory(
        recorded_by=world.fca_allocated, child=seen, occurred_at=_at(datetime.date(2026, 9, 10))
    )
    # Met before these proceedings were received: not seen in them.
    seen_before = _child_in(newer, "Tobias")
    MeetingFactory(
        recorded_by=world.fca_allocated,
        child=seen_before,
        occurred_at=_at(datetime.date(2026, 8, 1)),
    )
    MeetingFactory(
        recorded_by=world.fca_allocated,
        child=poppy,
        occurred_at=_at(datetime.date(2026, 3, 20)),
        outcome=Meeting.Outcome.TRIED,
        method="",
        place="",
        not_met_reason="Nobody answered at the foster home; rebooked for next week.",
    )
    closed = ProceedingsFactory(service_area=world.area, closed_on=datetime.date(2026, 10, 1))
    _child_in(closed, "Ursula")
    elsewhere = ProceedingsFactory(service_area=world.other_area)
    _child_in(elsewhere, "Vanessa")

    client.force_login(world.manager_area)
    page = client.get(PAGE).content.decode()
    names = ["Poppy", "Jayden", "Reuben", "Tobias"]  # world's proceedings: 1 June 2026
    assert all(name in page for name in names)
    assert [page.index(name) for name in names] == sorted(page.index(name) for name in names)
    for hidden in ("Sienna", "Ursula", "Vanessa"):
        assert hidden not in page
    assert "We tried but did not meet" in page and "Nobody answered at the foster home" in page
    assert page.count("No reason recorded") == 3
    assert "4 children not seen" in page


def test_a_meeting_since_the_proceedings_began_takes_the_child_off_the_list(client, world):
    client.force_login(world.manager_area)
    assert "Jayden" in client.get(PAGE).content.decode()
    MeetingFactory(
        recorded_by=world.fca_allocated,
        child=world.child,
        occurred_at=_at(datetime.date(2026, 6, 2)),
    )
    assert "Jayden" not in client.get(PAGE).content.decode()


def test_a_head_of_practice_sees_their_whole_region(client, world):
    client.force_login(world.head_region)
    page = client.get(PAGE).content.decode()
    assert "Jayden" in page and world.area.name in page


def test_the_list_makes_the_same_number_of_queries_however_many_children(client, world):
    client.force_login(world.manager_area)
    client.get(PAGE)

    def count():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(PAGE).status_code == 200
        return len(captured.captured_queries)

    before = count()
    for n in range(5):
        proceedings = ProceedingsFactory(service_area=world.area)
        child = _child_in(proceedings, f"Child{n}")
        MeetingFactory(
            recorded_by=world.fca_allocated,
            child=child,
            occurred_at=_at(datetime.date(2026, 7, 1)),
            outcome=Meeting.Outcome.NOT_YET,
            method="",
            place="",
            not_met_reason="Waiting for the assessment",
        )
    assert count() == before
