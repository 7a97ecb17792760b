"""Writes for thinking together. Each service checks its actor (rules.py), makes its record once
for each form sent (`token`, ADR 0016) and writes its audit event in the same transaction."""

import datetime
from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Model
from django.utils import timezone

from together.audit.models import Action as AuditAction
from together.audit.services import audit_event_record
from together.children import rules as children_rules
from together.children.models import Child, TimelineEntry
from together.children.services import timeline_entry_add
from together.core import form_tokens
from together.core.permissions import require
from together.core.versioning import lock_at_version
from together.storyboards.models import Storyboard

from . import rules
from .models import (
    MAPPING,
    Action,
    Appreciation,
    CircleIdea,
    Discussion,
    GroupSession,
    OneToOne,
    OneToOneChild,
    SolutionCircle,
)

MAY_NOT_RECORD = "You cannot record group supervision for this team"
MAY_NOT_ADD = "You cannot add to this session"
MAY_NOT_CHANGE_ACTION = "You cannot change this action"
MAY_NOT_RUN_CIRCLE = "You cannot change this solution circle"
CIRCLE_CHANGES = ("first_step", "follow_up_on", "what_happened")
DISCUSSION_FIELDS = (
    "question",
    *(name for name, _label in MAPPING),
    "thinking",
    "how_it_helped",
)
# A timeline line is at most this long (children.models.TimelineEntry.summary).
SUMMARY_LIMIT = 300


def _made_once(
    model: type[Model],
    *,
    by,
    token: str | None,
    fields: dict,
    detail: dict,
    child: Child | None = None,
    audit_as: Model | None = None,
    audit_action: str = AuditAction.SUPERVISION_RECORDED,
    check: Callable[[], None] | None = None,
    then: Callable[[Model], None] | None = None,
):
    """Make one `model` record from a form, once however often the form is sent (ADR 0016).

    Inside the caller's transaction, after it has checked `by`: claim the form's token (a form
    sent again hands back what it made the first time), run `check` (which may refuse with a
    ValidationError, such as a child already discussed: only after the claim, so a form sent
    twice is not refused by its own first record), make the record from `fields` (full_clean
    first), write the audit event (about `audit_as`, the record itself unless given, and the
    `child` if any), then `then(record)` (a timeline entry, the people who came)."""
    claim = form_tokens.claim(token, by=by, model=model)
    if claim.earlier:
        return claim.earlier
    if check is not None:
        check()
    record = model(**fields)
    record.full_clean()
    record.save()
    audit_event_record(
        by=by,
        action=audit_action,
        obj=audit_as or record,
        child_id=child.uuid if child else None,
        detail=detail,
    )
    if then is not None:
        then(record)
    claim.made(record)
    return record


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


def _names(people) -> str:
    names = sorted(person.full_name for person in people)
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


def thought_about_summary(child: Child, *, where: str, people, how_it_helped: str) -> str:
    """The line on the child's timeline: that their situation was thought about together, who
    was there and how it helped; never the debate. Written for the child to read."""
    start = f"People who work with you thought together about how to help you, in {where}."
    there = f" {_names(people)} were there." if people else ""
    helped = f" How it helped: {how_it_helped.strip()}"
    summary = f"{start}{there}{helped}"
    if len(summary) > SUMMARY_LIMIT:
        summary = summary[: SUMMARY_LIMIT - 1].rstrip() + "…"
    return summary


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


def _thought_about_entry(*, by, child, where, people, how_it_helped, held_on) -> None:
    """The child's timeline says their situation was thought about together (at midday on the
    day it was)."""
    timeline_entry_add(
        child=child,
        kind=TimelineEntry.Kind.SUPERVISION,
        summary=thought_about_summary(
            child, where=where, people=people, how_it_helped=how_it_helped
        ),
        by=by,
        at=timezone.make_aware(datetime.datetime.combine(held_on, datetime.time(12))),
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


MAY_NOT_APPRECIATE = "You cannot record this"


@transaction.atomic
def appreciation_record(
    *,
    by,
    theme: str,
    what_worked: str,
    difference: str,
    for_whom: list[str],
    child: Child | None = None,
    storyboard: Storyboard | None = None,
    token: str | None = None,
) -> Appreciation:
    """Record what worked well and the difference it made, perhaps about a child, or about a
    family storyboard (then about the storyboard's child)."""
    if storyboard is not None:
        child = child or storyboard.child
    require(by, rules.may_record_appreciation, child, message=MAY_NOT_APPRECIATE)
    return _made_once(
        Appreciation,
        by=by,
        token=token,
        fields={
            "service_area_id": by.service_area_id,
            "theme": theme,
            "what_worked": what_worked,
            "difference": difference,
            "for_whom": list(for_whom),
            "child": child,
            "storyboard": storyboard,
            "recorded_by": by,
        },
        child=child,
        detail={"kind": "appreciative inquiry", "storyboard": storyboard is not None},
    )
