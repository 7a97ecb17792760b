"""Sign-off and the court's copies: moving a report between stages, comments, downloads."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods, require_POST

from together.children.views.file import render_file_page
from together.core.forms import add_service_errors
from together.documents.downloads import logged_download

from .. import report_outputs
from .. import report_rules as rules
from .. import report_selectors as selectors
from .. import reports as services
from ..report_forms import CommentForm, FileForm, MoveForm
from ..report_models import SECTIONS, ReportStatus
from .common import FILE_SECTION, MOVES, _report_url


@require_http_methods(["GET", "POST"])
def move(request, child_id, report_id, to):
    """Send for review, agree (after reading the whole report), send back, withdraw, file."""
    if to not in MOVES:
        raise Http404("No such step")
    current = selectors.report_get_for_user(
        user=request.user, child_id=child_id, report_id=report_id
    )
    status, text, allowed = MOVES[to]
    if not allowed(request.user, current):
        raise Http404("No report found")
    form_class = FileForm if to == "file" else MoveForm
    form = form_class(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.report_state_change(
                by=request.user,
                report=current,
                to=status,
                comment=data.get("comment", ""),
                filed_on=data.get("filed_on"),
            )
        except PermissionDenied:
            raise Http404("No report found") from None
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"The report is now {ReportStatus(status).label.lower()}")
            return redirect(_report_url(current))
    context = {
        "report": current,
        "form": form,
        "slug": to,
        "text": text,
        "recommendations": list(current.recommendations.all()),
        "report_sections": [
            (title, [(n, getattr(current, n)) for n in fields])
            for title, fields in SECTIONS.values()
        ],
    }
    return render_file_page(
        request, current.child, FILE_SECTION, "courtwork/reports/move.html", context
    )


@require_POST
def comment(request, child_id, report_id):
    current = selectors.report_get_for_user(
        user=request.user, child_id=child_id, report_id=report_id
    )
    if not rules.may_comment_on_report(request.user, current):
        raise Http404("No report found")
    form = CommentForm(request.POST)
    if form.is_valid():
        try:
            services.report_comment_add(
                by=request.user, report=current, token=form.token(), text=form.cleaned_data["text"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Your comment has been added")
            return redirect(_report_url(current) + "#comments")
    return render_file_page(
        request,
        current.child,
        FILE_SECTION,
        "courtwork/reports/comment.html",
        {"report": current, "form": form},
        status=400,
    )


def download(request, child_id, report_id, fmt):
    """The report as a tagged PDF or a Word document; every download is logged."""
    current = selectors.report_get_for_user(
        user=request.user, child_id=child_id, report_id=report_id
    )
    if fmt not in report_outputs.FORMATS:
        raise Http404("No such format")
    return logged_download(
        make=lambda: report_outputs.render(current, fmt)[1],
        log=lambda: services.report_print_record(by=request.user, report=current, fmt=fmt),
        name=report_outputs.file_name(current),
        fmt=fmt,
    )
