"""Starting a plan from a brother's or sister's plan: the writer chooses item by item what to
copy, nothing about the other child alone is ever copied, and every copied part says "Check
this is true for ..." until it is changed or confirmed; until then the plan is neither shared
nor made final."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from tests.children.factories import ChildFactory
from tests.plans.factories import plan_page, write_every_section
from tests.proceedings.factories import ProceedingsChildFactory
from together.plans import services
from together.plans.models import Plan, PlanStatus, RecipientKind, ShareMethod
from together.plans.services import copying


@pytest.fixture
def charlotte(world):
    """Charlotte, the sister of `world`'s child, in the same proceedings, with a plan written
    in full (naming her), one finished piece of work and one still to do."""
    sister = ChildFactory(preferred_name="Charlotte")
    ProceedingsChildFactory(proceedings=world.proceedings, child=sister)
    by = world.fca_allocated
    plan = services.plan_start(by=by, child=sister, proceedings=world.proceedings)
    write_every_section(plan, by)
    services.plan_section_save(
        by=by,
        plan=plan,
        version=plan.version,
        section="impact",
        impact_on_child="No concerns about Charlotte's physical health",
    )
    services.plan_section_save(
        by=by,
        plan=plan,
        version=plan.version,
        section="wishes",
        wishes_and_feelings="Charlotte told me she wants to stay at Nan's",
    )
    done = services.activity_save(
        by=by,
        plan=plan,
        version=plan.version,
        what="Meet Charlotte at school",
        who=by,
        due_on=timezone.localdate() - datetime.timedelta(days=3),
        for_child="I will come to your school",
    )
    services.activity_save(
        by=by,
        plan=plan,
        version=plan.version,
        activity=done,
        what=done.what,
        who=by,
        due_on=done.due_on,
        done_on=timezone.localdate(),
    )
    plan.refresh_from_db()
    return plan


def _start(world, source, copy):
    return services.plan_start(
        by=world.fca_allocated,
        child=world.child,
        proceedings=world.proceedings,
        started_from=source,
        copy=copy,
    )


def test_what_may_be_copied_is_shown_item_by_item_and_never_the_other_childs_own(charlotte):
    choices = copying.copy_choices(charlotte)
    labels = [choice.label for choice in choices]
    assert "The risks that remain" in labels
    assert "The strengths in the family" in labels
    assert "The impact on the child" in labels
    assert labels.count("Harm") == 1
    texts = " ".join(choice.text for choice in choices)
    # Never offered: wishes and feelings, what is special, the words for her, finished work.
    assert "wants to stay at Nan's" not in texts
    assert "Loves drawing trains" not in texts
    assert "You will live with mum" not in texts
    assert "Meet Charlotte at school" not in texts
    assert "Talk to the school" in texts
    impact = next(c for c in choices if c.key == "impact_on_child")
    assert impact.names_other_child


def test_only_what_was_chosen_is_copied_each_marked_to_check(world, charlotte):
    harm = charlotte.harms.get()
    plan = _start(world, charlotte, ["family_strengths", f"harm:{harm.uuid}"])
    assert plan.family_strengths == "Grandma helps every day"
    assert plan.risks_remaining == plan.impact_on_child == ""
    assert plan.wishes_and_feelings == plan.unique_about_child == plan.words_for_child == ""
    assert not plan.activities.exists() and not plan.recommendations.exists()
    copied = plan.harms.get()
    assert copied.uuid != harm.uuid and copied.copied_to_check
    assert [part.key for part in copying.copied_to_check(plan)] == [
        "family_strengths",
        f"harm:{copied.uuid}",
    ]
    assert "copying 2 parts to check" in plan.versions.get().change


def test_finished_work_or_the_other_childs_own_words_are_refused(world, charlotte):
    done = charlotte.activities.get(done_on__isnull=False)
    for key in [f"activity:{done.uuid}", "wishes_and_feelings", "words_for_child"]:
        with pytest.raises(ValidationError):
            _start(world, charlotte, [key])
    assert not Plan.objects.filter(child=world.child).exists()


def test_copied_work_keeps_no_words_written_to_the_other_child(world, charlotte):
    todo = charlotte.activities.get(done_on__isnull=True)
    services.activity_save(
        by=world.fca_allocated,
        plan=charlotte,
        version=charlotte.version,
        activity=todo,
        what=todo.what,
        who=todo.who,
        due_on=todo.due_on,
        for_child="I will tell your teacher, Charlotte",
    )
    plan = _start(world, charlotte, [f"activity:{todo.uuid}"])
    assert plan.activities.get().for_child == ""


def test_changing_a_copied_part_takes_its_mark_off(world, charlotte):
    plan = _start(world, charlotte, ["family_strengths", "impact_on_child"])
    services.plan_section_save(
        by=world.fca_allocated,
        plan=plan,
        version=plan.version,
        section="strengths",
        family_strengths="Grandma helps every day",  # unchanged: still to check
    )
    assert Plan.objects.get(pk=plan.pk).copied_to_check == ["family_strengths", "impact_on_child"]
    services.plan_section_save(
        by=world.fca_allocated,
        plan=plan,
        version=plan.version,
        section="impact",
        impact_on_child="Sleeps well since the move",
    )
    assert Plan.objects.get(pk=plan.pk).copied_to_check == ["family_strengths"]


def test_a_plan_with_parts_to_check_is_not_shared_or_made_final(world, charlotte):
    plan = _start(world, charlotte, ["family_strengths"])
    write_every_section(plan, world.fca_allocated)
    plan = Plan.objects.get(pk=plan.pk)
    # Saved again with the same words: still to check.
    assert plan.copied_to_check == ["family_strengths"]
    missing = [message for _key, message in services.plan_missing_for_final(plan)]
    assert any("true for Jayden" in message for message in missing)
    assert any("true for Jayden" in m for _k, m in services.plan_missing_for_review(plan))
    with pytest.raises(ValidationError) as refused:
        services.plan_share_record(
            by=world.fca_allocated,
            plan=plan,
            recipient_kind=RecipientKind.CHILD,
            shared=True,
            shared_on=timezone.localdate(),
            method=ShareMethod.IN_PERSON,
        )
    assert "true for Jayden" in str(refused.value)
    services.plan_copies_mark_checked(
        by=world.fca_allocated, plan=plan, version=plan.version, keys=["family_strengths"]
    )
    assert not services.plan_missing_for_review(plan)
    services.plan_state_change(by=world.fca_allocated, plan=plan, to=PlanStatus.READY_FOR_REVIEW)


def test_the_writer_chooses_on_a_page_then_checks_what_was_copied(fca_client, world, charlotte):
    response = fca_client.post(
        plan_page(world, "start/"),
        {"proceedings": str(world.proceedings.uuid), "started_from": str(charlotte.uuid)},
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "Choose what to copy from Charlotte's plan" in content
    assert "No concerns about Charlotte&#x27;s physical health" in content
    assert "Names Charlotte" in content
    assert "wants to stay at Nan" not in content and "Meet Charlotte at school" not in content
    assert not Plan.objects.filter(child=world.child).exists()
    response = fca_client.post(
        plan_page(world, "start/"),
        {
            "proceedings": str(world.proceedings.uuid),
            "started_from": str(charlotte.uuid),
            "step": "copy",
            "copy": ["family_strengths", "risks_remaining"],
        },
    )
    assert response.status_code == 302
    plan = Plan.objects.get(child=world.child)
    assert plan.copied_to_check == ["risks_remaining", "family_strengths"]
    content = fca_client.get(plan_page(world)).content.decode()
    assert "2 parts copied from another child's plan are still to check" in content
    content = fca_client.get(plan_page(world, "section/strengths/")).content.decode()
    assert "Check this is true for Jayden" in content
    content = fca_client.get(plan_page(world, "copied/")).content.decode()
    assert "Grandma helps every day" in content
    response = fca_client.post(plan_page(world, "copied/"), {"version": plan.version})
    assert "Choose what you have checked is true" in response.content.decode()
    response = fca_client.post(
        plan_page(world, "copied/"), {"version": plan.version, "confirm": ["family_strengths"]}
    )
    assert response.status_code == 302
    assert Plan.objects.get(pk=plan.pk).copied_to_check == ["risks_remaining"]


def test_a_harm_copied_is_tagged_until_confirmed(fca_client, world, charlotte):
    harm = charlotte.harms.get()
    plan = _start(world, charlotte, [f"harm:{harm.uuid}"])
    content = fca_client.get(plan_page(world, "section/risks/")).content.decode()
    assert "Check this is true for Jayden" in content
    copied = plan.harms.get()
    fca_client.post(
        plan_page(world, "copied/"), {"version": plan.version, "confirm": [f"harm:{copied.uuid}"]}
    )
    content = fca_client.get(plan_page(world, "section/risks/")).content.decode()
    assert "Check this is true for Jayden" not in content


def test_the_copied_page_is_read_only_for_others(client, world, charlotte):
    plan = _start(world, charlotte, ["family_strengths"])
    client.force_login(world.supervisor_team)
    response = client.get(plan_page(world, "copied/"))
    assert response.status_code == 200
    assert "Grandma helps every day" in response.content.decode()
    assert 'name="confirm"' not in response.content.decode()
    response = client.post(
        plan_page(world, "copied/"), {"version": plan.version, "confirm": ["family_strengths"]}
    )
    assert response.status_code == 404
    assert Plan.objects.get(pk=plan.pk).copied_to_check == ["family_strengths"]


def test_the_move_page_links_to_what_is_still_to_check(fca_client, world, charlotte):
    _start(world, charlotte, ["family_strengths"])
    content = fca_client.get(plan_page(world, "move/review/")).content.decode()
    assert (
        f'<a href="/children/{world.child.uuid}/plan/copied/">Check that everything copied '
        "from another child&#x27;s plan is true for Jayden, or change it</a>"
    ) in content
