"""Changes to the organisation made in the product (the rest is kept in the admin site): staff
recording absence, and national leadership's thresholds and prioritisation decisions."""

import datetime

from django.core.exceptions import PermissionDenied
from django.db import transaction

from together.accounts.models import User
from together.core import form_tokens

from . import rules
from .models import PLANNED_ABSENCE, Absence


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
    claim.made(absence)
    return absence
