"""Appreciative inquiry: what worked well and the difference it made, for the library."""

from django.db import transaction

from together.children.models import Child
from together.core.permissions import require
from together.storyboards.models import Storyboard

from .. import rules
from ..models import Appreciation
from .common import _made_once

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
