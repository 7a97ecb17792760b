"""Solution circles in a session: starting one, the ideas offered, the step chosen and after."""

from django.core.exceptions import ValidationError
from django.db import transaction

from together.audit.models import Action as AuditAction
from together.audit.services import audit_event_record
from together.core.permissions import require
from together.core.versioning import lock_at_version

from .. import rules
from ..models import CircleIdea, Discussion, GroupSession, SolutionCircle
from .common import _made_once
from .group import MAY_NOT_ADD

MAY_NOT_RUN_CIRCLE = "You cannot change this solution circle"
CIRCLE_CHANGES = ("first_step", "follow_up_on", "what_happened")


@transaction.atomic
def circle_start(
    *,
    by,
    session: GroupSession,
    problem_holder,
    problem: str,
    discussion: Discussion | None = None,
    idea_rounds: int = 2,
    minutes_per_round: int = 5,
    token: str | None = None,
) -> SolutionCircle:
    """Start a solution circle in a session for one problem holder, perhaps about a child
    discussed there."""
    require(by, rules.may_add_to_session, session, message=MAY_NOT_ADD)
    if not session.attendees.filter(pk=problem_holder.pk).exists():
        raise ValidationError({"problem_holder": "Choose someone who was at the session"})
    return _made_once(
        SolutionCircle,
        by=by,
        token=token,
        fields={
            "session": session,
            "discussion": discussion,
            "problem_holder": problem_holder,
            "problem": problem,
            "idea_rounds": idea_rounds,
            "minutes_per_round": minutes_per_round,
            "recorded_by": by,
        },
        child=discussion.child if discussion else None,
        detail={"kind": "solution circle"},
    )


@transaction.atomic
def circle_idea_add(
    *, by, circle: SolutionCircle, round: int, offered_by, idea: str, token: str | None = None
) -> CircleIdea:
    """Note an idea someone offered in a round of the circle."""
    require(by, rules.may_run_circle, circle, message=MAY_NOT_RUN_CIRCLE)
    if not circle.session.attendees.filter(pk=offered_by.pk).exists():
        raise ValidationError({"offered_by": "Choose someone who was at the session"})
    return _made_once(
        CircleIdea,
        by=by,
        token=token,
        fields={"circle": circle, "round": round, "offered_by": offered_by, "idea": idea},
        audit_as=circle,
        detail={"kind": "solution circle", "change": "idea"},
    )


def _circle_last_saved(circle: SolutionCircle):
    return circle.recorded_by, circle.recorded_at


@transaction.atomic
def circle_update(*, by, circle: SolutionCircle, version: int, **changes) -> SolutionCircle:
    """Record the first step the problem holder chose and the follow-up date, or, at the
    follow-up, what happened. Refuses a change made on an old version (EditConflict)."""
    require(by, rules.may_run_circle, circle, message=MAY_NOT_RUN_CIRCLE)
    unknown = set(changes) - set(CIRCLE_CHANGES)
    if unknown:
        raise TypeError(f"Not part of a solution circle's outcome: {sorted(unknown)}")
    locked = lock_at_version(
        SolutionCircle.objects.select_related("recorded_by"),
        pk=circle.pk,
        version=version,
        last_saved=_circle_last_saved,
    )
    for name, value in changes.items():
        setattr(locked, name, value)
    if locked.follow_up_on and not locked.first_step:
        raise ValidationError({"first_step": "Enter the first step chosen"})
    locked.version += 1
    locked.full_clean()
    locked.save()
    audit_event_record(
        by=by,
        action=AuditAction.SUPERVISION_RECORDED,
        obj=locked,
        detail={"kind": "solution circle", "changed": sorted(changes)},
    )
    return locked
