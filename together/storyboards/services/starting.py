"""Starting a storyboard from the chosen prompts, one panel each."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from together.audit.models import Action
from together.audit.services import audit_event_record
from together.children.models import Child, TimelineEntry
from together.children.services import timeline_entry_add
from together.core import form_tokens

from .. import selectors
from ..models import Panel, Storyboard
from ..pictures import BY_ID
from ..prompts import BY_KEY, PROMPTS, starting_words
from .common import _require_writer


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
