"""What supervision's writes share: a record made once from its form, the timeline line."""

import datetime
from collections.abc import Callable

from django.db.models import Model
from django.utils import timezone

from together.audit.models import Action as AuditAction
from together.audit.services import audit_event_record
from together.children.models import Child, TimelineEntry
from together.children.services import timeline_entry_add
from together.core import form_tokens

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
