"""Pages of national case quality audits: the rounds (national leadership), the files assigned to
an auditor, the audit of one file, and the national quality report."""

from collections import Counter

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from together.children.selectors import about_me_rows, child_get_for_user
from together.children.views.file import render_file_page
from together.core.forms import add_service_errors
from together.core.reporting import reporting
from together.documents.pdf import pdf_from_template
from together.documents.services import document_print_record

from . import national as services
from . import national_report, spotlight
from . import national_rules as rules
from .models import Moderation
from .national_forms import (
    AuditorForm,
    NationalAuditForm,
    NationalRoundForm,
    SpotlightJudgementForm,
)
from .national_models import NationalAuditRound, SpotlightLetter


def _national_only(request):
    if not rules.may_run_national_audits(request.user):
        raise Http404("No page found")


@require_GET
def rounds(request):
    _national_only(request)
    found = NationalAuditRound.objects.annotate(
        drawn=Count("files"),
        assigned=Count("files", filter=Q(files__auditor__isnull=False)),
        audited=Count("files", filter=Q(files__audit__isnull=False)),
    ).order_by("-starts_on", "-id")
    return render(request, "quality/national/rounds.html", {"rounds": found})


@require_http_methods(["GET", "POST"])
def round_new(request):
    _national_only(request)
    form = NationalRoundForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            round_ = services.national_round_create(
                by=request.user, token=form.token(), **form.answers()
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "The audit has been set up. Draw its sample next")
            return redirect("quality-national:round", round_id=round_.uuid)
    return render(request, "quality/national/round_new.html", {"form": form})


@require_GET
def round_detail(request, round_id):
    round_ = services.national_round_get(user=request.user, round_id=round_id)
    files = list(
        round_.files.select_related(
            "child", "service_area", "region", "fca", "auditor", "audit"
        ).order_by("position")
    )
    moderations = {
        m.audit_id: m
        for m in Moderation.objects.filter(audit_id__in=[f.audit_id for f in files if f.audit_id])
    }
    for file in files:
        file.moderation = moderations.get(file.audit_id)
        # Blind: the audit's grade is not shown while its moderation is still to be graded.
        file.grade_hidden = file.moderated and (
            file.moderation is None or file.moderation.stage == Moderation.Stage.TO_GRADE
        )
        file.may_moderate = rules.may_moderate_national_file(request.user, file)
    strata = {}
    for file in files:
        key = (file.region.name, file.get_law_display())
        strata[key] = strata.get(key, 0) + 1
    context = {
        "round": round_,
        "files": files,
        "strata": sorted(strata.items()),
        "moderated": sum(f.moderated for f in files),
        "assigned": sum(f.auditor_id is not None for f in files),
        "audited": sum(f.audit_id is not None for f in files),
    }
    return render(request, "quality/national/round.html", context)


def _round_action(request, round_id, action, done):
    round_ = services.national_round_get(user=request.user, round_id=round_id)
    try:
        result = action(by=request.user, round_=round_)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, done(result))
    return redirect("quality-national:round", round_id=round_.uuid)


@require_POST
def round_draw(request, round_id):
    return _round_action(
        request,
        round_id,
        services.national_sample_draw,
        lambda n: f"{n} children's files have been drawn",
    )


@require_POST
def round_assign(request, round_id):
    return _round_action(
        request,
        round_id,
        services.national_files_assign_automatically,
        lambda n: f"{n} files have been given to auditors from other areas",
    )


@require_POST
def round_close(request, round_id):
    return _round_action(
        request,
        round_id,
        services.national_round_close,
        lambda _: "The audit has closed. Auditors can no longer read its files",
    )


@require_GET
def assigned(request):
    files = services.national_files_for_auditor(request.user)
    return render(request, "quality/national/assigned.html", {"files": files})


@require_http_methods(["GET", "POST"])
def file_audit(request, file_id):
    file = services.national_file_get_for_auditor(user=request.user, file_id=file_id)
    form = None
    if file.audit_id is None:
        data = request.POST if request.method == "POST" else None
        form = NationalAuditForm(data, initial={"audited_on": timezone.localdate()})
        if request.method == "POST" and form.is_valid():
            try:
                services.national_audit_record(
                    by=request.user, file=file, token=form.token(), **form.answers()
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, "Your audit has been saved")
                return redirect("quality-national:assigned")
    elif request.method == "POST":
        return redirect("quality-national:file-audit", file_id=file.uuid)
    return render(request, "quality/national/file_audit.html", {"file": file, "form": form})


@require_GET
@reporting
def report(request):
    if not rules.may_read_national_report(request.user):
        raise Http404("No page found")
    form, period = national_report.period_from(request.GET)
    return render(
        request,
        "quality/national/report.html",
        {"form": form, "report": national_report.national_quality_report(period)},
    )


@require_GET
@reporting
def report_pdf(request):
    """The same report as a tagged PDF. It holds figures only, no child; the download is logged
    like any other."""
    if not rules.may_read_national_report(request.user):
        raise Http404("No page found")
    _, period = national_report.period_from(request.GET)
    pdf = pdf_from_template(
        "quality/national/report_pdf.html",
        {"report": national_report.national_quality_report(period)},
    )
    document_print_record(
        by=request.user,
        obj=None,
        what=f"national quality report, {period.starts_on} to {period.ends_on}",
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    name = f"national-quality-report-{period.starts_on:%Y-%m-%d}-to-{period.ends_on:%Y-%m-%d}"
    response["Content-Disposition"] = f'attachment; filename="{name}.pdf"'
    return response


@require_http_methods(["GET", "POST"])
def spotlights(request):
    found = spotlight.spotlights_for(request.user)
    if request.method == "POST":
        made = spotlight.letters_spotlight_create(by=request.user, year=timezone.localdate().year)
        drawn = made.letters.count()
        messages.success(
            request, "1 letter has been drawn" if drawn == 1 else f"{drawn} letters have been drawn"
        )
        return redirect("quality-national:spotlight", spotlight_id=made.uuid)
    return render(request, "quality/national/spotlights.html", {"spotlights": found})


@require_GET
def spotlight_detail(request, spotlight_id):
    found = spotlight.spotlight_get(user=request.user, spotlight_id=spotlight_id)
    items = list(found.letters.select_related("letter__child", "letter__service_area"))
    judged = Counter(item.judgement for item in items if item.judgement)
    counts = [(label, judged.get(value, 0)) for value, label in SpotlightLetter.Judgement.choices]
    return render(
        request,
        "quality/national/spotlight.html",
        {"spotlight": found, "items": items, "counts": counts},
    )


@require_http_methods(["GET", "POST"])
def spotlight_letter(request, item_id):
    item = spotlight.spotlight_letter_get(user=request.user, item_id=item_id)
    # The letter and About me are the child's file: read (and logged) as any page of it is.
    child = child_get_for_user(user=request.user, child_id=item.letter.child.uuid)
    initial = {"judgement": item.judgement, "comment": item.comment}
    form = SpotlightJudgementForm(
        request.POST if request.method == "POST" else None, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        try:
            spotlight.spotlight_letter_record(by=request.user, item=item, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Your judgement has been saved")
            return redirect("quality-national:spotlight", spotlight_id=item.spotlight.uuid)
    return render_file_page(
        request,
        child,
        "letters",
        "quality/national/spotlight_letter.html",
        {"item": item, "form": form, "groups": about_me_rows(child)},
    )


@require_http_methods(["GET", "POST"])
def file_assign(request, file_id):
    """National leadership chooses the auditor of one file."""
    _national_only(request)
    file = services.national_file_get(user=request.user, file_id=file_id)
    found = services.auditors_available().select_related("service_area")
    auditors = [a for a in found if rules.may_be_auditor_of(a, file)]
    data = request.POST if request.method == "POST" else None
    initial = {"auditor": str(file.auditor.uuid) if file.auditor else ""}
    form = AuditorForm(data, auditors=auditors, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.national_file_assign(by=request.user, file=file, auditor=form.chosen())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"File {file.position} has a new auditor")
            return redirect("quality-national:round", round_id=file.round.uuid)
    return render(request, "quality/national/file_assign.html", {"file": file, "form": form})


@require_POST
def file_moderate(request, file_id):
    """National leadership takes up the moderation of an audited file marked for it, then grades
    it on the moderation page (blind), as local moderation is done."""
    _national_only(request)
    file = services.national_file_get(user=request.user, file_id=file_id)
    if not rules.may_moderate_national_file(request.user, file):
        raise Http404("No file found")
    try:
        moderation = services.national_moderation_start(by=request.user, file=file)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("quality-national:round", round_id=file.round.uuid)
    return redirect("quality:moderation-detail", moderation_id=moderation.uuid)
