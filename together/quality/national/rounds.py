"""A national audit round: creating it, drawing its sample, closing it."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from together.children.services import temporary_access_end
from together.core import form_tokens
from together.core.permissions import require

from .. import national_rules as rules
from ..national_models import NationalAuditFile, NationalAuditRound
from .sampling import _moderated_positions, national_sample


def _check_open(round_: NationalAuditRound) -> None:
    if round_.closed_at is not None:
        raise ValidationError("This audit has closed")


@transaction.atomic
def national_round_create(
    *, by, title: str, focus: str, starts_on, ends_on, sample_size: int = 200, token=None
) -> NationalAuditRound:
    require(by, rules.may_run_national_audits, message="Only national leadership runs these")
    claim = form_tokens.claim(token, by=by, model=NationalAuditRound)
    if claim.earlier:
        return claim.earlier
    round_ = NationalAuditRound(
        title=title.strip(),
        focus=focus,
        starts_on=starts_on,
        ends_on=ends_on,
        sample_size=sample_size,
        created_by=by,
    )
    round_.full_clean()
    round_.save()
    claim.made(round_)
    return round_


@transaction.atomic
def national_sample_draw(*, by, round_: NationalAuditRound) -> int:
    """Draw the round's sample and keep it. Drawing again before any file is assigned draws
    the same files (the seed is the round's); once files are assigned, the sample stays."""
    require(by, rules.may_run_national_audits, message="Only national leadership runs these")
    round_ = NationalAuditRound.objects.select_for_update().get(pk=round_.pk)
    _check_open(round_)
    if round_.files.filter(auditor__isnull=False).exists():
        raise ValidationError("Files have been assigned: the sample cannot be drawn again")
    round_.files.all().delete()
    drawn = national_sample(round_)
    moderated = _moderated_positions(round_.seed, len(drawn), round_.moderated_percent)
    NationalAuditFile.objects.bulk_create(
        NationalAuditFile(
            round=round_,
            child_id=d.child_id,
            proceedings_id=d.proceedings_id,
            region_id=d.region_id,
            service_area_id=d.service_area_id,
            law=d.law,
            fca_id=d.fca_id,
            position=place,
            moderated=place in moderated,
        )
        for place, d in enumerate(drawn, start=1)
    )
    round_.drawn_at = timezone.now()
    round_.save(update_fields=["drawn_at"])
    return len(drawn)


@transaction.atomic
def national_round_close(*, by, round_: NationalAuditRound) -> NationalAuditRound:
    """Close the round: every auditor's access to its files ends now."""
    require(by, rules.may_run_national_audits, message="Only national leadership runs these")
    round_ = NationalAuditRound.objects.select_for_update().get(pk=round_.pk)
    _check_open(round_)
    round_.closed_at = timezone.now()
    round_.save(update_fields=["closed_at"])
    grants = [f.access for f in round_.files.filter(access__isnull=False).select_related("access")]
    temporary_access_end(grants=grants)
    return round_
