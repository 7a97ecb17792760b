"""The scorecard's "children seen" follows the meetings as they are recorded and changed in the
service: each child's first meeting in their proceedings is kept on their link to them
(ProceedingsChild.first_met_at, ADR 0027), by every writer of meetings."""

import datetime
import zoneinfo

import pytest

from together.children import services
from together.children.models import Meeting
from together.proceedings.models import ProceedingsChild
from together.scorecard.selectors import scorecard_figures

LONDON = zoneinfo.ZoneInfo("Europe/London")
MET_ON = datetime.date(2026, 11, 3)


def _at(day: datetime.date, hour: int = 15) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour, 30), tzinfo=LONDON)


def _seen(world, day: datetime.date) -> tuple:
    figures = scorecard_figures(day, area=world.area)
    return figures["children_seen_share"], figures["children_seen_in_person_share"]


def _record(world, **fields) -> Meeting:
    defaults = {
        "proceedings": world.proceedings,
        "occurred_at": _at(MET_ON),
        "method": Meeting.Method.IN_PERSON,
        "place": Meeting.Place.SCHOOL,
        "child_words": "I like it when you come to school.",
        "why_this_way": "Jayden asked to meet at school.",
    }
    return services.meeting_record(
        by=world.fca_allocated, child=world.child, token=None, **{**defaults, **fields}
    )


def test_a_child_counts_as_seen_from_the_day_of_their_first_meeting(world):
    day_before = MET_ON - datetime.timedelta(days=1)
    assert _seen(world, MET_ON) == (0.0, 0.0)
    _record(world)
    assert _seen(world, day_before) == (0.0, 0.0)
    assert _seen(world, MET_ON) == (1.0, 1.0)
    link = ProceedingsChild.objects.get(child=world.child, proceedings=world.proceedings)
    assert link.first_met_at == link.first_met_in_person_at == _at(MET_ON)


def test_a_later_meeting_leaves_the_first_one_where_it_was(world):
    _record(world)
    _record(world, occurred_at=_at(MET_ON + datetime.timedelta(days=7)))
    assert _seen(world, MET_ON) == (1.0, 1.0)


def test_a_video_call_is_seen_but_not_in_person(world):
    _record(world, method=Meeting.Method.VIDEO, place=Meeting.Place.REMOTE)
    assert _seen(world, MET_ON) == (1.0, 0.0)


def test_a_record_of_not_meeting_the_child_is_not_seen(world):
    _record(
        world,
        outcome=Meeting.Outcome.TRIED,
        method="",
        place="",
        child_words="",
        why_this_way="",
        not_met_reason="The family were not at home.",
    )
    assert _seen(world, MET_ON) == (0.0, 0.0)


def test_moving_the_meeting_to_a_later_date_moves_when_the_child_was_first_seen(world):
    meeting = _record(world)
    later = MET_ON + datetime.timedelta(days=10)
    services.meeting_update(
        by=world.fca_allocated, meeting=meeting, version=1, occurred_at=_at(later)
    )
    assert _seen(world, MET_ON) == (0.0, 0.0)
    assert _seen(world, later) == (1.0, 1.0)


def test_correcting_in_person_to_a_phone_call_is_no_longer_seen_in_person(world):
    meeting = _record(world)
    services.meeting_update(
        by=world.fca_allocated,
        meeting=meeting,
        version=1,
        method=Meeting.Method.PHONE,
        place=Meeting.Place.REMOTE,
    )
    assert _seen(world, MET_ON) == (1.0, 0.0)


def test_a_meeting_in_other_proceedings_does_not_count_in_these(world):
    from tests.proceedings.factories import ProceedingsChildFactory, ProceedingsFactory

    earlier = ProceedingsFactory(
        service_area=world.other_area,
        received_on=datetime.date(2025, 1, 6),
        closed_on=datetime.date(2025, 9, 1),
    )
    ProceedingsChildFactory(proceedings=earlier, child=world.child)
    _record(world, proceedings=earlier, occurred_at=_at(datetime.date(2025, 2, 3)))
    assert _seen(world, MET_ON) == (0.0, 0.0)
    link = ProceedingsChild.objects.get(child=world.child, proceedings=earlier)
    assert link.first_met_at == _at(datetime.date(2025, 2, 3))


@pytest.mark.parametrize("kept_with", ["factory", "function"])
def test_the_kept_first_meeting_is_the_earliest_met_of_the_pair(world, kept_with):
    from tests.children.factories import MeetingFactory

    days = [datetime.date(2026, 9, 20), datetime.date(2026, 8, 2), datetime.date(2026, 10, 1)]
    for day, method in zip(days, ["in_person", "phone", "in_person"], strict=True):
        MeetingFactory(
            child=world.child, proceedings=world.proceedings, occurred_at=_at(day), method=method
        )
    links = ProceedingsChild.objects.filter(child=world.child)
    if kept_with == "function":
        links.update(first_met_at=None, first_met_in_person_at=None)
        assert services.first_meetings_keep(links) == 1
    link = links.get()
    assert link.first_met_at == _at(datetime.date(2026, 8, 2))
    assert link.first_met_in_person_at == _at(datetime.date(2026, 9, 20))
