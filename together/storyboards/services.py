"""Writes for storyboards: starting one from the prompts, its panels (add, change, move, remove,
pictures, the child's drawings), printing, sharing it with the child, their response, and the
worker's reflection afterwards."""

from __future__ import annotations

import datetime
import io
import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone

from together.audit.models import Action
from together.audit.services import audit_event_record
from together.children.models import Child, TimelineEntry
from together.children.naming import childs_names
from together.children.services import timeline_entry_add
from together.core import form_tokens
from together.core.permissions import require
from together.core.versioning import lock_at_version
from together.documents.services import document_print_record
from together.feedback.models import Source
from together.feedback.models import Stage as FeedbackStage
from together.feedback.services import audience_for_child, feedback_invitation_create
from together.language.selectors import language_confirmation_require
from together.organisation.rules import current_memberships

from . import rules, selectors
from .models import (
    Drawing,
    Panel,
    SharedHow,
    Stage,
    Storyboard,
    StoryboardReflection,
    StoryboardShare,
)
from .pictures import BY_ID
from .prompts import BY_KEY, PROMPTS, starting_words

MAY_NOT_WRITE = "Only those working with the child every day may write and share their storyboards"
MOST_PANELS = 30
MOST_PICTURES = 6
# Uploads: the kinds of image accepted, and the largest file and picture.
UPLOAD_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png"}
UPLOAD_MAX_BYTES = 10 * 1024 * 1024
STORED_MAX_SIDE = 1600


def _require_writer(by, child: Child) -> None:
    require(by, rules.may_write_storyboards, child, message=MAY_NOT_WRITE)


def _last_saved(storyboard: Storyboard):
    return storyboard.updated_by, storyboard.updated_at


def _lock(storyboard: Storyboard, version: int | None) -> Storyboard:
    locked = lock_at_version(
        Storyboard.objects.select_related("child", "started_by"),
        pk=storyboard.pk,
        version=version,
        last_saved=_last_saved,
    )
    return locked


def _changed(
    *, by, storyboard: Storyboard, change: str, action=Action.STORYBOARD_CHANGED, **detail
) -> None:
    """Move the storyboard's version on and log the change (inside the caller's transaction)."""
    Storyboard.objects.filter(pk=storyboard.pk).update(
        version=F("version") + 1, updated_at=timezone.now(), updated_by=by
    )
    storyboard.refresh_from_db(fields=["version", "updated_at", "updated_by"])
    audit_event_record(
        by=by,
        action=action,
        obj=storyboard,
        child_id=storyboard.child.uuid,
        detail={"storyboard": change, **detail},
    )


def _named(storyboard: Storyboard, text: str) -> str:
    """Words with people named as the child names them (never the worker's own first name)."""
    keep = [storyboard.started_by.given_name]
    return childs_names(storyboard.child, keep=keep).apply(text)


def _clean_words(text: str) -> str:
    return (text or "").replace("\r\n", "\n").strip()


def _check_pictures(pictures: list[str]) -> list[str]:
    chosen = list(dict.fromkeys(pictures))
    unknown = [key for key in chosen if key not in BY_ID]
    if unknown:
        raise ValidationError({"pictures": "Choose pictures from the library"})
    if len(chosen) > MOST_PICTURES:
        raise ValidationError({"pictures": f"Choose up to {MOST_PICTURES} pictures for one panel"})
    return chosen


# --- starting -------------------------------------------------------------------------------


@transaction.atomic
def storyboard_start(
    *,
    by,
    child: Child,
    token: str | None,
    title: str,
    prompts: list[str],
    also_for: list[Child] = (),
) -> Storyboard:
    """Start a storyboard from the chosen prompts, one panel each, with starting words where the
    prompt has them (people named as the child names them). The same form sent twice (its
    one-time `token`, ADR 0016) starts one storyboard."""
    _require_writer(by, child)
    claim = form_tokens.claim(token, by=by, model=Storyboard)
    if claim.earlier:
        return claim.earlier
    chosen = [BY_KEY[key] for key in prompts if key in BY_KEY]
    if not chosen:
        raise ValidationError({"prompts": "Choose at least one part of the story to start from"})
    allowed = {sibling.pk for sibling in selectors.siblings_for(child, user=by)}
    if any(sibling.pk not in allowed for sibling in also_for):
        raise ValidationError({"also_for": "Choose from the brothers and sisters given"})
    storyboard = Storyboard(child=child, title=(title or "").strip(), started_by=by, updated_by=by)
    storyboard.full_clean()
    storyboard.save()
    storyboard.also_for.set(also_for)
    family = selectors.family_names(child)
    Panel.objects.bulk_create(
        [
            Panel(
                storyboard=storyboard,
                position=number,
                prompt=prompt.heading,
                words=starting_words(
                    prompt, worker=by.given_name, child=child.preferred_name, family=family
                ),
                pictures=[key for key in prompt.pictures if key in BY_ID],
            )
            for number, prompt in enumerate(sorted(chosen, key=lambda p: PROMPTS.index(p)), start=1)
        ]
    )
    audit_event_record(
        by=by,
        action=Action.STORYBOARD_CREATED,
        obj=storyboard,
        child_id=child.uuid,
        detail={"storyboard": "started", "prompts": [p.key for p in chosen]},
    )
    timeline_entry_add(
        child=child,
        kind=TimelineEntry.Kind.STORYBOARD,
        summary=f"A storyboard was started: {storyboard.title}",
        by=by,
    )
    claim.made(storyboard)
    return storyboard


# --- panels ---------------------------------------------------------------------------------


def _draft(storyboard: Storyboard) -> None:
    """A shared storyboard may still change (the next share is a new version): it goes back to
    being a draft until then."""
    if storyboard.stage != Stage.DRAFT:
        Storyboard.objects.filter(pk=storyboard.pk).update(stage=Stage.DRAFT)
        storyboard.stage = Stage.DRAFT


@transaction.atomic
def panel_add(*, by, storyboard: Storyboard, version: int) -> Panel:
    """Add an empty panel at the end."""
    _require_writer(by, storyboard.child)
    locked = _lock(storyboard, version)
    count = Panel.objects.filter(storyboard=locked).count()
    if count >= MOST_PANELS:
        raise ValidationError(f"A storyboard can have up to {MOST_PANELS} panels")
    last = Panel.objects.filter(storyboard=locked).aggregate(last=Max("position"))["last"] or 0
    panel = Panel(storyboard=locked, position=last + 1, prompt="", words="")
    panel.full_clean()
    panel.save()
    _draft(locked)
    _changed(by=by, storyboard=locked, change="panel added")
    storyboard.version = locked.version
    return panel


@transaction.atomic
def panel_update(*, by, panel: Panel, version: int, prompt: str, words: str) -> Panel:
    """Save a panel's heading and words, with people named as the child names them."""
    storyboard = panel.storyboard
    _require_writer(by, storyboard.child)
    locked = _lock(storyboard, version)
    panel.prompt = (prompt or "").strip()
    panel.words = _named(locked, _clean_words(words))
    panel.full_clean()
    panel.save(update_fields=["prompt", "words"])
    _draft(locked)
    _changed(by=by, storyboard=locked, change="panel changed", panel=str(panel.uuid))
    storyboard.version = locked.version
    return panel


@transaction.atomic
def panel_position_change(*, by, panel: Panel, version: int, direction: str) -> Panel:
    """Move a panel one place up (earlier) or down (later). At the top or bottom it stays."""
    storyboard = panel.storyboard
    _require_writer(by, storyboard.child)
    locked = _lock(storyboard, version)
    if direction not in ("up", "down"):
        raise ValidationError("Choose to move the panel up or down")
    siblings = Panel.objects.filter(storyboard=locked)
    other = (
        siblings.filter(position__lt=panel.position).order_by("-position").first()
        if direction == "up"
        else siblings.filter(position__gt=panel.position).order_by("position").first()
    )
    if other is not None:
        # Swap through a free position, so no two panels share one even for a moment.
        mine, theirs = panel.position, other.position
        top = (siblings.aggregate(top=Max("position"))["top"] or 0) + 1
        Panel.objects.filter(pk=panel.pk).update(position=top)
        Panel.objects.filter(pk=other.pk).update(position=mine)
        Panel.objects.filter(pk=panel.pk).update(position=theirs)
        panel.position = theirs
        _draft(locked)
        _changed(by=by, storyboard=locked, change=f"panel moved {direction}")
    storyboard.version = locked.version
    return panel


@transaction.atomic
def panel_remove(*, by, panel: Panel, version: int) -> None:
    """Remove a panel, with its pictures. A drawing a shared version shows is kept for that
    version (drawing_remove); any other goes for good."""
    storyboard = panel.storyboard
    _require_writer(by, storyboard.child)
    locked = _lock(storyboard, version)
    shown = _drawings_shown_in_shared_versions(locked)
    for drawing in Drawing.objects.filter(panel=panel).defer("image"):
        _drawing_take_off(by=by, drawing=drawing, shown=shown)
    panel.delete()
    _draft(locked)
    _changed(by=by, storyboard=locked, change="panel removed", heading=panel.prompt)
    storyboard.version = locked.version


@transaction.atomic
def panel_pictures_set(*, by, panel: Panel, version: int, pictures: list[str]) -> Panel:
    """Choose the panel's pictures from the library (in the order given)."""
    storyboard = panel.storyboard
    _require_writer(by, storyboard.child)
    locked = _lock(storyboard, version)
    panel.pictures = _check_pictures(pictures)
    panel.save(update_fields=["pictures"])
    _draft(locked)
    _changed(by=by, storyboard=locked, change="pictures chosen", pictures=panel.pictures)
    storyboard.version = locked.version
    return panel


# --- the child's drawings and photographs ---------------------------------------------------


def image_clean(data: bytes) -> tuple[bytes, str, int, int]:
    """The upload as a fresh image with nothing but its pixels: no location, camera or other
    metadata survives (it is decoded and saved again as a new file). Turned the right way up
    first, since the turn is itself metadata. Returns (bytes, content type, width, height), or a
    ValidationError for a file that is not a JPEG or PNG picture."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    if len(data) > UPLOAD_MAX_BYTES:
        raise ValidationError({"image": "The picture must be smaller than 10MB"})
    try:
        with Image.open(io.BytesIO(data)) as probe:
            kind = probe.format
            probe.verify()
        if kind not in UPLOAD_TYPES:
            raise ValidationError({"image": "The picture must be a JPG or PNG"})
        with Image.open(io.BytesIO(data)) as image:
            image = ImageOps.exif_transpose(image)
            image.thumbnail((STORED_MAX_SIDE, STORED_MAX_SIDE))
            if kind == "JPEG":
                fresh = Image.new("RGB", image.size, "white")
                fresh.paste(image.convert("RGB"))
            else:
                fresh = Image.new("RGBA", image.size)
                fresh.paste(image.convert("RGBA"))
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise ValidationError({"image": "The picture must be a JPG or PNG"}) from None
    except Image.DecompressionBombError:
        raise ValidationError({"image": "The picture is too large. Choose a smaller one"}) from None
    out = io.BytesIO()
    fresh.save(out, format=kind, **({"quality": 85} if kind == "JPEG" else {}))
    return out.getvalue(), UPLOAD_TYPES[kind], fresh.width, fresh.height


@transaction.atomic
def drawing_add(
    *, by, panel: Panel, version: int, data: bytes, description: str, token: str | None = None
) -> Drawing:
    """Add the child's drawing (or a photograph the family agreed to) to a panel, re-encoded
    without its metadata. The same form sent twice adds it once."""
    storyboard = panel.storyboard
    _require_writer(by, storyboard.child)
    try:
        claim = form_tokens.claim(token, by=by, model=Drawing)
    except Drawing.DoesNotExist:
        # This form added a picture that has been removed since: it is not added again.
        raise ValidationError(
            "This picture was added and then removed. Upload it again to add it back"
        ) from None
    if claim.earlier:
        return claim.earlier
    locked = _lock(storyboard, version)
    description = (description or "").strip()
    if not description:
        raise ValidationError(
            {"description": "Say what the picture shows, for someone who cannot see it"}
        )
    image, content_type, width, height = image_clean(data)
    drawing = Drawing(
        storyboard=locked,
        panel=panel,
        description=description,
        content_type=content_type,
        width=width,
        height=height,
        image=image,
        uploaded_by=by,
    )
    drawing.full_clean()
    drawing.save()
    _draft(locked)
    _changed(
        by=by,
        storyboard=locked,
        change="picture uploaded",
        action=Action.STORYBOARD_DRAWING_ADDED,
        picture=str(drawing.uuid),
    )
    storyboard.version = locked.version
    claim.made(drawing)
    return drawing


def _drawings_shown_in_shared_versions(storyboard: Storyboard) -> set[str]:
    """The uuids of the drawings any shared version of the storyboard shows (its snapshots)."""
    snapshots = StoryboardShare.objects.filter(storyboard=storyboard).values_list(
        "snapshot", flat=True
    )
    return {
        each["uuid"]
        for snapshot in snapshots
        for panel in snapshot.get("panels", [])
        for each in panel.get("drawings", [])
    }


def _drawing_take_off(*, by, drawing: Drawing, shown: set[str]) -> bool:
    """Take a drawing off the storyboard. One a shared version shows stays, for that version
    only (off its panel, marked removed); any other is deleted, image and all. True if kept."""
    if str(drawing.uuid) in shown:
        Drawing.objects.filter(pk=drawing.pk).update(
            panel=None, removed_at=timezone.now(), removed_by=by
        )
        return True
    Drawing.objects.filter(pk=drawing.pk).delete()
    return False


@transaction.atomic
def drawing_remove(*, by, drawing: Drawing, version: int) -> None:
    """Remove the child's drawing or photograph from the storyboard. The versions already shared
    keep showing it (what was shared stays true); if none shows it, it is deleted for good.
    Removing one already removed (the same form sent twice) does nothing more."""
    storyboard = drawing.storyboard
    _require_writer(by, storyboard.child)
    if not Drawing.objects.filter(
        pk=drawing.pk, storyboard=storyboard, removed_at__isnull=True
    ).exists():
        return
    locked = _lock(storyboard, version)
    kept = _drawing_take_off(
        by=by, drawing=drawing, shown=_drawings_shown_in_shared_versions(locked)
    )
    _draft(locked)
    _changed(
        by=by,
        storyboard=locked,
        change="picture removed",
        action=Action.STORYBOARD_DRAWING_REMOVED,
        picture=str(drawing.uuid),
        description=drawing.description,
        kept_for_shared_versions=kept,
    )
    storyboard.version = locked.version


# --- printing -------------------------------------------------------------------------------


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


# --- sharing --------------------------------------------------------------------------------


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
    timeline_entry_add(
        child=locked.child,
        kind=TimelineEntry.Kind.STORYBOARD,
        summary=(
            f"A storyboard was shared with {shared_with} "
            f"({share.get_shared_how_display().lower()}): {locked.title}"
        ),
        by=by,
    )
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


# --- reflecting -----------------------------------------------------------------------------


def _names_of(storyboard: Storyboard) -> list[str]:
    child = storyboard.child
    names = [child.preferred_name, *child.legal_given_names.split(), child.legal_family_name]
    names += [c.preferred_name for c in storyboard.also_for.all()]
    return [name for name in names if name and len(name) > 1]


@transaction.atomic
def reflection_record(
    *, by, storyboard: Storyboard, what_worked: str, what_to_change: str, token: str | None = None
) -> StoryboardReflection:
    """Record what worked and what the worker would change. Colleagues read it without the
    child's details, so it may not name the child."""
    _require_writer(by, storyboard.child)
    claim = form_tokens.claim(token, by=by, model=StoryboardReflection)
    if claim.earlier:
        return claim.earlier
    what_worked, what_to_change = _clean_words(what_worked), _clean_words(what_to_change)
    if not what_worked:
        raise ValidationError({"what_worked": "Say what worked well"})
    for field, text in (("what_worked", what_worked), ("what_to_change", what_to_change)):
        for name in _names_of(storyboard):
            if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.IGNORECASE):
                raise ValidationError(
                    {
                        field: (
                            "Colleagues read this without the child's details. "
                            "Take out the child's name"
                        )
                    }
                )
    membership = current_memberships(by).select_related("team").first()
    team = membership.team if membership else None
    reflection = StoryboardReflection(
        storyboard=storyboard,
        what_worked=what_worked,
        what_to_change=what_to_change,
        child_age=storyboard.child.age,
        team=team,
        service_area=team.service_area if team else by.service_area,
        recorded_by=by,
    )
    reflection.full_clean()
    reflection.save()
    audit_event_record(
        by=by,
        action=Action.STORYBOARD_REFLECTION_RECORDED,
        obj=reflection,
        child_id=storyboard.child.uuid,
        detail={"storyboard": "reflection recorded"},
    )
    claim.made(reflection)
    return reflection
