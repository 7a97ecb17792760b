"""What the report pages share: the file's section, the moves, the reader, the writer's report."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse

from together.children.readers import child_reader
from together.language.readers import Reader

from .. import report_rules as rules
from .. import report_selectors as selectors
from ..report_models import ReportStatus

FILE_SECTION = "court"  # the key of these pages among the sections of the child's file

# The address of each move: (the stage it moves to, the button's words, who may ask).
MOVES = {
    "review": (ReportStatus.READY_FOR_REVIEW, "Send for review", rules.may_write_report),
    "agree": (ReportStatus.AGREED, "Agree the report", rules.may_agree_report),
    "send-back": (ReportStatus.DRAFT, "Send back with comments", rules.may_agree_report),
    "withdraw": (ReportStatus.DRAFT, "Withdraw from review", rules.may_write_report),
    "file": (ReportStatus.FILED, "Mark as filed", rules.may_write_report),
}


def _professional_reader(child) -> Reader:
    """The court reads the report: checked for professionals, never flagging the family's names."""
    family = child_reader(child)
    return Reader.for_professionals(names=family.names, person_names=family.people)


def _report_url(report) -> str:
    return reverse("reports:report", args=[report.child.uuid, report.uuid])


def _writable(request, child_id, report_id):
    report = selectors.report_get_for_user(
        user=request.user, child_id=child_id, report_id=report_id
    )
    if not rules.may_write_report(request.user, report):
        raise Http404("No report found")
    return report


def _not_now(request, report):
    if report.status == ReportStatus.FILED:
        messages.error(request, "The report has been filed and cannot be changed")
    else:
        messages.error(
            request,
            "The report is waiting for review. You can change it again once it is agreed or "
            "sent back.",
        )
    return redirect(_report_url(report))
