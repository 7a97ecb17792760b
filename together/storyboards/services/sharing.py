"""Printing a storyboard, sharing it with the child (a kept version), and their response."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from together.audit.models import Action
from together.audit.services import audit_event_record
from together.children.models import TimelineEntry
from together.children.services import timeline_entry_add
from together.core import form_tokens
from together.core.permissions import require
from together.documents.services import document_print_record
from together.feedback.models import Source
from together.feedback.models import Stage as FeedbackStage
from together.feedback.services import audience_for_child, feedback_invitation_create
from together.language.selectors import language_confirmation_require

from .. import rules, selectors
from ..models import Panel, SharedHow, Stage, Storyboard, StoryboardShare
from .common import _changed, _clean_words, _lock, _require_writer


@transaction.atomic
def storyboard_print_record(*, by, storyboard: Storyboard, large_print: bool = False) -> None:
    """Log a download of the storyboard's PDF: anyone who may see the child's file may print it."""
    require(
        by, rules.may_see_storyboards, storyboard.child, message="You cannot print this storyboard"
    )
    document_print_record(
        by=by,
        obj=storyboard,
        what=f"Storyboard, {'large print' if large_print else 'standard print'}",
        child_id=storyboard.child.uuid,
        fmt="pdf",
    )


def snapshot_of(storyboard: Storyboard, panels: list[Panel]) -> dict:
    """What the storyboard says now, as kept with a shared version (and compared later)."""
    return {
        "title": storyboard.title,
        "panels": [
            {
                "uuid": str(panel.uuid),
                "prompt": panel.prompt,
                "words": panel.words,
                "pictures": list(panel.pictures),
                "drawings": [
                    {"uuid": str(d.uuid), "description": d.description}
                    for d in panel.drawings.all()
                ],
            }
            for panel in panels
        ],
    }


def sent_on_check(day: datetime.date, storyboard: Storyboard) -> None:
    if day > timezone.localdate():
        raise ValidationError({"shared_on": "The date it was shared must be today or in the past"})
    if day < timezone.localtime(storyboard.started_at).date():
        raise ValidationError(
            {"shared_on": "The date it was shared must be on or after the day it was started"}
        )


def storyboard_link_read_record(*, share: StoryboardShare) -> None:
    """Record that the shared version behind `share`'s secure link was read (by whoever holds
    the link: nobody signed in). Every read of a child's storyboard is logged, as every view of
    their file is; the event names the share, never who read it."""
    audit_event_record(
        by=None,
        action=Action.STORYBOARD_READ_BY_LINK,
        obj=share.storyboard,
        child_id=share.storyboard.child.uuid,
        actor_label="Someone with the secure link",
        detail={"share": str(share.uuid), "shared_version": share.number},
    )


@transaction.atomic
def storyboard_share_record(
    *,
    by,
    storyboard: Storyboard,
    version: int,
    shared_with: str,
    shared_how: str,
    shared_on: datetime.date,
    token: str | None = None,
) -> StoryboardShare:
    """Record that the storyboard was shared: with whom, how and when. What it says now is kept
    as a version, with a secure link to read it on the web and tell us how it was. The language
    check must find nothing left unconfirmed in the words, or nothing is recorded."""
    _require_writer(by, storyboard.child)
    claim = form_tokens.claim(token, by=by, model=StoryboardShare)
    if claim.earlier:
        return claim.earlier
    locked = _lock(storyboard, version)
    if shared_how not in SharedHow.values:
        raise ValidationError({"shared_how": "Choose how the storyboard was shared"})
    shared_with = (shared_with or "").strip()
    if not shared_with:
        raise ValidationError({"shared_with": "Enter who the storyboard was shared with"})
    sent_on_check(shared_on, locked)
    panels = selectors.panels_of(locked)
    if not panels:
        raise ValidationError("Add at least one panel before you share the storyboard")
    empty = [p for p in panels if not p.words.strip()]
    if empty:
        raise ValidationError(
            f"Write the words for every panel before you share it ({len(empty)} "
            f"panel{'s are' if len(empty) != 1 else ' is'} empty)"
        )
    language_confirmation_require(
        document=locked, text=selectors.words_of(panels), reader=selectors.reader_for(locked)
    )
    number = (locked.shares.aggregate(last=Max("number"))["last"] or 0) + 1
    share = StoryboardShare(
        storyboard=locked,
        number=number,
        shared_with=shared_with,
        shared_how=shared_how,
        shared_on=shared_on,
        snapshot=snapshot_of(locked, panels),
        recorded_by=by,
    )
    # The link that opens the web version and the feedback form, its source_id this share.
    share.invitation = feedback_invitation_create(
        by=by,
        child=locked.child,
        audience=audience_for_child(locked.child),
        source=Source.STORYBOARD_SHARE,
        source_id=share.uuid,
        stage=FeedbackStage.AFTER_MEETING,
    )
    share.full_clean()
    share.save()
    Storyboard.objects.filter(pk=locked.pk).update(stage=Stage.SHARED)
    _changed(
        by=by,
        storyboard=locked,
        change="shared",
        action=Action.STORYBOARD_SHARED,
        how=shared_how,
        to=shared_with,
        on=shared_on.isoformat(),
        version=number,
    )
    # On the timeline of every child it is for: the main child's and each brother's or sister's
    # it is for too (also_for), in the same words.
    summary = (
        f"A storyboard was shared with {shared_with} "
        f"({share.get_shared_how_display().lower()}): {locked.title}"
    )
    for child in [locked.child, *locked.also_for.order_by("date_of_birth", "pk")]:
        timeline_entry_add(child=child, kind=TimelineEntry.Kind.STORYBOARD, summary=summary, by=by)
    storyboard.version = locked.version
    storyboard.stage = Stage.SHARED
    claim.made(share)
    return share


@transaction.atomic
def share_response_record(*, by, share: StoryboardShare, response: str) -> StoryboardShare:
    """Record what the child said about the storyboard, in their own words (never changed by the
    language check or the naming)."""
    storyboard = share.storyboard
    _require_writer(by, storyboard.child)
    response = _clean_words(response)
    if not response:
        raise ValidationError({"response": "Write what they said, in their own words"})
    share.response = response
    share.response_recorded_at = timezone.now()
    share.response_recorded_by = by
    share.full_clean()
    share.save(update_fields=["response", "response_recorded_at", "response_recorded_by"])
    Storyboard.objects.filter(pk=storyboard.pk, stage=Stage.SHARED).update(stage=Stage.RESPONDED)
    audit_event_record(
        by=by,
        action=Action.STORYBOARD_RESPONSE_RECORDED,
        obj=storyboard,
        child_id=storyboard.child.uuid,
        detail={"storyboard": "response recorded", "version": share.number},
    )
    timeline_entry_add(
        child=storyboard.child,
        kind=TimelineEntry.Kind.STORYBOARD,
        summary=f"{share.shared_with} said what they thought of the storyboard: {storyboard.title}",
        by=by,
    )
    return share
