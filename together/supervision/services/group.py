"""Group supervision: the session, the children discussed in it, and the actions agreed."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from together.audit.models import Action as AuditAction
from together.audit.services import audit_event_record
from together.children import rules as children_rules
from together.children.models import Child
from together.core.permissions import require
from together.core.versioning import lock_at_version

from .. import rules
from ..models import MAPPING, Action, Discussion, GroupSession
from .common import _made_once, _thought_about_entry

MAY_NOT_RECORD = "You cannot record group supervision for this team"
MAY_NOT_ADD = "You cannot add to this session"
MAY_NOT_CHANGE_ACTION = "You cannot change this action"

DISCUSSION_FIELDS = (
    "question",
    *(name for name, _label in MAPPING),
    "thinking",
    "how_it_helped",
)


@transaction.atomic
def group_session_create(
    *, by, team, held_on: datetime.date, facilitator, attendees, token: str | None = None
) -> GroupSession:
    """Record that a team met for group supervision: the date, who facilitated and who came."""
    require(by, rules.may_record_group_session, team, message=MAY_NOT_RECORD)
    people = {person.pk: person for person in attendees}
    people.setdefault(facilitator.pk, facilitator)
    return _made_once(
        GroupSession,
        by=by,
        token=token,
        fields={"team": team, "held_on": held_on, "facilitator": facilitator, "recorded_by": by},
        detail={"kind": "group", "attended": len(people)},
        then=lambda session: session.attendees.set(people.values()),
    )


@transaction.atomic
def discussion_add(
    *, by, session: GroupSession, child: Child, brought_by, token: str | None = None, **fields
) -> Discussion:
    """Record a child's situation thought about in a session; the child's timeline says so."""
    require(by, rules.may_add_to_session, session, message=MAY_NOT_ADD)
    unknown = set(fields) - set(DISCUSSION_FIELDS)
    if unknown:
        raise TypeError(f"Not part of a discussion: {sorted(unknown)}")
    attendees = list(session.attendees.all())
    if brought_by.pk not in {person.pk for person in attendees}:
        raise ValidationError({"brought_by": "Choose someone who was at the session"})
    # The child is one the person who brought them works with; recording the discussion gives
    # nobody access to the child's file.
    if not children_rules.may_see_child(brought_by, child):
        raise ValidationError({"child": "Choose a child the person who brought them works with"})

    def not_discussed_yet():
        if session.discussions.filter(child=child).exists():
            raise ValidationError(
                {"child": "This child has already been discussed in this session"}
            )

    def on_the_timeline(discussion):
        _thought_about_entry(
            by=by,
            child=child,
            where="group supervision",
            people=attendees,
            how_it_helped=discussion.how_it_helped,
            held_on=session.held_on,
        )

    return _made_once(
        Discussion,
        by=by,
        token=token,
        fields={
            "session": session,
            "child": child,
            "brought_by": brought_by,
            "recorded_by": by,
            **fields,
        },
        child=child,
        detail={"kind": "group", "mapped": any(fields.get(name) for name, _label in MAPPING)},
        check=not_discussed_yet,
        then=on_the_timeline,
    )


def _discussion_last_saved(discussion: Discussion):
    return discussion.recorded_by, discussion.recorded_at


@transaction.atomic
def discussion_update(*, by, discussion: Discussion, version: int, **changes) -> Discussion:
    """Change what a discussion records (the mapping filled in after the session, say). Refuses
    a change made on an old version (EditConflict)."""
    require(by, rules.may_add_to_session, discussion.session, message=MAY_NOT_ADD)
    unknown = set(changes) - set(DISCUSSION_FIELDS)
    if unknown:
        raise TypeError(f"Not part of a discussion: {sorted(unknown)}")
    locked = lock_at_version(
        Discussion.objects.select_related("session", "recorded_by"),
        pk=discussion.pk,
        version=version,
        last_saved=_discussion_last_saved,
    )
    for name, value in changes.items():
        setattr(locked, name, value)
    locked.version += 1
    locked.full_clean()
    locked.save()
    audit_event_record(
        by=by,
        action=AuditAction.SUPERVISION_RECORDED,
        obj=locked,
        child_id=locked.child.uuid,
        detail={"kind": "group", "changed": sorted(changes)},
    )
    return locked


@transaction.atomic
def action_add(
    *,
    by,
    discussion: Discussion,
    what: str,
    owner,
    due_on: datetime.date,
    token: str | None = None,
) -> Action:
    """Agree something for one person to do by a date, from a child's discussion."""
    require(by, rules.may_add_to_session, discussion.session, message=MAY_NOT_ADD)
    return _made_once(
        Action,
        by=by,
        token=token,
        fields={
            "discussion": discussion,
            "child": discussion.child,
            "what": what,
            "owner": owner,
            "due_on": due_on,
            "recorded_by": by,
        },
        child=discussion.child,
        audit_action=AuditAction.SUPERVISION_ACTION_CHANGED,
        detail={"change": "added"},
    )


@transaction.atomic
def action_mark_done(*, by, action: Action, done: bool = True) -> Action:
    """Say an action is done (today), or not done after all."""
    require(by, rules.may_change_action, action, message=MAY_NOT_CHANGE_ACTION)
    action.done_on = timezone.localdate() if done else None
    action.full_clean()
    action.save(update_fields=["done_on"])
    audit_event_record(
        by=by,
        action=AuditAction.SUPERVISION_ACTION_CHANGED,
        obj=action,
        child_id=action.child.uuid if action.child_id else None,
        detail={"change": "done" if done else "not done"},
    )
    return action
