"""What every change to a storyboard shares: the writer's check, the version lock, the log."""

from __future__ import annotations

from django.db.models import F
from django.utils import timezone

from together.audit.models import Action
from together.audit.services import audit_event_record
from together.children.models import Child
from together.children.naming import childs_names
from together.core.permissions import require
from together.core.versioning import lock_at_version

from .. import rules
from ..models import Stage, Storyboard

MAY_NOT_WRITE = "Only those working with the child every day may write and share their storyboards"


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


def _draft(storyboard: Storyboard) -> None:
    """A shared storyboard may still change (the next share is a new version): it goes back to
    being a draft until then."""
    if storyboard.stage != Stage.DRAFT:
        Storyboard.objects.filter(pk=storyboard.pk).update(stage=Stage.DRAFT)
        storyboard.stage = Stage.DRAFT
