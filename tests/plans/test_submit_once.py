"""A comment on a plan sent twice (a double click, a browser's retry) is added once, and the
second post takes the person where the first did (ADR 0016)."""

import pytest

from tests.plans.factories import plan_page, start_plan
from tests.submit_once import assert_sent_to_the_same_place, post_twice
from together.audit.models import Action, AuditEvent
from together.plans.models import PlanComment


@pytest.mark.parametrize("form_on", ["", "comment/"], ids=["plan-page", "comment-page"])
def test_commenting_twice_with_one_form_adds_one_comment(client, world, form_on):
    """The form is at the foot of the plan and on a page of its own; both carry the token."""
    plan = start_plan(world)
    client.force_login(world.supervisor_team)
    first, second = post_twice(
        client,
        page=plan_page(world, form_on),
        to=plan_page(world, "comment/"),
        answers={"text": "Say more about what school told you"},
    )
    assert_sent_to_the_same_place(first, second)
    assert first["Location"] == plan_page(world)
    assert PlanComment.objects.filter(plan=plan).count() == 1
    assert AuditEvent.objects.filter(action=Action.PLAN_COMMENTED).count() == 1
    page = client.get(plan_page(world)).content.decode()
    assert page.count("Say more about what school told you") == 1
