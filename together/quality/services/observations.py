"""Observations of practice, and the list of themes audits are tagged with."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from together.audit.models import Action
from together.audit.services import audit_event_record
from together.core import form_tokens
from together.core.permissions import require

from .. import rules
from ..models import Observation, QualityAction, Theme


@transaction.atomic
def observation_record(
    *,
    by,
    fca,
    observed_on: datetime.date,
    what: str,
    with_whom: str,
    worked_well: str,
    to_improve: str = "",
    action: str = "",
    action_due_on: datetime.date | None = None,
    themes=(),
    token: str | None = None,
) -> Observation:
    """Record an observation of `fca`'s practice, with an action for them if there is one, and
    the themes it is tagged with (as audits are)."""
    require(by, rules.may_audit, fca, message="You may not observe this person's practice")
    claim = form_tokens.claim(token, by=by, model=Observation)
    if claim.earlier:
        return claim.earlier
    errors = {}
    if observed_on > timezone.localdate():
        errors["observed_on"] = "The date of the observation must be today or in the past"
    if action and action_due_on is None:
        errors["action_due_on"] = "Enter the date to do it by"
    if errors:
        raise ValidationError(errors)
    observation = Observation(
        fca=fca,
        observer=by,
        observed_on=observed_on,
        what=what.strip(),
        with_whom=with_whom.strip(),
        worked_well=worked_well.strip(),
        to_improve=(to_improve or "").strip(),
    )
    observation.full_clean()
    observation.save()
    observation.themes.set(Theme.objects.filter(pk__in=[theme.pk for theme in themes]))
    if action:
        made = QualityAction(
            observation=observation,
            text=action.strip(),
            owner=fca,
            due_on=action_due_on,
            created_by=by,
        )
        made.full_clean()
        made.save()
    claim.made(observation)
    audit_event_record(
        by=by,
        action=Action.OBSERVATION_RECORDED,
        obj=observation,
        detail={"fca": str(fca.uuid)},
    )
    return observation


@transaction.atomic
def theme_save(*, by, theme: Theme | None = None, name: str, in_use: bool = True) -> Theme:
    """Add a theme to the list, or rename one or take it out of use (national leadership).
    A theme is never deleted: audits tagged with it keep it."""
    require(by, rules.may_edit_themes, message="Only national leadership keeps the themes")
    name = (name or "").strip()
    if Theme.objects.filter(name__iexact=name).exclude(pk=getattr(theme, "pk", None)).exists():
        raise ValidationError({"name": "There is already a theme with that name"})
    theme = theme or Theme()
    theme.name = name
    theme.in_use = in_use
    theme.full_clean()
    theme.save()
    audit_event_record(
        by=by, action=Action.QUALITY_THEMES_CHANGED, obj=theme, detail={"name": name}
    )
    return theme
