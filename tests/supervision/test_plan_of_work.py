"""Actions agreed in supervision about a child show on the child's plan of work and in the
owner's work ("My children"); the owner, and those who may add to the session, mark them done
from there. Plans imports nothing from supervision: supervision registers its actions
(plans.elsewhere)."""

import datetime

import pytest
from django.utils import timezone
from django.utils.html import escape

from tests.children.factories import ChildFactory
from tests.conftest import SEES_CHILD
from tests.plans.factories import plan_page, start_plan
from tests.proceedings.factories import ProceedingsChildFactory
from tests.supervision.factories import add_action, discuss

WORK = "section/work/"


@pytest.fixture
def action(world):
    start_plan(world)
    return add_action(world, due_on=timezone.localdate() - datetime.timedelta(days=2))


def test_the_fca_sees_their_action_on_the_childs_plan_of_work_and_marks_it_done(
    client, world, action
):
    client.force_login(world.fca_allocated)
    page = client.get(plan_page(world, WORK)).text
    assert "Actions from supervision" in page
    assert "Ask the school about a quiet room" in page
    assert escape(world.fca_allocated.full_name) in page  # O'Brien is escaped in the HTML
    assert "Agreed in group supervision on" in page
    assert "Overdue" in page and "Mark as done" in page

    response = client.post(f"/supervision/actions/{action.uuid}/done/?back=plan", {"done": "yes"})
    assert response.status_code == 302
    assert response.url == plan_page(world, WORK)
    page = client.get(response.url).text
    assert "The action is marked as done" in page
    assert timezone.localdate().strftime("%-d %B %Y") in page
    assert "Not done" in page
    action.refresh_from_db()
    assert action.done_on == timezone.localdate()


def test_the_fca_sees_an_overdue_action_in_my_children_and_a_link_to_their_actions(
    client, world, action
):
    client.force_login(world.fca_allocated)
    home = client.get("/").text
    assert "1 action from supervision overdue" in home
    assert "/supervision/actions/" in home
    client.post(f"/supervision/actions/{action.uuid}/done/", {"done": "yes"})
    assert "action from supervision overdue" not in client.get("/").text


def test_an_action_someone_else_owns_is_in_my_children_only_for_its_owner(client, world):
    start_plan(world)
    add_action(
        world, owner=world.supervisor_team, due_on=timezone.localdate() - datetime.timedelta(1)
    )
    client.force_login(world.fca_allocated)
    assert "from supervision overdue" not in client.get("/").text
    # The action is still on the child's plan of work, for anyone who may see the child.
    assert "Ask the school about a quiet room" in client.get(plan_page(world, WORK)).text


@pytest.mark.parametrize("relationship", list(SEES_CHILD))
def test_who_sees_the_action_on_the_plan_and_who_may_mark_it_done(
    client, world, action, relationship
):
    client.force_login(world.users[relationship])
    response = client.get(plan_page(world, WORK))
    if not SEES_CHILD[relationship]:
        assert response.status_code == 404
        return
    assert "Ask the school about a quiet room" in response.text
    # Its owner and those who may add to the session mark it done; a manager only reads it.
    may_mark = relationship in {"fca_allocated", "supervisor_team"}
    assert ("Mark as done" in response.text) == may_mark
    done = client.post(f"/supervision/actions/{action.uuid}/done/?back=plan", {"done": "yes"})
    assert done.status_code == (302 if may_mark else 404)
    action.refresh_from_db()
    assert (action.done_on is not None) == may_mark


def test_an_action_about_a_brother_is_not_on_this_childs_plan(client, world):
    start_plan(world)
    brother = ChildFactory(preferred_name="Kai")
    ProceedingsChildFactory(proceedings=world.proceedings, child=brother)
    session = discuss(world).session
    add_action(world, discuss(world, session, child=brother))
    client.force_login(world.fca_allocated)
    assert "Ask the school about a quiet room" not in client.get(plan_page(world, WORK)).text


def test_without_actions_the_plan_of_work_says_nothing_of_supervision(client, world):
    start_plan(world)
    client.force_login(world.fca_allocated)
    assert "Actions from supervision" not in client.get(plan_page(world, WORK)).text
