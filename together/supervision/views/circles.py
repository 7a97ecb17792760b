"""Pages of a supervision circle: starting one, its ideas and its outcome."""

from functools import partial

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from together.core.exceptions import EditConflict
from together.core.forms import add_service_errors, made_from_form

from .. import rules, selectors, services
from ..forms import CircleForm, CircleOutcomeForm, IdeaForm
from .common import _made_then_opened, _reader


@require_http_methods(["GET", "POST"])
def circle_new(request, session_id):
    """Start a solution circle in a session; `?about=<discussion>` for a child discussed."""
    current = selectors.session_get_for_user(user=request.user, session_id=session_id)
    if not rules.may_add_to_session(request.user, current):
        raise Http404("No session found")
    discussion = None
    about = request.GET.get("about")
    if about:
        discussion = selectors.discussion_get_for_user(user=request.user, discussion_id=about)
        if discussion.session_id != current.pk:
            raise Http404("No discussion found")
    people = list(current.attendees.all())
    initial = {"problem_holder": str(discussion.brought_by.uuid)} if discussion else None
    form = CircleForm(request.POST or None, people=people, initial=initial)
    if done := _made_then_opened(
        request,
        form,
        partial(services.circle_start, session=current, discussion=discussion),
        answers=form.circle_fields,
        said="The solution circle has started",
        page="supervision:circle",
    ):
        return done
    context = {
        "session": current,
        "discussion": discussion,
        "form": form,
        "reader": _reader(people, [discussion.child] if discussion else []),
    }
    return render(request, "supervision/circle_new.html", context)


def _circle_page(request, circle, *, idea_form=None, outcome_form=None, status=200):
    people = list(circle.session.attendees.all())
    may_run = rules.may_run_circle(request.user, circle)
    if may_run and idea_form is None:
        idea_form = IdeaForm(people=people, rounds=circle.idea_rounds)
    if may_run and outcome_form is None:
        initial = {name: getattr(circle, name) for name in services.CIRCLE_CHANGES}
        outcome_form = CircleOutcomeForm(initial={**initial, "version": circle.version})
    children = [circle.discussion.child] if circle.discussion_id else []
    context = {
        "circle": circle,
        "rounds": selectors.circle_ideas_by_round(circle),
        "may_run": may_run,
        "idea_form": idea_form,
        "outcome_form": outcome_form,
        "reader": _reader(people, children),
    }
    return render(request, "supervision/circle.html", context, status=status)


def circle(request, circle_id):
    current = selectors.circle_get_for_user(user=request.user, circle_id=circle_id)
    return _circle_page(request, current)


@require_POST
def circle_idea_add(request, circle_id):
    current = selectors.circle_get_for_user(user=request.user, circle_id=circle_id)
    if not rules.may_run_circle(request.user, current):
        raise Http404("No solution circle found")
    people = list(current.session.attendees.all())
    form = IdeaForm(request.POST, people=people, rounds=current.idea_rounds)
    if done := made_from_form(
        request,
        form,
        partial(services.circle_idea_add, circle=current),
        answers=form.idea_fields,
        said="The idea has been added",
        then=reverse("supervision:circle", args=[current.uuid]),
    ):
        return done
    return _circle_page(request, current, idea_form=form)


@require_POST
def circle_outcome(request, circle_id):
    current = selectors.circle_get_for_user(user=request.user, circle_id=circle_id)
    if not rules.may_run_circle(request.user, current):
        raise Http404("No solution circle found")
    form = CircleOutcomeForm(request.POST)
    if form.is_valid():
        data = dict(form.cleaned_data)
        version = data.pop("version")
        try:
            services.circle_update(by=request.user, circle=current, version=version, **data)
        except EditConflict:
            form.add_error(
                None,
                "Someone else saved changes to this circle while you were editing. "
                "Open it again to see what is saved now.",
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "The solution circle has been saved")
            return redirect("supervision:circle", circle_id=current.uuid)
    return _circle_page(request, current, outcome_form=form)
