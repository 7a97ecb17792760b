"""Section 9: recording who the plan was shared with, and what they said."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from tests.children.factories import ConnectionFactory, FamilyMemberFactory
from tests.plans.factories import start_plan, write_every_section
from together.audit.models import Action, AuditEvent
from together.core.exceptions import EditConflict
from together.plans import services
from together.plans.models import PlanStatus, RecipientKind, ShareMethod
from together.plans.services.sharing import (
    parents_and_carers,
    plan_response_record,
    plan_share_record,
)

TODAY = timezone.localdate


def agreed_plan(world):
    plan = write_every_section(start_plan(world), world.fca_allocated)
    services.plan_state_change(by=world.fca_allocated, plan=plan, to=PlanStatus.READY_FOR_REVIEW)
    services.plan_state_change(by=world.supervisor_team, plan=plan, to=PlanStatus.AGREED)
    plan.refresh_from_db()
    return plan


def share_with_child(world, plan, **more):
    return plan_share_record(
        by=world.fca_allocated,
        plan=plan,
        recipient_kind=RecipientKind.CHILD,
        shared=True,
        shared_on=TODAY(),
        method=ShareMethod.IN_PERSON,
        **more,
    )


def test_sharing_an_agreed_plan_makes_it_shared_and_keeps_the_version_shared(world):
    plan = agreed_plan(world)
    version_before = plan.version
    share = share_with_child(world, plan)
    plan.refresh_from_db()
    assert plan.status == PlanStatus.SHARED
    assert share.plan_version == version_before
    assert share.recipient_name == "Jayden"
    assert plan.versions.first().status == PlanStatus.SHARED
    assert plan.versions.filter(change__startswith="Recorded sharing with Jayden").exists()
    assert AuditEvent.objects.filter(action=Action.PLAN_SHARED, object_id=str(share.uuid)).exists()


def test_sharing_makes_a_feedback_link_for_the_person_it_was_shared_with(world):
    from together.feedback.models import Audience, FeedbackInvitation, Source

    plan = agreed_plan(world)
    share = share_with_child(world, plan)
    mum = FamilyMemberFactory(given_name="Rosa")
    ConnectionFactory(child=world.child, person=mum, relationship="mother")
    parent = plan_share_record(
        by=world.fca_allocated,
        plan=plan,
        recipient_kind=RecipientKind.PARENT_CARER,
        family_member=mum,
        shared=True,
        shared_on=TODAY(),
        method=ShareMethod.POST,
    )
    invitations = {
        i.source_id: i for i in FeedbackInvitation.objects.filter(source=Source.PLAN_SHARE)
    }
    assert invitations[share.uuid].audience in (Audience.YOUNGER_CHILD, Audience.OLDER_CHILD)
    assert invitations[parent.uuid].audience == Audience.PARENT_CARER
    assert parent.recipient_name == str(mum)


def test_not_sharing_needs_a_reason_and_makes_no_feedback_link(world):
    from together.feedback.models import FeedbackInvitation

    plan = start_plan(world)
    with pytest.raises(ValidationError) as error:
        plan_share_record(
            by=world.fca_allocated, plan=plan, recipient_kind=RecipientKind.CHILD, shared=False
        )
    assert "not_shared_reason" in error.value.message_dict
    share = plan_share_record(
        by=world.fca_allocated,
        plan=plan,
        recipient_kind=RecipientKind.CHILD,
        shared=False,
        not_shared_reason="Jayden is three; we will explain it with pictures instead",
    )
    plan.refresh_from_db()
    assert not share.shared and share.shared_on is None
    assert plan.status == PlanStatus.DRAFT
    assert not FeedbackInvitation.objects.exists()


@pytest.mark.parametrize(
    ("days", "message"),
    [(1, "must be today or in the past"), (-400, "on or after the plan was started")],
)
def test_a_share_date_in_the_future_or_before_the_plan_is_refused(world, days, message):
    plan = start_plan(world)
    with pytest.raises(ValidationError) as error:
        plan_share_record(
            by=world.fca_allocated,
            plan=plan,
            recipient_kind=RecipientKind.CHILD,
            shared=True,
            shared_on=TODAY() + datetime.timedelta(days=days),
            method=ShareMethod.IN_PERSON,
        )
    assert message in error.value.message_dict["shared_on"][0]
    assert not plan.shares.exists()


def test_the_local_council_needs_a_name(world):
    plan = start_plan(world)
    with pytest.raises(ValidationError) as error:
        plan_share_record(
            by=world.fca_allocated,
            plan=plan,
            recipient_kind=RecipientKind.LOCAL_AUTHORITY,
            shared=True,
            shared_on=TODAY(),
            method=ShareMethod.SECURE_EMAIL,
        )
    assert "recipient_name" in error.value.message_dict


@pytest.mark.parametrize("relationship", ["fca_same_team", "supervisor_team", "manager_area"])
def test_only_the_plan_writer_records_sharing(world, relationship):
    plan = start_plan(world)
    with pytest.raises(PermissionDenied):
        plan_share_record(
            by=world.users[relationship],
            plan=plan,
            recipient_kind=RecipientKind.CHILD,
            shared=False,
            not_shared_reason="Not yet",
        )
    assert not plan.shares.exists()


def test_a_stale_version_is_refused(world):
    plan = start_plan(world)
    with pytest.raises(EditConflict):
        share_with_child(world, plan, version=plan.version - 1)
    assert not plan.shares.exists()


def test_a_response_is_recorded_in_their_words_and_lets_the_plan_be_final(world):
    plan = agreed_plan(world)
    share = share_with_child(world, plan)
    response = plan_response_record(
        by=world.fca_allocated,
        share=share,
        response="I like that I can see dad on Saturdays.",
        about_recommendations=True,
        recorded_on=TODAY(),
    )
    assert AuditEvent.objects.filter(
        action=Action.PLAN_RESPONSE_RECORDED, object_id=str(response.uuid)
    ).exists()
    plan.refresh_from_db()
    assert plan.versions.first().snapshot["sharing"]["items"][0]["responses"][0]["response"] == (
        "I like that I can see dad on Saturdays."
    )
    services.plan_state_change(by=world.fca_allocated, plan=plan, to=PlanStatus.FINAL)
    plan.refresh_from_db()
    assert plan.status == PlanStatus.FINAL


def test_a_response_needs_words_and_a_date_not_before_sharing(world):
    plan = agreed_plan(world)
    share = share_with_child(world, plan)
    with pytest.raises(ValidationError) as error:
        plan_response_record(
            by=world.fca_allocated,
            share=share,
            response="  ",
            about_recommendations=True,
            recorded_on=TODAY() - datetime.timedelta(days=3),
        )
    assert set(error.value.message_dict) == {"response", "recorded_on"}
    assert not share.responses.exists()


def test_parents_and_carers_come_from_the_childs_file(world):
    ConnectionFactory(child=world.child, relationship="father")
    ConnectionFactory(child=world.child, relationship="family_friend")
    assert [c.relationship for c in parents_and_carers(world.child)] == ["father"]
