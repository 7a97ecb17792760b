"""Reading plans: the same 404 for a plan that does not exist and one the person may not see."""

import uuid

import pytest
from django.http import Http404

from tests.plans.factories import start_plan
from together.plans import selectors


def test_the_childs_current_plan_for_someone_who_may_see_the_file(world):
    plan = start_plan(world)
    assert (
        selectors.plan_get_for_user(user=world.supervisor_team, child_id=world.child.uuid) == plan
    )
    assert (
        selectors.plan_get_for_user(
            user=world.head_region, child_id=world.child.uuid, plan_id=plan.uuid
        )
        == plan
    )


def test_no_plan_yet_is_not_found_and_nothing_is_created(world):
    with pytest.raises(Http404):
        selectors.plan_get_for_user(user=world.fca_allocated, child_id=world.child.uuid)
    assert not world.child.plans.exists()


@pytest.mark.parametrize("who", ["fca_same_team", "fca_other_area", "sysadmin"])
def test_a_plan_you_may_not_see_is_not_found(world, who):
    plan = start_plan(world)
    with pytest.raises(Http404):
        selectors.plan_get_for_user(
            user=world.users[who], child_id=world.child.uuid, plan_id=plan.uuid
        )


def test_a_plan_id_that_does_not_exist_is_not_found(world):
    start_plan(world)
    with pytest.raises(Http404):
        selectors.plan_get_for_user(
            user=world.fca_allocated, child_id=world.child.uuid, plan_id=uuid.uuid4()
        )
    with pytest.raises(Http404):
        selectors.plan_get_for_user(
            user=world.fca_allocated, child_id=world.child.uuid, plan_id="not-a-uuid"
        )
