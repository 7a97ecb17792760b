"""Changes to the organisation made in the product (the rest is kept in the admin site): staff
recording absence, and national leadership's thresholds and prioritisation decisions. Each
writes its own audit event in its transaction."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from together.accounts.models import User
from together.audit.models import Action
from together.audit.services import audit_event_record
from together.core import form_tokens
from together.core.versioning import lock_at_version

from . import rules
from .models import (
    CHANGE_SETS,
    PLANNED_ABSENCE,
    Absence,
    AreaThresholds,
    PrioritisationEvent,
    ServiceArea,
)


@transaction.atomic
def absence_record(
    *,
    by: User,
    token: str | None,
    kind: str,
    starts_on: datetime.date,
    ends_on: datetime.date | None,
    person: User | None = None,
) -> Absence:
    """Record time away: `by`'s own annual leave or training, or the sickness of `person`, whom
    `by` manages (organisation.rules.manages_staff_q). The same form sent twice (its one-time
    `token`, ADR 0016) records one absence."""
    person = person or by
    if kind in PLANNED_ABSENCE:
        if person != by or not rules.may_record_own_absence(by):
            raise PermissionDenied("Staff record their own leave and training.")
    elif kind == Absence.Kind.SICKNESS:
        if not rules.may_record_sickness_for(by, person):
            raise PermissionDenied("Sickness is recorded by the person's manager.")
    else:
        raise PermissionDenied("That is not a kind of absence.")
    claim = form_tokens.claim(token, by=by, model=Absence)
    if claim.earlier:
        return claim.earlier
    absence = Absence(user=person, kind=kind, starts_on=starts_on, ends_on=ends_on, recorded_by=by)
    absence.full_clean()
    absence.save()
    audit_event_record(
        by=by,
        action=Action.ABSENCE_RECORDED,
        obj=absence,
        detail={
            "kind": kind,
            "person": str(person.uuid),
            "starts_on": starts_on.isoformat(),
            "ends_on": ends_on.isoformat() if ends_on else None,
        },
    )
    claim.made(absence)
    return absence


@transaction.atomic
def area_thresholds_set(
    *,
    by: User,
    area: ServiceArea,
    version: int | None,
    saturation_percent: int | None,
    held_on_duty: int | None,
    days_to_allocation: int | None,
    manager_duty_holdings: int | None,
) -> AreaThresholds:
    """Set the lines past which `area` is asked to consider prioritisation (blank: not watched).
    `version` is the version of the thresholds the form was opened on: someone else's change
    since then is refused (EditConflict), not overwritten. An area never set is at version 1."""
    if not rules.may_decide_prioritisation(by):
        raise PermissionDenied("National leadership sets the thresholds.")
    found, _ = AreaThresholds.objects.get_or_create(service_area=area)
    thresholds = lock_at_version(
        AreaThresholds.objects.all(),
        pk=found.pk,
        version=version,
        last_saved=lambda row: (row.updated_by, row.updated_at),
    )
    thresholds.saturation_percent = saturation_percent
    thresholds.held_on_duty = held_on_duty
    thresholds.days_to_allocation = days_to_allocation
    thresholds.manager_duty_holdings = manager_duty_holdings
    thresholds.updated_by = by
    thresholds.updated_at = timezone.now()
    thresholds.version += 1
    thresholds.full_clean()
    thresholds.save()
    audit_event_record(
        by=by,
        action=Action.THRESHOLDS_CHANGED,
        obj=area,
        detail={
            "saturation_percent": saturation_percent,
            "held_on_duty": held_on_duty,
            "days_to_allocation": days_to_allocation,
            "manager_duty_holdings": manager_duty_holdings,
        },
    )
    return thresholds


# The audit action for each decision: prioritisation on or off, a hub opened or closed.
_DECISION_ACTIONS = {
    ("in_prioritisation", True): Action.PRIORITISATION_ON,
    ("in_prioritisation", False): Action.PRIORITISATION_OFF,
    ("allocation_hub_open", True): Action.HUB_OPENED,
    ("allocation_hub_open", False): Action.HUB_CLOSED,
    ("post_assessment_hub_open", True): Action.HUB_OPENED,
    ("post_assessment_hub_open", False): Action.HUB_CLOSED,
}


@transaction.atomic
def prioritisation_change_record(
    *, by: User, area: ServiceArea, token: str | None, change: str, reason: str
) -> PrioritisationEvent:
    """Record a decision about `area`: switching prioritisation on or off, opening or closing an
    allocation hub or a post-assessment hub, with the reason for it; the area's state follows.
    A change that is already in force (two people deciding at once) is refused with a plain
    message, and the same form sent twice records one decision."""
    if not rules.may_decide_prioritisation(by):
        raise PermissionDenied("National leadership decides on prioritisation.")
    if change not in CHANGE_SETS:
        raise ValidationError({"change": "Choose what to change"})
    claim = form_tokens.claim(token, by=by, model=PrioritisationEvent)
    if claim.earlier:
        return claim.earlier
    locked = ServiceArea.objects.select_for_update().get(pk=area.pk)
    flag, to = CHANGE_SETS[change]
    if getattr(locked, flag) == to:
        raise ValidationError(
            {"change": f"{locked.name} has had this change already. Choose another change"}
        )
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": "Enter why you are making this change"})
    event = PrioritisationEvent(service_area=locked, change=change, reason=reason, by=by)
    event.full_clean()
    event.save()
    setattr(locked, flag, to)
    locked.save(update_fields=[flag])
    audit_event_record(
        by=by,
        action=_DECISION_ACTIONS[(flag, to)],
        obj=locked,
        reason=reason,
        detail={"change": change},
    )
    claim.made(event)
    return event


@transaction.atomic
def absence_end_record(*, by: User, absence: Absence, ends_on: datetime.date) -> Absence:
    """Record the last day of a sickness that had none yet, by whoever manages the person. A
    sickness given another last day already (by someone else a moment ago) is refused in plain
    words; the same day sent twice (a double click) is simply recorded once."""
    if absence.kind != Absence.Kind.SICKNESS or not rules.may_record_sickness_for(by, absence.user):
        raise PermissionDenied("Sickness is recorded by the person's manager.")
    locked = Absence.objects.select_for_update().get(pk=absence.pk)
    if locked.ends_on == ends_on:
        return locked
    if locked.ends_on is not None:
        raise ValidationError(
            {"ends_on": f"The last day off sick was recorded already: {locked.ends_on:%-d %B %Y}"}
        )
    locked.ends_on = ends_on
    locked.full_clean()
    locked.save(update_fields=["ends_on"])
    audit_event_record(
        by=by,
        action=Action.ABSENCE_CHANGED,
        obj=locked,
        detail={"kind": locked.kind, "ends_on": ends_on.isoformat()},
    )
    return locked
