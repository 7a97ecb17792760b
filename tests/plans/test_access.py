"""Every page of the plan, for every relationship to the child: who may read, write, comment
and agree; each view is logged as a view of the child's file."""

import uuid

import pytest

from tests.conftest import SEES_CHILD
from tests.plans.access import AGREES, COMMENTS, WRITES
from tests.plans.factories import start_plan, write_every_section
from together.audit.models import Action, AuditEvent
from together.plans import rules, services
from together.plans.models import Certainty, PlanStatus
from together.proceedings.models import Allocation

SECTION_KEYS = [
    "risks",
    "unique",
    "strengths",
    "impact",
    "wishes",
    "recommendations",
    "words",
    "work",
]


def _views(world, user):
    return AuditEvent.objects.filter(
        action=Action.CHILD_VIEWED, child_id=world.child.uuid, actor=user
    ).count()


@pytest.fixture
def plan(world):
    return start_plan(world)


@pytest.mark.parametrize(("relationship", "sees"), SEES_CHILD.items())
def test_the_task_list(client, world, plan, relationship, sees):
    user = world.users[relationship]
    client.force_login(user)
    response = client.get(f"/children/{world.child.uuid}/plan/")
    assert response.status_code == (200 if sees else 404)
    assert _views(world, user) == (1 if sees else 0)
    if sees:
        assert AuditEvent.objects.filter(
            action=Action.CHILD_VIEWED, actor=user, detail__section="plan"
        ).exists()


@pytest.mark.parametrize(("relationship", "sees"), SEES_CHILD.items())
def test_reading_each_section(client, world, plan, relationship, sees):
    user = world.users[relationship]
    client.force_login(user)
    for count, key in enumerate(SECTION_KEYS, start=1):
        response = client.get(f"/children/{world.child.uuid}/plan/section/{key}/")
        assert response.status_code == (200 if sees else 404), key
        assert _views(world, user) == (count if sees else 0)
        if sees:
            has_form = b'name="complete"' in response.content
            assert has_form == (relationship in WRITES)


@pytest.mark.parametrize("relationship", SEES_CHILD)
def test_saving_a_section(client, world, plan, relationship):
    client.force_login(world.users[relationship])
    response = client.post(
        f"/children/{world.child.uuid}/plan/section/strengths/",
        {"version": plan.version, "family_strengths": "Kind grandma", "complete": "no"},
    )
    if relationship in WRITES:
        assert response.status_code == 302
        plan.refresh_from_db()
        assert plan.family_strengths == "Kind grandma"
    else:
        assert response.status_code == 404
        plan.refresh_from_db()
        assert plan.family_strengths == ""


@pytest.mark.parametrize("kind", ["harm", "contact", "recommendation", "activity"])
@pytest.mark.parametrize("relationship", SEES_CHILD)
def test_adding_items(client, world, plan, kind, relationship):
    user = world.users[relationship]
    client.force_login(user)
    response = client.get(f"/children/{world.child.uuid}/plan/items/{kind}/add/")
    assert response.status_code == (200 if relationship in WRITES else 404)
    assert _views(world, user) == (1 if relationship in WRITES else 0)


@pytest.mark.parametrize("relationship", SEES_CHILD)
def test_changing_and_removing_items(client, world, plan, relationship):
    harm = services.harm_add(
        by=world.fca_allocated,
        plan=plan,
        version=plan.version,
        what="x",
        certainty=Certainty.LIKELY,
    )
    rec = services.recommendation_save(
        by=world.fca_allocated,
        plan=plan,
        version=plan.version,
        recommendation="Stay",
        reasoning="Safe",
        rests_on_wishes=True,
    )
    client.force_login(world.users[relationship])
    base = f"/children/{world.child.uuid}/plan/items"
    expected = 200 if relationship in WRITES else 404
    assert client.get(f"{base}/recommendation/{rec.uuid}/").status_code == expected
    assert client.get(f"{base}/recommendation/{rec.uuid}/remove/").status_code == expected
    assert client.get(f"{base}/harm/{harm.uuid}/remove/").status_code == expected
    # Harms are added and removed, not changed; an unknown item is not found.
    assert client.get(f"{base}/harm/{harm.uuid}/").status_code == 404
    assert client.get(f"{base}/activity/{uuid.uuid4()}/").status_code == 404


@pytest.mark.parametrize("relationship", SEES_CHILD)
def test_starting_the_plan(client, world, relationship):
    user = world.users[relationship]
    client.force_login(user)
    response = client.get(f"/children/{world.child.uuid}/plan/start/")
    assert response.status_code == (200 if relationship in WRITES else 404)
    page = client.get(f"/children/{world.child.uuid}/plan/")
    assert page.status_code == (200 if SEES_CHILD[relationship] else 404)
    if SEES_CHILD[relationship]:
        assert (b"Start the plan" in page.content) == (relationship in WRITES)


@pytest.mark.parametrize("relationship", SEES_CHILD)
def test_commenting(client, world, plan, relationship):
    client.force_login(world.users[relationship])
    response = client.post(f"/children/{world.child.uuid}/plan/comment/", {"text": "Looks good"})
    assert response.status_code == (302 if relationship in COMMENTS else 404)
    assert plan.comments.count() == (1 if relationship in COMMENTS else 0)


@pytest.mark.parametrize("relationship", SEES_CHILD)
def test_agreeing(client, world, plan, relationship):
    write_every_section(plan, world.fca_allocated)
    services.plan_state_change(by=world.fca_allocated, plan=plan, to=PlanStatus.READY_FOR_REVIEW)
    client.force_login(world.users[relationship])
    response = client.post(f"/children/{world.child.uuid}/plan/move/agree/", {"comment": ""})
    assert response.status_code == (302 if relationship in AGREES else 404)
    plan.refresh_from_db()
    expected = PlanStatus.AGREED if relationship in AGREES else PlanStatus.READY_FOR_REVIEW
    assert plan.status == expected


@pytest.mark.parametrize("relationship", SEES_CHILD)
def test_the_rules_agree_with_the_pages(world, plan, relationship):
    user = world.users[relationship]
    assert rules.may_write_plan(user, plan) == (relationship in WRITES)
    assert rules.may_comment_on_plan(user, plan) == (relationship in COMMENTS)
    assert rules.may_agree_plan(user, plan) == (relationship in AGREES)


def test_the_manager_writes_the_plan_while_it_is_on_duty(world, plan):
    Allocation.objects.filter(proceedings=world.proceedings).update(ended_at="2026-07-01T00:00Z")
    assert rules.may_write_plan(world.manager_area, plan)
    assert not rules.may_write_plan(world.fca_allocated, plan)
    assert not rules.may_write_plan(world.manager_other_area, plan)


def test_a_plan_page_for_a_child_you_may_not_see_looks_like_one_that_does_not_exist(
    client, world, plan
):
    client.force_login(world.fca_other_area)
    hidden = client.get(f"/children/{world.child.uuid}/plan/section/risks/")
    missing = client.get(f"/children/{uuid.uuid4()}/plan/section/risks/")
    assert hidden.status_code == missing.status_code == 404


@pytest.mark.parametrize(
    "address", ["plan/", "plan/section/risks/", "plan/start/", "plan/comment/", "plan/copied/"]
)
def test_someone_not_signed_in_is_asked_to_sign_in(client, world, plan, address):
    response = client.get(f"/children/{world.child.uuid}/{address}")
    assert response.status_code == 302 and response["Location"].startswith("/sign-in/")


@pytest.mark.parametrize(("relationship", "sees"), SEES_CHILD.items())
def test_what_was_copied_is_read_by_those_who_see_the_file_and_checked_by_the_writer(
    client, world, plan, relationship, sees
):
    user = world.users[relationship]
    client.force_login(user)
    address = f"/children/{world.child.uuid}/plan/copied/"
    response = client.get(address)
    assert response.status_code == (200 if sees else 404)
    assert _views(world, user) == (1 if sees else 0)
    posted = client.post(address, {"version": plan.version, "confirm": ["family_strengths"]})
    # Nothing was copied: the writer is told so; anyone else is refused.
    assert posted.status_code == (200 if relationship in WRITES else 404)
