"""What every page of the plan shares: finding the plan for a writer, and saying what went
wrong in words a person understands."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.urls import NoReverseMatch, reverse

from together.core import editing
from together.core.exceptions import EditConflict

from .. import rules, selectors
from ..models import PlanStatus

SECTION = "plan"  # the key of the plan's pages among the sections of the child's file


def url_or_none(name, child) -> str | None:
    """Links to the sharing, comparison and print pages, once those pages exist."""
    try:
        return reverse(name, args=[child.uuid])
    except NoReverseMatch:
        return None


def writable_or_404(request, child_id):
    """The plan, for someone who may write it; 404 for anyone else, as for a missing page."""
    current = selectors.plan_get_for_user(user=request.user, child_id=child_id)
    if not rules.may_write_plan(request.user, current):
        raise Http404("No plan found")
    return current


def not_now(request, current):
    """A final plan, or one waiting for review, is not changed: say why on the task list."""
    if current.status == PlanStatus.FINAL:
        messages.error(request, "The plan is final and cannot be changed")
    else:
        messages.error(
            request,
            "The plan is waiting for review. You can change it again once it is agreed or "
            "sent back.",
        )
    return redirect("plans:plan", child_id=current.child.uuid)


def conflict_message(error: EditConflict) -> str:
    return editing.conflict_message(error, "the plan")


def keep_typing(form_class, form, version, error, **kwargs):
    """What they typed stays; the version moves on so saving again is an informed choice."""
    return editing.keep_typing(form_class, form, version, error, what="the plan", **kwargs)
