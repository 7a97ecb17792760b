"""Assigning a round's files to auditors, each with access to the child's file for the round."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from together.accounts.models import User
from together.children.services import temporary_access_add, temporary_access_end
from together.core.permissions import require

from .. import national_rules as rules
from ..national_models import NationalAuditFile, NationalAuditRound
from .rounds import _check_open

ACCESS_REASON = "Assigned to you for a national quality audit"


def _access_ends(round_: NationalAuditRound) -> datetime.datetime:
    """The end of the round's last day, in London."""
    after = round_.ends_on + datetime.timedelta(days=1)
    return timezone.make_aware(datetime.datetime.combine(after, datetime.time()))


def _assign(*, by, file: NationalAuditFile, auditor) -> None:
    if file.access_id:
        temporary_access_end(grants=[file.access])
    file.auditor = auditor
    file.assigned_at = timezone.now()
    file.access = temporary_access_add(
        by=by,
        child=file.child,
        user=auditor,
        reason=f"{ACCESS_REASON}: {file.round.title}"[:200],
        ends_at=_access_ends(file.round),
    )
    file.save(update_fields=["auditor", "assigned_at", "access"])


def auditors_available():
    return User.objects.filter(
        is_active=True, role__in=sorted(rules.AUDITOR_ROLES), service_area__isnull=False
    ).order_by("pk")


@transaction.atomic
def national_files_assign_automatically(*, by, round_: NationalAuditRound) -> int:
    """Give each file not yet assigned an auditor, in turn round the country: the next auditor
    from another area, who has the fewest files of this round so far. Returns how many."""
    require(by, rules.may_run_national_audits, message="Only national leadership runs these")
    round_ = NationalAuditRound.objects.select_for_update().get(pk=round_.pk)
    _check_open(round_)
    auditors = list(auditors_available())
    if not auditors:
        raise ValidationError("There is nobody who can audit files from another area")
    counts = dict.fromkeys((a.pk for a in auditors), 0)
    for auditor_id, n in (
        round_.files.filter(auditor__isnull=False)
        .values_list("auditor_id")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        if auditor_id in counts:
            counts[auditor_id] = n
    turn = 0
    assigned = 0
    files = round_.files.filter(auditor__isnull=True).select_related("child", "round")
    for file in files.order_by("position"):
        candidates = [
            (counts[a.pk], (i - turn) % len(auditors), i)
            for i, a in enumerate(auditors)
            if rules.may_be_auditor_of(a, file)
        ]
        if not candidates:
            continue
        _, _, chosen = min(candidates)
        _assign(by=by, file=file, auditor=auditors[chosen])
        counts[auditors[chosen].pk] += 1
        turn = (chosen + 1) % len(auditors)
        assigned += 1
    return assigned


@transaction.atomic
def national_file_assign(*, by, file: NationalAuditFile, auditor) -> NationalAuditFile:
    """National leadership chooses the auditor of one file."""
    require(by, rules.may_run_national_audits, message="Only national leadership runs these")
    file = (
        NationalAuditFile.objects.select_for_update()
        .select_related("round", "child")
        .get(pk=file.pk)
    )
    _check_open(file.round)
    if file.audit_id:
        raise ValidationError("This file has been audited")
    if not rules.may_be_auditor_of(auditor, file):
        raise ValidationError(
            {"auditor": "Choose a supervisor or manager from another area than the file's"}
        )
    _assign(by=by, file=file, auditor=auditor)
    return file
