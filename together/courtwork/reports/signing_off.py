"""Sign-off and filing: a report's stages, comments on it, and the log of its downloads."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from together.audit.models import Action
from together.children.services import timeline_entry_add
from together.core import form_tokens
from together.documents.services import document_print_record

from .. import report_rules as rules
from ..report_models import CourtReport, ReportComment, ReportStatus
from .common import COURT, _audit, _day, _kind_label, _lock, _saved
from .writing import report_missing_for_review

# The audit action for a move to each stage; a move back to draft is a change to the report.
STAGE_ACTIONS = {
    ReportStatus.DRAFT: Action.COURT_REPORT_CHANGED,
    ReportStatus.READY_FOR_REVIEW: Action.COURT_REPORT_SUBMITTED,
    ReportStatus.AGREED: Action.COURT_REPORT_SIGNED_OFF,
    ReportStatus.FILED: Action.COURT_REPORT_FILED,
}

# (from, to): who may make the move.
TRANSITIONS = {
    (ReportStatus.DRAFT, ReportStatus.READY_FOR_REVIEW): rules.may_write_report,
    (ReportStatus.READY_FOR_REVIEW, ReportStatus.AGREED): rules.may_agree_report,
    # The supervisor sends it back with comments; the writer may take it back to change it.
    (ReportStatus.READY_FOR_REVIEW, ReportStatus.DRAFT): lambda user, report: (
        rules.may_agree_report(user, report) or rules.may_write_report(user, report)
    ),
    (ReportStatus.AGREED, ReportStatus.FILED): rules.may_write_report,
}


def transitions_for(user, report: CourtReport) -> list[ReportStatus]:
    """The stages `user` may move the report to now (the report's page offers these)."""
    return [
        to
        for (was, to), allowed in TRANSITIONS.items()
        if was == report.status and allowed(user, report)
    ]


@transaction.atomic
def report_state_change(
    *, by, report: CourtReport, to: str, comment: str = "", filed_on: date | None = None
) -> CourtReport:
    """Send for review, agree, send back (with a comment), or mark filed (with the date)."""
    locked = _lock(report)
    was, to = ReportStatus(locked.status), ReportStatus(to)
    allowed = TRANSITIONS.get((was, to))
    if allowed is None:
        raise ValidationError(f"A report that is {was.label.lower()} cannot be moved to {to.label}")
    if not allowed(by, locked):
        raise PermissionDenied(f"You cannot move this report to {to.label}")
    comment = (comment or "").strip()
    sends_back = (
        was == ReportStatus.READY_FOR_REVIEW
        and to == ReportStatus.DRAFT
        and rules.may_agree_report(by, locked)
    )
    if sends_back and not comment:
        raise ValidationError({"comment": "Say what needs to change before the report is agreed"})
    if to == ReportStatus.READY_FOR_REVIEW:
        missing = report_missing_for_review(locked)
        if missing:
            raise ValidationError(missing)
    if to == ReportStatus.AGREED:
        locked.agreed_by, locked.agreed_at = by, timezone.now()
    if to == ReportStatus.FILED:
        if filed_on is None:
            raise ValidationError({"filed_on": "Enter the date the report was filed"})
        locked.filed_on = filed_on
    locked.status = to
    _saved(by=by, report=locked)
    if comment:
        _comment(by=by, report=locked, text=comment, sends_back=sends_back)
    _audit(
        by=by,
        report=locked,
        change=f"Moved from {was.label} to {to.label}",
        action=STAGE_ACTIONS[to],
        comment=comment,
    )
    summary = f"{_kind_label(locked)}: {to.label.lower()}"
    if to == ReportStatus.FILED:
        summary = f"{_kind_label(locked)} filed with the court on {_day(filed_on)}"
    timeline_entry_add(child=locked.child, kind=COURT, summary=summary, by=by)
    return locked


def _comment(*, by, report: CourtReport, text: str, sends_back: bool = False) -> ReportComment:
    comment = ReportComment(report=report, by=by, text=text.strip(), sends_back=sends_back)
    comment.full_clean(exclude=["report", "by"])
    comment.save()
    return comment


@transaction.atomic
def report_comment_add(*, by, report: CourtReport, token: str | None, text: str) -> ReportComment:
    """Comment on the report; once for each form sent (`token`)."""
    if not rules.may_comment_on_report(by, report):
        raise PermissionDenied("You cannot comment on this report")
    claim = form_tokens.claim(token, by=by, model=ReportComment)
    if claim.earlier:
        return claim.earlier
    if not (text or "").strip():
        raise ValidationError({"text": "Enter your comment"})
    comment = _comment(by=by, report=report, text=text)
    claim.made(comment)
    _audit(
        by=by, report=report, change="Commented on the report", action=Action.COURT_REPORT_COMMENTED
    )
    return comment


def report_print_record(*, by, report: CourtReport, fmt: str) -> None:
    """Log a download of the report (PDF or Word). The view has read the report for `by`
    through the child's file (selectors), which is the check: whoever may read may print."""
    document_print_record(
        by=by,
        obj=report,
        what=_kind_label(report),
        child_id=report.child.uuid,
        fmt=fmt,
    )
