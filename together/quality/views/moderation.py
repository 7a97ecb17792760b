"""The moderation pages: draw a month's sample, grade without seeing the first grades, and
resolve a disagreement."""

import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from together.core.forms import add_service_errors

from .. import rules, selectors, services
from ..forms import DrawSampleForm, ModerationGradesForm, ResolveForm
from ..models import DOMAINS, Domain
from .audits import quality_page


def _months(today) -> list:
    """The last twelve months, this one first."""
    months, month = [], services.first_of_month(today)
    for _ in range(12):
        months.append(month)
        month = services.first_of_month(month - datetime.timedelta(days=1))
    return months


@quality_page
@require_http_methods(["GET", "POST"])
def moderation(request):
    """The moderation of audits: draw a month's sample, the audits to moderate, and how often
    moderators agree with the auditors."""
    user = request.user
    if not rules.sees_moderation(user):
        raise Http404("Not found")
    areas = selectors.moderation_areas(user)
    today = timezone.localdate()
    draws = rules.may_moderate(user)
    months = _months(today)
    form = DrawSampleForm(
        request.POST or None,
        areas=areas,
        months=months,
        initial={"month": months[1].isoformat(), "area": str(areas[0].uuid) if areas else ""},
    )
    if request.method == "POST" and draws and form.is_valid():
        area, month = form.chosen()
        try:
            drawn = services.moderation_sample_create(by=user, area=area, month=month)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, f"{len(drawn)} audit{'s' if len(drawn) != 1 else ''} to moderate"
            )
            return redirect("quality:moderation")
    return render(
        request,
        "quality/moderation.html",
        {
            "form": form,
            "draws": draws,
            "to_do": selectors.moderations_to_do(user),
            "done": selectors.moderations_done(areas=areas),
            "figures": selectors.moderation_figures(areas=areas, today=today),
        },
    )


@quality_page
@require_http_methods(["GET", "POST"])
def moderation_detail(request, moderation_id):
    moderation = selectors.moderation_get_for_moderator(
        user=request.user, moderation_id=moderation_id
    )
    audit = moderation.audit
    form = None
    if moderation.stage == moderation.Stage.TO_GRADE:
        domains = list(services.audit_final_grades(audit))
        ordered = [d for d in [*DOMAINS, Domain.OVERALL] if d in domains]
        form = ModerationGradesForm(request.POST or None, domains=ordered)
        if request.method == "POST" and form.is_valid():
            try:
                services.moderation_grades_record(
                    by=request.user, moderation=moderation, grades=form.grades()
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                return redirect("quality:moderation-detail", moderation_id=moderation.uuid)
    grades = list(moderation.grades.all())
    if moderation.stage == moderation.Stage.TO_DISCUSS:
        form = ResolveForm(request.POST or None, differing=[g for g in grades if g.differs])
        if request.method == "POST" and form.is_valid():
            try:
                services.moderation_resolve_record(
                    by=request.user,
                    moderation=moderation,
                    finals=form.finals(),
                    reason=form.cleaned_data["reason"],
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, "The final grades are recorded")
                return redirect("quality:moderation-detail", moderation_id=moderation.uuid)
    return render(
        request,
        "quality/moderation_detail.html",
        {"moderation": moderation, "audit": audit, "form": form, "grades": grades},
    )
