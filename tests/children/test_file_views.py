"""What a practitioner sees and does on a child's file."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.html import escape

from tests.children.factories import ConnectionFactory, FamilyMemberFactory, MeetingFactory
from tests.proceedings.factories import HearingFactory
from together.audit.models import Action, AuditEvent
from together.children.models import Child, ChildConnection, Meeting, TimelineEntry


def about_form(child, **changes):
    data = {
        "preferred_name": child.preferred_name,
        "first_language": "English",
        "date_of_birth_day": "14",
        "date_of_birth_month": "5",
        "date_of_birth_year": "2016",
        "version": child.version,
    }
    data.update(changes)
    return data


def test_about_me_shows_who_recorded_each_detail_and_in_whose_words(client, world):
    client.force_login(world.fca_allocated)
    client.post(
        f"/children/{world.child.uuid}/about/edit/",
        about_form(world.child, enjoys="Drawing dragons with my brother", own_words=["enjoys"]),
    )
    page = client.get(f"/children/{world.child.uuid}/").content.decode()
    assert "Drawing dragons with my brother" in page
    assert "In their own words" in page
    assert f"Recorded by {escape(world.fca_allocated.full_name)}" in page
    assert "Jayden" in page  # the identity bar uses the name they use


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"date_of_birth_year": "2099"}, "Date of birth must be today or in the past"),
        ({"date_of_birth_month": "13"}, "must be a real date"),
        ({"date_of_birth_day": ""}, "must include a day"),
        ({"preferred_name": ""}, "Enter the name they use"),
        ({"enjoys": "x" * 2001}, "What they enjoy must be 2,000 characters or fewer"),
        ({"communication": ["telepathy"]}, "Choose from the options given"),
    ],
)
def test_bad_answers_get_a_plain_message_and_nothing_is_saved(client, world, changes, message):
    client.force_login(world.fca_allocated)
    response = client.post(
        f"/children/{world.child.uuid}/about/edit/", about_form(world.child, **changes)
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page and message in page
    assert Child.objects.get(pk=world.child.pk).version == 1


def test_two_people_editing_at_once_the_second_is_told_who_saved_first(client, world):
    client.force_login(world.supervisor_team)
    client.post(
        f"/children/{world.child.uuid}/about/edit/", about_form(world.child, enjoys="Swimming")
    )
    client.force_login(world.fca_allocated)
    response = client.post(
        f"/children/{world.child.uuid}/about/edit/", about_form(world.child, enjoys="Lego")
    )
    page = response.content.decode()
    assert "Someone else saved changes" in page
    assert f"Saved by {escape(world.supervisor_team.full_name)}" in page  # O'Neill, escaped
    assert "Swimming" in page  # what is saved now
    assert "Lego" in page  # what they typed is kept
    assert Child.objects.get(pk=world.child.pk).enjoys == "Swimming"


def test_adding_a_family_member_with_a_confidential_address(client, world):
    client.force_login(world.fca_allocated)
    response = client.post(
        f"/children/{world.child.uuid}/family/add/",
        {
            "given_name": "Joanne",
            "family_name": "Okafor",
            "kind": "adult",
            "relationship": "grandparent",
            "child_calls_them": "Nanny Jo",
            "address": "4 Quiet Street",
            "address_confidential": "on",
        },
    )
    assert response.status_code == 302
    connection_ = ChildConnection.objects.get(child=world.child)
    assert connection_.child_calls_them == "Nanny Jo"
    page = client.get(f"/children/{world.child.uuid}/family/").content.decode()
    assert "Nanny Jo" in page and "Confidential address" in page
    assert "4 Quiet Street" not in page  # shown only on its own logged page
    client.force_login(world.national)
    page = client.get(f"/children/{world.child.uuid}/family/").content.decode()
    assert "Show the address" not in page and "4 Quiet Street" not in page
    assert TimelineEntry.objects.filter(child=world.child, kind="family").exists()


def test_family_member_needs_a_name_and_a_connection(client, world):
    client.force_login(world.fca_allocated)
    response = client.post(f"/children/{world.child.uuid}/family/add/", {"given_name": ""})
    page = response.content.decode()
    assert "Enter first name" in page
    assert "Choose how they are connected to the child" in page
    assert not ChildConnection.objects.exists()


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
        "why_this_way": "Jayden asked to meet at school after lunch.",
    }
    data.update(changes)
    return data


def test_recording_a_meeting_shows_when_and_how_the_child_was_last_seen(client, world):
    client.force_login(world.fca_allocated)
    before = client.get(f"/children/{world.child.uuid}/").content.decode()
    assert "Not seen yet" in before
    response = client.post(f"/children/{world.child.uuid}/meetings/add/", meeting_form())
    assert response.status_code == 302
    meeting = Meeting.objects.get(child=world.child)
    assert meeting.proceedings == world.proceedings
    page = client.get(f"/children/{world.child.uuid}/meetings/").content.decode()
    assert "I like it when you come to school." in page
    assert "Last seen 3 November" in page and ", in person, " in page
    assert AuditEvent.objects.filter(
        action=Action.MEETING_RECORDED, child_id=world.child.uuid
    ).exists()


def test_a_video_call_is_said_as_a_video_call(client, world):
    client.force_login(world.fca_allocated)
    client.post(
        f"/children/{world.child.uuid}/meetings/add/", meeting_form(method="video", place="")
    )
    page = client.get(f"/children/{world.child.uuid}/").content.decode()
    assert ", by video call, " in page


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"date_year": "2099"}, "The meeting must be in the past"),
        ({"time": "25:99"}, "Enter a time like 15:30"),
        ({"method": ""}, "Say how you met"),
        ({"place": ""}, "Say where you met"),
        ({"child_words": "x" * 5001}, "What they said must be 5,000 characters or fewer"),
    ],
)
def test_bad_meeting_answers_are_refused(client, world, changes, message):
    client.force_login(world.fca_allocated)
    response = client.post(f"/children/{world.child.uuid}/meetings/add/", meeting_form(**changes))
    assert message in response.content.decode()
    assert not Meeting.objects.exists()


def test_timeline_newest_first_and_filtered_by_kind(client, world):
    client.force_login(world.fca_allocated)
    client.post(f"/children/{world.child.uuid}/meetings/add/", meeting_form())
    client.post(f"/children/{world.child.uuid}/about/edit/", about_form(world.child, enjoys="Lego"))
    page = client.get(f"/children/{world.child.uuid}/timeline/").content.decode()
    assert page.index("About me changed") < page.index("Seen in person, at school")
    only_meetings = client.get(
        f"/children/{world.child.uuid}/timeline/?kind=meeting"
    ).content.decode()
    assert "Seen in person, at school" in only_meetings and "About me changed" not in only_meetings


def test_my_children_lists_the_fcas_children_most_urgent_first(client, world, make_user):
    from tests.children.factories import ChildFactory
    from tests.proceedings.factories import ProceedingsChildFactory

    seen_recently = ChildFactory(preferred_name="Amara")
    ProceedingsChildFactory(proceedings=world.proceedings, child=seen_recently)
    MeetingFactory(
        child=seen_recently,
        recorded_by=world.fca_allocated,
        occurred_at=timezone.now() - datetime.timedelta(days=3),
    )
    HearingFactory(
        proceedings=world.proceedings, starts_at=timezone.now() + datetime.timedelta(days=20)
    )
    client.force_login(world.fca_allocated)
    page = client.get("/").content.decode()
    assert "2 children in the proceedings allocated to you" in page
    assert page.index("Jayden") < page.index("Amara")  # never seen comes first
    assert "Not seen yet" in page
    assert "No introductory letter yet" in page  # nobody has had one yet


def _count(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def test_file_pages_make_the_same_number_of_queries_however_much_is_on_the_file(client, world):
    client.force_login(world.fca_allocated)
    pages = [
        f"/children/{world.child.uuid}/{part}"
        for part in ("", "family/", "proceedings/", "meetings/", "timeline/")
    ]
    for page in pages:
        client.get(page)
    before = {page: _count(client, page) for page in pages}
    for n in range(5):
        ConnectionFactory(
            child=world.child, person=FamilyMemberFactory(address_confidential=n % 2 == 0)
        )
        MeetingFactory(child=world.child, recorded_by=world.fca_allocated)
        HearingFactory(proceedings=world.proceedings)
    client.post(f"/children/{world.child.uuid}/about/edit/", about_form(world.child, enjoys="Lego"))
    assert {page: _count(client, page) for page in pages} == before
    # Session and user (2); the child, with whether the viewer has an everyday reason (1); the
    # child's meetings, and the dates of their open proceedings, for the seen status at the top (2);
    # the logged view, one INSERT (1); then what the page itself shows. The family page reads the
    # child's people, then the child's proceedings with their parties (two queries: children reads
    # proceedings only through the child's own relations), and which confidential addresses the
    # viewer may see (one: whether a link to proceedings from another area limits them, ADR 0017),
    # what other apps note against each person (the safeguarding conversations: one), and the
    # other professionals who know the child (one).
    assert list(before.values()) == [7, 12, 8, 7, 7]


def test_my_children_makes_the_same_number_of_queries_however_many_children(client, world):
    from tests.children.factories import ChildFactory
    from tests.proceedings.factories import ProceedingsChildFactory

    client.force_login(world.fca_allocated)
    client.get("/")
    before = _count(client, "/")
    for _ in range(5):
        child = ChildFactory()
        ProceedingsChildFactory(proceedings=world.proceedings, child=child)
        MeetingFactory(child=child, recorded_by=world.fca_allocated)
    assert _count(client, "/") == before == 4  # with plans and letters: see tests/core


def test_the_summary_is_the_same_whichever_way_the_child_was_read(world):
    from together.children import selectors

    MeetingFactory(child=world.child, recorded_by=world.fca_allocated)
    user = world.fca_allocated
    with_access = selectors.child_get_for_user(user=user, child_id=world.child.uuid)
    plain = Child.objects.get(pk=world.child.pk)  # as another app might read it
    carried = selectors.child_file_summary(user=user, child=with_access)
    asked = selectors.child_file_summary(user=user, child=plain)

    def facts(summary):
        last = summary.last_meeting
        return (
            summary.in_open_proceedings,
            summary.seen,
            summary.seen_in_person,
            summary.everyday_access,
            (last.occurred_at, last.method) if last else None,
        )

    assert facts(carried) == facts(asked)
    assert carried.seen_in_person and carried.last_meeting is not None


def test_the_identity_bar_gives_the_name_they_use_family_name_pronouns_birth_and_age(client, world):
    child = world.child
    child.pronouns = "she/her"
    child.date_of_birth = timezone.localdate() - datetime.timedelta(weeks=12)
    child.save()
    client.force_login(world.fca_allocated)
    page = client.get(f"/children/{child.uuid}/").content.decode()
    bar = page[page.index("moj-identity-bar") : page.index("</ul>", page.index("moj-identity-bar"))]
    assert f"{child.preferred_name} {escape(child.legal_family_name)}" in bar
    assert "<li>she/her</li>" in bar
    assert f"Born {child.date_of_birth:%-d %B %Y}" in bar
    assert "12 weeks old" in bar
    assert "years old" not in bar and " ," not in bar
