"""Pages for reports to the court, hearing outcomes and telling the child what the judge decided."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from together.children.readers import child_reader
from together.children.selectors import child_get_for_user
from together.children.views.file import render_file_page
from together.core.editing import conflict_message, save_form
from together.core.exceptions import EditConflict
from together.core.forms import add_service_errors
from together.documents.downloads import logged_download
from together.language.readers import Reader
from together.proceedings.services import proceedings_view_record

from . import report_outputs, report_quotes
from . import report_rules as rules
from . import report_selectors as selectors
from . import reports as services
from .report_forms import (
    LABELS,
    CommentForm,
    DirectionForm,
    FileForm,
    MoveForm,
    OutcomeForm,
    QuotesForm,
    RecommendationForm,
    ReportSectionForm,
    ReportStartForm,
    ToldForm,
)
from .report_models import OWN_WORDS, SECTIONS, ReportRecommendation, ReportStatus

FILE_SECTION = "court"  # the key of these pages among the sections of the child's file

# The address of each move: (the stage it moves to, the button's words, who may ask).
MOVES = {
    "review": (ReportStatus.READY_FOR_REVIEW, "Send for review", rules.may_write_report),
    "agree": (ReportStatus.AGREED, "Agree the report", rules.may_agree_report),
    "send-back": (ReportStatus.DRAFT, "Send back with comments", rules.may_agree_report),
    "withdraw": (ReportStatus.DRAFT, "Withdraw from review", rules.may_write_report),
    "file": (ReportStatus.FILED, "Mark as filed", rules.may_write_report),
}


def _conflict_message(error: EditConflict) -> str:
    return conflict_message(error, "the report")


def _professional_reader(child) -> Reader:
    """The court reads the report: checked for professionals, never flagging the family's names."""
    family = child_reader(child)
    return Reader.for_professionals(names=family.names, person_names=family.people)


def _report_url(report) -> str:
    return reverse("reports:report", args=[report.child.uuid, report.uuid])


def _writable(request, child_id, report_id):
    report = selectors.report_get_for_user(
        user=request.user, child_id=child_id, report_id=report_id
    )
    if not rules.may_write_report(request.user, report):
        raise Http404("No report found")
    return report


def _not_now(request, report):
    if report.status == ReportStatus.FILED:
        messages.error(request, "The report has been filed and cannot be changed")
    else:
        messages.error(
            request,
            "The report is waiting for review. You can change it again once it is agreed or "
            "sent back.",
        )
    return redirect(_report_url(report))


# --- Lists -------------------------------------------------------------------------------------


def child_reports(request, child_id):
    """The child's reports to the court and what they are still to be told about hearings."""
    child = child_get_for_user(user=request.user, child_id=child_id)
    context = {
        "reports": selectors.reports_for_child(child),
        "tellings": selectors.tellings_for_child(child),
        "may_start": bool(selectors.writable_proceedings(request.user, child)),
        "today": timezone.localdate(),
        "proceedings": list(child.proceedings.order_by("-received_on")),
    }
    return render_file_page(
        request, child, FILE_SECTION, "courtwork/reports/child_reports.html", context
    )


def proceedings_reports(request, proceedings_id):
    """The reports and hearing outcomes of one set of proceedings."""
    proceedings = selectors.proceedings_for_reports(
        user=request.user, proceedings_id=proceedings_id
    )
    proceedings_view_record(by=request.user, proceedings=proceedings, page="court work")
    outcomes = selectors.outcomes_for_proceedings(proceedings)
    hearings = [(h, outcomes.get(h.pk)) for h in proceedings.hearings.order_by("starts_at")]
    # Once the proceedings close, each child is to be written an ending letter (letters app).
    ending = selectors.ending_letters_due(proceedings) if not proceedings.is_open else []
    return render(
        request,
        "courtwork/reports/proceedings_reports.html",
        {
            "proceedings": proceedings,
            "reports": selectors.reports_for_proceedings(proceedings),
            "hearings": hearings,
            "may_record_outcome": rules.may_record_outcome(request.user, proceedings),
            "now": timezone.now(),
            "ending": ending,
        },
    )


def reports_due(request):
    """Reports not yet filed in the areas a manager looks after, most overdue first."""
    page = selectors.reports_due(user=request.user)
    return render(request, "courtwork/reports/reports_due.html", {"page": page})


# --- Starting and writing a report -------------------------------------------------------------


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


# --- Sign-off ----------------------------------------------------------------------------------


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


# --- The court's copies ------------------------------------------------------------------------


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


# --- After a hearing ---------------------------------------------------------------------------


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
