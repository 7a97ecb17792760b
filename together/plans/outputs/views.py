"""Pages of the plan that come after writing it: sharing and responses, how our thinking changed,
and the printed versions. Each is a page of the child's file (render_file_page logs the view);
each print or download is logged with its reason."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from together.children.views.file import render_file_page
from together.core.exceptions import EditConflict
from together.core.forms import add_service_errors
from together.documents.pdf import pdf_from_template
from together.documents.services import document_print_record

from .. import compare_page, rules, selectors
from ..documents import VERSIONS, child_version_context, professional_version_context
from ..services import sharing
from .forms import PrintForm, ResponseForm, ShareForm

CONFLICT = (
    "Someone else changed the plan while you were recording this. "
    "Check the plan as it is now, then save again if this is still right."
)


def _writer_plan(request, child_id):
    plan = selectors.plan_get_for_user(user=request.user, child_id=child_id)
    if not rules.may_write_plan(request.user, plan):
        raise Http404("No plan found")
    return plan


def sharing_page(request, child_id):
    plan = selectors.plan_get_for_user(user=request.user, child_id=child_id)
    shares = list(
        plan.shares.select_related("recorded_by", "family_member").prefetch_related(
            "responses__recorded_by"
        )
    )
    return render_file_page(
        request,
        plan.child,
        "plan",
        "plans/share.html",
        {
            "plan": plan,
            "shares": shares,
            "not_recorded": sharing.not_yet_recorded(plan, shares),
            "may_write": rules.may_write_plan(request.user, plan),
            "shared_with_child": any(s.recipient_kind == "child" and s.shared for s in shares),
        },
    )


@require_http_methods(["GET", "POST"])
def share_record(request, child_id):
    plan = _writer_plan(request, child_id)
    parents = sharing.parents_and_carers(plan.child)
    if request.method == "POST":
        form = ShareForm(request.POST, child=plan.child, parents=parents)
        if form.is_valid():
            try:
                share = sharing.plan_share_record(
                    by=request.user,
                    plan=plan,
                    version=form.cleaned_data["version"],
                    **form.service_arguments(),
                )
            except EditConflict:
                form = _fresh(ShareForm, request, plan, child=plan.child, parents=parents)
            except ValidationError as error:
                add_service_errors(form, error)
            except PermissionDenied:
                raise Http404("No plan found") from None
            else:
                who = share.recipient_name or share.get_recipient_kind_display()
                messages.success(request, f"Sharing with {who} has been recorded")
                return redirect("plans:sharing", child_id=plan.child.uuid)
    else:
        form = ShareForm(initial={"version": plan.version}, child=plan.child, parents=parents)
    return render_file_page(
        request, plan.child, "plan", "plans/share_record.html", {"plan": plan, "form": form}
    )


def _fresh(form_class, request, plan, **kwargs):
    """What they typed stays; the version moves on so saving again is an informed choice."""
    plan.refresh_from_db(fields=["version", "status"])
    data = request.POST.copy()
    data["version"] = plan.version
    form = form_class(data, **kwargs)
    form.is_valid()
    form.add_error(None, CONFLICT)
    return form


@require_http_methods(["GET", "POST"])
def response_record(request, child_id, share_id):
    plan = _writer_plan(request, child_id)
    try:
        share = plan.shares.get(uuid=share_id, shared=True)
    except (ValueError, ValidationError, plan.shares.model.DoesNotExist):
        raise Http404("No record of sharing found") from None
    share.plan = plan
    if request.method == "POST":
        form = ResponseForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                sharing.plan_response_record(
                    by=request.user,
                    share=share,
                    response=data["response"],
                    about_recommendations=data["about_recommendations"] == "yes",
                    recorded_on=data["recorded_on"],
                    version=data["version"],
                )
            except EditConflict:
                form = _fresh(ResponseForm, request, plan)
            except ValidationError as error:
                add_service_errors(form, error)
            except PermissionDenied:
                raise Http404("No plan found") from None
            else:
                who = share.recipient_name or share.get_recipient_kind_display()
                messages.success(request, f"{who}'s response has been recorded")
                return redirect("plans:sharing", child_id=plan.child.uuid)
    else:
        form = ResponseForm(initial={"version": plan.version})
    return render_file_page(
        request,
        plan.child,
        "plan",
        "plans/share_response.html",
        {"plan": plan, "share": share, "form": form},
    )


def compare(request, child_id):
    """Two versions side by side, section by section (compare_page): one query for the list of
    versions and the two compared, whatever the number of versions."""
    plan = selectors.plan_get_for_user(user=request.user, child_id=child_id)
    shown = compare_page.comparison(plan, request.GET.get("from"), request.GET.get("to"))
    return render_file_page(
        request,
        plan.child,
        "plan",
        "plans/compare.html",
        {
            "plan": plan,
            "versions": shown.versions,
            "old": shown.old,
            "new": shown.new,
            "from_options": compare_page.options_html(shown.versions, shown.old),
            "to_options": compare_page.options_html(shown.versions, shown.new),
            "version_rows": compare_page.rows_html(shown.versions),
            "changes": compare_page.sections_html(shown.sections),
            "changed_sections": [s for s in shown.sections if s.changed],
            "error": shown.error,
        },
    )


@require_http_methods(["GET", "POST"])
def print_child(request, child_id):
    """The child's version as a web page to print: asks why first, logs, then shows it."""
    plan = selectors.plan_get_for_user(user=request.user, child_id=child_id)
    if request.method == "POST":
        form = PrintForm(request.POST)
        if form.is_valid():
            document_print_record(
                by=request.user,
                obj=plan,
                what="child's version",
                child_id=plan.child.uuid,
                reason=form.reason_text(),
                fmt="web page",
            )
            return render_file_page(
                request, plan.child, "plan", "plans/print_child.html", child_version_context(plan)
            )
    else:
        form = PrintForm()
    return _reason_page(request, plan, form, "child", "web page")


@require_http_methods(["GET", "POST"])
def print_pdf(request, child_id, which):
    plan = selectors.plan_get_for_user(user=request.user, child_id=child_id)
    what, template = VERSIONS[which]
    large = (request.POST.get("size") or request.GET.get("size")) == "large"
    if request.method == "POST":
        form = PrintForm(request.POST)
        if form.is_valid():
            context = (
                child_version_context(plan)
                if which == "child"
                else professional_version_context(plan)
            )
            label = f"{what}, large print" if large else what
            # Rendered first, then logged: the log never holds the database while WeasyPrint
            # works, and a document that could not be made is not logged as printed.
            pdf = pdf_from_template(template, context, large_print=large)
            document_print_record(
                by=request.user,
                obj=plan,
                what=label,
                child_id=plan.child.uuid,
                reason=form.reason_text(),
            )
            response = HttpResponse(pdf, content_type="application/pdf")
            name = f"plan-{which}{'-large-print' if large else ''}-{timezone.localdate():%Y-%m-%d}"
            response["Content-Disposition"] = f'attachment; filename="{name}.pdf"'
            return response
    else:
        form = PrintForm(initial={"size": "large" if large else "standard"})
    return _reason_page(request, plan, form, which, "large print PDF" if large else "PDF")


def _reason_page(request, plan, form, which, fmt):
    what = VERSIONS[which][0]
    return render_file_page(
        request,
        plan.child,
        "plan",
        "plans/print_reason.html",
        {"plan": plan, "form": form, "what": what, "fmt": fmt, "which": which},
    )
