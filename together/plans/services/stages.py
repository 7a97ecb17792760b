"""Moving a plan through its stages (who may make each move), and comments on it."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from together.audit.models import Action
from together.audit.services import audit_event_record
from together.core import form_tokens

from .. import rules
from ..models import Plan, PlanComment, PlanStatus
from .saving import _lock, _state_changed_record, plan_version_record, sync
from .sections import plan_missing_for_final, plan_missing_for_review

# (from, to): who may make the move.
TRANSITIONS = {
    (PlanStatus.DRAFT, PlanStatus.READY_FOR_REVIEW): rules.may_write_plan,
    (PlanStatus.READY_FOR_REVIEW, PlanStatus.AGREED): rules.may_agree_plan,
    # The supervisor sends it back with comments; the writer may take it back to change it.
    (PlanStatus.READY_FOR_REVIEW, PlanStatus.DRAFT): lambda user, plan: (
        rules.may_agree_plan(user, plan) or rules.may_write_plan(user, plan)
    ),
    (PlanStatus.AGREED, PlanStatus.SHARED): rules.may_write_plan,
    (PlanStatus.AGREED, PlanStatus.FINAL): rules.may_write_plan,
    (PlanStatus.SHARED, PlanStatus.FINAL): rules.may_write_plan,
}


def transitions_for(user, plan: Plan) -> list[PlanStatus]:
    """The stages `user` may move the plan to now (the page offers these as buttons). Moving to
    Shared is not offered: it happens when the first share is recorded."""
    return [
        to
        for (was, to), allowed in TRANSITIONS.items()
        if was == plan.status and to != PlanStatus.SHARED and allowed(user, plan)
    ]


@transaction.atomic
def plan_state_change(*, by, plan: Plan, to, comment: str = "") -> Plan:
    """Move the plan to another stage, if the move is allowed and the plan is ready for it.

    Raises ValidationError with a message a person understands when it is not."""
    locked = _lock(plan, by=by)
    was = PlanStatus(locked.status)
    to = PlanStatus(to)
    allowed = TRANSITIONS.get((was, to))
    if allowed is None:
        raise ValidationError(f"A plan that is {was.label.lower()} cannot be moved to {to.label}")
    if not allowed(by, locked):
        raise PermissionDenied(f"You cannot move this plan to {to.label}")
    comment = (comment or "").strip()
    # The supervisor sends it back (with what must change); its writer may only withdraw it.
    sends_back = (
        was == PlanStatus.READY_FOR_REVIEW
        and to == PlanStatus.DRAFT
        and rules.may_agree_plan(by, locked)
    )
    if sends_back and not comment:
        raise ValidationError({"comment": "Say what needs to change before the plan is agreed"})
    if to == PlanStatus.READY_FOR_REVIEW:
        missing = plan_missing_for_review(locked)
        if missing:
            raise ValidationError([message for _key, message in missing])
    if to == PlanStatus.FINAL:
        missing = plan_missing_for_final(locked)
        if missing:
            raise ValidationError([message for _key, message in missing])
    now = timezone.now()
    locked.status = to
    if to == PlanStatus.AGREED:
        locked.agreed_by = by
        locked.agreed_at = now
    if to == PlanStatus.FINAL:
        locked.finalised_at = now
    locked.full_clean()
    locked.save()
    if comment:
        _comment_add(by=by, plan=locked, text=comment, sends_back=sends_back)
    _state_changed_record(by=by, plan=locked, was=was, comment=comment)
    plan_version_record(by=by, plan=locked, change=f"Moved to {to.label}")
    sync(plan, locked)
    plan.finalised_at = locked.finalised_at
    return locked


def _comment_add(*, by, plan: Plan, text: str, sends_back: bool = False) -> PlanComment:
    comment = PlanComment(plan=plan, by=by, text=text.strip(), sends_back=sends_back)
    comment.full_clean()
    comment.save()
    audit_event_record(
        by=by,
        action=Action.PLAN_COMMENTED,
        obj=plan,
        child_id=plan.child.uuid,
        detail={"comment": str(comment.uuid), "sends_back": sends_back},
    )
    return comment


@transaction.atomic
def plan_comment_add(*, by, plan: Plan, token: str | None, text: str) -> PlanComment:
    """Comment on the plan; once for each form sent (`token`, ADR 0016)."""
    if not rules.may_comment_on_plan(by, plan):
        raise PermissionDenied("You cannot comment on this plan")
    claim = form_tokens.claim(token, by=by, model=PlanComment)
    if claim.earlier:
        return claim.earlier
    if not (text or "").strip():
        raise ValidationError({"text": "Enter your comment"})
    comment = _comment_add(by=by, plan=plan, text=text)
    claim.made(comment)
    return comment
