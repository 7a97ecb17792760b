"""Appreciative inquiry and the "What works" library: by theme, for the area and nationally,
with the child's details left out."""

import pytest
from django.core.exceptions import ValidationError

from tests.conftest import SEES_CHILD
from tests.storyboards.factories import start_storyboard
from together.core.form_tokens import new_token
from together.supervision import services
from together.supervision.models import Appreciation


def _record(world, **fields):
    answers = {
        "theme": "childs_voice",
        "what_worked": "Drawing with Jayden Lee at school; Jayden's teacher joined in",
        "difference": "Jayden told us he wants to see his dad at weekends",
        "for_whom": ["child", "family"],
        "child": world.child,
        **fields,
    }
    return services.appreciation_record(by=world.fca_allocated, **answers)


def test_an_fca_records_what_worked_with_a_child(client, world):
    client.force_login(world.fca_allocated)
    page = client.get(f"/supervision/what-works/new/?child={world.child.uuid}")
    assert "Record what worked with Jayden" in page.text and "Check my writing" in page.text
    response = client.post(
        f"/supervision/what-works/new/?child={world.child.uuid}",
        {
            "form_token": new_token(),
            "theme": "relationship",
            "what_worked": "Meeting Jayden at the park",
            "difference": "He felt calm and talked",
            "for_whom": ["child"],
        },
    )
    assert response.status_code == 302
    assert Appreciation.objects.get().child == world.child


def test_the_library_leaves_the_childs_details_out(client, world):
    _record(world)
    client.force_login(world.fca_same_team)
    page = client.get("/supervision/what-works/")
    assert "Drawing with the child at school; the child&#x27;s teacher joined in" in page.text
    assert "Jayden" not in page.text.split("<main", 1)[1]


def test_the_library_by_theme_area_and_nation(client, world):
    _record(world)
    _record(world, theme="partners", what_worked="A joint visit with the school nurse")
    client.force_login(world.fca_same_team)
    assert "school nurse" not in client.get("/supervision/what-works/?theme=childs_voice").text
    assert "school nurse" in client.get("/supervision/what-works/?words=nurse").text
    client.force_login(world.fca_other_area)
    assert "school nurse" not in client.get("/supervision/what-works/").text
    assert "school nurse" in client.get("/supervision/what-works/?where=national").text


@pytest.mark.parametrize("relationship", list(SEES_CHILD))
def test_recording_what_worked_with_a_child_follows_the_childs_file(client, world, relationship):
    client.force_login(world.users[relationship])
    response = client.get(f"/supervision/what-works/new/?child={world.child.uuid}")
    may = SEES_CHILD[relationship] and relationship in {
        "fca_allocated",
        "supervisor_team",
        "manager_area",
    }
    assert response.status_code == (200 if may else 404)
    library = client.get("/supervision/what-works/")
    assert library.status_code == (404 if relationship == "sysadmin" else 200)


def test_what_worked_in_a_storyboard_links_to_it_for_those_who_may_see_the_child(client, world):
    storyboard = start_storyboard(world)
    client.force_login(world.fca_allocated)
    board_page = client.get(f"/children/{world.child.uuid}/storyboards/{storyboard.uuid}/").text
    new = f"/supervision/what-works/new/?child={world.child.uuid}&amp;storyboard={storyboard.uuid}"
    assert new in board_page
    address = new.replace("&amp;", "&")
    assert "in the storyboard “Jayden&#x27;s story”" in client.get(address).text
    response = client.post(
        address,
        {
            "form_token": new_token(),
            "theme": "explaining",
            "what_worked": "Reading the story together, one picture at a time",
            "difference": "He asked where he would live and said he felt better",
            "for_whom": ["child"],
        },
    )
    assert response.status_code == 302
    record = Appreciation.objects.get()
    assert record.storyboard == storyboard and record.child == world.child
    link = f"/children/{world.child.uuid}/storyboards/{storyboard.uuid}/"
    # On the child's file, beside the rest of thinking together.
    section = client.get(f"/children/{world.child.uuid}/supervision/").text
    assert "What worked" in section and link in section
    # In the library: a link for those who may see the child; only that it was a storyboard for
    # anyone else.
    assert link in client.get("/supervision/what-works/").text
    client.force_login(world.fca_same_team)
    library = client.get("/supervision/what-works/").text
    assert "A family storyboard" in library and link not in library


def test_a_storyboard_of_another_child_cannot_be_linked(world):
    from tests.children.factories import ChildFactory
    from tests.proceedings.factories import ProceedingsChildFactory

    storyboard = start_storyboard(world)
    brother = ChildFactory(preferred_name="Kai")
    ProceedingsChildFactory(proceedings=world.proceedings, child=brother)
    with pytest.raises(ValidationError) as refused:
        _record(world, child=brother, storyboard=storyboard)
    assert "Choose a storyboard for the child this is about" in str(refused.value)
    assert not Appreciation.objects.exists()


def test_a_storyboard_someone_may_not_see_answers_404(client, world):
    storyboard = start_storyboard(world)
    client.force_login(world.fca_same_team)
    address = f"/supervision/what-works/new/?child={world.child.uuid}&storyboard={storyboard.uuid}"
    assert client.get(address).status_code == 404


def _answers(**fields):
    return {
        "form_token": new_token(),
        "theme": "relationship",
        "what_worked": "Meeting at the park after school, with a football",
        "difference": "He felt calm and talked about his week",
        "for_whom": ["child"],
        **fields,
    }


def test_what_worked_with_a_child_can_be_about_a_meeting_letter_or_plan_on_their_file(
    client, world
):
    from tests.children.factories import MeetingFactory
    from tests.letters.factories import ready_fca, start_letter
    from tests.plans.factories import start_plan

    meeting = MeetingFactory(child=world.child)
    letter = start_letter(world.child, ready_fca(world.fca_allocated))
    plan = start_plan(world)
    client.force_login(world.fca_allocated)
    address = f"/supervision/what-works/new/?child={world.child.uuid}"
    page = client.get(address).text
    assert "What it was about (optional)" in page
    assert "The meeting on 1 October 2026" in page
    assert "The introductory letter to a child" in page
    assert "The plan of work started" in page
    for about in (meeting, letter, plan):
        kind = type(about).__name__.lower()
        response = client.post(address, _answers(about=f"{kind}:{about.uuid}"))
        assert response.status_code == 302
        assert getattr(Appreciation.objects.latest("id"), kind) == about
    # The child's file says what each was about; the library only what kind of thing it was.
    section = client.get(f"/children/{world.child.uuid}/supervision/").text
    assert "The meeting on 1 October 2026" in section
    assert f"/children/{world.child.uuid}/letters/{letter.uuid}/" in section
    assert "The plan of work started" in section
    client.force_login(world.fca_same_team)
    library = client.get("/supervision/what-works/").text
    for words in ("A meeting with the child", "A letter", "A plan of work"):
        assert words in library
    assert str(meeting.uuid) not in library and str(letter.uuid) not in library


def test_choosing_something_not_on_the_childs_file_says_so(client, world):
    from tests.children.factories import MeetingFactory

    MeetingFactory(child=world.child)
    elsewhere = MeetingFactory()
    client.force_login(world.fca_allocated)
    address = f"/supervision/what-works/new/?child={world.child.uuid}"
    page = client.post(address, _answers(about=f"meeting:{elsewhere.uuid}"))
    assert page.status_code == 200
    assert "There is a problem" in page.text and "Choose from the options given" in page.text
    assert not Appreciation.objects.exists()


def test_a_meeting_letter_or_plan_of_another_child_cannot_be_linked(world):
    from tests.children.factories import ChildFactory, MeetingFactory
    from tests.proceedings.factories import ProceedingsChildFactory

    brother = ChildFactory(preferred_name="Kai")
    ProceedingsChildFactory(proceedings=world.proceedings, child=brother)
    meeting = MeetingFactory(child=world.child)
    with pytest.raises(ValidationError) as refused:
        _record(world, child=brother, meeting=meeting)
    assert "Choose a meeting for the child this is about" in str(refused.value)
    with pytest.raises(ValidationError):
        _record(world, meeting=meeting, storyboard=start_storyboard(world))
    assert not Appreciation.objects.exists()
    # Given only the meeting, the record is about the meeting's child.
    assert _record(world, child=None, meeting=meeting).child == world.child


def test_what_worked_in_a_group_supervision_session(client, world):
    from tests.supervision.factories import record_session

    session = record_session(world)
    client.force_login(world.fca_allocated)
    address = f"/supervision/what-works/new/?session={session.uuid}"
    assert address in client.get(f"/supervision/sessions/{session.uuid}/").text
    assert "in group supervision on" in client.get(address).text
    response = client.post(address, _answers(theme="teamwork", for_whom=["colleagues"]))
    assert response.status_code == 302
    assert Appreciation.objects.get().session == session
    assert "A group supervision session" in client.get("/supervision/what-works/").text
    # Someone who may not see the session cannot record against it.
    client.force_login(world.fca_other_area)
    assert client.get(address).status_code == 404
    assert client.post(address, _answers()).status_code == 404
    assert Appreciation.objects.count() == 1
    assert client.get("/supervision/what-works/new/?session=not-a-uuid").status_code == 404


def test_the_service_refuses_a_session_the_person_may_not_see(world):
    from django.core.exceptions import PermissionDenied

    from tests.supervision.factories import record_session

    session = record_session(world)
    with pytest.raises(PermissionDenied):
        services.appreciation_record(
            by=world.fca_other_area,
            theme="teamwork",
            what_worked="Thinking together",
            difference="A first step",
            for_whom=["colleagues"],
            session=session,
        )
    assert not Appreciation.objects.exists()
