"""Writing plans: starting, sections, versions, items and the stages a plan moves through."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from tests.children.factories import ChildFactory, MeetingFactory
from tests.plans.factories import start_plan, write_every_section
from together.audit.models import Action, AuditEvent
from together.children.models import TimelineEntry
from together.core.exceptions import EditConflict
from together.plans import selectors, services
from together.plans.models import (
    Certainty,
    ContactKind,
    Plan,
    PlanComment,
    PlanResponse,
    PlanShare,
    PlanStatus,
    PlanVersion,
    RecipientKind,
)
from together.plans.snapshot import SECTIONS, plan_snapshot


def test_starting_a_plan_keeps_version_one_and_logs_it(world):
    plan = start_plan(world)
    assert plan.status == PlanStatus.DRAFT
    assert plan.version == 1
    version = plan.versions.get()
    assert version.number == 1 and version.change == "Started the plan"
    # PostgreSQL's JSON keeps keys in its own order; readers walk SECTIONS for the order.
    assert set(version.snapshot) == {key for key, _n, _t in SECTIONS}
    assert AuditEvent.objects.filter(action=Action.PLAN_CREATED, child_id=world.child.uuid).exists()
    assert TimelineEntry.objects.filter(child=world.child, summary="Started the plan").exists()


def test_only_the_allocated_fca_starts_the_plan(world):
    with pytest.raises(PermissionDenied):
        start_plan(world, by=world.fca_same_team)
    with pytest.raises(PermissionDenied):
        start_plan(world, by=world.supervisor_team)
    assert not Plan.objects.exists()


def test_a_child_has_one_plan_per_set_of_proceedings(world):
    start_plan(world)
    with pytest.raises(ValidationError, match="already has a plan"):
        start_plan(world)


def test_saving_a_section_moves_the_version_on_and_keeps_a_snapshot(world):
    plan = start_plan(world)
    services.plan_section_save(
        by=world.fca_allocated,
        plan=plan,
        version=1,
        section="strengths",
        family_strengths="Grandma cooks tea every Sunday",
    )
    assert plan.version == 2
    latest = plan.versions.first()
    assert latest.number == 2
    assert latest.change == "Saved section 3, what are the strengths in the family"
    assert latest.snapshot["strengths"] == {
        "title": "What are the strengths in the family?",
        "text": "Grandma cooks tea every Sunday",
    }
    assert AuditEvent.objects.filter(
        action=Action.PLAN_SECTION_SAVED, detail__section="strengths"
    ).exists()


def test_a_save_on_an_old_version_is_refused_and_changes_nothing(world):
    plan = start_plan(world)
    services.plan_section_save(
        by=world.fca_allocated, plan=plan, version=1, section="impact", impact_on_child="First"
    )
    stale = Plan.objects.get(pk=plan.pk)
    stale.version = 1
    with pytest.raises(EditConflict) as conflict:
        services.plan_section_save(
            by=world.fca_allocated, plan=stale, version=1, section="impact", impact_on_child="Two"
        )
    assert conflict.value.by == world.fca_allocated
    assert conflict.value.at is not None
    plan.refresh_from_db()
    assert plan.impact_on_child == "First" and plan.version == 2


def test_of_two_people_who_opened_the_same_version_the_second_to_save_is_refused(world):
    """Both read the plan at version 1 (as their pages did); the one who saves second is told
    who saved first, and nothing of theirs is kept: the first person's version stands."""
    plan = start_plan(world)
    first, second = Plan.objects.get(pk=plan.pk), Plan.objects.get(pk=plan.pk)
    services.plan_section_save(
        by=world.fca_allocated, plan=first, version=1, section="impact", impact_on_child="First"
    )
    audit_events = AuditEvent.objects.count()
    with pytest.raises(EditConflict) as conflict:
        services.plan_section_save(
            by=world.fca_allocated,
            plan=second,
            version=1,
            section="strengths",
            family_strengths="Second",
        )
    assert conflict.value.by == world.fca_allocated and conflict.value.at is not None
    with pytest.raises(EditConflict):
        services.harm_add(
            by=world.fca_allocated,
            plan=second,
            version=1,
            what="Added on the old version",
            certainty=Certainty.POSSIBLE,
        )
    saved = Plan.objects.get(pk=plan.pk)
    assert (saved.version, saved.impact_on_child, saved.family_strengths) == (2, "First", "")
    assert not saved.harms.exists()
    assert list(saved.versions.values_list("number", flat=True)) == [2, 1]
    assert saved.versions.first().snapshot["impact"]["text"] == "First"
    assert AuditEvent.objects.count() == audit_events
    # Once they have the plan as it now is, their change goes in on top of the first.
    services.plan_section_save(
        by=world.fca_allocated, plan=saved, version=2, section="strengths", family_strengths="Two"
    )
    latest = saved.versions.first().snapshot
    assert (latest["impact"]["text"], latest["strengths"]["text"]) == ("First", "Two")


def test_a_section_over_the_limit_is_refused_with_its_number(world):
    plan = start_plan(world)
    with pytest.raises(ValidationError) as error:
        services.plan_section_save(
            by=world.fca_allocated,
            plan=plan,
            version=1,
            section="impact",
            impact_on_child="a" * 20_001,
        )
    assert error.value.message_dict["impact_on_child"] == [
        "Section 4 must be 20,000 characters or fewer"
    ]
    assert Plan.objects.get(pk=plan.pk).impact_on_child == ""
    assert PlanVersion.objects.filter(plan=plan).count() == 1


def test_a_section_is_complete_only_when_it_says_what_it_must(world):
    plan = start_plan(world)
    with pytest.raises(ValidationError) as error:
        services.plan_section_save(
            by=world.fca_allocated,
            plan=plan,
            version=1,
            section="risks",
            complete=True,
            risks_remaining="Arguments at home",
            domestic_abuse_alleged=True,
        )
    assert error.value.message_dict["complete"] == [
        "Say what your view is on domestic abuse",
        "Explain how you reached your view on domestic abuse",
    ]
    assert Plan.objects.get(pk=plan.pk).completed_sections == []


def test_the_domestic_abuse_part_is_cleared_when_none_is_alleged(world):
    plan = start_plan(world)
    services.plan_section_save(
        by=world.fca_allocated,
        plan=plan,
        version=1,
        section="risks",
        risks_remaining="Some",
        domestic_abuse_alleged=False,
        domestic_abuse_kinds=["physical"],
        domestic_abuse_assessment="domestic_abuse",
    )
    plan.refresh_from_db()
    assert plan.domestic_abuse_kinds == [] and plan.domestic_abuse_assessment == ""


def test_wishes_rest_on_the_childs_own_meetings_only(world):
    plan = start_plan(world)
    mine = MeetingFactory(child=world.child, recorded_by=world.fca_allocated)
    other = MeetingFactory(child=ChildFactory(), recorded_by=world.fca_allocated)
    with pytest.raises(ValidationError):
        services.plan_section_save(
            by=world.fca_allocated,
            plan=plan,
            version=1,
            section="wishes",
            wishes_and_feelings="x",
            meetings=[other],
        )
    services.plan_section_save(
        by=world.fca_allocated,
        plan=plan,
        version=1,
        section="wishes",
        wishes_and_feelings="Wants a dog",
        meetings=[mine],
    )
    assert list(plan.wishes_meetings.all()) == [mine]
    assert plan.versions.first().snapshot["wishes"]["meetings"] == [str(mine.uuid)]


def test_a_recommendation_without_reasoning_is_refused(world):
    plan = start_plan(world)
    with pytest.raises(ValidationError) as error:
        services.recommendation_save(
            by=world.fca_allocated,
            plan=plan,
            version=1,
            recommendation="Live with mum",
            reasoning="   ",
            rests_on_wishes=True,
        )
    assert error.value.message_dict["reasoning"] == ["Explain why you recommend this"]
    assert not plan.recommendations.exists()


def test_a_recommendation_that_differs_from_the_childs_wishes_says_why(world):
    plan = start_plan(world)
    with pytest.raises(ValidationError) as error:
        services.recommendation_save(
            by=world.fca_allocated,
            plan=plan,
            version=1,
            recommendation="Live with mum",
            reasoning="Calm home",
            differs_from_wishes=True,
        )
    assert "why_different" in error.value.message_dict


def test_a_professional_contact_must_be_in_the_past(world):
    plan = start_plan(world)
    with pytest.raises(ValidationError) as error:
        services.contact_add(
            by=world.fca_allocated,
            plan=plan,
            version=1,
            kind=ContactKind.SCHOOL,
            organisation="Hill Primary",
            contacted_on=timezone.localdate() + datetime.timedelta(days=1),
            what_they_said="Fine",
        )
    assert error.value.message_dict["contacted_on"] == [
        "The date you contacted them must be today or in the past"
    ]


def test_the_snapshot_holds_every_section_and_item(world):
    plan = write_every_section(start_plan(world), world.fca_allocated)
    snap = plan_snapshot(plan)
    assert list(snap) == [key for key, _n, _t in SECTIONS]
    assert snap["risks"]["items"][0]["what"] == "Shouting at home late at night"
    rec = snap["recommendations"]["items"][0]
    assert rec["rests_on_harms"] == [snap["risks"]["items"][0]["uuid"]]
    assert snap["work"]["items"][0]["who"] == str(world.fca_allocated)
    assert snap["words"]["text"].startswith("You will live with mum")


def test_the_snapshot_lists_items_in_the_order_the_plan_shows_them(world):
    """Work by when it is due, contacts by date, recommendations as ordered, whatever order they
    were added in; each recommendation with the harms it rests on, and the meetings of section 5."""
    by = world.fca_allocated
    plan = start_plan(world)
    today = timezone.localdate()
    for what, days in (("Later visit", 9), ("Sooner visit", 2)):
        services.activity_save(
            by=by,
            plan=plan,
            version=plan.version,
            what=what,
            who_else="Nan",
            due_on=today + datetime.timedelta(days=days),
        )
    for organisation, days in (("School", 1), ("Doctor", 5)):
        services.contact_add(
            by=by,
            plan=plan,
            version=plan.version,
            kind=ContactKind.SCHOOL,
            organisation=organisation,
            contacted_on=today - datetime.timedelta(days=days),
            what_they_said="Settled",
        )
    harms = [
        services.harm_add(
            by=by, plan=plan, version=plan.version, what=what, certainty=Certainty.POSSIBLE
        )
        for what in ("Shouting", "Missed school")
    ]
    for text, rests_on in (("Live with mum", harms), ("See dad", [harms[1]])):
        services.recommendation_save(
            by=by,
            plan=plan,
            version=plan.version,
            harms=rests_on,
            recommendation=text,
            reasoning="Because",
        )
    meeting = MeetingFactory(child=world.child, recorded_by=by)
    services.plan_section_save(
        by=by,
        plan=plan,
        version=plan.version,
        section="wishes",
        wishes_and_feelings="Wants a dog",
        meetings=[meeting],
    )
    snap = plan.versions.first().snapshot
    assert snap == plan_snapshot(Plan.objects.get(pk=plan.pk))
    assert [a["what"] for a in snap["work"]["items"]] == ["Sooner visit", "Later visit"]
    assert [a["who"] for a in snap["work"]["items"]] == ["Nan", "Nan"]
    assert [c["organisation"] for c in snap["risks"]["contacts"]] == ["Doctor", "School"]
    assert snap["risks"]["contacts"][0]["contacted_on"] == str(today - datetime.timedelta(days=5))
    assert [h["what"] for h in snap["risks"]["items"]] == ["Shouting", "Missed school"]
    recs = snap["recommendations"]["items"]
    assert [r["recommendation"] for r in recs] == ["Live with mum", "See dad"]
    assert recs[0]["rests_on_harms"] == sorted(str(h.uuid) for h in harms)
    assert recs[1]["rests_on_harms"] == [str(harms[1].uuid)]
    assert recs[0]["rests_on_strengths"] is False
    assert snap["wishes"]["meetings"] == [str(meeting.uuid)]


def _submit(world, plan):
    return services.plan_state_change(
        by=world.fca_allocated, plan=plan, to=PlanStatus.READY_FOR_REVIEW
    )


def test_an_unfinished_plan_cannot_go_for_review(world):
    plan = start_plan(world)
    with pytest.raises(ValidationError) as error:
        _submit(world, plan)
    assert "Section 1: Say what risks remain for the child" in error.value.messages
    assert Plan.objects.get(pk=plan.pk).status == PlanStatus.DRAFT


def test_the_whole_journey_from_draft_to_final(world):
    plan = write_every_section(start_plan(world), world.fca_allocated)
    _submit(world, plan)
    assert plan.status == PlanStatus.READY_FOR_REVIEW
    services.plan_state_change(by=world.supervisor_team, plan=plan, to=PlanStatus.AGREED)
    assert plan.status == PlanStatus.AGREED
    assert Plan.objects.get(pk=plan.pk).agreed_by == world.supervisor_team
    services.plan_state_change(by=world.fca_allocated, plan=plan, to=PlanStatus.SHARED)
    share = PlanShare.objects.create(
        plan=plan,
        recipient_kind=RecipientKind.CHILD,
        recipient_name="Jayden",
        shared_on=timezone.localdate(),
        plan_version=plan.version,
        recorded_by=world.fca_allocated,
    )
    with pytest.raises(ValidationError, match="Record Jayden's response"):
        services.plan_state_change(by=world.fca_allocated, plan=plan, to=PlanStatus.FINAL)
    PlanResponse.objects.create(
        share=share,
        response="I like it",
        about_recommendations=True,
        recorded_on=timezone.localdate(),
        recorded_by=world.fca_allocated,
    )
    services.plan_state_change(by=world.fca_allocated, plan=plan, to=PlanStatus.FINAL)
    plan.refresh_from_db()
    assert plan.status == PlanStatus.FINAL and plan.finalised_at
    moves = AuditEvent.objects.filter(action=Action.PLAN_STATE_CHANGED).order_by("occurred_at")
    assert [(event.detail["from"], event.detail["to"]) for event in moves] == [
        ("draft", "ready_for_review"),
        ("ready_for_review", "agreed"),
        ("agreed", "shared"),
        ("shared", "final"),
    ]
    assert TimelineEntry.objects.filter(summary="Plan moved from Shared to Final").exists()
    with pytest.raises(ValidationError, match="final"):
        services.plan_section_save(
            by=world.fca_allocated, plan=plan, version=plan.version, section="impact"
        )


def test_a_plan_can_be_final_when_the_childs_response_was_not_sought_for_a_reason(world):
    plan = write_every_section(start_plan(world), world.fca_allocated)
    _submit(world, plan)
    services.plan_state_change(by=world.supervisor_team, plan=plan, to=PlanStatus.AGREED)
    services.plan_section_save(
        by=world.fca_allocated,
        plan=plan,
        version=plan.version,
        section="sharing",
        child_response_not_sought_reason="Jayden is 2 years old",
    )
    # Section 9 records what happened after agreement, so the plan stays agreed.
    assert plan.status == PlanStatus.AGREED
    services.plan_state_change(by=world.fca_allocated, plan=plan, to=PlanStatus.FINAL)
    assert plan.status == PlanStatus.FINAL


def test_changing_an_agreed_plan_sends_it_back_to_draft(world):
    plan = write_every_section(start_plan(world), world.fca_allocated)
    _submit(world, plan)
    services.plan_state_change(by=world.supervisor_team, plan=plan, to=PlanStatus.AGREED)
    services.plan_section_save(
        by=world.fca_allocated,
        plan=plan,
        version=plan.version,
        section="impact",
        impact_on_child="Sleeping better now",
    )
    plan.refresh_from_db()
    assert plan.status == PlanStatus.DRAFT and plan.agreed_by is None
    assert AuditEvent.objects.filter(
        action=Action.PLAN_STATE_CHANGED, detail__to="draft", detail__from="agreed"
    ).exists()


def test_changing_a_shared_plan_keeps_it_shared_and_versions_it(world):
    plan = write_every_section(start_plan(world), world.fca_allocated)
    _submit(world, plan)
    services.plan_state_change(by=world.supervisor_team, plan=plan, to=PlanStatus.AGREED)
    services.plan_state_change(by=world.fca_allocated, plan=plan, to=PlanStatus.SHARED)
    before = plan.version
    services.plan_section_save(
        by=world.fca_allocated,
        plan=plan,
        version=plan.version,
        section="impact",
        impact_on_child="Sleeping better now",
    )
    plan.refresh_from_db()
    assert plan.status == PlanStatus.SHARED and plan.version == before + 1
    assert plan.versions.first().status == PlanStatus.SHARED


def test_sending_back_needs_a_comment_and_keeps_it(world):
    plan = write_every_section(start_plan(world), world.fca_allocated)
    _submit(world, plan)
    with pytest.raises(ValidationError):
        services.plan_state_change(by=world.supervisor_team, plan=plan, to=PlanStatus.DRAFT)
    services.plan_state_change(
        by=world.supervisor_team, plan=plan, to=PlanStatus.DRAFT, comment="Say more on school"
    )
    comment = PlanComment.objects.get(plan=plan)
    assert comment.sends_back and comment.by == world.supervisor_team
    assert plan.status == PlanStatus.DRAFT
    assert AuditEvent.objects.filter(action=Action.PLAN_COMMENTED).exists()


@pytest.mark.parametrize(
    ("was", "to"),
    [
        (PlanStatus.DRAFT, PlanStatus.AGREED),
        (PlanStatus.DRAFT, PlanStatus.FINAL),
        (PlanStatus.DRAFT, PlanStatus.SHARED),
        (PlanStatus.READY_FOR_REVIEW, PlanStatus.FINAL),
        (PlanStatus.FINAL, PlanStatus.DRAFT),
    ],
)
def test_moves_that_skip_a_stage_are_refused(world, was, to):
    plan = start_plan(world)
    Plan.objects.filter(pk=plan.pk).update(status=was)
    plan.refresh_from_db()
    with pytest.raises(ValidationError, match="cannot be moved"):
        services.plan_state_change(by=world.supervisor_team, plan=plan, to=to)
    assert Plan.objects.get(pk=plan.pk).status == was


@pytest.mark.parametrize("who", ["fca_allocated", "fca_same_team", "manager_area"])
def test_only_the_teams_supervisor_agrees_a_plan(world, who):
    plan = write_every_section(start_plan(world), world.fca_allocated)
    _submit(world, plan)
    with pytest.raises(PermissionDenied):
        services.plan_state_change(by=world.users[who], plan=plan, to=PlanStatus.AGREED)


def test_a_plan_waiting_for_review_is_not_changed(world):
    plan = write_every_section(start_plan(world), world.fca_allocated)
    _submit(world, plan)
    with pytest.raises(ValidationError, match="waiting for review"):
        services.plan_section_save(
            by=world.fca_allocated, plan=plan, version=plan.version, section="impact"
        )


def test_comments_from_supervisors_and_managers_but_not_others(world):
    plan = start_plan(world)
    services.plan_comment_add(by=world.supervisor_team, plan=plan, token=None, text="Good start")
    services.plan_comment_add(by=world.manager_area, plan=plan, token=None, text="Agree")
    with pytest.raises(PermissionDenied):
        services.plan_comment_add(by=world.head_region, plan=plan, token=None, text="Hello")
    with pytest.raises(ValidationError):
        services.plan_comment_add(by=world.supervisor_team, plan=plan, token=None, text=" ")
    assert plan.comments.count() == 2


def test_summaries_for_my_children_in_one_query(world, django_assert_num_queries):
    plan = start_plan(world)
    services.activity_save(
        by=world.fca_allocated,
        plan=plan,
        version=plan.version,
        what="Visit school",
        who_else="Social worker",
        due_on=timezone.localdate() - datetime.timedelta(days=2),
    )
    services.activity_save(
        by=world.fca_allocated,
        plan=plan,
        version=plan.version,
        what="Done already",
        who_else="Social worker",
        due_on=timezone.localdate() - datetime.timedelta(days=2),
        done_on=timezone.localdate(),
    )
    other = ChildFactory()
    with django_assert_num_queries(1):
        summaries = selectors.plan_summaries_for_children([world.child.pk, other.pk])
    assert summaries == {
        world.child.pk: {
            "status": PlanStatus.DRAFT,
            "status_label": "Draft",
            "overdue_activities": 1,
            "plan_uuid": plan.uuid,
        }
    }
    assert [a.what for a in selectors.overdue_activities_for_user(world.fca_allocated)] == [
        "Visit school"
    ]


def test_an_activity_says_who_will_do_it(world):
    plan = start_plan(world)
    with pytest.raises(ValidationError) as error:
        services.activity_save(
            by=world.fca_allocated,
            plan=plan,
            version=1,
            what="Visit",
            due_on=timezone.localdate(),
        )
    assert error.value.message_dict["who"] == ["Say who will do this"]


def test_removing_a_harm_is_versioned(world):
    plan = start_plan(world)
    harm = services.harm_add(
        by=world.fca_allocated,
        plan=plan,
        version=1,
        what="Hit",
        certainty=Certainty.POSSIBLE,
    )
    services.harm_remove(by=world.fca_allocated, plan=plan, version=plan.version, harm=harm)
    assert plan.version == 3 and not plan.harms.exists()
    assert plan.versions.first().snapshot["risks"]["items"] == []
