"""Writes for section 9 of the plan: who it was shared with (or why not), and what they said."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from together.audit.models import Action
from together.audit.services import audit_event_record
from together.children.models import ChildConnection, FamilyMember
from together.core.versioning import lock_at_version

from .. import rules
from ..models import Plan, PlanResponse, PlanShare, PlanStatus, RecipientKind
from . import copying
from .saving import plan_version_record
from .sections import copies_to_check_message
from .stages import plan_state_change


def parents_and_carers(child) -> list[ChildConnection]:
    """The child's parents and carers, as connected on their file (one query)."""
    return list(
        ChildConnection.objects.filter(child=child)
        .parents_and_carers()
        .select_related("person")
        .order_by("relationship", "person__given_name", "id")
    )


def not_yet_recorded(plan: Plan, shares: list[PlanShare]) -> list[str]:
    """Who the plan is usually shared with but nothing is recorded for yet: the child, each
    parent or carer, and in public law the local council's social worker."""
    from together.proceedings.models import Law

    kinds = {share.recipient_kind for share in shares}
    people = {share.family_member_id for share in shares if share.family_member_id}
    missing = []
    if RecipientKind.CHILD not in kinds:
        missing.append(plan.child.preferred_name)
    for connection in parents_and_carers(plan.child):
        if connection.person_id not in people:
            missing.append(f"{connection.person} ({connection.get_relationship_display().lower()})")
    if plan.proceedings.law == Law.PUBLIC and RecipientKind.LOCAL_AUTHORITY not in kinds:
        missing.append("The local council's social worker")
    return missing


def _lock(plan: Plan, version: int | None) -> Plan:
    return lock_at_version(
        Plan.objects.select_related("child", "proceedings"),
        pk=plan.pk,
        version=version,
        last_saved=_last_saved,
    )


def _last_saved(plan: Plan):
    last = plan.versions.select_related("saved_by").first()
    return (last.saved_by, last.saved_at) if last else (None, None)


def _audience(recipient_kind: str, child):
    from together.feedback.models import Audience
    from together.feedback.services import audience_for_child

    if recipient_kind == RecipientKind.CHILD:
        return audience_for_child(child)
    if recipient_kind == RecipientKind.PARENT_CARER:
        return Audience.PARENT_CARER
    return Audience.PROFESSIONAL


def _recipient_label(share: PlanShare) -> str:
    return share.recipient_name or share.get_recipient_kind_display()


@transaction.atomic
def plan_share_record(
    *,
    by,
    plan: Plan,
    recipient_kind: str,
    family_member: FamilyMember | None = None,
    recipient_name: str = "",
    shared: bool,
    shared_on: date | None = None,
    method: str = "",
    not_shared_reason: str = "",
    version: int | None = None,
) -> PlanShare:
    """Record that the plan was shared with someone (when and how), or why it was not.

    The first time an agreed plan is actually shared, the plan becomes Shared. A feedback link is
    made for the person it was shared with."""
    from together.feedback.models import Source
    from together.feedback.services import feedback_invitation_create

    locked = _lock(plan, version)
    if not rules.may_write_plan(by, locked):
        raise PermissionDenied("Only the person writing the plan records who it was shared with")
    errors: dict[str, str] = {}
    recipient_name = (recipient_name or "").strip()
    not_shared_reason = (not_shared_reason or "").strip()
    if family_member is not None and not recipient_name:
        recipient_name = str(family_member)
    if recipient_kind == RecipientKind.CHILD and not recipient_name:
        recipient_name = locked.child.preferred_name
    professional = (RecipientKind.LOCAL_AUTHORITY, RecipientKind.OTHER_PROFESSIONAL)
    if recipient_kind in professional and not recipient_name:
        errors["recipient_name"] = "Enter the name of the person it was shared with"
    if (
        recipient_kind == RecipientKind.PARENT_CARER
        and family_member is None
        and not recipient_name
    ):
        errors["family_member"] = "Choose which parent or carer"
    if shared:
        if shared_on is None:
            errors["shared_on"] = "Enter the date it was shared"
        elif shared_on > timezone.localdate():
            errors["shared_on"] = "The date it was shared must be today or in the past"
        elif shared_on < timezone.localdate(locked.created_at):
            errors["shared_on"] = "The date it was shared must be on or after the plan was started"
        if not method:
            errors["method"] = "Choose how it was shared"
        not_shared_reason = ""
    else:
        if not not_shared_reason:
            errors["not_shared_reason"] = "Explain why it was not shared"
        shared_on, method = None, ""
    if shared and copying.has_copies_to_check(locked):
        errors["__all__"] = copies_to_check_message(locked)
    if errors:
        raise ValidationError(errors)
    share = PlanShare(
        plan=locked,
        recipient_kind=recipient_kind,
        family_member=family_member,
        recipient_name=recipient_name,
        shared=shared,
        shared_on=shared_on,
        method=method,
        not_shared_reason=not_shared_reason,
        plan_version=locked.version,
        recorded_by=by,
        recorded_at=timezone.now(),
    )
    share.full_clean()
    share.save()
    audit_event_record(
        by=by,
        action=Action.PLAN_SHARED,
        obj=share,
        child_id=locked.child.uuid,
        detail={
            "plan": str(locked.uuid),
            "recipient_kind": recipient_kind,
            "shared": shared,
            "plan_version": share.plan_version,
        },
    )
    label = _recipient_label(share)
    plan_version_record(
        by=by,
        plan=locked,
        change=f"Recorded sharing with {label}" if shared else f"Recorded not sharing with {label}",
    )
    if shared and locked.status == PlanStatus.AGREED:
        plan_state_change(by=by, plan=locked, to=PlanStatus.SHARED)
    if shared:
        feedback_invitation_create(
            by=by,
            child=locked.child,
            audience=_audience(recipient_kind, locked.child),
            source=Source.PLAN_SHARE,
            source_id=share.uuid,
        )
    plan.version = locked.version
    plan.status = locked.status
    return share


@transaction.atomic
def plan_response_record(
    *,
    by,
    share: PlanShare,
    response: str,
    about_recommendations: bool,
    recorded_on: date,
    version: int | None = None,
) -> PlanResponse:
    """Record what someone said about the plan once it was shared with them, in their words."""
    locked = _lock(share.plan, version)
    if not rules.may_write_plan(by, locked):
        raise PermissionDenied("Only the person writing the plan records responses")
    errors: dict[str, str] = {}
    response = (response or "").strip()
    if not share.shared:
        errors["share"] = "The plan was not shared with them, so there is no response to record"
    if not response:
        errors["response"] = "Enter what they said, in their own words"
    if recorded_on is None:
        errors["recorded_on"] = "Enter the date they responded"
    elif recorded_on > timezone.localdate():
        errors["recorded_on"] = "The date they responded must be today or in the past"
    elif share.shared_on and recorded_on < share.shared_on:
        errors["recorded_on"] = "The date they responded must be on or after the plan was shared"
    if errors:
        raise ValidationError(errors)
    answer = PlanResponse(
        share=share,
        response=response,
        about_recommendations=about_recommendations,
        recorded_on=recorded_on,
        recorded_by=by,
        recorded_at=timezone.now(),
    )
    answer.full_clean()
    answer.save()
    audit_event_record(
        by=by,
        action=Action.PLAN_RESPONSE_RECORDED,
        obj=answer,
        child_id=locked.child.uuid,
        detail={
            "plan": str(locked.uuid),
            "share": str(share.uuid),
            "about_recommendations": about_recommendations,
        },
    )
    plan_version_record(
        by=by, plan=locked, change=f"Recorded a response from {_recipient_label(share)}"
    )
    share.plan.version = locked.version
    return answer
