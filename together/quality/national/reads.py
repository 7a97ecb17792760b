"""Reading national audit rounds and files, each checking who may read them."""

from django.core.exceptions import ValidationError
from django.http import Http404

from .. import national_rules as rules
from ..national_models import NationalAuditFile, NationalAuditRound


def national_round_get(*, user, round_id) -> NationalAuditRound:
    if not rules.may_run_national_audits(user):
        raise Http404("No audit found")
    try:
        return NationalAuditRound.objects.get(uuid=round_id)
    except (NationalAuditRound.DoesNotExist, ValueError, ValidationError):
        raise Http404("No audit found") from None


def national_file_get(*, user, file_id) -> NationalAuditFile:
    """Any file of any round, for national leadership: otherwise 404."""
    if not rules.may_run_national_audits(user):
        raise Http404("No file found")
    try:
        return NationalAuditFile.objects.select_related(
            "round", "child", "service_area", "auditor", "fca"
        ).get(uuid=file_id)
    except (NationalAuditFile.DoesNotExist, ValueError, ValidationError):
        raise Http404("No file found") from None


def national_file_get_for_auditor(*, user, file_id) -> NationalAuditFile:
    """A file assigned to `user`, in a round still open: otherwise 404."""
    try:
        file = NationalAuditFile.objects.select_related(
            "round", "child", "service_area", "region", "audit"
        ).get(uuid=file_id)
    except (NationalAuditFile.DoesNotExist, ValueError, ValidationError):
        raise Http404("No file found") from None
    if not rules.may_audit_national_file(user, file):
        raise Http404("No file found")
    return file


def national_files_for_auditor(user) -> list[NationalAuditFile]:
    """The files assigned to `user` in rounds still open, first to do first."""
    return list(
        NationalAuditFile.objects.filter(auditor_id=user.pk, round__closed_at__isnull=True)
        .select_related("round", "child", "service_area", "audit")
        .order_by("round__ends_on", "audit", "position")
    )
