"""The child's drawings and photographs: cleaning an upload, adding it to a panel, removing it."""

from __future__ import annotations

import io

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from together.audit.models import Action
from together.core import form_tokens

from ..models import Drawing, Panel, Storyboard, StoryboardShare
from .common import _changed, _draft, _lock, _require_writer

# Uploads: the kinds of image accepted, and the largest file and picture.
UPLOAD_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png"}
UPLOAD_MAX_BYTES = 10 * 1024 * 1024
STORED_MAX_SIDE = 1600


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
