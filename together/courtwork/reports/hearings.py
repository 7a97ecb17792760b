"""After a hearing: what the court decided, and telling each child what the judge decided."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from together.audit.models import Action
from together.audit.services import audit_event_record
from together.children.services import timeline_entry_add
from together.core import form_tokens
from together.letters.workingdays import add_working_days

from .. import report_rules as rules
from ..report_models import ChildTold, HearingOutcome
from .common import COURT


def tell_child_working_days() -> int:
    """How many working days after a hearing the child should be told what the judge decided."""
    return getattr(settings, "TOGETHER_TELL_CHILD_WORKING_DAYS", 10)


@transaction.atomic
def hearing_outcome_record(
    *,
    by,
    hearing,
    token: str | None,
    orders_made: str,
    directions: str = "",
    next_hearing_on: date | None = None,
) -> HearingOutcome:
    """Record what the court decided at a hearing. Each child in the proceedings is then due to
    be told what the judge decided, within the set number of working days."""
    proceedings = hearing.proceedings
    if not rules.may_record_outcome(by, proceedings):
        raise PermissionDenied("You cannot record what happened at this hearing")
    claim = form_tokens.claim(token, by=by, model=HearingOutcome)
    if claim.earlier:
        return claim.earlier
    if HearingOutcome.objects.filter(hearing=hearing).exists():
        raise ValidationError("The outcome of this hearing is already recorded")
    if hearing.starts_at > timezone.now():
        raise ValidationError("You can record the outcome once the hearing has happened")
    outcome = HearingOutcome(
        hearing=hearing,
        orders_made=(orders_made or "").strip(),
        directions=(directions or "").strip(),
        next_hearing_on=next_hearing_on,
        recorded_by=by,
    )
    outcome.full_clean(exclude=["hearing", "recorded_by"])
    outcome.save()
    heard_on = timezone.localtime(hearing.starts_at).date()
    due_on = add_working_days(max(heard_on, timezone.localdate()), tell_child_working_days())
    for link in proceedings.child_links.select_related("child"):
        ChildTold.objects.create(outcome=outcome, child=link.child, due_on=due_on)
        timeline_entry_add(
            child=link.child,
            kind=COURT,
            summary=f"Outcome of the {hearing.get_kind_display().lower()} recorded",
            by=by,
        )
    claim.made(outcome)
    audit_event_record(
        by=by,
        action=Action.HEARING_OUTCOME_RECORDED,
        obj=proceedings,
        detail={"hearing": str(hearing.uuid), "outcome": str(outcome.uuid)},
    )
    return outcome


@transaction.atomic
def child_told_record(
    *,
    by,
    telling: ChildTold,
    told_on: date,
    method: str,
    words_for_child: str,
    child_response: str = "",
) -> ChildTold:
    """Record that the child was told what the judge decided: when, how, the words used and
    what the child said."""
    locked = (
        ChildTold.objects.select_for_update()
        .select_related("outcome__hearing__proceedings", "child")
        .get(pk=telling.pk)
    )
    if not rules.may_record_child_told(by, locked.outcome.hearing.proceedings):
        raise PermissionDenied("Only the allocated Family Court Adviser can record this")
    if not (words_for_child or "").strip():
        raise ValidationError({"words_for_child": "Enter what you told the child"})
    locked.told_on, locked.method = told_on, method
    locked.words_for_child = words_for_child.strip()
    locked.child_response = (child_response or "").strip()
    locked.recorded_by = by
    locked.full_clean(exclude=["outcome", "child", "recorded_by"])
    locked.save()
    audit_event_record(
        by=by,
        action=Action.CHILD_TOLD_RECORDED,
        obj=locked.outcome.hearing.proceedings,
        child_id=locked.child.uuid,
        detail={"told_about_hearing": str(locked.outcome.hearing.uuid)},
    )
    timeline_entry_add(
        child=locked.child,
        kind=COURT,
        summary=f"Told what the judge decided ({locked.get_method_display().lower()})",
        by=by,
    )
    return locked
