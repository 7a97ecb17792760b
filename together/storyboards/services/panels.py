"""A storyboard's panels: adding, changing, moving and removing them, and their pictures."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from ..models import Drawing, Panel, Storyboard
from ..pictures import BY_ID
from .common import _changed, _clean_words, _draft, _lock, _named, _require_writer
from .drawings import _drawing_take_off, _drawings_shown_in_shared_versions

MOST_PANELS = 30
MOST_PICTURES = 6


def _check_pictures(pictures: list[str]) -> list[str]:
    chosen = list(dict.fromkeys(pictures))
    unknown = [key for key in chosen if key not in BY_ID]
    if unknown:
        raise ValidationError({"pictures": "Choose pictures from the library"})
    if len(chosen) > MOST_PICTURES:
        raise ValidationError({"pictures": f"Choose up to {MOST_PICTURES} pictures for one panel"})
    return chosen


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
