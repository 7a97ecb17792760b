"""Pages of supervision actions: adding one, one's own, and marking one done."""

from functools import partial

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from together.core.forms import made_from_form

from .. import rules, selectors, services
from ..forms import ActionForm
from .common import _reader


@require_http_methods(["GET", "POST"])
def action_add(request, discussion_id):
    discussion = selectors.discussion_get_for_user(user=request.user, discussion_id=discussion_id)
    if not rules.may_add_to_session(request.user, discussion.session):
        raise Http404("No discussion found")
    people = list(discussion.session.attendees.all())
    form = ActionForm(request.POST or None, people=people)
    if done := made_from_form(
        request,
        form,
        partial(services.action_add, discussion=discussion),
        answers=form.action_fields,
        said="The action has been added",
        then=reverse("supervision:session", args=[discussion.session.uuid]),
    ):
        return done
    context = {
        "discussion": discussion,
        "form": form,
        "reader": _reader(people, [discussion.child]),
    }
    return render(request, "supervision/action_add.html", context)


def my_actions(request):
    return render(
        request, "supervision/my_actions.html", {"actions": selectors.my_actions(request.user)}
    )


@require_POST
def action_done(request, action_id):
    """Mark an action done (or not done); `?back=plan` returns to the child's plan of work,
    where the actions about the child are listed too."""
    action = selectors.action_get_for_user(user=request.user, action_id=action_id)
    done = request.POST.get("done", "yes") == "yes"
    services.action_mark_done(by=request.user, action=action, done=done)
    messages.success(
        request, "The action is marked as done" if done else "The action is marked as not done"
    )
    if request.GET.get("back") == "plan" and action.child_id:
        return redirect("plans:section", child_id=action.child.uuid, key="work")
    return redirect("supervision:my-actions")
