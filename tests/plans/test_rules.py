"""The plan's rules are composed from one statement of each fact (allocated to, supervises the
team, manages the area), so a change to that fact moves the plan and the child's file together."""

import pytest
from django.utils import timezone

from tests.plans.factories import start_plan
from tests.proceedings.factories import allocate
from together.children import rules as children_rules
from together.plans import rules
from together.plans.models import Plan


@pytest.fixture
def plan(world):
    return start_plan(world)


def _fresh(plan) -> Plan:
    """The plan read again, so nothing it knew of anyone's access is kept."""
    return Plan.objects.select_related("proceedings").get(pk=plan.pk)


def _pages(client, world) -> tuple[int, int]:
    return (
        client.get(f"/children/{world.child.uuid}/").status_code,
        client.get(f"/children/{world.child.uuid}/plan/").status_code,
    )


def test_an_fca_whose_allocation_ended_loses_the_plan_and_the_file(client, world, plan):
    fca = world.fca_allocated
    client.force_login(fca)
    assert _pages(client, world) == (200, 200)
    world.proceedings.allocations.update(ended_at=timezone.now())
    plan = _fresh(plan)
    assert not rules.may_write_plan(fca, plan)
    assert not rules.may_comment_on_plan(fca, plan)
    assert not rules.may_start_plan(fca, world.proceedings)
    assert not children_rules.may_see_child(fca, world.child)
    assert _pages(client, world) == (404, 404)


def test_the_fca_allocated_next_gains_the_plan_and_the_file(client, world, plan):
    world.proceedings.allocations.update(ended_at=timezone.now())
    allocate(world.proceedings, world.fca_same_team, world.team)
    plan = _fresh(plan)
    assert rules.may_write_plan(world.fca_same_team, plan)
    assert not rules.may_write_plan(world.fca_allocated, plan)
    client.force_login(world.fca_same_team)
    assert _pages(client, world) == (200, 200)


def test_a_supervisor_of_another_team_sees_neither_the_plan_nor_the_file(client, world, plan):
    supervisor = world.supervisor_other_team
    plan = _fresh(plan)
    assert not rules.may_agree_plan(supervisor, plan)
    assert not rules.may_comment_on_plan(supervisor, plan)
    assert not children_rules.may_see_child(supervisor, world.child)
    client.force_login(supervisor)
    assert _pages(client, world) == (404, 404)


def test_a_supervisor_who_left_the_team_no_longer_agrees_the_plan_or_sees_the_file(
    client, world, plan
):
    supervisor = world.supervisor_team
    assert rules.may_agree_plan(supervisor, _fresh(plan))
    supervisor.team_memberships.update(ended_on=timezone.localdate())
    plan = _fresh(plan)
    assert not rules.may_agree_plan(supervisor, plan)
    assert not rules.may_comment_on_plan(supervisor, plan)
    client.force_login(supervisor)
    assert _pages(client, world) == (404, 404)


def test_only_the_areas_service_manager_holds_unallocated_work_on_duty(world, plan):
    """Heads of practice and directors manage the area too, but read the plan only."""
    world.proceedings.allocations.update(ended_at=timezone.now())
    plan = _fresh(plan)
    assert rules.holds_on_duty(world.manager_area, world.proceedings)
    assert rules.may_write_plan(world.manager_area, plan)
    for name in ("manager_other_area", "head_region", "director_region", "national"):
        user = world.users[name]
        assert not rules.holds_on_duty(user, world.proceedings), name
        assert not rules.may_write_plan(user, plan), name
        assert not rules.may_comment_on_plan(user, plan), name


def test_a_manager_does_not_hold_allocated_work_on_duty(world, plan):
    assert not rules.holds_on_duty(world.manager_area, world.proceedings)
    assert not rules.may_write_plan(world.manager_area, _fresh(plan))
    assert rules.may_comment_on_plan(world.manager_area, _fresh(plan))


@pytest.mark.parametrize("relationship", ["fca_allocated", "supervisor_team", "manager_area"])
def test_a_plan_not_yet_saved_answers_as_a_saved_one(world, plan, relationship):
    user = world.users[relationship]
    unsaved = Plan(child=world.child, proceedings=world.proceedings)
    assert rules.plan_access(user, unsaved) == rules.plan_access(user, _fresh(plan))


def test_someone_no_longer_active_may_do_nothing_with_the_plan(world, plan):
    for user in world.users.values():
        user.is_active = False
        assert rules.plan_access(user, _fresh(plan)) == dict.fromkeys(
            ("fca_allocated", "anyone_allocated", "supervises", "manages_area"), False
        )
