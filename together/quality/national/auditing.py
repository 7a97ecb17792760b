"""Recording a national audit of a file, and starting its moderation."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from together.audit.models import Action
from together.audit.services import audit_event_record
from together.children.models import TimelineEntry
from together.children.services import timeline_entry_add
from together.core import form_tokens
from together.core.permissions import require

from .. import national_rules as rules
from ..models import Audit, Grade, Moderation
from ..national_models import NationalAuditFile


@transaction.atomic
def national_audit_record(
    *, by, file: NationalAuditFile, grade: str, audited_on, notes: str = "", token=None
) -> Audit:
    """The assigned auditor records the audit of the file: the overall grade and notes. A
    timeline entry on the child's file says an audit took place, without the grade."""
    file = (
        NationalAuditFile.objects.select_for_update()
        .select_related("round", "child")
        .get(pk=file.pk)
    )
    if not rules.may_audit_national_file(by, file):
        raise PermissionDenied("Only the auditor of this file may audit it, while the audit runs")
    claim = form_tokens.claim(token, by=by, model=Audit)
    if claim.earlier:
        return claim.earlier
    if file.audit_id:
        raise ValidationError("This file has been audited already")
    if grade not in Grade.values:
        raise ValidationError({"grade": "Choose the overall grade"})
    audit = Audit(
        child=file.child,
        proceedings_id=file.proceedings_id,
        auditor=by,
        fca_id=file.fca_id,
        audited_on=audited_on,
        grade=grade,
    )
    audit.full_clean()
    audit.save()
    file.audit = audit
    file.notes = notes.strip()
    file.save(update_fields=["audit", "notes"])
    timeline_entry_add(
        child=file.child,
        kind=TimelineEntry.Kind.AUDIT,
        summary="The work on this file was looked at in a national quality audit",
        by=by,
    )
    claim.made(audit)
    return audit


@transaction.atomic
def national_moderation_start(*, by, file: NationalAuditFile) -> Moderation:
    """The national improvement service takes up the moderation of an audited file marked for
    it. From there it goes as local moderation does (services.moderation): the moderator grades
    without seeing the audit's grade; where the grades differ, a final grade and the reason are
    recorded, and both earlier grades stay. Asking again returns the same moderation."""
    # Only the file's row is locked (PostgreSQL locks no row of an outer join's nullable side).
    file = (
        NationalAuditFile.objects.select_for_update(of=("self",))
        .select_related("round", "audit__child")
        .get(pk=file.pk)
    )
    require(by, rules.may_moderate_national_file, file, message="You may not moderate this file")
    earlier = Moderation.objects.filter(audit_id=file.audit_id).first()
    if earlier is not None:
        if earlier.moderator_id != by.pk:
            raise ValidationError("Someone else is moderating this audit")
        return earlier
    moderation = Moderation(
        audit=file.audit, moderator=by, month=file.audit.audited_on.replace(day=1)
    )
    moderation.full_clean()
    moderation.save()
    audit_event_record(
        by=by,
        action=Action.MODERATION_RECORDED,
        obj=moderation,
        child_id=file.audit.child.uuid,
        detail={"step": "drawn", "national_round": str(file.round.uuid)},
    )
    return moderation
