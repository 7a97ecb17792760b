"""The file's domestic abuse marker: set from the safeguarding enquiries or the plan, with who
and why, and shown where allocation and letters to parents are decided."""

import pytest
from django.core.exceptions import ValidationError

from tests.conftest import SEES_CHILD
from tests.courtwork.access import DOMESTIC_ABUSE_PAGE, MARKS
from tests.proceedings.factories import ProceedingsChildFactory, ProceedingsFactory
from together.children import services
from together.children.models import TimelineEntry

REASON = "The mother told us of coercive control during the relationship, up to 2025."


def mark(world, by=None, marked=True, source="enquiries"):
    return services.child_domestic_abuse_mark(
        by=by or world.fca_allocated,
        child=world.child,
        version=world.child.version,
        marked=marked,
        source=source,
        reason=REASON,
    )


@pytest.mark.parametrize("relationship", SEES_CHILD)
def test_those_who_change_the_file_set_the_marker(client, court_world, relationship):
    client.force_login(court_world.users[relationship])
    response = client.get(
        DOMESTIC_ABUSE_PAGE.replace("<uuid:child_id>", str(court_world.child.uuid))
    )
    assert response.status_code == (200 if relationship in MARKS else 404)


def test_marking_through_the_page_keeps_who_from_what_and_why(client, court_world):
    client.force_login(court_world.fca_allocated)
    url = DOMESTIC_ABUSE_PAGE.replace("<uuid:child_id>", str(court_world.child.uuid))
    response = client.post(
        url,
        {
            "version": court_world.child.version,
            "marked": "yes",
            "source": "enquiries",
            "reason": REASON,
        },
    )
    assert response.status_code == 302
    child = court_world.child
    child.refresh_from_db()
    assert child.domestic_abuse and child.domestic_abuse_set_by == court_world.fca_allocated
    assert child.domestic_abuse_reason == REASON
    page = client.get(f"/children/{child.uuid}/court/").content.decode()
    assert "Marked on the file from the safeguarding enquiries" in page and REASON in page
    assert TimelineEntry.objects.filter(
        child=child, summary__startswith="Domestic abuse marked on the file"
    ).exists()


def test_the_marker_needs_a_reason(court_world):
    with pytest.raises(ValidationError):
        services.child_domestic_abuse_mark(
            by=court_world.fca_allocated,
            child=court_world.child,
            version=court_world.child.version,
            marked=True,
            source="plan",
            reason=" ",
        )


def test_taking_the_marker_off_keeps_the_earlier_setting_in_the_history(court_world):
    child = mark(court_world)
    court_world.child = child
    child = mark(court_world, marked=False, source="plan")
    assert not child.domestic_abuse
    assert [h.domestic_abuse for h in child.history.all()[:2]] == [False, True]


def test_the_duty_list_and_allocation_pages_show_the_marker(client, world):
    waiting = ProceedingsFactory(service_area=world.area)
    ProceedingsChildFactory(proceedings=waiting, child=world.child)
    mark(world)
    client.force_login(world.manager_area)
    duty = client.get("/allocation/").content.decode()
    assert "Domestic abuse on a child&#x27;s file" in duty
    response = client.get(f"/allocation/{waiting.uuid}/allocate/")
    assert response.status_code == 200
    allocate = response.content.decode()
    assert "Marked on Jayden's file" in allocate


def test_writing_a_letter_warns_of_the_marker(client, world):
    client.force_login(world.fca_allocated)
    url = f"/children/{world.child.uuid}/letters/new/"
    assert "Domestic abuse is marked" not in client.get(url).content.decode()
    mark(world)
    assert "Domestic abuse is marked" in client.get(url).content.decode()
