"""Records of supervision are written knowing the child may read them one day: every free-text
box on every supervision form carries the language check ("Check my writing", for a
professional reader with the respectful-language rules)."""

import re

from tests.supervision.factories import add_action, record_one_to_one, start_circle
from together.language.forms import CHECK_BUTTON
from together.supervision.models import SolutionCircle


def _boxes_and_checks(html: str) -> tuple[set[str], set[str]]:
    boxes = set(re.findall(r'<textarea[^>]*\bname="([^"]+)"', html))
    checks = set(re.findall(rf'name="{CHECK_BUTTON}" value="([^"]+)"', html))
    return boxes, checks


def test_every_free_text_box_in_supervision_has_the_language_check(client, world):
    action = add_action(world)
    discussion = action.discussion
    session = discussion.session
    circle = start_circle(world, discussion)
    one_to_one = record_one_to_one(world)
    client.force_login(world.supervisor_team)
    pages = [
        f"/supervision/sessions/{session.uuid}/discuss/",
        f"/supervision/discussions/{discussion.uuid}/change/",
        f"/supervision/discussions/{discussion.uuid}/actions/add/",
        f"/supervision/sessions/{session.uuid}/circles/new/",
        f"/supervision/circles/{circle.uuid}/",
        "/supervision/one-to-one/new/",
        f"/supervision/one-to-one/{one_to_one.uuid}/children/add/",
        f"/supervision/one-to-one/{one_to_one.uuid}/actions/add/",
        f"/supervision/what-works/new/?child={world.child.uuid}",
        f"/supervision/what-works/new/?session={session.uuid}",
    ]
    for page in pages:
        response = client.get(page)
        assert response.status_code == 200, page
        boxes, checks = _boxes_and_checks(response.text)
        assert boxes, page
        assert boxes == checks, page


def test_the_check_uses_the_respectful_language_rules_and_saves_nothing(client, world):
    """Pressing "Check my writing" on a solution circle's problem suggests respectful words and
    starts no circle."""
    session = add_action(world).discussion.session
    client.force_login(world.supervisor_team)
    page = client.post(
        f"/supervision/sessions/{session.uuid}/circles/new/",
        {
            "problem_holder": str(world.fca_allocated.uuid),
            "problem": "Dad is non-compliant with the contact plan",
            "idea_rounds": "2",
            "minutes_per_round": "5",
            CHECK_BUTTON: "problem",
        },
    )
    assert page.status_code == 200
    assert "There is a problem" not in page.text
    assert "<mark" in page.text and "did not do what was agreed" in page.text
    assert not SolutionCircle.objects.exists()
