"""Lists of reports: a child's, one set of proceedings', and those due in a manager's areas."""

from django.shortcuts import render
from django.utils import timezone

from together.children.selectors import child_get_for_user
from together.children.views.file import render_file_page
from together.proceedings.services import proceedings_view_record

from .. import report_rules as rules
from .. import report_selectors as selectors
from .common import FILE_SECTION


def child_reports(request, child_id):
    """The child's reports to the court and what they are still to be told about hearings."""
    child = child_get_for_user(user=request.user, child_id=child_id)
    context = {
        "reports": selectors.reports_for_child(child),
        "tellings": selectors.tellings_for_child(child),
        "may_start": bool(selectors.writable_proceedings(request.user, child)),
        "today": timezone.localdate(),
        "proceedings": list(child.proceedings.order_by("-received_on")),
        # Once the child's proceedings have closed, their ending letter (letters app).
        "ending_letter_prompt": selectors.ending_letter_prompt(user=request.user, child=child),
    }
    return render_file_page(
        request, child, FILE_SECTION, "courtwork/reports/child_reports.html", context
    )


def proceedings_reports(request, proceedings_id):
    """The reports and hearing outcomes of one set of proceedings."""
    proceedings = selectors.proceedings_for_reports(
        user=request.user, proceedings_id=proceedings_id
    )
    proceedings_view_record(by=request.user, proceedings=proceedings, page="court work")
    outcomes = selectors.outcomes_for_proceedings(proceedings)
    hearings = [(h, outcomes.get(h.pk)) for h in proceedings.hearings.order_by("starts_at")]
    # Once the proceedings close, each child is to be written an ending letter (letters app).
    ending = (
        selectors.ending_letters_due(user=request.user, proceedings=proceedings)
        if not proceedings.is_open
        else []
    )
    return render(
        request,
        "courtwork/reports/proceedings_reports.html",
        {
            "proceedings": proceedings,
            "reports": selectors.reports_for_proceedings(proceedings),
            "hearings": hearings,
            "may_record_outcome": rules.may_record_outcome(request.user, proceedings),
            "now": timezone.now(),
            "ending": ending,
        },
    )


def reports_due(request):
    """Reports not yet filed in the areas a manager looks after, most overdue first."""
    page = selectors.reports_due(user=request.user)
    return render(request, "courtwork/reports/reports_due.html", {"page": page})
