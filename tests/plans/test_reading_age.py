"""The child's version of the plan shows its reading age beside the child's age, with the
sentence that most raises it, above the page to print (and never printed with it)."""

import re

import pytest

from tests.plans.factories import plan_page, start_plan, write_every_section
from together.plans import services


@pytest.fixture
def plan(world):
    return write_every_section(start_plan(world), world.fca_allocated)


def test_the_childs_version_shows_its_reading_age_beside_the_childs_age(client, world, plan):
    hard = "The determination of the application necessitates comprehensive consideration."
    plan = services.plan_section_save(
        by=world.fca_allocated,
        plan=plan,
        version=plan.version,
        section="words",
        complete=True,
        words_for_child=f"You will live with mum. {hard}",
    )
    client.force_login(world.fca_allocated)
    body = client.post(plan_page(world, "print/child/"), {"reason": "child"}).content.decode()
    name, age = world.child.preferred_name, world.child.age
    assert re.search(rf"Reading age \d+; {name} is {age}\.", body)
    assert f"<mark>{hard}</mark>" in body
    assert body.index("data-reading-age") < body.index(f"Your plan, {name}")
    assert "govuk-!-display-none-print" in body
