"""The pages of quality assurance at /quality/. Thin: each fetches what the person may see
through a selector (404 otherwise) and calls one service."""

import functools

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from together.children.rules import visible_children
from together.children.services import child_view_record
from together.core.exceptions import EditConflict
from together.core.forms import add_service_errors
from together.supervision.selectors import child_appreciations

from .. import national_rules, rules, selectors, services
from ..forms import (
    ActionForm,
    AddendumForm,
    AgreementForm,
    AuditorGradesForm,
    FamilyVoiceForm,
    GradesForm,
    SelfAssessmentForm,
    StartAuditForm,
)
from ..models import Theme, View
from ..national_models import NationalAuditFile

# What each kind of re-save before the audit was finished is called on the audit's page.
CHANGE_STEPS = {
    "self_assessment": "The self-assessment was saved again",
    "family_voice": "The family's feedback was saved again",
    "graded": "The auditor's grades were saved again",
}

CONFLICT = (
    "Someone else saved this audit while you were working on it. Check what is saved now, "
    "then save again if your changes are still right."
)


def quality_page(view):
    """Only for the roles whose work quality assurance is part of; a 404 for anyone else."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if not rules.may_use_quality(request.user):
            raise Http404("Not found")
        return view(request, *args, **kwargs)

    return wrapped


@quality_page
def home(request):
    lists = selectors.audit_lists(request.user)
    return render(
        request,
        "quality/home.html",
        {
            "lists": lists,
            "may_audit": request.user.role in rules.AUDITS,
            "open_actions": selectors.open_actions_count(request.user),
            "sees_moderation": rules.sees_moderation(request.user),
            "sees_compliance": rules.sees_compliance(request.user),
            "national": _national_links(request.user),
        },
    )


def _national_links(user) -> dict:
    """Which national pages the person uses, for links from the quality home page."""
    files = 0
    if user.role in national_rules.AUDITOR_ROLES:
        files = NationalAuditFile.objects.filter(
            auditor_id=user.pk, round__closed_at__isnull=True
        ).count()
    return {
        "runs": national_rules.may_run_national_audits(user),
        "report": national_rules.may_read_national_report(user),
        "spotlight": national_rules.may_run_letters_spotlight(user),
        "files": files,
    }


@quality_page
@require_http_methods(["GET", "POST"])
def audit_start(request):
    if request.user.role not in rules.AUDITS:
        raise Http404("Not found")
    fca_id = request.GET.get("fca") or request.POST.get("fca")
    if not fca_id:
        return render(
            request,
            "quality/start_choose_fca.html",
            {"fcas": selectors.fcas_to_audit(request.user)},
        )
    fca = selectors.fca_to_audit_get(user=request.user, fca_id=fca_id)
    children = selectors.children_to_audit(user=request.user, fca=fca)
    form = StartAuditForm(request.POST or None, children=children)
    if request.method == "POST" and form.is_valid():
        chosen = form.chosen()
        child = visible_children(request.user).filter(pk=chosen.child).first()
        proceedings = child and child.proceedings.filter(pk=chosen.proceedings).first()
        if proceedings is None:
            raise Http404("No child found")
        try:
            audit = services.audit_start(
                by=request.user,
                fca=fca,
                child=child,
                proceedings=proceedings,
                kind=form.cleaned_data["kind"],
                token=form.token(),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "The audit has started")
            return redirect("quality:audit", audit_id=audit.uuid)
    return render(request, "quality/start.html", {"form": form, "fca": fca})


def _audit_context(request, audit):
    rows = selectors.grade_rows(audit)
    pending = [m for m in audit.moderations.all() if m.stage == m.Stage.TO_GRADE]
    hidden = rules.first_grades_hidden(request.user, pending)
    views = selectors.views_present(rows)
    return {
        "audit": audit,
        "table": [
            {"label": row.label, "cells": [(label, row.views.get(view)) for view, label in views]}
            for row in rows
        ],
        "views": views,
        "grades_hidden": hidden,
        "actions": selectors.actions_for_audit(audit),
        "addenda": list(audit.addenda.select_related("written_by")),
        "changes": [
            (CHANGE_STEPS.get(change.step, change.step), change)
            for change in audit.changes.select_related("changed_by")
        ],
        "family_feedback": list(audit.family_feedback.all()),
        "themes": list(audit.themes.all()),
        "may_self_assess": rules.may_self_assess(request.user, audit),
        "may_grade": rules.may_grade(request.user, audit),
        "may_add_action": rules.may_add_action(request.user, audit),
        "may_add_to": rules.may_add_to(request.user, audit),
        "sees_child": visible_children(request.user).filter(pk=audit.child_id).exists(),
        "has_auditor_grades": any(View.AUDITOR in row.views for row in rows),
    }


@quality_page
def audit_detail(request, audit_id):
    audit = selectors.audit_get_for_user(user=request.user, audit_id=audit_id)
    return render(request, "quality/audit.html", _audit_context(request, audit))


@quality_page
def audit_evidence(request, audit_id):
    """The child's file in one place, for the audit: only for someone who may see the file, and
    logged as a view of it."""
    audit = selectors.audit_get_for_user(user=request.user, audit_id=audit_id)
    if not visible_children(request.user).filter(pk=audit.child_id).exists():
        raise Http404("No audit found")
    child_view_record(by=request.user, child=audit.child, section="quality audit")
    return render(
        request,
        "quality/evidence.html",
        {
            "audit": audit,
            "child": audit.child,
            "evidence": selectors.evidence_for(audit),
            # What worked with the child, recorded in supervision or after a storyboard.
            "appreciations": child_appreciations(audit.child),
        },
    )


def _conflict(form, audit, **kwargs):
    """What they typed stays; the version moves on so saving again is an informed choice."""
    data = form.data.copy()
    data["version"] = audit.version
    fresh = form.__class__(data, **kwargs)
    fresh.is_valid()
    fresh.add_error(None, CONFLICT)
    return fresh


def _grades_page(request, audit, *, form_class, save, done, initial, **form_kwargs):
    """The one way a view's grades of the domains are asked for, checked and saved: the FCA's
    self-assessment, the auditor's grades and the agreed ones. `save(form)` calls the service
    with the form's answers; `done` is the message once saved (or a function of the audit).
    Returns the form to show again, or a redirect once saved."""
    if request.method != "POST":
        return form_class(initial={"version": audit.version, **initial}, **form_kwargs)
    form = form_class(request.POST, **form_kwargs)
    if not form.is_valid():
        return form
    try:
        save(form)
    except EditConflict:
        audit.refresh_from_db()
        return _conflict(form, audit, **form_kwargs)
    except ValidationError as error:
        add_service_errors(form, error)
        return form
    messages.success(request, done(audit) if callable(done) else done)
    return redirect("quality:audit", audit_id=audit.uuid)


def _common(form) -> dict:
    data = form.cleaned_data
    return {"version": data["version"], "grades": form.grades(), "overall": data["overall"]}


@quality_page
@require_http_methods(["GET", "POST"])
def audit_self_assessment(request, audit_id):
    audit = selectors.audit_get_for_user(user=request.user, audit_id=audit_id)
    if not rules.may_self_assess(request.user, audit):
        raise Http404("No audit found")
    form = _grades_page(
        request,
        audit,
        form_class=SelfAssessmentForm,
        initial={},
        done="Your self-assessment has been saved",
        save=lambda form: services.audit_self_assessment_record(
            by=request.user, audit=audit, impact=form.cleaned_data["impact"], **_common(form)
        ),
    )
    if not isinstance(form, GradesForm):
        return form
    return render(request, "quality/self_assessment.html", {"audit": audit, "form": form})


@quality_page
@require_http_methods(["GET", "POST"])
def audit_family(request, audit_id):
    audit = selectors.audit_get_for_user(user=request.user, audit_id=audit_id)
    if not rules.may_grade(request.user, audit):
        raise Http404("No audit found")
    responses = selectors.feedback_for_child(audit)
    if request.method == "POST":
        form = FamilyVoiceForm(request.POST, responses=responses)
        if form.is_valid():
            try:
                services.audit_family_voice_record(
                    by=request.user,
                    audit=audit,
                    version=form.cleaned_data["version"],
                    responses=form.chosen(),
                    conversation=form.cleaned_data["conversation"],
                )
            except EditConflict:
                audit.refresh_from_db()
                form = _conflict(form, audit, responses=responses)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, "The family's feedback has been added to the audit")
                return redirect("quality:audit", audit_id=audit.uuid)
    else:
        chosen = [str(r.uuid) for r in audit.family_feedback.all()]
        form = FamilyVoiceForm(
            initial={
                "version": audit.version,
                "responses": chosen,
                "conversation": audit.family_conversation,
            },
            responses=responses,
        )
    return render(request, "quality/family.html", {"audit": audit, "form": form})


def _finished_message(audit) -> str:
    if audit.is_collaborative:
        return "Your grades have been saved. Now agree them"
    return "The audit is finished"


@quality_page
@require_http_methods(["GET", "POST"])
def audit_grades(request, audit_id):
    audit = selectors.audit_get_for_user(user=request.user, audit_id=audit_id)
    if not rules.may_grade(request.user, audit):
        raise Http404("No audit found")
    rows = selectors.grade_rows(audit)
    initial = AuditorGradesForm.initial_from(audit, rows, View.AUDITOR)
    initial["worked_well"] = audit.worked_well
    initial["themes"] = [str(t.uuid) for t in audit.themes.all()]
    form = _grades_page(
        request,
        audit,
        form_class=AuditorGradesForm,
        initial=initial,
        done=_finished_message,
        save=lambda form: services.audit_grades_record(
            by=request.user,
            audit=audit,
            worked_well=form.cleaned_data["worked_well"],
            themes=form.chosen_themes(),
            **_common(form),
        ),
        themes=list(Theme.objects.filter(in_use=True)),
    )
    if not isinstance(form, GradesForm):
        return form
    return render(request, "quality/grades.html", {"audit": audit, "form": form})


@quality_page
@require_http_methods(["GET", "POST"])
def audit_agree(request, audit_id):
    audit = selectors.audit_get_for_user(user=request.user, audit_id=audit_id)
    if not (rules.may_grade(request.user, audit) and audit.is_collaborative):
        raise Http404("No audit found")
    rows = selectors.grade_rows(audit)
    # Start from the auditor's grades: the two change them where they agree otherwise.
    initial = AgreementForm.initial_from(audit, rows, View.AUDITOR)
    initial["worked_well"] = audit.worked_well
    form = _grades_page(
        request,
        audit,
        form_class=AgreementForm,
        initial=initial,
        done="The grades are agreed and the audit is finished",
        save=lambda form: services.audit_agreement_record(
            by=request.user,
            audit=audit,
            worked_well=form.cleaned_data["worked_well"],
            **_common(form),
        ),
    )
    if not isinstance(form, GradesForm):
        return form
    views = {row.domain: row.views for row in rows}
    domain_fields = form.domain_fields()
    for item in domain_fields:
        item["views"] = views.get(item["domain"], {})
    return render(
        request,
        "quality/agree.html",
        {
            "audit": audit,
            "form": form,
            "domain_fields": domain_fields,
            "overall_views": views.get("overall", {}),
        },
    )


@quality_page
@require_http_methods(["GET", "POST"])
def audit_action_add(request, audit_id):
    audit = selectors.audit_get_for_user(user=request.user, audit_id=audit_id)
    if not rules.may_add_action(request.user, audit):
        raise Http404("No audit found")
    form = ActionForm(request.POST or None, people=[audit.fca, audit.auditor])
    if request.method == "POST" and form.is_valid():
        try:
            services.audit_action_add(
                by=request.user,
                audit=audit,
                text=form.cleaned_data["text"],
                owner=form.chosen_owner(),
                due_on=form.cleaned_data["due_on"],
                token=form.token(),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "The action has been added")
            return redirect("quality:audit", audit_id=audit.uuid)
    return render(request, "quality/action_add.html", {"audit": audit, "form": form})


@quality_page
@require_http_methods(["GET", "POST"])
def audit_addendum(request, audit_id):
    audit = selectors.audit_get_for_user(user=request.user, audit_id=audit_id)
    if not rules.may_add_to(request.user, audit):
        raise Http404("No audit found")
    form = AddendumForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.audit_addendum_add(
            by=request.user, audit=audit, text=form.cleaned_data["text"], token=form.token()
        )
        messages.success(request, "What you wrote has been added to the audit")
        return redirect("quality:audit", audit_id=audit.uuid)
    return render(request, "quality/addendum.html", {"audit": audit, "form": form})


@quality_page
def actions(request):
    return render(
        request,
        "quality/actions.html",
        {"actions": selectors.actions_for_owner(request.user), "today": timezone.localdate()},
    )


@quality_page
@require_POST
def action_done(request, action_id):
    action = selectors.action_get_for_owner(user=request.user, action_id=action_id)
    if rules.may_mark_action_done(request.user, action):
        services.quality_action_mark_done(by=request.user, action=action)
        messages.success(request, "The action is marked as done")
    return redirect("quality:actions")
