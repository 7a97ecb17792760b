"""Observations of practice, who is short of audits and observations, and the themes."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from together.core.forms import add_service_errors
from together.core.reporting import reporting

from .. import rules, selectors, services
from ..forms import ObservationForm, ThemeForm, ThemesOverTimeForm
from ..models import Theme
from ..selectors import themes as themes_selectors
from .audits import quality_page


@quality_page
def observations(request):
    return render(
        request,
        "quality/observations.html",
        {
            "observations": selectors.observations_for_user(request.user),
            "may_observe": request.user.role in rules.AUDITS,
        },
    )


@quality_page
@require_http_methods(["GET", "POST"])
def observation_record(request):
    if request.user.role not in rules.AUDITS:
        raise Http404("Not found")
    form = ObservationForm(
        request.POST or None,
        fcas=selectors.fcas_to_audit(request.user),
        themes=Theme.objects.filter(in_use=True),
    )
    if request.method == "POST" and form.is_valid():
        data = form.answers()
        data.pop("fca")
        data.pop("themes")
        try:
            observation = services.observation_record(
                by=request.user,
                fca=form.chosen_fca(),
                themes=form.chosen_themes(),
                token=form.token(),
                **data,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "The observation has been recorded")
            return redirect("quality:observation", observation_id=observation.uuid)
    return render(request, "quality/observation_record.html", {"form": form})


@quality_page
def observation_detail(request, observation_id):
    observation = selectors.observation_get_for_user(
        user=request.user, observation_id=observation_id
    )
    return render(
        request,
        "quality/observation.html",
        {
            "observation": observation,
            "actions": list(observation.actions.select_related("owner")),
            "themes": list(observation.themes.all()),
        },
    )


@quality_page
@require_GET
@reporting
def compliance(request):
    if not rules.sees_compliance(request.user):
        raise Http404("Not found")
    rows = selectors.compliance_for(request.user)
    return render(
        request,
        "quality/compliance.html",
        {"rows": rows, "short": [row for row in rows if row.short]},
    )


@quality_page
@require_http_methods(["GET", "POST"])
def themes(request):
    """The list of themes: seen by everyone who tags audits, kept by national leadership."""
    editable = rules.may_edit_themes(request.user)
    form = ThemeForm(request.POST or None)
    if request.method == "POST":
        if not editable:
            raise Http404("Not found")
        retire = request.POST.get("retire") or request.POST.get("restore")
        if retire:
            theme = Theme.objects.filter(uuid=retire).first()
            if theme is None:
                raise Http404("No theme found")
            services.theme_save(
                by=request.user, theme=theme, name=theme.name, in_use=not theme.in_use
            )
            return redirect("quality:themes")
        if form.is_valid():
            try:
                services.theme_save(by=request.user, name=form.cleaned_data["name"])
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, "The theme has been added")
                return redirect("quality:themes")
    return render(
        request,
        "quality/themes.html",
        {
            "themes": selectors.themes_with_use(request.user),
            "form": form,
            "editable": editable,
        },
    )


@quality_page
@require_GET
@reporting
def themes_over_time(request):
    """How often each theme came up in the audits and observations the person may see, month by
    month, for a place and a period they choose."""
    places = themes_selectors.theme_places(request.user)
    form = ThemesOverTimeForm(
        request.GET if request.GET else None,
        places=places,
        months=themes_selectors.MONTHS_CHOICES,
        initial={"place": "", "months": themes_selectors.MONTHS_DEFAULT},
    )
    place, months = themes_selectors.EVERYTHING, themes_selectors.MONTHS_DEFAULT
    if form.is_bound and form.is_valid():
        place = form.places.get(form.cleaned_data["place"] or "", place)
        months = form.cleaned_data["months"] or months
    found = themes_selectors.themes_over_time(request.user, place, months)
    return render(
        request,
        "quality/themes_over_time.html",
        {"form": form, "found": found, "charts": themes_selectors.theme_charts(found)},
    )
