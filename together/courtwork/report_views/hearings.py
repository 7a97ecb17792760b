"""After a hearing: recording its outcome, and telling the child what the judge decided."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from together.children.readers import child_reader
from together.children.views.file import render_file_page
from together.core.forms import add_service_errors

from .. import report_rules as rules
from .. import report_selectors as selectors
from .. import reports as services
from ..report_forms import OutcomeForm, ToldForm
from .common import FILE_SECTION


@require_http_methods(["GET", "POST"])
def hearing_outcome(request, proceedings_id, hearing_id):
    hearing = selectors.hearing_for_outcome(
        user=request.user, proceedings_id=proceedings_id, hearing_id=hearing_id
    )
    if request.method == "GET" and selectors.outcome_recorded(hearing):
        messages.info(request, "The outcome of this hearing is already recorded")
        return redirect(
            reverse("reports:proceedings-reports", args=[proceedings_id])
            + f"#hearing-{hearing.uuid}"
        )
    form = OutcomeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.hearing_outcome_record(
                by=request.user,
                hearing=hearing,
                token=form.token(),
                orders_made=data["orders_made"],
                directions=data["directions"],
                next_hearing_on=data["next_hearing_on"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                "The outcome has been recorded. Tell each child what the judge decided by "
                "the date shown.",
            )
            return redirect("reports:proceedings-reports", proceedings_id=proceedings_id)
    return render(
        request,
        "courtwork/reports/outcome.html",
        {"hearing": hearing, "proceedings": hearing.proceedings, "form": form},
    )


@require_http_methods(["GET", "POST"])
def child_told(request, child_id, telling_id):
    """Record telling the child what the judge decided, in words for the child."""
    telling = selectors.telling_get_for_user(
        user=request.user, child_id=child_id, telling_id=telling_id
    )
    if not rules.may_record_child_told(request.user, telling.outcome.hearing.proceedings):
        raise Http404("Nothing found")
    form = ToldForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.child_told_record(
                by=request.user,
                telling=telling,
                told_on=data["told_on"],
                method=data["method"],
                words_for_child=data["words_for_child"],
                child_response=data["child_response"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                f"Recorded that {telling.child.preferred_name} was told what the judge decided",
            )
            return redirect("reports:child-reports", child_id=telling.child.uuid)
    context = {
        "telling": telling,
        "outcome": telling.outcome,
        "form": form,
        "reader": child_reader(telling.child),
    }
    return render_file_page(
        request, telling.child, FILE_SECTION, "courtwork/reports/told.html", context
    )
