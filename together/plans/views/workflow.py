"""The task list, starting the plan, moving it through its stages, and comments."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from together.children.selectors import child_get_for_user
from together.children.views.file import render_file_page
from together.core.exceptions import EditConflict
from together.core.forms import add_service_errors

from .. import rules, selectors, services
from ..forms import CommentForm, ConfirmCopiedForm, CopyForm, MoveForm, StartForm
from ..models import PlanStatus
from ..services import copying
from ..snapshot import SECTIONS
from .common import SECTION, conflict_message, not_now, url_or_none

# The address of each move, and who may ask for it whatever stage the plan is at.
MOVES = {
    "review": (PlanStatus.READY_FOR_REVIEW, "Send for review", rules.may_write_plan),
    "agree": (PlanStatus.AGREED, "Agree the plan", rules.may_agree_plan),
    # Back to draft: the supervisor sends it back with comments; its writer withdraws it.
    "send-back": (PlanStatus.DRAFT, "Send back with comments", rules.may_agree_plan),
    "withdraw": (PlanStatus.DRAFT, "Withdraw from review", rules.may_write_plan),
    "final": (PlanStatus.FINAL, "Make the plan final", rules.may_write_plan),
}
# Moves a person makes only when nothing else is to be done: shown as secondary buttons.
SECONDARY_MOVES = {"withdraw"}


def _move_slug(user, plan, to) -> str:
    if to == PlanStatus.DRAFT:
        return "send-back" if rules.may_agree_plan(user, plan) else "withdraw"
    return {status: slug for slug, (status, _t, _w) in MOVES.items()}[to]


def _section_status(plan, key) -> str:
    if key in plan.completed_sections:
        return "Completed"
    snapshot_like = {
        "risks": plan.risks_remaining or plan.harms_count or plan.contacts_count,
        "unique": plan.unique_about_child,
        "strengths": plan.family_strengths,
        "impact": plan.impact_on_child,
        "wishes": plan.wishes_and_feelings,
        "recommendations": plan.recommendations_count,
        "words": plan.words_for_child,
        "work": plan.activities_count,
        "sharing": plan.shares_count or plan.child_response_not_sought_reason,
    }
    return "In progress" if snapshot_like[key] else "Not started"


def plan(request, child_id):
    """The task list: the nine sections and their status, the plan's stage and what to do next."""
    child = child_get_for_user(user=request.user, child_id=child_id)
    current = selectors.plan_with_counts(child, request.user)
    if current is None:
        return _no_plan_yet(request, child)
    links = {
        "sharing": url_or_none("plans:sharing", child),
        "compare": url_or_none("plans:compare", child),
        "print": url_or_none("plans:print", child),
    }
    editable = rules.may_edit_sections(request.user, current)
    sections = []
    for key, number, title in SECTIONS:
        href = (
            links["sharing"]
            if key == "sharing"
            else reverse("plans:section", args=[child.uuid, key])
        )
        sections.append(
            {
                "key": key,
                "number": number,
                "title": title,
                "status": _section_status(current, key),
                "href": href,
            }
        )
    comments = selectors.plan_comments(current)
    sent_back = next((c for c in comments if c.sends_back), None)
    slugs = [
        _move_slug(request.user, current, to)
        for to in services.transitions_for(request.user, current)
    ]
    moves = [
        {"slug": slug, "text": MOVES[slug][1], "secondary": slug in SECONDARY_MOVES}
        for slug in slugs
    ]
    context = {
        "plan": current,
        "plan_sections": sections,
        "editable": editable,
        "moves": moves,
        "comments": comments,
        "sent_back": sent_back if current.status == PlanStatus.DRAFT else None,
        "may_comment": rules.may_comment_on_plan(request.user, current),
        "comment_form": CommentForm(),
        "links": links,
        "overdue": current.overdue_count,
        "to_check": copying.copied_to_check(current) if current.started_from_id else [],
    }
    return render_file_page(request, child, SECTION, "plans/plan.html", context)


def _no_plan_yet(request, child):
    proceedings = _startable(request.user, child)
    form = StartForm(
        proceedings=proceedings,
        brother_sister_plans=selectors.brother_sister_plans(child) if proceedings else [],
    )
    context = {"plan": None, "form": form, "may_start": bool(proceedings)}
    return render_file_page(request, child, SECTION, "plans/plan_none.html", context)


def _startable(user, child):
    return [
        p
        for p in selectors.open_proceedings_for_child(child)
        if rules.may_start_plan(user, p) and not p.plans.filter(child=child).exists()
    ]


@require_http_methods(["GET", "POST"])
def start(request, child_id):
    """Start the plan: choose the proceedings if more than one, and perhaps a brother's or
    sister's plan to start from; then, from another plan, choose item by item what to copy."""
    child = child_get_for_user(user=request.user, child_id=child_id)
    proceedings = _startable(request.user, child)
    if not proceedings:
        raise Http404("No plan to start")
    kwargs = {
        "proceedings": proceedings,
        "brother_sister_plans": selectors.brother_sister_plans(child),
    }
    form = StartForm(request.POST or None, **kwargs)
    copy_form = None
    if request.method == "POST" and form.is_valid():
        source = form.cleaned_data["started_from_obj"]
        if source is not None:
            choices = copying.copy_choices(source)
            choosing = request.POST.get("step") == "copy"
            copy_form = CopyForm(request.POST if choosing else None, choices=choices)
            if not choosing or not copy_form.is_valid():
                context = {"form": form, "copy_form": copy_form, "source": source}
                return render_file_page(request, child, SECTION, "plans/start_copy.html", context)
        try:
            services.plan_start(
                by=request.user,
                child=child,
                proceedings=form.cleaned_data["proceedings_obj"],
                started_from=source,
                copy=copy_form.cleaned_data["copy"] if copy_form else (),
            )
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            messages.success(request, f"{child.preferred_name}'s plan has been started")
            return redirect("plans:plan", child_id=child.uuid)
    return render_file_page(request, child, SECTION, "plans/start.html", {"form": form})


@require_http_methods(["GET", "POST"])
def copied(request, child_id):
    """What was copied from a brother's or sister's plan and is still to check: the writer says
    which are true for this child (or follows a link to change them)."""
    current = selectors.plan_get_for_user(user=request.user, child_id=child_id)
    writer = rules.may_write_plan(request.user, current)
    parts = copying.copied_to_check(current)
    form = ConfirmCopiedForm(
        request.POST if request.method == "POST" else None,
        parts=parts,
        initial={"version": current.version},
    )
    if request.method == "POST":
        if not writer:
            raise Http404("No plan found")
        if not rules.may_edit_sections(request.user, current):
            return not_now(request, current)
        if form.is_valid():
            try:
                count = services.plan_copies_mark_checked(
                    by=request.user,
                    plan=current,
                    version=form.cleaned_data["version"],
                    keys=form.cleaned_data["confirm"],
                )
            except EditConflict as error:
                form.add_error(None, conflict_message(error))
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(
                    request,
                    f"{count} copied part{'s' if count != 1 else ''} checked as true for "
                    f"{current.child.preferred_name}",
                )
                return redirect("plans:plan", child_id=current.child.uuid)
    context = {
        "plan": current,
        "parts": parts,
        "form": form,
        "editable": writer and rules.may_edit_sections(request.user, current),
    }
    return render_file_page(request, current.child, SECTION, "plans/copied.html", context)


@require_http_methods(["GET", "POST"])
def move(request, child_id, to):
    """Move the plan to its next stage: check first, then confirm."""
    if to not in MOVES:
        raise Http404("No such page")
    status, text, allowed = MOVES[to]
    current = selectors.plan_get_for_user(user=request.user, child_id=child_id)
    if not allowed(request.user, current):
        raise Http404("No plan found")
    form = MoveForm(request.POST or None)
    problems = []
    if status == PlanStatus.READY_FOR_REVIEW and current.status == PlanStatus.DRAFT:
        problems = services.plan_missing_for_review(current)
    elif status == PlanStatus.FINAL and current.status in {PlanStatus.AGREED, PlanStatus.SHARED}:
        problems = services.plan_missing_for_final(current)
    if request.method == "POST" and form.is_valid():
        try:
            services.plan_state_change(
                by=request.user, plan=current, to=status, comment=form.cleaned_data["comment"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        except PermissionDenied:
            form.add_error(None, f"You cannot move this plan to {status.label}")
        else:
            messages.success(request, f"The plan is now: {current.get_status_display()}")
            return redirect("plans:plan", child_id=current.child.uuid)
    possible = status in services.transitions_for(request.user, current)
    context = {
        "plan": current,
        "to": to,
        "status": status,
        "text": text,
        "form": form,
        "problems": problems,
        "possible": possible,
        "sends_back": to == "send-back" and rules.may_agree_plan(request.user, current),
        "links_sharing": url_or_none("plans:sharing", current.child),
    }
    return render_file_page(request, current.child, SECTION, "plans/move.html", context)


@require_http_methods(["GET", "POST"])
def comment(request, child_id):
    current = selectors.plan_get_for_user(user=request.user, child_id=child_id)
    if not rules.may_comment_on_plan(request.user, current):
        raise Http404("No plan found")
    form = CommentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.plan_comment_add(
                by=request.user, plan=current, token=form.token(), text=form.cleaned_data["text"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Your comment has been added")
            return redirect("plans:plan", child_id=current.child.uuid)
    context = {"plan": current, "form": form}
    return render_file_page(request, current.child, SECTION, "plans/comment.html", context)
