"""Opening the file of a child one does not usually work with, by giving a reason ("breaking the
glass"), and the list of those openings that managers see."""

import re
import uuid

import pytest
from django.utils import dateformat, timezone
from django.utils.html import escape

from tests.children.access_search import SEARCH_ACCESS
from tests.conftest import SEES_CHILD
from together.audit.models import Action, AuditEvent
from together.children.models import BreakGlass
from together.children.services import break_glass_open

REASON = "On duty today: the mother phoned about a change to time with her son."


def page_of(child) -> str:
    return f"/children/{child.uuid}/break-glass/"


def test_the_question_warns_and_shows_no_more_than_the_search_did(client, world):
    client.force_login(world.fca_other_area)
    response = client.get(page_of(world.child))
    page = response.content.decode()
    assert response.status_code == 200
    assert "govuk-warning-text" in page
    assert "This is the file of a child you do not usually work with" in page
    assert "Your reason will be recorded" in page
    assert "will see who opened the file, when and why" in page
    assert "Why do you need to open this file?" in page
    initial = world.child.legal_family_name[0]
    assert f"Jayden {initial}., born 14 May 2016" in page
    assert escape(world.child.legal_family_name) not in page
    assert world.proceedings.court_number not in page
    assert not BreakGlass.objects.exists()


def test_a_good_reason_opens_the_file_and_is_recorded(client, world):
    client.force_login(world.fca_other_area)
    response = client.post(page_of(world.child), {"reason": f"  {REASON}  "})
    assert response.status_code == 302
    assert response["Location"] == f"/children/{world.child.uuid}/"
    grant = BreakGlass.objects.get()
    assert (grant.user, grant.child, grant.reason) == (world.fca_other_area, world.child, REASON)
    event = AuditEvent.objects.get(action=Action.BREAK_GLASS)
    assert event.actor == world.fca_other_area
    assert event.child_id == world.child.uuid
    assert event.reason == REASON


def test_the_file_then_opens(client, world):
    client.force_login(world.fca_other_area)
    assert client.get(f"/children/{world.child.uuid}/").status_code == 404
    client.post(page_of(world.child), {"reason": REASON})
    assert client.get(f"/children/{world.child.uuid}/").status_code == 200


@pytest.mark.parametrize(
    ("reason", "message"),
    [
        ("", "Enter why you need to open this file"),
        ("    ", "Enter why you need to open this file"),
        ("  because  ", "Your reason must be at least 10 characters"),
        ("x" * 1001, "Your reason must be 1,000 characters or fewer"),
    ],
)
def test_no_reason_or_a_short_one_gets_an_error_summary_and_nothing_is_saved(
    client, world, reason, message
):
    client.force_login(world.fca_other_area)
    response = client.post(page_of(world.child), {"reason": reason})
    page = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: Give a reason to open this file" in page
    summary = re.search(r'<div class="govuk-error-summary".*?</ul>', page, re.S).group(0)
    assert message in summary
    assert 'href="#id_reason"' in summary
    assert not BreakGlass.objects.exists()
    assert not AuditEvent.objects.filter(action=Action.BREAK_GLASS).exists()


def test_someone_who_works_with_the_child_goes_straight_to_the_file(client, world):
    client.force_login(world.fca_allocated)
    for response in (client.get(page_of(world.child)), client.post(page_of(world.child), {})):
        assert response.status_code == 302
        assert response["Location"] == f"/children/{world.child.uuid}/"
    assert not BreakGlass.objects.exists()


def test_while_a_reason_lasts_there_is_no_need_to_give_another(client, world):
    break_glass_open(by=world.fca_other_area, child=world.child, reason=REASON)
    client.force_login(world.fca_other_area)
    response = client.get(page_of(world.child))
    assert response["Location"] == f"/children/{world.child.uuid}/"
    assert BreakGlass.objects.count() == 1


def test_system_administrators_may_not_ask(client, world):
    client.force_login(world.sysadmin)
    assert client.get(page_of(world.child)).status_code == 404
    assert client.post(page_of(world.child), {"reason": REASON}).status_code == 404
    assert not BreakGlass.objects.exists()


def test_a_child_that_does_not_exist(client, world):
    client.force_login(world.fca_other_area)
    assert client.get(f"/children/{uuid.uuid4()}/break-glass/").status_code == 404


def test_the_question_page_makes_a_fixed_number_of_queries(
    client, world, django_assert_num_queries
):
    client.force_login(world.fca_other_area)
    client.get(page_of(world.child))
    # session, user, the child, whether they may see the file already
    with django_assert_num_queries(4):
        client.get(page_of(world.child))


# The list for managers


def opened_by_outsider(world):
    break_glass_open(by=world.fca_other_area, child=world.child, reason=REASON)


@pytest.mark.parametrize("relationship", SEES_CHILD)
def test_who_sees_the_list(client, world, relationship):
    opened_by_outsider(world)
    client.force_login(world.users[relationship])
    response = client.get("/children/opened-without-everyday-reason/")
    expected = SEARCH_ACCESS["/children/opened-without-everyday-reason/"][relationship]
    assert response.status_code == expected
    if expected == 200:
        page = response.content.decode()
        # Managers see the openings for the children they are responsible for, and only those.
        listed = escape(REASON) in page
        assert listed is SEES_CHILD[relationship], relationship


def test_the_list_says_who_opened_which_file_when_and_why(client, world):
    opened_by_outsider(world)
    client.force_login(world.manager_area)
    page = client.get("/children/opened-without-everyday-reason/").content.decode()
    assert "Files opened without an everyday reason" in page
    assert f'href="/children/{world.child.uuid}/">Jayden</a>' in page
    assert escape(world.fca_other_area.full_name) in page
    assert "Family Court Adviser" in page
    assert escape(REASON) in page
    opened = timezone.localtime(BreakGlass.objects.get().opened_at)
    assert dateformat.format(opened, "j F Y, H:i") in page  # shown in UK time


def test_an_empty_list_says_so(client, world):
    client.force_login(world.manager_area)
    page = client.get("/children/opened-without-everyday-reason/").content.decode()
    assert "No one has opened the file of a child you are responsible for" in page


@pytest.mark.parametrize("openings", [1, 6])
def test_the_list_makes_a_fixed_number_of_queries(
    client, world, django_assert_num_queries, openings
):
    for _ in range(openings):
        opened_by_outsider(world)
    client.force_login(world.manager_area)
    client.get("/children/opened-without-everyday-reason/")
    # session, user, the openings with who opened them and the child
    with django_assert_num_queries(3):
        client.get("/children/opened-without-everyday-reason/")


# Who may open the question page (rows in tests/children/access_search.py)


@pytest.mark.parametrize("relationship", SEES_CHILD)
def test_who_may_ask_to_open_the_file(client, world, relationship):
    client.force_login(world.users[relationship])
    response = client.get(page_of(world.child))
    expected = SEARCH_ACCESS["/children/<uuid:child_id>/break-glass/"][relationship]
    assert response.status_code == expected
    if expected == 302:
        assert response["Location"] == f"/children/{world.child.uuid}/"


@pytest.mark.parametrize(
    "address", ["/children/opened-without-everyday-reason/", "/children/{}/break-glass/"]
)
def test_someone_not_signed_in_is_asked_to_sign_in(client, world, address):
    response = client.get(address.format(world.child.uuid))
    assert response.status_code == 302 and response["Location"].startswith("/sign-in/")
