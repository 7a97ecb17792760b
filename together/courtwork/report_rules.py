"""Who may read, write, agree and file reports to the court, and record what a hearing decided.

Reading follows the child's file (children.rules): a report is part of it. Writing belongs to
whoever holds a current allocation on the report's proceedings (proceedings.rules), while they are
open. The team's practice supervisor agrees a report (organisation.rules), as for plans; the
writer, the supervisor and the area's managers comment. The reports-due page is for those who
hold or read a duty list (proceedings.rules.may_view_duty_list), for the areas they manage.
"""

from together.accounts.models import Role
from together.organisation.rules import manages_area_q, supervises_team_q
from together.proceedings.models import Proceedings
from together.proceedings.rules import is_allocated_to, may_record_hearing, may_view_duty_list

from .report_models import CourtReport, ReportStatus


def _active(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def may_write_reports(user, proceedings: Proceedings) -> bool:
    """Start and change reports in these proceedings: the allocated FCA while they are open."""
    return _active(user) and proceedings.is_open and is_allocated_to(user, proceedings)


def may_write_report(user, report: CourtReport) -> bool:
    return may_write_reports(user, report.proceedings)


def may_edit_report(user, report: CourtReport) -> bool:
    """Held while waiting for review (the supervisor reviews what they see); filed is final."""
    return report.status in {ReportStatus.DRAFT, ReportStatus.AGREED} and may_write_report(
        user, report
    )


def supervises_report(user, report: CourtReport) -> bool:
    return (
        _active(user)
        and Proceedings.objects.filter(supervises_team_q(user), pk=report.proceedings_id).exists()
    )


def may_agree_report(user, report: CourtReport) -> bool:
    """The team's practice supervisor reads the whole report and agrees it or sends it back."""
    return supervises_report(user, report)


def may_comment_on_report(user, report: CourtReport) -> bool:
    if not _active(user):
        return False
    manages = user.role == Role.SERVICE_MANAGER and (
        Proceedings.objects.filter(manages_area_q(user), pk=report.proceedings_id).exists()
    )
    return manages or supervises_report(user, report) or may_write_report(user, report)


def may_view_reports_due(user) -> bool:
    """Service managers (their area), heads of practice and directors (their region)."""
    return may_view_duty_list(user)


def may_record_outcome(user, proceedings: Proceedings) -> bool:
    """Those who record hearings (never oversight roles, never by breaking the glass)."""
    return may_record_hearing(user, proceedings)


def may_record_child_told(user, proceedings: Proceedings) -> bool:
    """Telling the child is the allocated FCA's work."""
    return _active(user) and is_allocated_to(user, proceedings)
