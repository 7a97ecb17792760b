"""Solution circles: one problem holder, the problem as they put it, time-boxed rounds of ideas
(a timer that is a plain list of the rounds and their minutes), the first step chosen, and a
follow-up date to say what happened."""

import datetime

import pytest
from django.utils import timezone
from django.utils.html import escape

from tests.conftest import SEES_CHILD
from tests.supervision.access import ADDS_TO_SESSION, SEES_SESSION
from tests.supervision.factories import discuss, record_session, start_circle
from together.core.form_tokens import new_token
from together.supervision.models import CircleIdea, SolutionCircle

TODAY = timezone.localdate


def _date(prefix: str, day: datetime.date) -> dict:
    return {f"{prefix}_day": day.day, f"{prefix}_month": day.month, f"{prefix}_year": day.year}


def test_a_circle_about_a_child_runs_from_problem_to_first_step(client, world):
    discussion = discuss(world)
    session = discussion.session
    client.force_login(world.supervisor_team)
    start = client.get(f"/supervision/sessions/{session.uuid}/circles/new/?about={discussion.uuid}")
    assert start.status_code == 200 and "about Jayden" in start.text
    response = client.post(
        f"/supervision/sessions/{session.uuid}/circles/new/?about={discussion.uuid}",
        {
            "form_token": new_token(),
            "problem_holder": str(world.fca_allocated.uuid),
            "problem": "I cannot find a time Jayden's dad will keep",
            "idea_rounds": "3",
            "minutes_per_round": "5",
        },
    )
    assert response.status_code == 302
    circle = SolutionCircle.objects.get()
    assert circle.discussion == discussion
    page = client.get(response["Location"])
    # The timer without script: the rounds in order with their minutes, and the total.
    assert "25 minutes in all" in page.text
    assert "Ideas, round 3: each person offers an idea" in page.text
    assert page.text.count("<strong>5 minutes</strong>") == 5
    # A countdown of the rounds: what is left of the circle as each round ends.
    assert "Then 20 minutes of the circle are left." in page.text
    assert "Then 5 minutes of the circle are left." in page.text
    assert page.text.count("Then the circle ends.") == 1
    client.post(
        f"/supervision/circles/{circle.uuid}/ideas/add/",
        {
            "form_token": new_token(),
            "round": "2",
            "offered_by": str(world.supervisor_team.uuid),
            "idea": "Meet at the football club on Saturday",
        },
    )
    assert CircleIdea.objects.get().round == 2
    follow_up = TODAY() + datetime.timedelta(days=21)
    client.post(
        f"/supervision/circles/{circle.uuid}/outcome/",
        {
            "version": circle.version,
            "first_step": "Ask Jayden where he would like to meet",
            **_date("follow_up_on", follow_up),
            "what_happened": "",
        },
    )
    circle.refresh_from_db()
    assert circle.first_step == "Ask Jayden where he would like to meet"
    assert circle.follow_up_on == follow_up
    page = client.get(f"/supervision/circles/{circle.uuid}/")
    assert "Meet at the football club on Saturday" in page.text
    session_page = client.get(f"/supervision/sessions/{session.uuid}/")
    assert "Solution circle for " + escape(world.fca_allocated.full_name) in session_page.text


def test_a_follow_up_date_needs_a_first_step(client, world):
    circle = start_circle(world)
    client.force_login(world.fca_allocated)
    response = client.post(
        f"/supervision/circles/{circle.uuid}/outcome/",
        {"version": circle.version, **_date("follow_up_on", TODAY())},
    )
    assert response.status_code == 200
    assert "Enter the first step chosen" in response.text


def test_check_my_writing_on_an_idea_shows_the_circle_again_and_saves_nothing(client, world):
    circle = start_circle(world)
    client.force_login(world.supervisor_team)
    response = client.post(
        f"/supervision/circles/{circle.uuid}/ideas/add/",
        {
            "form_token": new_token(),
            "round": "1",
            "offered_by": str(world.supervisor_team.uuid),
            "idea": "Ask the LA to facilitate contact",
            "language-check": "idea",
        },
    )
    assert response.status_code == 200
    assert "<mark" in response.text and "The rounds and their time" in response.text
    assert not CircleIdea.objects.exists()


def test_the_problem_holder_must_have_been_at_the_session(world):
    from django.core.exceptions import ValidationError

    from together.supervision import services

    session = record_session(world)
    with pytest.raises(ValidationError):
        services.circle_start(
            by=world.supervisor_team,
            session=session,
            problem_holder=world.fca_same_team,
            problem="Too many hearings this month",
        )


@pytest.mark.parametrize("relationship", list(SEES_CHILD))
def test_a_circle_about_a_child_is_seen_with_its_session_by_those_who_may_see_the_child(
    client, world, relationship
):
    circle = start_circle(world)
    client.force_login(world.users[relationship])
    sees = relationship in SEES_SESSION and SEES_CHILD[relationship]
    assert client.get(f"/supervision/circles/{circle.uuid}/").status_code == (200 if sees else 404)
    runs = relationship in ADDS_TO_SESSION
    new = client.get(f"/supervision/sessions/{circle.session.uuid}/circles/new/")
    assert new.status_code == (200 if runs else 404)
    idea = client.post(
        f"/supervision/circles/{circle.uuid}/ideas/add/",
        {"round": "1", "offered_by": str(world.fca_allocated.uuid), "idea": "Try the park"},
    )
    assert idea.status_code == (302 if runs else 404)
    outcome = client.post(
        f"/supervision/circles/{circle.uuid}/outcome/",
        {"version": 1, "first_step": "Ring his dad"},
    )
    assert outcome.status_code == (302 if runs else 404)
