"""Group supervision as people use it: recording a session, the children discussed with their
mapping, the line on each child's timeline, actions, and the child's file."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.html import escape

from tests.supervision.factories import add_action, discuss, record_session
from together.children.models import TimelineEntry
from together.core.exceptions import EditConflict
from together.core.form_tokens import new_token
from together.supervision import services
from together.supervision.models import Action, Discussion, GroupSession

TODAY = timezone.localdate


def _date(prefix: str, day: datetime.date) -> dict:
    return {f"{prefix}_day": day.day, f"{prefix}_month": day.month, f"{prefix}_year": day.year}


def test_a_supervisor_records_a_session_and_sending_it_twice_makes_one(client, world):
    client.force_login(world.supervisor_team)
    form = {
        "form_token": new_token(),
        "team": str(world.team.uuid),
        **_date("held_on", TODAY()),
        "facilitator": str(world.supervisor_team.uuid),
        "attendees": [str(world.fca_allocated.uuid), str(world.fca_same_team.uuid)],
    }
    first = client.post("/supervision/sessions/new/", form)
    second = client.post("/supervision/sessions/new/", form)
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    session = GroupSession.objects.get()
    # The facilitator counts as there.
    assert set(session.attendees.all()) == {
        world.supervisor_team,
        world.fca_allocated,
        world.fca_same_team,
    }
    page = client.get(first["Location"])
    assert "Group supervision, " in page.text and escape(world.fca_same_team.full_name) in page.text


def test_a_session_without_answers_shows_plain_errors(client, world):
    client.force_login(world.supervisor_team)
    response = client.post("/supervision/sessions/new/", {"team": str(world.team.uuid)})
    assert response.status_code == 200
    assert "There is a problem" in response.text
    assert "Choose who facilitated" in response.text
    assert "Choose who came to the session" in response.text
    assert not GroupSession.objects.exists()


def test_discussing_a_child_maps_their_situation_and_tells_their_timeline(client, world):
    session = record_session(world, attendees=[world.fca_allocated, world.fca_same_team])
    client.force_login(world.supervisor_team)
    page = client.get(f"/supervision/sessions/{session.uuid}/discuss/")
    assert "Mapping the child" in page.text and "Check my writing" in page.text
    response = client.post(
        f"/supervision/sessions/{session.uuid}/discuss/",
        {
            "form_token": new_token(),
            "child": str(world.child.uuid),
            "brought_by": str(world.fca_allocated.uuid),
            "question": "How do we help Jayden talk about home?",
            "worried_about": "Shouting late at night",
            "working_well": "His teacher knows him well",
            "thinking": "Some of us thought his nan could help, others were not sure",
            "how_it_helped": "We found a new way to ask you what you want",
        },
    )
    assert response.status_code == 302
    discussion = Discussion.objects.get()
    assert discussion.is_mapped
    page = client.get(f"/supervision/sessions/{session.uuid}/")
    assert "Shouting late at night" in page.text and "What is working well" in page.text
    entry = TimelineEntry.objects.get(child=world.child, kind=TimelineEntry.Kind.SUPERVISION)
    assert entry.summary.startswith("People who work with you thought together")
    for person in (world.supervisor_team, world.fca_allocated, world.fca_same_team):
        assert person.full_name in entry.summary
    assert "We found a new way to ask you what you want" in entry.summary
    # Never the debate.
    assert "his nan could help" not in entry.summary and "Shouting" not in entry.summary


def test_the_childs_file_says_who_was_there_and_how_it_helped_never_the_debate(client, world):
    discussion = discuss(world, thinking="Some of us doubted the grandmother's account")
    add_action(world, discussion)
    client.force_login(world.fca_allocated)
    page = client.get(f"/children/{world.child.uuid}/supervision/")
    assert page.status_code == 200
    assert escape(world.supervisor_team.full_name) in page.text
    assert "It gave us a new way to ask you what you want" in page.text
    assert "Ask the school about a quiet room" in page.text
    assert "doubted" not in page.text
    assert "Shouting at home" not in page.text  # the mapping stays in supervision
    assert 'aria-current="page"' in page.text and "Thinking together" in page.text
    timeline = client.get(f"/children/{world.child.uuid}/timeline/")
    assert "thought together about how to help you" in timeline.text


def test_the_person_who_brought_the_child_must_have_been_there(world):
    session = record_session(world)
    with pytest.raises(ValidationError) as error:
        discuss(world, session, brought_by=world.fca_same_team)
    assert "brought_by" in error.value.message_dict


def test_a_child_is_discussed_once_a_session(world):
    session = record_session(world)
    discuss(world, session)
    with pytest.raises(ValidationError):
        discuss(world, session)


def test_two_people_changing_a_discussion_never_silently_overwrite(world):
    discussion = discuss(world)
    services.discussion_update(
        by=world.fca_allocated,
        discussion=discussion,
        version=discussion.version,
        need_to_know="What his teacher has seen",
    )
    with pytest.raises(EditConflict):
        services.discussion_update(
            by=world.supervisor_team,
            discussion=discussion,
            version=1,
            need_to_know="Something else",
        )
    discussion.refresh_from_db()
    assert discussion.need_to_know == "What his teacher has seen"


def test_changing_a_discussion_from_an_old_page_says_so(client, world):
    discussion = discuss(world)
    services.discussion_update(
        by=world.fca_allocated, discussion=discussion, version=1, thinking="Changed first"
    )
    client.force_login(world.supervisor_team)
    response = client.post(
        f"/supervision/discussions/{discussion.uuid}/change/",
        {"version": 1, "question": "A new question", "how_it_helped": "It helped"},
    )
    assert response.status_code == 200
    assert "Someone else saved changes" in response.text


def test_check_my_writing_shows_findings_and_saves_nothing(client, world):
    discussion = discuss(world)
    client.force_login(world.supervisor_team)
    response = client.post(
        f"/supervision/discussions/{discussion.uuid}/actions/add/",
        {
            "form_token": new_token(),
            "what": "Facilitate contact with the LA re the s.7",
            "owner": str(world.fca_allocated.uuid),
            **_date("due_on", TODAY()),
            "language-check": "what",
        },
    )
    assert response.status_code == 200
    assert "<mark" in response.text
    assert not Action.objects.exists()


def test_actions_show_in_their_owners_work_and_are_marked_done(client, world):
    overdue = add_action(world, due_on=TODAY() - datetime.timedelta(days=3))
    client.force_login(world.fca_allocated)
    page = client.get("/supervision/actions/")
    assert "Ask the school about a quiet room" in page.text and "Overdue" in page.text
    client.post(f"/supervision/actions/{overdue.uuid}/done/", {"done": "yes"})
    overdue.refresh_from_db()
    assert overdue.done_on == TODAY()
    page = client.get("/supervision/actions/")
    assert "Overdue" not in page.text
    client.force_login(world.fca_same_team)
    assert "Ask the school" not in client.get("/supervision/actions/").text


def test_adding_an_action_from_the_session(client, world):
    discussion = discuss(world)
    client.force_login(world.supervisor_team)
    form = {
        "form_token": new_token(),
        "what": "Meet Jayden at school",
        "owner": str(world.fca_allocated.uuid),
        **_date("due_on", TODAY() + datetime.timedelta(days=14)),
    }
    assert (
        client.post(f"/supervision/discussions/{discussion.uuid}/actions/add/", form).status_code
        == 302
    )
    client.post(f"/supervision/discussions/{discussion.uuid}/actions/add/", form)
    action = Action.objects.get()
    assert action.child == world.child and action.owner == world.fca_allocated


def test_the_session_page_and_the_childs_section_ask_a_fixed_number_of_queries(client, world):
    session = record_session(world)
    discussion = discuss(world, session)
    add_action(world, discussion)
    client.force_login(world.supervisor_team)
    session_url = f"/supervision/sessions/{session.uuid}/"
    child_url = f"/children/{world.child.uuid}/supervision/"
    client.get(session_url)
    client.get(child_url)
    with CaptureQueriesContext(connection) as before_session:
        client.get(session_url)
    with CaptureQueriesContext(connection) as before_child:
        client.get(child_url)
    for _ in range(3):
        add_action(world, discussion)
    more = record_session(world, held_on=TODAY() - datetime.timedelta(days=30))
    discuss(world, more)
    with CaptureQueriesContext(connection) as after_session:
        client.get(session_url)
    with CaptureQueriesContext(connection) as after_child:
        client.get(child_url)
    assert len(after_session) == len(before_session)
    assert len(after_child) == len(before_child)
