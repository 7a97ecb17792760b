"""The scorecard page: the board's figures at a chosen day, for the places the person leads."""

from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from together.core.reporting import reporting

from .forms import ScorecardDateForm
from .presentation import BY_AREA, figures_in_words
from .rules import scorecard_places
from .selectors import scorecard_figures, scorecard_figures_by_area


@require_GET
@reporting
def scorecard(request):
    places = scorecard_places(request.user)
    if places is None:
        raise Http404
    form = ScorecardDateForm(request.GET if "date_day" in request.GET else None)
    day = timezone.localdate()
    if form.is_bound and form.is_valid() and form.cleaned_data["date"]:
        day = form.cleaned_data["date"]
    figures = scorecard_figures(day, areas=places.areas)
    each = scorecard_figures_by_area(day, places.each) if places.each else {}
    by_area = [(area, figures_in_words(each[area.pk], BY_AREA)) for area in places.each]
    context = {
        "form": form,
        "places": places,
        "day": day,
        "figures": figures_in_words(figures),
        "area_headings": list(BY_AREA.values()),
        "by_area": by_area,
    }
    return render(request, "scorecard/scorecard.html", context)
