"""Starting and writing a report: its task list, direction, sections, recommendations, quotes."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods

from together.children.selectors import child_get_for_user
from together.children.views.file import render_file_page
from together.core.editing import save_form
from together.core.exceptions import EditConflict
from together.core.forms import add_service_errors

from .. import report_quotes
from .. import report_rules as rules
from .. import report_selectors as selectors
from .. import reports as services
from ..report_forms import (
    LABELS,
    CommentForm,
    DirectionForm,
    QuotesForm,
    RecommendationForm,
    ReportSectionForm,
    ReportStartForm,
)
from ..report_models import OWN_WORDS, SECTIONS, ReportRecommendation, ReportStatus
from .common import FILE_SECTION, MOVES, _not_now, _professional_reader, _report_url, _writable


@require_http_methods(["GET", "POST"])
def report_new(request, child_id):
    child = child_get_for_user(user=request.user, child_id=child_id)
    proceedings = selectors.writable_proceedings(request.user, child)
    if not proceedings:
        raise Http404("No report can be started")
    form = ReportStartForm(
        request.POST if request.method == "POST" else None, proceedings=proceedings
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            report = services.report_start(
                by=request.user,
                child=child,
                proceedings=form.chosen_proceedings(),
                token=form.token(),
                kind=data["kind"],
                ordered_on=data["ordered_on"],
                due_on=data["due_on"],
                court_asked=data["court_asked"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "The report has been started from the plan")
            return redirect(_report_url(report))
    return render_file_page(
        request, child, FILE_SECTION, "courtwork/reports/new.html", {"form": form}
    )


def report(request, child_id, report_id):
    """The report's task list: the court's direction, its sections, the recommendations, its
    stage and what to do next, the comments, and the downloads."""
    current = selectors.report_get_for_user(
        user=request.user, child_id=child_id, report_id=report_id
    )
    user = request.user
    slugs = []
    for to in services.transitions_for(user, current):
        if to == ReportStatus.DRAFT:
            slugs.append("send-back" if rules.may_agree_report(user, current) else "withdraw")
        else:
            slugs.append({status: s for s, (status, _t, _w) in MOVES.items()}[to])
    comments = list(current.comments.select_related("by"))
    sent_back = next((c for c in comments if c.sends_back), None)
    sections = [
        {
            "key": key,
            "title": title,
            "started": any((getattr(current, f) or "").strip() for f in fields),
        }
        for key, (title, fields) in SECTIONS.items()
    ]
    context = {
        "report": current,
        "report_sections": sections,
        "recommendations": list(current.recommendations.all()),
        "quotes": list(current.quotes.select_related("professional")),
        "editable": rules.may_edit_report(user, current),
        "moves": [{"slug": s, "text": MOVES[s][1]} for s in slugs],
        "comments": comments,
        "sent_back": sent_back if current.status == ReportStatus.DRAFT else None,
        "may_comment": rules.may_comment_on_report(user, current),
        "comment_form": CommentForm(),
        "missing": services.report_missing_for_review(current)
        if current.status == ReportStatus.DRAFT
        else [],
    }
    return render_file_page(
        request, current.child, FILE_SECTION, "courtwork/reports/report.html", context
    )


@require_http_methods(["GET", "POST"])
def direction(request, child_id, report_id):
    current = _writable(request, child_id, report_id)
    if current.is_filed:
        return _not_now(request, current)
    if request.method == "POST":
        attempt = save_form(
            DirectionForm(request.POST),
            lambda data: services.report_direction_update(
                by=request.user,
                report=current,
                version=data["version"],
                ordered_on=data["ordered_on"],
                due_on=data["due_on"],
                court_asked=data["court_asked"],
            ),
            record=current,
            what="the report",
        )
        form = attempt.form
        if attempt.saved:
            messages.success(request, "The court's direction has been saved")
            return redirect(_report_url(current))
    else:
        form = DirectionForm(
            initial={
                "version": current.version,
                "ordered_on": current.ordered_on,
                "due_on": current.due_on,
                "court_asked": current.court_asked,
            }
        )
    return render_file_page(
        request,
        current.child,
        FILE_SECTION,
        "courtwork/reports/direction.html",
        {"report": current, "form": form},
    )


@require_http_methods(["GET", "POST"])
def section(request, child_id, report_id, key):
    """One section of the court's version, saved on its own. The writer edits it freely, while
    the report's stage allows; anyone who may see the file reads it here."""
    if key not in SECTIONS:
        raise Http404("No such section")
    current = selectors.report_get_for_user(
        user=request.user, child_id=child_id, report_id=report_id
    )
    writer = rules.may_write_report(request.user, current)
    editable = writer and rules.may_edit_report(request.user, current)
    if request.method == "POST" and not writer:
        raise Http404("No report found")
    if request.method == "POST" and not editable:
        return _not_now(request, current)
    conflict = None
    form = None
    if request.method == "POST":
        sent = ReportSectionForm(request.POST, section=key)
        attempt = save_form(
            sent,
            lambda data: services.report_section_save(
                by=request.user,
                report=current,
                version=data["version"],
                section=key,
                **sent.section_fields(),
            ),
            record=current,
            what="the report",
            form_kwargs={"section": key},
        )
        form, conflict = attempt.form, attempt.conflict
        if attempt.saved:
            messages.success(request, f"{SECTIONS[key][0]} has been saved")
            return redirect(_report_url(current))
    elif editable:
        initial = {name: getattr(current, name) for name in SECTIONS[key][1]}
        form = ReportSectionForm(initial={**initial, "version": current.version}, section=key)
    title, fields = SECTIONS[key]
    context = {
        "report": current,
        "key": key,
        "title": title,
        "form": form,
        "conflict": conflict,
        "fields": [
            {
                "name": name,
                "label": LABELS[name][0],
                "own_words": name in OWN_WORDS,
                "value": getattr(current, name),
                "bound": form[name] if form is not None else None,
            }
            for name in fields
        ],
        "reader": _professional_reader(current.child) if form is not None else None,
    }
    return render_file_page(
        request, current.child, FILE_SECTION, "courtwork/reports/section.html", context
    )


@require_http_methods(["GET", "POST"])
def recommendation(request, child_id, report_id, item_id=None):
    """Add or change a recommendation; remove it from the same page."""
    current = _writable(request, child_id, report_id)
    if not rules.may_edit_report(request.user, current):
        return _not_now(request, current)
    item = None
    if item_id is not None:
        try:
            item = current.recommendations.get(uuid=item_id)
        except (ReportRecommendation.DoesNotExist, ValueError):
            raise Http404("No recommendation found") from None
    if request.method == "POST" and request.POST.get("remove") and item is not None:
        try:
            services.report_recommendation_remove(
                by=request.user,
                report=current,
                version=int(request.POST.get("version") or 0),
                item=item,
            )
        except (EditConflict, ValueError):
            messages.error(request, "The report changed while you were looking. Try again.")
        else:
            messages.success(request, "The recommendation has been removed")
        return redirect(_report_url(current))
    if request.method == "POST":
        attempt = save_form(
            RecommendationForm(request.POST),
            lambda data: services.report_recommendation_save(
                by=request.user,
                report=current,
                version=data["version"],
                item=item,
                recommendation=data["recommendation"],
                evidence=data["evidence"],
                differs_from_wishes=data["differs_from_wishes"],
                why_different=data["why_different"],
            ),
            record=current,
            what="the report",
        )
        form = attempt.form
        if attempt.saved:
            messages.success(request, "The recommendation has been saved")
            return redirect(_report_url(current) + "#recommendations")
    else:
        initial = {"version": current.version}
        if item is not None:
            initial.update(
                recommendation=item.recommendation,
                evidence=item.evidence,
                differs_from_wishes="yes" if item.differs_from_wishes else "no",
                why_different=item.why_different,
            )
        form = RecommendationForm(initial=initial)
    return render_file_page(
        request,
        current.child,
        FILE_SECTION,
        "courtwork/reports/recommendation.html",
        {
            "report": current,
            "item": item,
            "form": form,
            "reader": _professional_reader(current.child),
        },
    )


@require_http_methods(["GET", "POST"])
def quotes(request, child_id, report_id):
    """Choose which of the professionals who know the child the report quotes, with what they
    said and who they are (recorded on the family page)."""
    current = _writable(request, child_id, report_id)
    if not rules.may_edit_report(request.user, current):
        return _not_now(request, current)
    found = report_quotes.quotable_professionals(current)
    if request.method == "POST":
        sent = QuotesForm(request.POST, professionals=found)
        attempt = save_form(
            sent,
            lambda data: report_quotes.report_quotes_save(
                by=request.user,
                report=current,
                version=data["version"],
                professionals=sent.chosen(),
            ),
            record=current,
            what="the report",
            form_kwargs={"professionals": found},
        )
        form = attempt.form
        if attempt.saved:
            messages.success(request, "The professionals quoted have been saved")
            return redirect(_report_url(current) + "#professionals")
    else:
        chosen = {str(q.professional.uuid) for q in current.quotes.select_related("professional")}
        form = QuotesForm(
            initial={"version": current.version, "professionals": sorted(chosen)},
            professionals=found,
        )
    return render_file_page(
        request,
        current.child,
        FILE_SECTION,
        "courtwork/reports/quotes.html",
        {"report": current, "form": form, "professionals": found},
    )
