"""Changing a letter's words, and recording how, when and to whom it was sent."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from together.audit.models import Action
from together.audit.services import audit_event_record
from together.children.services import timeline_entry_add
from together.core.permissions import require
from together.core.versioning import lock_at_version
from together.feedback.services import feedback_invitation_open
from together.language.selectors import language_confirmation_require

from .. import rules, selectors
from ..models import Letter, SentHow, Status
from .addresses import _refuse_confidential
from .starting import MAY_NOT_WRITE, TIMELINE_KIND


@transaction.atomic
def letter_update(
    *,
    by,
    letter: Letter,
    version: int,
    body: str,
    video_url: str = "",
    include_address: bool = False,
) -> Letter:
    """Save the letter's words. Refuses an edit made on an old version, and a sent letter."""
    require(by, rules.may_write_letters, letter.child, message=MAY_NOT_WRITE)
    locked = lock_at_version(
        Letter.objects.all(), pk=letter.pk, version=version, last_saved=_last_saved
    )
    if locked.is_sent:
        raise ValidationError("This letter has been sent. It cannot be changed now")
    locked.body = (body or "").replace("\r\n", "\n").strip()
    locked.video_url = (video_url or "").strip()
    locked.include_address = include_address
    locked.full_clean()
    _refuse_confidential(locked)
    locked.version += 1
    locked.updated_at = timezone.now()
    locked.updated_by = by
    locked.save()
    audit_event_record(by=by, action=Action.LETTER_UPDATED, obj=locked, child_id=locked.child.uuid)
    return locked


def _last_saved(letter: Letter):
    return letter.updated_by, letter.updated_at


def sent_at_for(day: datetime.date) -> datetime.datetime:
    """A sent date as a moment: now if today, else midday on that day (London time)."""
    if day == timezone.localdate():
        return timezone.now()
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12, 0)))


@transaction.atomic
def letter_mark_sent(
    *, by, letter: Letter, version: int, sent_on: datetime.date, sent_how: str, sent_to: str
) -> Letter:
    """Record how, when and to whom the letter went. The language check must find nothing left
    unconfirmed in the words (language_confirmation_require), or nothing is recorded."""
    require(by, rules.may_write_letters, letter.child, message=MAY_NOT_WRITE)
    locked = lock_at_version(
        Letter.objects.select_related("child"),
        pk=letter.pk,
        version=version,
        last_saved=_last_saved,
    )
    if locked.is_sent:
        raise ValidationError("This letter has already been recorded as sent")
    if sent_how not in SentHow.values:
        raise ValidationError({"sent_how": "Choose how the letter was sent"})
    language_confirmation_require(
        document=locked, text=locked.body, reader=selectors.reader_for(locked)
    )
    locked.status = Status.SENT
    locked.sent_at = sent_at_for(sent_on)
    locked.sent_how = sent_how
    locked.sent_to = (sent_to or "").strip() or locked.recipient_name
    locked.sent_recorded_by = by
    locked.version += 1
    locked.updated_at = timezone.now()
    locked.updated_by = by
    locked.full_clean()
    _refuse_confidential(locked)
    locked.save()
    # The feedback link works from now, not from when the letter was started.
    invitation = selectors.invitation_for(locked)
    if invitation is not None:
        feedback_invitation_open(by=by, invitation=invitation)
    audit_event_record(
        by=by,
        action=Action.LETTER_SENT,
        obj=locked,
        child_id=locked.child.uuid,
        detail={"how": sent_how, "to": locked.sent_to, "on": sent_on.isoformat()},
    )
    timeline_entry_add(
        child=locked.child,
        kind=TIMELINE_KIND,
        summary=(
            f"{locked.get_kind_display()} sent to {locked.sent_to} "
            f"({locked.get_sent_how_display().lower()})"
        ),
        by=by,
        at=locked.sent_at,
    )
    return locked
