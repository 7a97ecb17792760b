"""Pages about pressure on the service: which areas are in prioritisation or past their
thresholds, each area's history of decisions, recording a decision and setting the thresholds
(national leadership), and the pressure figures on a page of their own."""

from dataclasses import asdict

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.views.decorators.http import require_GET, require_http_methods

from together.core.exceptions import EditConflict
from together.core.forms import add_service_errors
from together.core.reporting import reporting
from together.organisation import rules as organisation_rules
from together.organisation import selectors as organisation
from together.organisation import services as organisation_services
from together.organisation.forms import PrioritisationChangeForm, ThresholdsForm
from together.organisation.models import changes_open_to

from .forms import ScorecardDateForm
from .pressure import Thresholds, pressure_at
from .rules import may_read_scorecard, scorecard_places


def _readable_areas(user):
    if not may_read_scorecard(user):
        raise Http404("No such page")
    return organisation.areas_for_prioritisation(user)


@require_GET
def prioritisation(request):
    """Every area the person reads: in prioritisation, past a threshold, hubs open. Read from
    the primary, not the reporting replica: a decision just recorded must show at once."""
    user = request.user
    areas = _readable_areas(user)
    pressure = pressure_at(timezone.localdate(), areas)
    context = {"pressure": pressure, "rows": pressure.areas}
    return render(request, "scorecard/prioritisation.html", context)


def _area_row(area):
    return pressure_at(timezone.localdate(), [area]).areas[0]


@require_GET
def prioritisation_area(request, area_id):
    """One area's state, thresholds and the history of decisions about it."""
    user = request.user
    if not may_read_scorecard(user):
        raise Http404("No such page")
    area = organisation.area_get_for_prioritisation(user=user, area_id=area_id)
    context = {
        "area": area,
        "row": _area_row(area),
        "history": organisation.prioritisation_history(area),
        "may_decide": organisation_rules.may_decide_prioritisation(user),
    }
    return render(request, "scorecard/prioritisation_area.html", context)


def _decider_area(request, area_id):
    user = request.user
    if not organisation_rules.may_decide_prioritisation(user):
        raise Http404("No such page")
    return organisation.area_get_for_prioritisation(user=user, area_id=area_id)


@require_http_methods(["GET", "POST"])
def prioritisation_change(request, area_id):
    area = _decider_area(request, area_id)
    form = PrioritisationChangeForm(
        request.POST if request.method == "POST" else None, changes=changes_open_to(area)
    )
    if form.is_bound and form.is_valid():
        try:
            event = organisation_services.prioritisation_change_record(
                by=request.user,
                area=area,
                token=form.token(),
                change=form.cleaned_data["change"],
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"{event.get_change_display()} for {area.name}")
            return redirect(reverse("scorecard:prioritisation-area", args=[area.uuid]))
    context = {"area": area, "form": form}
    return render(request, "scorecard/prioritisation_change.html", context)


def _current_thresholds(area):
    try:
        found = area.thresholds
    except area.__class__.thresholds.RelatedObjectDoesNotExist:
        return {**asdict(Thresholds()), "version": 1}
    return {
        "saturation_percent": found.saturation_percent,
        "held_on_duty": found.held_on_duty,
        "days_to_allocation": found.days_to_allocation,
        "manager_duty_holdings": found.manager_duty_holdings,
        "version": found.version,
    }


@require_http_methods(["GET", "POST"])
def prioritisation_thresholds(request, area_id):
    area = _decider_area(request, area_id)
    current = _current_thresholds(area)
    form = ThresholdsForm(request.POST if request.method == "POST" else None, initial=current)
    if form.is_bound and form.is_valid():
        answers = {name: value for name, value in form.cleaned_data.items() if name != "version"}
        try:
            organisation_services.area_thresholds_set(
                by=request.user, area=area, version=form.cleaned_data["version"] or 1, **answers
            )
        except EditConflict as conflict:
            when = date_format(timezone.localtime(conflict.at), "j F Y, H:i") if conflict.at else ""
            who = conflict.by.full_name if conflict.by else "Someone else"
            form = ThresholdsForm(
                {**request.POST.dict(), "version": current["version"]}, initial=current
            )
            form.is_valid()
            form.add_error(
                None,
                f"{who} changed these thresholds on {when} while you had this page open. "
                "Check the thresholds saved now, below, and save yours again if they are still "
                "right",
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"The thresholds for {area.name} have been saved")
            return redirect(reverse("scorecard:prioritisation-area", args=[area.uuid]))
    context = {"area": area, "form": form, "current": current}
    return render(request, "scorecard/prioritisation_thresholds.html", context)


@require_GET
@reporting
def pressure(request):
    """The pressure figures at a chosen date on a page of their own (the scorecard page shows
    the same part)."""
    places = scorecard_places(request.user)
    if places is None:
        raise Http404("No such page")
    form = ScorecardDateForm(request.GET if "date_day" in request.GET else None)
    day = timezone.localdate()
    if form.is_bound and form.is_valid() and form.cleaned_data["date"]:
        day = form.cleaned_data["date"]
    context = {"form": form, "places": places, "pressure": pressure_at(day, places.areas)}
    return render(request, "scorecard/pressure.html", context)
