"""The practice supervisor's workspace, their home page: plans waiting for review (read through,
agreed or sent back), their teams' FCAs against the ceiling with what is overdue, the
proceedings they lead, and who has not been to group supervision this month."""

import datetime

import pytest
from django.utils import timezone
from django.utils.html import escape

from tests.accounts.factories import UserFactory
from tests.children.factories import ChildFactory
from tests.conftest import SEES_CHILD
from tests.organisation.factories import MembershipFactory
from tests.plans.factories import start_plan, write_every_section
from tests.proceedings.factories import ProceedingsChildFactory, ProceedingsFactory, allocate
from tests.supervision.access import REVIEWS_PLANS
from tests.supervision.factories import add_action, record_session
from together.accounts.models import Role
from together.plans import services as plan_services
from together.plans.models import PlanComment, PlanStatus

TODAY = timezone.localdate


@pytest.fixture
def waiting_plan(world):
    plan = start_plan(world)
    write_every_section(plan, world.fca_allocated)
    plan.refresh_from_db()
    plan_services.plan_state_change(
        by=world.fca_allocated, plan=plan, to=PlanStatus.READY_FOR_REVIEW
    )
    return plan


def test_the_workspace_lists_plans_waiting_for_review_and_how_long(client, world, waiting_plan):
    client.force_login(world.supervisor_team)
    page = client.get("/")
    assert "Your workspace" in page.text
    assert "Read Jayden" in page.text and "Sent today" in page.text
    # Another team's supervisor has nothing to review.
    client.force_login(world.supervisor_other_team)
    assert "No plans are waiting for your review" in client.get("/").text


@pytest.mark.parametrize("relationship", list(SEES_CHILD))
def test_only_the_teams_supervisor_reads_a_plan_through_for_review(
    client, world, waiting_plan, relationship
):
    client.force_login(world.users[relationship])
    response = client.get(f"/workspace/plans/{world.child.uuid}/")
    assert response.status_code == (200 if relationship in REVIEWS_PLANS else 404)


def test_a_supervisor_reads_the_whole_plan_and_agrees_it(client, world, waiting_plan):
    client.force_login(world.supervisor_team)
    page = client.get(f"/workspace/plans/{world.child.uuid}/")
    assert "6. Recommendations" in page.text and "9. Sharing and responses" in page.text
    assert "Agree" in page.text and "Send back with comments" in page.text
    response = client.post(f"/workspace/plans/{world.child.uuid}/", {"decision": "agree"})
    assert response.status_code == 302
    waiting_plan.refresh_from_db()
    assert waiting_plan.status == PlanStatus.AGREED
    assert waiting_plan.agreed_by == world.supervisor_team
    assert "No plans are waiting for your review" in client.get("/").text
    # Agreed, it is no longer there to review.
    assert client.get(f"/workspace/plans/{world.child.uuid}/").status_code == 404


def test_sending_a_plan_back_needs_comments(client, world, waiting_plan):
    client.force_login(world.supervisor_team)
    url = f"/workspace/plans/{world.child.uuid}/"
    response = client.post(url, {"decision": "send-back", "comment": ""})
    assert response.status_code == 200
    assert "Say what needs to change before the plan is agreed" in response.text
    waiting_plan.refresh_from_db()
    assert waiting_plan.status == PlanStatus.READY_FOR_REVIEW
    client.post(url, {"decision": "send-back", "comment": "Say more about school"})
    waiting_plan.refresh_from_db()
    assert waiting_plan.status == PlanStatus.DRAFT
    assert PlanComment.objects.get(plan=waiting_plan).sends_back


def test_each_fca_against_their_ceiling_with_what_is_overdue(client, world):
    world.fca_allocated.fte = "0.60"
    world.fca_allocated.save()
    world.proceedings.first_allocated_at = timezone.now() - datetime.timedelta(days=30)
    world.proceedings.save()
    add_action(world, due_on=TODAY() - datetime.timedelta(days=2))
    plan = start_plan(world)
    for what in ("Visit school", "Ask the GP"):
        plan_services.activity_save(
            by=world.fca_allocated,
            plan=plan,
            version=plan.version,
            what=what,
            who_else="Social worker",
            due_on=TODAY() - datetime.timedelta(days=2),
        )
        plan.refresh_from_db()
    client.force_login(world.supervisor_team)
    page = client.get("/")
    row = page.text.split(escape(world.fca_allocated.full_name), 1)[1].split("</tr>", 1)[0]
    # 0.6 of 25 and of 40.
    assert "of 15" in row and "of 24" in row and "working hours 0.6" in row
    # Not seen, no introductory letter a month after allocation, two pieces of plan work
    # overdue, one action overdue.
    cells = [
        c.split(">", 1)[1].split("<", 1)[0] for c in row.split('govuk-table__cell--numeric"')[3:]
    ]
    assert cells[0] == "1" and cells[1] == "1" and cells[2] == "2"
    assert "1 (1 overdue)" in row


def test_who_has_not_been_to_group_supervision_this_month(client, world):
    record_session(world, attendees=[world.fca_allocated])
    client.force_login(world.supervisor_team)
    page = client.get("/")
    listed = page.text.split("Not in group supervision this month", 1)[1]
    assert escape(world.fca_same_team.full_name) in listed
    assert escape(world.fca_allocated.full_name) not in listed


def test_a_supervisor_leading_more_than_12_is_flagged(client, world):
    client.force_login(world.supervisor_team)
    assert "You lead 0 open sets of proceedings" in client.get("/").text
    for _ in range(13):
        proceedings = ProceedingsFactory(service_area=world.area)
        allocate(proceedings, world.supervisor_team, world.team)
    assert "The board watches supervisors leading more than 12" in client.get("/").text


def test_the_workspace_asks_a_fixed_number_of_queries_whatever_the_teams_size(
    client, world, waiting_plan, django_assert_num_queries
):
    client.force_login(world.supervisor_team)
    client.get("/")
    with django_assert_num_queries(WORKSPACE_QUERIES):
        client.get("/")
    # A bigger team: more FCAs, children, sessions and actions.
    for _ in range(4):
        fca = UserFactory(role=Role.FCA, service_area=world.area)
        MembershipFactory(user=fca, team=world.team)
        for _ in range(3):
            proceedings = ProceedingsFactory(service_area=world.area)
            ProceedingsChildFactory(proceedings=proceedings, child=ChildFactory())
            allocate(proceedings, fca, world.team)
        add_action(world, owner=world.fca_allocated)
    record_session(world, attendees=[world.fca_allocated, world.fca_same_team])
    with django_assert_num_queries(WORKSPACE_QUERIES):
        client.get("/")


# Sign-in and session (the usual request), the teams, the members with their caseloads and
# supervision, the children's work, actions, plans waiting and the supervisor's own leads.
WORKSPACE_QUERIES = 8
