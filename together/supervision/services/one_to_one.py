"""One-to-one supervision: the record, the children thought about, and the actions agreed."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from together.audit.models import Action as AuditAction
from together.children import rules as children_rules
from together.children.models import Child
from together.core.permissions import require

from .. import rules
from ..models import Action, OneToOne, OneToOneChild
from .common import _made_once, _thought_about_entry

MAY_NOT_SUPERVISE = "You cannot record one-to-one supervision for this person"


@transaction.atomic
def one_to_one_record(
    *,
    by,
    supervisee,
    held_on: datetime.date,
    discussion: str,
    wellbeing: str = "",
    token: str | None = None,
) -> OneToOne:
    """Record one-to-one supervision `by` gave an FCA in a team they supervise."""
    require(by, rules.may_supervise, supervisee, message=MAY_NOT_SUPERVISE)
    return _made_once(
        OneToOne,
        by=by,
        token=token,
        fields={
            "supervisor": by,
            "supervisee": supervisee,
            "held_on": held_on,
            "discussion": discussion,
            "wellbeing": wellbeing,
            "recorded_by": by,
        },
        # What was said about wellbeing is never copied into the audit detail.
        detail={"kind": "one-to-one"},
    )


@transaction.atomic
def one_to_one_child_add(
    *, by, one_to_one: OneToOne, child: Child, how_it_helped: str, token: str | None = None
) -> OneToOneChild:
    """A child thought about in one-to-one supervision; the child's timeline says so (who was
    there and how it helped, never the discussion or anyone's wellbeing)."""
    require(by, rules.may_add_to_one_to_one, one_to_one, message=MAY_NOT_SUPERVISE)
    if not children_rules.may_see_child(one_to_one.supervisee, child):
        raise ValidationError({"child": "Choose a child the person supervised works with"})

    def not_added_yet():
        if one_to_one.children.filter(child=child).exists():
            raise ValidationError({"child": "This child has already been added"})

    return _made_once(
        OneToOneChild,
        by=by,
        token=token,
        fields={"one_to_one": one_to_one, "child": child, "how_it_helped": how_it_helped},
        child=child,
        audit_as=one_to_one,
        detail={"kind": "one-to-one", "change": "child"},
        check=not_added_yet,
        then=lambda _made: _thought_about_entry(
            by=by,
            child=child,
            where="one-to-one supervision",
            people=[one_to_one.supervisor, one_to_one.supervisee],
            how_it_helped=how_it_helped,
            held_on=one_to_one.held_on,
        ),
    )


@transaction.atomic
def one_to_one_action_add(
    *,
    by,
    one_to_one: OneToOne,
    what: str,
    owner,
    due_on: datetime.date,
    token: str | None = None,
) -> Action:
    """Agree something in one-to-one supervision for one of the two to do by a date."""
    require(by, rules.may_add_to_one_to_one, one_to_one, message=MAY_NOT_SUPERVISE)
    if owner.pk not in {one_to_one.supervisor_id, one_to_one.supervisee_id}:
        raise ValidationError({"owner": "Choose one of the two people in the supervision"})
    return _made_once(
        Action,
        by=by,
        token=token,
        fields={
            "one_to_one": one_to_one,
            "what": what,
            "owner": owner,
            "due_on": due_on,
            "recorded_by": by,
        },
        audit_action=AuditAction.SUPERVISION_ACTION_CHANGED,
        detail={"change": "added", "kind": "one-to-one"},
    )
