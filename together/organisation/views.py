"""Pages about the organisation: the changes made to staff and teams in the admin site, and
staff absence."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from together.accounts.models import REGION_ROLES, Role
from together.core.forms import add_service_errors

from . import rules, selectors, services
from .forms import PlannedAbsenceForm, SicknessEndForm, SicknessForm
from .models import Absence


@require_GET
def staff_changes(request):
    user = request.user
    page = selectors.staff_changes_page(user=user, page=request.GET.get("page"))
    if user.role == Role.SERVICE_MANAGER:
        place = user.service_area.name
    elif user.role in REGION_ROLES:
        place = user.region.name
    else:
        place = "National"
    return render(request, "organisation/staff_changes.html", {"page": page, "place": place})


def _own_absence_allowed(user) -> None:
    if not rules.may_record_own_absence(user):
        raise Http404("No such page")


@require_GET
def my_absence(request):
    user = request.user
    _own_absence_allowed(user)
    context = {
        "absences": selectors.my_absences(user),
        "manages_absence": rules.may_manage_absence(user),
    }
    return render(request, "organisation/my_absence.html", context)


@require_http_methods(["GET", "POST"])
def my_absence_add(request):
    user = request.user
    _own_absence_allowed(user)
    form = PlannedAbsenceForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        try:
            services.absence_record(
                by=user,
                token=form.token(),
                kind=form.cleaned_data["kind"],
                starts_on=form.cleaned_data["starts_on"],
                ends_on=form.cleaned_data["ends_on"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Your time away has been recorded")
            return redirect(reverse("organisation:my-absence"))
    return render(request, "organisation/my_absence_form.html", {"form": form})


@require_GET
def team_absence(request):
    user = request.user
    context = {"absences": selectors.team_absences(user), "sickness": Absence.Kind.SICKNESS}
    return render(request, "organisation/team_absence.html", context)


@require_http_methods(["GET", "POST"])
def sickness_add(request):
    user = request.user
    staff = selectors.managed_staff(user)
    form = SicknessForm(request.POST if request.method == "POST" else None, staff=staff)
    if form.is_bound and form.is_valid():
        try:
            absence = services.absence_record(
                by=user,
                token=form.token(),
                kind=Absence.Kind.SICKNESS,
                person=form.chosen(),
                starts_on=form.cleaned_data["starts_on"],
                ends_on=form.cleaned_data["ends_on"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"{absence.user.full_name}'s sickness has been recorded")
            return redirect(reverse("organisation:team-absence"))
    return render(request, "organisation/sickness_form.html", {"form": form})


@require_http_methods(["GET", "POST"])
def sickness_end(request, absence_id):
    """Record the last day of someone's sickness, when they are back."""
    user = request.user
    absence = selectors.sickness_get(user=user, absence_id=absence_id)
    form = SicknessEndForm(request.POST if request.method == "POST" else None, absence=absence)
    if form.is_bound and form.is_valid():
        try:
            services.absence_end_record(
                by=user, absence=absence, ends_on=form.cleaned_data["ends_on"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"{absence.user.full_name}'s last day off sick is recorded")
            return redirect(reverse("organisation:team-absence"))
    return render(request, "organisation/sickness_end.html", {"form": form, "absence": absence})
