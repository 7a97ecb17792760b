"""Seeing the child: recording a meeting (asked the right questions for how it happened),
recording that the service did not meet the child and why, changing a record with its history
kept, and one seen status on every page."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from tests.children.factories import MeetingFactory
from together.audit.models import Action, AuditEvent
from together.children import services
from together.children.models import Meeting, TimelineEntry
from together.children.seen import seen_status


def meeting_form(**changes):
    data = {
        "date_day": "3",
        "date_month": "11",
        "date_year": "2026",
        "time": "15:30",
        "method": "in_person",
        "place": "school",
        "others_present": "Ms Patel, teacher",
        "child_words": "I like it when you come to school.",
        "observations": "",
        "why_this_way": "Jayden asked to meet at school after lunch.",
    }
    data.update(changes)
    return {name: value for name, value in data.items() if value is not None}


def not_met_form(**changes):
    data = {
        "outcome": "tried",
        "date_day": "2",
        "date_month": "12",
        "date_year": "2026",
        "not_met_reason": "Mum cancelled the home visit: Jayden had chickenpox.",
    }
    data.update(changes)
    return data


def _file(client, child, part=""):
    return client.get(f"/children/{child.uuid}/{part}").content.decode()


# --- Not meeting the child, and why ------------------------------------------------------------


@pytest.mark.parametrize(
    ("outcome", "shown"),
    [("tried", "We tried but did not meet"), ("not_yet", "We decided not to meet yet")],
)
def test_not_meeting_a_child_is_recorded_with_the_reason(client, world, outcome, shown):
    client.force_login(world.fca_allocated)
    response = client.post(
        f"/children/{world.child.uuid}/meetings/not-met/", not_met_form(outcome=outcome)
    )
    assert response.status_code == 302
    record = Meeting.objects.get(child=world.child)
    assert record.outcome == outcome and record.proceedings == world.proceedings
    assert record.not_met_reason == "Mum cancelled the home visit: Jayden had chickenpox."
    page = _file(client, world.child, "meetings/")
    assert shown.lower() in page and "Jayden had chickenpox" in page
    # Not meeting is not being seen: every page still says so.
    assert "Not seen yet" in page
    assert "Not seen yet" in client.get("/").content.decode()
    assert TimelineEntry.objects.filter(child=world.child, summary=shown).exists()
    assert AuditEvent.objects.filter(
        action=Action.MEETING_RECORDED, child_id=world.child.uuid, detail__outcome=outcome
    ).exists()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"not_met_reason": "   "}, "Say why you did not meet"),
        ({"outcome": ""}, "Say whether you tried to meet or decided not to meet yet"),
        ({"date_year": "2099"}, "The date must be today or in the past"),
    ],
)
def test_a_record_of_not_meeting_needs_the_reason_and_a_date(client, world, changes, message):
    client.force_login(world.fca_allocated)
    response = client.post(
        f"/children/{world.child.uuid}/meetings/not-met/", not_met_form(**changes)
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Meeting.objects.exists()


def test_the_service_refuses_a_record_of_not_meeting_without_a_reason(world):
    with pytest.raises(ValidationError) as refused:
        services.meeting_record(
            by=world.fca_allocated,
            child=world.child,
            token=None,
            outcome=Meeting.Outcome.NOT_YET,
            occurred_at=timezone.now(),
            not_met_reason="",
        )
    assert "Say why you did not meet" in str(refused.value)
    assert not Meeting.objects.exists()


def test_a_record_of_not_meeting_is_not_offered_as_where_wishes_came_from(world):
    from together.plans.selectors import child_meetings

    met = MeetingFactory(child=world.child, recorded_by=world.fca_allocated)
    MeetingFactory(
        child=world.child,
        recorded_by=world.fca_allocated,
        outcome=Meeting.Outcome.TRIED,
        method="",
        place="",
        not_met_reason="No one was home",
    )
    assert child_meetings(world.child) == [met]


# --- The meeting form ---------------------------------------------------------------------------


def test_where_is_asked_only_under_in_person(client, world):
    client.force_login(world.fca_allocated)
    page = _file(client, world.child, "meetings/add/")
    in_person = re.search(r'<input[^>]*value="in_person"[^>]*>', page).group(0)
    assert 'data-aria-controls="id_method-conditional"' in in_person
    # Revealed under "In person", before the next way of meeting.
    reveal = page[page.index('id="id_method-conditional"') : page.index('value="video"')]
    assert "Where did you meet?" in reveal and "More about where" in reveal
    # The other ways of meeting reveal nothing.
    phone = re.search(r'<input[^>]*value="phone"[^>]*>', page).group(0)
    assert "data-aria-controls" not in phone


def test_a_phone_call_is_never_somewhere(client, world):
    client.force_login(world.fca_allocated)
    response = client.post(
        f"/children/{world.child.uuid}/meetings/add/",
        meeting_form(method="phone", place="school", place_detail="Oak Primary"),
    )
    assert response.status_code == 302
    meeting = Meeting.objects.get()
    assert (meeting.method, meeting.place, meeting.place_detail) == ("phone", "remote", "")
    page = _file(client, world.child, "meetings/")
    assert "phone call, at school" not in page and "Oak Primary" not in page
    assert TimelineEntry.objects.filter(summary="Seen by phone call").exists()


def test_a_baby_is_recorded_by_what_you_saw_and_heard(client, world):
    client.force_login(world.fca_allocated)
    seen = "Smiled at her foster carer and settled quickly when picked up."
    response = client.post(
        f"/children/{world.child.uuid}/meetings/add/",
        meeting_form(child_words="", observations=seen, place="home"),
    )
    assert response.status_code == 302
    assert Meeting.objects.get().observations == seen
    page = _file(client, world.child, "meetings/")
    assert "What you saw and heard" in page and seen in page


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {"child_words": "", "observations": ""},
            "Enter what they said in their own words, or what you saw and heard",
        ),
        ({"why_this_way": ""}, "Say why you met this way and at this time"),
        ({"method": "in_person", "place": ""}, "Say where you met"),
    ],
)
def test_the_child_or_what_you_saw_and_the_reason_are_required(client, world, changes, message):
    client.force_login(world.fca_allocated)
    response = client.post(f"/children/{world.child.uuid}/meetings/add/", meeting_form(**changes))
    assert response.status_code == 200
    page = response.content.decode()
    assert message in page and "govuk-error-summary" in page
    assert not Meeting.objects.exists()


def _boxes_in_error(page) -> list[str]:
    inputs = re.findall(r'<input class="govuk-input govuk-date-input__input[^"]*"[^>]*>', page)
    return [
        re.search(r'name="date_(\w+)"', box).group(1)
        for box in inputs
        if "govuk-input--error" in box
    ]


@pytest.mark.parametrize(
    ("changes", "red"),
    [
        ({"date_day": ""}, ["day"]),
        ({"date_month": "", "date_year": ""}, ["month", "year"]),
        ({"date_year": "26"}, ["year"]),
        ({"date_year": "2099"}, ["day", "month", "year"]),
        ({"date_day": "", "date_month": "", "date_year": ""}, ["day", "month", "year"]),
        ({}, []),
    ],
)
def test_the_date_boxes_the_error_is_about_turn_red(client, world, changes, red):
    client.force_login(world.fca_allocated)
    data = meeting_form(**changes)
    if not red:
        data["why_this_way"] = ""  # an error elsewhere on the page: no date box is red
    response = client.post(f"/children/{world.child.uuid}/meetings/add/", data)
    page = response.content.decode()
    assert _boxes_in_error(page) == red
    if red:
        # The error summary links to the first box in error.
        assert f'href="#id_date_{["day", "month", "year"].index(red[0])}"' in page


# --- Changing a record, with its history kept ---------------------------------------------------


def _record(world, **fields):
    defaults = {
        "occurred_at": datetime.datetime(2026, 11, 3, 15, 30, tzinfo=datetime.UTC),
        "method": "in_person",
        "place": "school",
        "child_words": "I like it when you come to school.",
        "why_this_way": "Jayden asked to meet at school.",
    }
    return services.meeting_record(
        by=world.fca_allocated, child=world.child, token=None, **{**defaults, **fields}
    )


def change_form(meeting, **changes):
    data = meeting_form(
        date_day="3",
        date_month="11",
        date_year="2026",
        time="15:30",
        child_words=meeting.child_words,
        others_present=meeting.others_present,
        why_this_way=meeting.why_this_way,
        version=str(meeting.version),
    )
    data.update(changes)
    return data


def test_a_meeting_can_be_changed_and_every_earlier_version_is_kept(client, world):
    meeting = _record(world)
    client.force_login(world.supervisor_team)
    url = f"/children/{world.child.uuid}/meetings/{meeting.uuid}/change/"
    form = client.get(url).content.decode()
    assert "I like it when you come to school." in form and 'name="version" value="1"' in form
    response = client.post(url, change_form(meeting, child_words="I like it at school."))
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.child_words == "I like it at school." and meeting.version == 2
    assert meeting.changed_by == world.supervisor_team
    versions = list(meeting.history.order_by("history_date"))
    assert [v.child_words for v in versions] == [
        "I like it when you come to school.",
        "I like it at school.",
    ]
    assert [v.history_user for v in versions] == [world.fca_allocated, world.supervisor_team]
    page = client.get(url).content.decode()
    assert "Earlier versions" in page and "I like it when you come to school." in page
    listed = _file(client, world.child, "meetings/")
    assert "Changed by" in listed and "earlier versions are kept" in listed
    changed = AuditEvent.objects.get(action=Action.CHILD_UPDATED, child_id=world.child.uuid)
    assert changed.detail["fields"] == ["child_words"]


def test_a_meeting_recorded_before_history_was_kept_keeps_its_first_version(world):
    first = MeetingFactory(
        child=world.child,
        recorded_by=world.fca_allocated,
        child_words="Said first.",
        why_this_way="After school.",
    )
    first.history.all().delete()  # as a record made before, or the demo's bulk rows, have none
    services.meeting_update(
        by=world.supervisor_team, meeting=first, version=1, child_words="Said later."
    )
    versions = list(first.history.order_by("history_date"))
    assert [v.child_words for v in versions] == ["Said first.", "Said later."]
    assert versions[0].history_user == world.fca_allocated
    assert versions[0].history_date == first.recorded_at


def test_two_people_changing_a_meeting_never_overwrite_each_other(client, world):
    meeting = _record(world)
    url = f"/children/{world.child.uuid}/meetings/{meeting.uuid}/change/"
    client.force_login(world.supervisor_team)
    client.post(url, change_form(meeting, child_words="First change."))
    client.force_login(world.fca_allocated)
    response = client.post(url, change_form(meeting, child_words="Second change, from old page."))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Someone else changed this record while you were editing" in page
    assert "First change." in page  # what is saved now is shown
    assert "Second change, from old page." in page  # and what they typed is kept
    meeting.refresh_from_db()
    assert meeting.child_words == "First change." and meeting.version == 2


def test_a_record_of_not_meeting_can_be_changed(client, world):
    record = _record(
        world,
        outcome=Meeting.Outcome.NOT_YET,
        method="",
        place="",
        child_words="",
        why_this_way="",
        not_met_reason="Waiting for the hearing.",
    )
    client.force_login(world.fca_allocated)
    url = f"/children/{world.child.uuid}/meetings/{record.uuid}/change/"
    response = client.post(
        url,
        {
            "date_day": "3",
            "date_month": "11",
            "date_year": "2026",
            "not_met_reason": "Jayden's therapist asked us to wait until after the hearing.",
            "version": "1",
        },
    )
    assert response.status_code == 302
    record.refresh_from_db()
    assert record.outcome == Meeting.Outcome.NOT_YET and "therapist" in record.not_met_reason


def test_a_meeting_of_another_child_cannot_be_changed_through_this_childs_file(client, world):
    other = MeetingFactory(recorded_by=world.fca_allocated)
    client.force_login(world.fca_allocated)
    url = f"/children/{world.child.uuid}/meetings/{other.uuid}/change/"
    assert client.get(url).status_code == 404


# --- One seen status everywhere ------------------------------------------------------------------


def test_the_file_and_my_children_give_the_same_seen_status(client, world):
    eight_weeks = timezone.now() - datetime.timedelta(weeks=8, hours=1)
    MeetingFactory(
        child=world.child,
        occurred_at=eight_weeks,
        method=Meeting.Method.PHONE,
        place=Meeting.Place.REMOTE,
        recorded_by=world.fca_allocated,
    )
    status = seen_status(last_seen=eight_weeks, method="phone")
    assert status.text.endswith(", by phone, 8 weeks ago") and status.overdue
    client.force_login(world.fca_allocated)
    file_page = _file(client, world.child)
    home = client.get("/").content.decode()
    assert status.text in file_page and status.text in home
    # Overdue: a warning on the file, a red tag on My children; never "seen" in green.
    assert re.search(r"govuk-warning-text__text.*?" + re.escape(status.text), file_page, re.S)
    assert f'govuk-tag--red">{status.text}' in home
    assert "govuk-tag--green" not in file_page


def test_a_child_seen_recently_is_not_shown_as_overdue(client, world):
    MeetingFactory(
        child=world.child,
        occurred_at=timezone.now() - datetime.timedelta(days=3),
        recorded_by=world.fca_allocated,
    )
    client.force_login(world.fca_allocated)
    file_page = _file(client, world.child)
    assert ", in person, 3 days ago" in file_page
    assert "govuk-warning-text__text" not in file_page.split("together-file-status")[1][:300]


@pytest.mark.parametrize(
    ("ago", "method", "expected"),
    [
        (datetime.timedelta(hours=1), "in_person", "in person, today"),
        (datetime.timedelta(days=1), "video", "by video call, yesterday"),
        (datetime.timedelta(days=9), "phone", "by phone, 9 days ago"),
        (datetime.timedelta(days=20), "phone", "by phone, 2 weeks ago"),
    ],
)
def test_the_status_says_when_and_how_as_people_say_it(ago, method, expected):
    now = datetime.datetime(2026, 12, 5, 12, 0, tzinfo=datetime.UTC)
    status = seen_status(last_seen=now - ago, method=method, now=now)
    assert status.text.endswith(expected)
    assert not status.overdue


def test_the_status_gives_the_year_only_when_it_is_not_this_year():
    now = datetime.datetime(2026, 1, 10, 12, 0, tzinfo=datetime.UTC)
    last = datetime.datetime(2025, 10, 8, 12, 0, tzinfo=datetime.UTC)
    status = seen_status(last_seen=last, method="phone", now=now)
    assert status.text == "Last seen 8 October 2025, by phone, 13 weeks ago"
    assert status.overdue and status.needs == "Not seen for 13 weeks"
    this_year = seen_status(last_seen=last, method="phone", now=last + datetime.timedelta(days=7))
    assert this_year.text == "Last seen 8 October, by phone, 7 days ago"


def test_not_yet_seen_is_overdue_ten_days_after_allocation():
    now = datetime.datetime(2026, 12, 5, 12, 0, tzinfo=datetime.UTC)
    fresh = seen_status(last_seen=None, method=None, now=now, waiting_since=now)
    late = seen_status(
        last_seen=None, method=None, now=now, waiting_since=now - datetime.timedelta(days=12)
    )
    assert (fresh.text, fresh.overdue) == ("Not seen yet", False)
    assert (late.text, late.overdue) == ("Not seen yet, 12 days after allocation", True)
    closed = seen_status(last_seen=None, method=None, now=now, in_open_proceedings=False)
    assert (closed.text, closed.overdue) == ("No meeting recorded", False)
