"""The worker's reflection afterwards, which colleagues read without the child's details."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.db import transaction

from together.audit.models import Action
from together.audit.services import audit_event_record
from together.core import form_tokens
from together.organisation.rules import current_memberships

from ..models import Storyboard, StoryboardReflection
from .common import _clean_words, _require_writer


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
