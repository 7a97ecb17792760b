"""What every change to a report shares: the version lock, the save, the audit, the stage check."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from together.audit.models import Action
from together.audit.services import audit_event_record
from together.children.models import TimelineEntry
from together.core.versioning import lock_at_version

from .. import report_rules as rules
from ..report_models import CourtReport, ReportKind, ReportStatus

COURT = TimelineEntry.Kind.COURT


def _audit(
    *, by, report: CourtReport, change: str, action=Action.COURT_REPORT_CHANGED, **detail
) -> None:
    audit_event_record(
        by=by,
        action=action,
        obj=report.proceedings,
        child_id=report.child.uuid,
        detail={"report": str(report.uuid), "kind": report.kind, "change": change, **detail},
    )


def _kind_label(report: CourtReport) -> str:
    return ReportKind(report.kind).label


def _lock(report: CourtReport, version: int | None = None) -> CourtReport:
    return lock_at_version(
        CourtReport.objects.select_related("child", "proceedings", "updated_by"),
        pk=report.pk,
        version=version,
        last_saved=lambda locked: (locked.updated_by, locked.updated_at),
    )


def _saved(*, by, report: CourtReport) -> None:
    report.version += 1
    report.updated_by = by
    report.updated_at = timezone.now()
    report.full_clean()
    report.save()


def _back_to_draft_if_agreed(*, by, report: CourtReport) -> None:
    """An agreed report that changes must be agreed again before it is filed."""
    if report.status == ReportStatus.AGREED:
        report.status = ReportStatus.DRAFT
        report.agreed_by = None
        report.agreed_at = None
        _audit(by=by, report=report, change="Changed after it was agreed: back to draft")


def _check_editable(by, report: CourtReport) -> None:
    if not rules.may_write_report(by, report):
        raise PermissionDenied("Only the allocated Family Court Adviser can change the report")
    if report.status == ReportStatus.FILED:
        raise ValidationError("The report has been filed and cannot be changed")
    if report.status == ReportStatus.READY_FOR_REVIEW:
        raise ValidationError(
            "The report is waiting for review. You can change it again once it is agreed or "
            "sent back"
        )


def _day(value: date) -> str:
    return f"{value.day} {value:%B %Y}"
