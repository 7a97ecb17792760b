"""Every safeguarding page, for every relationship to the child in `world`: 200 or 404."""

import uuid

import pytest
from django.utils import timezone

from tests.conftest import SEES_CHILD
from tests.courtwork.access import COURT_PAGE, ENQUIRY_PAGES, LETTER_PAGES, SEES_RESULTS
from tests.courtwork.factories import answer_check, ask_check
from together.audit.models import Action, AuditEvent
from together.courtwork import enquiries


def url(route, world, check=None):
    return (
        route.replace("<uuid:child_id>", str(world.child.uuid))
        .replace("<uuid:proceedings_id>", str(world.proceedings.uuid))
        .replace("<uuid:check_id>", str(check.uuid if check else uuid.uuid4()))
    )


@pytest.fixture
def check(court_world):
    return ask_check(court_world)


@pytest.fixture
def letter(court_world, check):
    return enquiries.safeguarding_letter_start(
        by=court_world.fca_allocated, proceedings=court_world.proceedings
    )


@pytest.mark.parametrize(("relationship", "sees"), SEES_CHILD.items())
def test_the_court_section_follows_the_childs_file(client, court_world, relationship, sees):
    user = court_world.users[relationship]
    client.force_login(user)
    response = client.get(url(COURT_PAGE, court_world))
    assert response.status_code == (200 if sees else 404)
    viewed = AuditEvent.objects.filter(action=Action.CHILD_VIEWED, actor=user)
    assert viewed.count() == (1 if sees else 0)


@pytest.mark.parametrize("route", ENQUIRY_PAGES)
@pytest.mark.parametrize("relationship", SEES_CHILD)
def test_only_the_allocated_fca_and_their_managers_make_enquiries(
    client, court_world, letter, check, route, relationship
):
    client.force_login(court_world.users[relationship])
    response = client.get(url(route, court_world, check))
    assert response.status_code == (200 if relationship in SEES_RESULTS else 404)


@pytest.mark.parametrize("route", LETTER_PAGES)
@pytest.mark.parametrize("relationship", SEES_CHILD)
def test_a_draft_letter_is_read_only_by_those_who_see_the_check_results(
    client, court_world, letter, route, relationship
):
    client.force_login(court_world.users[relationship])
    response = client.get(url(route, court_world))
    assert response.status_code == (200 if relationship in SEES_RESULTS else 404)


@pytest.mark.parametrize("route", LETTER_PAGES)
@pytest.mark.parametrize(("relationship", "sees"), SEES_CHILD.items())
def test_a_filed_letter_is_read_by_whoever_sees_the_childs_file(
    client, court_world, letter, route, relationship, sees
):
    fca = court_world.fca_allocated
    letter = enquiries.safeguarding_letter_update(
        by=fca,
        letter=letter,
        version=letter.version,
        enquiries="The police hold no record of the family.",
        analysis="Both parents agree Jayden is safe with each of them.",
        recommendation="Jayden should keep seeing both parents as now.",
    )
    enquiries.safeguarding_letter_mark_filed(
        by=fca, letter=letter, version=letter.version, filed_on=timezone.localdate()
    )
    client.force_login(court_world.users[relationship])
    response = client.get(url(route, court_world))
    assert response.status_code == (200 if sees else 404)


@pytest.mark.parametrize("route", [COURT_PAGE, *ENQUIRY_PAGES, *LETTER_PAGES])
def test_someone_not_signed_in_is_asked_to_sign_in(client, court_world, letter, check, route):
    response = client.get(url(route, court_world, check))
    assert response.status_code == 302 and response["Location"].startswith("/sign-in/")


def test_a_check_that_does_not_exist_looks_the_same_as_one_you_may_not_see(
    client, court_world, check
):
    answer_check(check, court_world.fca_allocated)
    client.force_login(court_world.fca_same_team)
    hidden = client.get(url(ENQUIRY_PAGES[1], court_world, check))
    client.force_login(court_world.fca_allocated)
    missing = client.get(url(ENQUIRY_PAGES[1], court_world))
    assert hidden.status_code == missing.status_code == 404
