"""Meetings with the child: recorded (or that they did not happen), and changed later."""

from django.db import transaction
from django.db.models import Min, OuterRef, Subquery
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


def first_meetings_keep(links) -> int:
    """Set each link of a child to proceedings in `links` (a query of ProceedingsChild rows, which
    this app reaches only through a child's `proceedings_links`) to when the child was first met
    in those proceedings, and first met in person, from their meetings: one UPDATE, however many
    links. Called wherever meetings are written (the services below, the import, the demo and
    the test factories; proceedings just made have no meetings to keep), so the scorecard's
    "seen by D" is `first_met_at` before the end of D (ADR 0027). Returns the links updated."""
    met = (
        Meeting.objects.filter(
            child=OuterRef("child_id"),
            proceedings=OuterRef("proceedings_id"),
            outcome=Meeting.Outcome.MET,
        )
        .order_by()
        .values("child")
    )
    first = met.annotate(first=Min("occurred_at")).values("first")
    in_person = (
        met.filter(method=Meeting.Method.IN_PERSON)
        .annotate(first=Min("occurred_at"))
        .values("first")
    )
    return links.update(first_met_at=Subquery(first), first_met_in_person_at=Subquery(in_person))


def _keep_first_meeting(meeting: Meeting) -> None:
    if meeting.proceedings_id is not None:
        first_meetings_keep(
            meeting.child.proceedings_links.filter(proceedings_id=meeting.proceedings_id)
        )


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
    _keep_first_meeting(meeting)
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
    if {"occurred_at", "method"} & set(changed):
        _keep_first_meeting(locked)
    return locked


def _meeting_last_saved(meeting: Meeting):
    last = meeting.history.select_related("history_user").first()
    if last:
        return last.history_user, last.history_date
    return meeting.changed_by or meeting.recorded_by, meeting.changed_at or meeting.recorded_at
