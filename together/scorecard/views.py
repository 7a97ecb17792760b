"""The scorecard page: the board's figures at a chosen day for a place the person leads, beside the
month before and the year before, the places one level down, the lists behind the figures, and a
CSV download of every table."""

import calendar
import datetime
from urllib.parse import urlencode

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from together.core.reporting import reporting
from together.courtwork.report_rules import may_view_reports_due
from together.courtwork.rules import may_see_letters_due
from together.feedback.export import write_csv
from together.organisation.models import ServiceArea

from . import drill
from .charts import TRENDS, charts
from .forms import ScorecardDateForm
from .presentation import BY_AREA, LABELS, compared, csv_value, figures_in_words, too_few
from .rules import AREA, REGION, TEAM, Place, scorecard_place
from .selectors import COMPLIANCE_KEYS, KEPT, KEYS
from .services import scorecard_export_record
from .snapshots import TODAY_REFRESH_MINUTES, page_figures, trend


def month_before(day: datetime.date) -> datetime.date:
    """The same day a month earlier (the month's last day when it has fewer days)."""
    year, month = (day.year, day.month - 1) if day.month > 1 else (day.year - 1, 12)
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def year_before(day: datetime.date) -> datetime.date:
    """The same day a year earlier (28 February for 29 February)."""
    if day.month == 2 and day.day == 29:
        return day.replace(year=day.year - 1, day=28)
    return day.replace(year=day.year - 1)


def pressure_areas(place: Place):
    """The service areas whose pressure the place's scorecard shows (None for the nation): a
    team's is its area's, since prioritisation is decided for areas."""
    if place.ids is None:
        return None
    if place.level == REGION:
        return ServiceArea.objects.filter(region_id__in=place.ids)
    if place.level == AREA:
        return ServiceArea.objects.filter(pk__in=place.ids)
    return ServiceArea.objects.filter(teams__pk__in=place.ids).distinct()


def work_lists(user) -> list[tuple[str, str]]:
    """The lists of work for the court a reader of the scorecard oversees (the scorecard is the
    home page of national and regional leadership, so it leads to them)."""
    lists = []
    if may_view_reports_due(user):
        lists.append(("Reports to the court due and overdue", reverse("reports:due")))
    if may_see_letters_due(user):
        lists.append(("Safeguarding letters due", reverse("courtwork:letters-due")))
    return lists


def _chosen(request) -> tuple[Place, ScorecardDateForm, datetime.date]:
    """The place and day the request asks for: 404 for a place the person may not read; today
    when no day (or a wrong one) is given."""
    place = scorecard_place(request.user, request.GET.get("place", ""))
    if place is None:
        raise Http404
    form = ScorecardDateForm(request.GET if "date_day" in request.GET else None)
    day = timezone.localdate()
    if form.is_bound and form.is_valid() and form.cleaned_data["date"]:
        day = form.cleaned_data["date"]
    return place, form, day


def _query(place_key: str, day: datetime.date, **more) -> str:
    """The query string naming a place and a day (and anything `more`)."""
    params = {"date_day": day.day, "date_month": day.month, "date_year": day.year}
    if place_key:
        params = {"place": place_key, **params}
    return "?" + urlencode({**params, **more})


def _csv(request, name: str, rows: list[list], detail: dict) -> HttpResponse:
    scorecard_export_record(by=request.user, detail={**detail, "rows": len(rows) - 1})
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    write_csv(response, rows)
    return response


# The figures whose lists are behind them: the list's address and its query.
DRILLS = {
    "held_on_duty": ("/scorecard/on-duty/", {}),
    "caseload_post_first_hearing_share_over_25": (
        "/scorecard/over-ceiling/",
        {"stage": drill.AFTER},
    ),
    "caseload_pre_first_hearing_share_over_40": (
        "/scorecard/over-ceiling/",
        {"stage": drill.BEFORE},
    ),
    "children_seen_share": ("/scorecard/not-seen/", {}),
}


@require_GET
@reporting
def scorecard(request):
    place, form, day = _chosen(request)
    month_day, year_day = month_before(day), year_before(day)
    found = page_figures(
        day,
        place.level,
        place.ids,
        below=[(level, tuple(p.ids[0] for p in places)) for _heading, level, places in place.below],
        areas=pressure_areas(place),
        month_day=month_day,
        year_day=year_day,
    )
    nothing = dict.fromkeys(KEPT)
    now, month, year = found.now, found.month or nothing, found.year or nothing
    tables = [
        (heading, level, places, found.below.get(level, {}))
        for heading, level, places in place.below
    ]
    download = request.GET.get("download")
    if download:
        return _download(request, place, day, (month_day, year_day), (now, month, year), tables)
    drills = {
        key: address + _query(place.key, day, **more)
        for key, (address, more) in DRILLS.items()
        if now[key] and not too_few(key, now)
    }
    context = {
        "form": form,
        "place": place,
        "day": day,
        "month_day": month_day,
        "year_day": year_day,
        "rows": compared(now, month, year, drills, KEYS),
        "area_headings": list(BY_AREA.values()),
        "tables": [
            {
                "heading": heading,
                "level": level,
                "download": _query(place.key, day, download=level),
                "rows": [
                    (
                        p,
                        "/scorecard/" + _query(p.key, day),
                        figures_in_words(each[p.ids[0]], BY_AREA),
                    )
                    for p in places
                ],
            }
            for heading, level, places, each in tables
            if places
        ],
        "download": _query(place.key, day, download="figures"),
        "charts": charts(trend(place.level, place.ids)),
        "trends_download": _query(place.key, day, download="trends"),
        # Demand, throughput, saturation, duty and prioritisation (scorecard.pressure).
        "pressure": found.pressure,
        # Today's figures kept a few minutes ago say when; a comparison day never kept says so.
        "as_at": found.as_at,
        "refresh_minutes": TODAY_REFRESH_MINUTES,
        # Teams are counted by the team holding the work when the figures were worked out.
        "teams_shown": place.level == TEAM or any(level == TEAM for _h, level, *_ in tables),
        "not_kept": found.not_kept,
        "work_lists": work_lists(request.user),
        # The FCAs with the quality framework's audits and observations done, compared the same way.
        "compliance_rows": compared(now, month, year, keys=COMPLIANCE_KEYS),
        "compliance_too_few": too_few(COMPLIANCE_KEYS[0], now),
    }
    return render(request, "scorecard/scorecard.html", context)


def _download(request, place, day, before_days, found, tables):
    """The figures table, or one of the tables of places below, as CSV."""
    download = request.GET["download"]
    stamp = day.isoformat()
    detail = {"table": download, "place": place.key or "nation", "date": stamp}
    if download == "figures":
        now, month, year = found
        rows = [["measure", "key", stamp, before_days[0].isoformat(), before_days[1].isoformat()]]
        rows += [
            [LABELS[key][0], key, csv_value(key, now), csv_value(key, month), csv_value(key, year)]
            for key in KEPT
        ]
        return _csv(request, f"scorecard-{stamp}", rows, detail)
    if download == "trends":
        months = trend(place.level, place.ids)
        rows = [["month_end", *TRENDS]]
        rows += [
            [d.isoformat(), *(csv_value(k, found) if found else "" for k in TRENDS)]
            for d, found in months
        ]
        return _csv(request, f"scorecard-trends-{stamp}", rows, detail)
    for _heading, level, places, each in tables:
        if level == download:
            rows = [["place", *KEPT]]
            rows += [[p.name, *(csv_value(k, each[p.ids[0]]) for k in KEPT)] for p in places]
            return _csv(request, f"scorecard-by-{level}-{stamp}", rows, detail)
    raise Http404


def _list_page(request, *, title, intro, columns, rows, got, place, day, empty):
    context = {
        "title": title,
        "intro": intro,
        "columns": columns,
        "rows": [
            [(text, url, label) for (text, url), label in zip(row, columns, strict=True)]
            for row in rows
        ],
        "page": got,
        "place": place,
        "day": day,
        "empty": empty,
        "back": "/scorecard/" + _query(place.key, day),
        "download": _query(place.key, day, **_kept(request), download="csv"),
        "previous": _query(place.key, day, **_kept(request), page=got.number - 1)
        if got.has_previous()
        else "",
        "next": _query(place.key, day, **_kept(request), page=got.number + 1)
        if got.has_next()
        else "",
    }
    return render(request, "scorecard/list.html", context)


def _kept(request) -> dict:
    stage = request.GET.get("stage")
    return {"stage": stage} if stage else {}


def _page_or_all(request):
    """One page of a list, or (for a download) all of it."""
    if request.GET.get("download"):
        return {"page": 1, "per_page": 1_000_000}
    return {"page": request.GET.get("page")}


@require_GET
@reporting
def on_duty(request):
    place, _form, day = _chosen(request)
    got, found = drill.on_duty(request.user, place, day, **_page_or_all(request))
    columns = ["Court's number", "Received", "Days waiting", "Law", "Service area", "Children"]
    cells = [
        [
            (r.court_number, r.url),
            (r.received_on.strftime("%-d %B %Y"), ""),
            (str(r.days_waiting), ""),
            (r.law, ""),
            (r.area, ""),
            (r.children, ""),
        ]
        for r in found
    ]
    if request.GET.get("download"):
        rows = [columns] + [
            [r.court_number, r.received_on.isoformat(), r.days_waiting, r.law, r.area, r.children]
            for r in found
        ]
        return _csv(
            request,
            f"on-duty-{day.isoformat()}",
            rows,
            {"table": "on_duty", "place": place.key or "nation", "date": day.isoformat()},
        )
    return _list_page(
        request,
        title="Proceedings held on duty",
        intro="Open proceedings with no lead Family Court Adviser on this day, longest waiting "
        "first. Only proceedings whose children you may see are listed.",
        columns=columns,
        rows=cells,
        got=got,
        place=place,
        day=day,
        empty="No proceedings you may see were held on duty on this day.",
    )


@require_GET
@reporting
def over_ceiling(request):
    stage = request.GET.get("stage", drill.AFTER)
    if stage not in drill.CEILINGS:
        raise Http404
    place, _form, day = _chosen(request)
    got, found = drill.over_ceiling(place, day, stage, **_page_or_all(request))
    ceiling = drill.CEILINGS[stage]
    when = "after" if stage == drill.AFTER else "before"
    columns = ["Family Court Adviser", f"Sets of proceedings {when} the first hearing"]
    if request.GET.get("download"):
        rows = [columns] + [[r.name, r.held] for r in found]
        return _csv(
            request,
            f"over-{ceiling}-{day.isoformat()}",
            rows,
            {"table": f"over_{ceiling}", "place": place.key or "nation", "date": day.isoformat()},
        )
    return _list_page(
        request,
        title=f"FCAs over {ceiling} sets of proceedings {when} the first hearing",
        intro=f"Family Court Advisers leading more than {ceiling} open sets of proceedings "
        f"{when} the first hearing on this day, most first.",
        columns=columns,
        rows=[[(r.name, ""), (str(r.held), "")] for r in found],
        got=got,
        place=place,
        day=day,
        empty=f"No Family Court Adviser led more than {ceiling} on this day.",
    )


@require_GET
@reporting
def not_seen(request):
    place, _form, day = _chosen(request)
    got, found = drill.not_seen(request.user, place, day, **_page_or_all(request))
    columns = ["Child", "Court's number", "Received", "Service area"]
    if request.GET.get("download"):
        rows = [columns] + [
            [r.child, r.court_number, r.received_on.isoformat(), r.area] for r in found
        ]
        return _csv(
            request,
            f"not-seen-{day.isoformat()}",
            rows,
            {"table": "not_seen", "place": place.key or "nation", "date": day.isoformat()},
        )
    return _list_page(
        request,
        title="Children not seen",
        intro="Children in open proceedings with no meeting in those proceedings on or before "
        "this day, longest waiting first. Only children whose files you may see are listed.",
        columns=columns,
        rows=[
            [
                (r.child, r.child_url),
                (r.court_number, ""),
                (r.received_on.strftime("%-d %B %Y"), ""),
                (r.area, ""),
            ]
            for r in found
        ],
        got=got,
        place=place,
        day=day,
        empty="No children you may see were waiting to be seen on this day.",
    )
