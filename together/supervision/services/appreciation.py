"""Appreciative inquiry: what worked well and the difference it made, for the library."""

from django.core.exceptions import ValidationError
from django.db import transaction

from together.children.models import Child, Meeting
from together.core.permissions import require
from together.letters.models import Letter
from together.plans.models import Plan
from together.storyboards.models import Storyboard

from .. import rules
from ..models import Appreciation, GroupSession
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
    meeting: Meeting | None = None,
    letter: Letter | None = None,
    plan: Plan | None = None,
    storyboard: Storyboard | None = None,
    session: GroupSession | None = None,
    token: str | None = None,
) -> Appreciation:
    """Record what worked well and the difference it made, perhaps about a child, or about one
    of a child's meetings, letters, plans or family storyboards (then about that child), or
    about a group supervision session `by` may see."""
    about = [thing for thing in (meeting, letter, plan, storyboard) if thing is not None]
    if len(about) > 1:
        raise ValidationError("Choose one meeting, letter, plan or storyboard it was about")
    if about:
        child = child or about[0].child
    require(by, rules.may_record_appreciation, child, message=MAY_NOT_APPRECIATE)
    if session is not None:
        require(by, rules.may_see_session, session, message=MAY_NOT_APPRECIATE)
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
            "meeting": meeting,
            "letter": letter,
            "plan": plan,
            "storyboard": storyboard,
            "session": session,
            "recorded_by": by,
        },
        child=child,
        detail={
            "kind": "appreciative inquiry",
            "storyboard": storyboard is not None,
            "about": type(about[0]).__name__.lower() if about else "",
            "session": session is not None,
        },
    )
