"""Meetings with the child: recorded (or that they did not happen), and changed later."""

from django.db import transaction
from django.utils import timezone

from together.audit.models import Action
from together.audit.services import audit_event_record
from together.core import form_tokens
from together.core.permissions import require
from together.core.versioning import lock_at_version

from .. import rules
from ..models import Child, Meeting, TimelineEntry
from .file import MAY_NOT_EDIT
from .timeline import timeline_entry_add

# What a meeting's record may be changed to, by meeting_update (not the child, who recorded it
# or whether they met: a meeting that happened after a record of not meeting is a new record).
MEETING_FIELDS = (
    "occurred_at",
    "method",
    "place",
    "place_detail",
    "others_present",
    "child_words",
    "observations",
    "why_this_way",
    "not_met_reason",
)


def _meeting_summary(meeting: Meeting) -> str:
    if not meeting.met:
        return meeting.get_outcome_display()
    if meeting.method == Meeting.Method.IN_PERSON:
        return f"Seen in person, {meeting.get_place_display().lower()}"
    return f"Seen by {meeting.get_method_display().lower()}"


@transaction.atomic
def meeting_record(*, by, child: Child, token: str | None, **fields) -> Meeting:
    """Record a meeting with the child, or (outcome "tried" or "not_yet") that the service did
    not meet them, with the reason; once for each form sent (`token`, ADR 0016)."""
    require(by, rules.may_edit_child, child, message=MAY_NOT_EDIT)
    claim = form_tokens.claim(token, by=by, model=Meeting)
    if claim.earlier:
        return claim.earlier
    meeting = Meeting(child=child, recorded_by=by, **fields)
    meeting.full_clean()
    meeting._change_reason = "Recorded"
    meeting.save()
    audit_event_record(
        by=by,
        action=Action.MEETING_RECORDED,
        obj=meeting,
        child_id=child.uuid,
        detail={"outcome": meeting.outcome},
    )
    timeline_entry_add(
        child=child,
        kind=TimelineEntry.Kind.MEETING,
        summary=_meeting_summary(meeting),
        by=by,
        at=meeting.occurred_at,
    )
    claim.made(meeting)
    return meeting


@transaction.atomic
def meeting_update(*, by, meeting: Meeting, version: int, **changes) -> Meeting:
    """Change a meeting's record. The version it was opened at must still be the latest
    (EditConflict otherwise); every earlier version is kept in the meeting's history."""
    require(by, rules.may_edit_child, meeting.child, message=MAY_NOT_EDIT)
    unknown = set(changes) - set(MEETING_FIELDS)
    if unknown:
        raise TypeError(f"Not part of a meeting's record: {sorted(unknown)}")
    locked = lock_at_version(
        Meeting.objects.select_related("child"),
        pk=meeting.pk,
        version=version,
        last_saved=_meeting_last_saved,
    )
    before = Meeting.objects.get(pk=locked.pk)
    if not locked.history.exists():
        # Made before its changes were kept (or in bulk, as the demo is): keep it as it was
        # first, dated when it was last saved, so the earliest version is never lost.
        locked._history_date = locked.changed_at or locked.recorded_at
        locked._change_reason = "Recorded"
        locked.save()
        del locked._history_date
    for name, value in changes.items():
        setattr(locked, name, value)
    locked.full_clean()
    changed = [name for name in MEETING_FIELDS if getattr(before, name) != getattr(locked, name)]
    if not changed:
        return before
    locked.version += 1
    locked.changed_by, locked.changed_at = by, timezone.now()
    locked._change_reason = "Changed"
    locked.save()
    audit_event_record(
        by=by,
        action=Action.CHILD_UPDATED,
        obj=locked,
        child_id=locked.child.uuid,
        detail={"meeting": str(locked.uuid), "fields": changed},
    )
    day = timezone.localtime(locked.occurred_at)
    timeline_entry_add(
        child=locked.child,
        kind=TimelineEntry.Kind.MEETING,
        summary=f"Record changed: {_meeting_summary(locked)} on {day.day} {day:%B %Y}",
        by=by,
    )
    return locked


def _meeting_last_saved(meeting: Meeting):
    last = meeting.history.select_related("history_user").first()
    if last:
        return last.history_user, last.history_date
    return meeting.changed_by or meeting.recorded_by, meeting.changed_at or meeting.recorded_at
