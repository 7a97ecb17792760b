"""Pages of thinking together: group supervision sessions, the children discussed, actions, and
the supervision section of a child's file."""

from functools import partial

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from together.children.selectors import child_get_for_user
from together.children.views.file import render_file_page
from together.core.exceptions import EditConflict
from together.core.forms import add_service_errors, made_from_form
from together.language.readers import Reader
from together.storyboards.selectors import storyboard_get_for_user

from . import rules, selectors, services
from .forms import (
    ActionForm,
    AppreciationForm,
    CircleForm,
    CircleOutcomeForm,
    DiscussionChangeForm,
    DiscussionForm,
    GroupSessionForm,
    IdeaForm,
    OneToOneChildForm,
    OneToOneForm,
    WhatWorksSearchForm,
)
from .models import MAPPING
from .participation import participation_for
from .whatworks import what_works

SECTION = "supervision"


def _reader(people=(), children=()) -> Reader:
    """Supervision is read by professionals (and perhaps one day by the child): the names of
    those in the room and of the children are never flagged."""
    names = [n for p in people for n in (p.given_name, p.family_name)]
    names += [n for c in children for n in (c.preferred_name, c.legal_family_name)]
    return Reader.for_professionals(names=names)


def _made_then_opened(request, form, make, *, answers, said: str, page: str):
    """Make a new record from the form sent (made_from_form), then open its page: `page` names
    the address that takes the new record's uuid."""
    return made_from_form(
        request,
        form,
        make,
        answers=answers,
        said=said,
        then=lambda made: reverse(page, args=[made.uuid]),
    )


def sessions(request):
    """The group supervision sessions someone may see, and a way to record one."""
    context = {
        "sessions": selectors.sessions_for_user(request.user),
        "may_record": bool(selectors.teams_to_record_for(request.user)),
        "sees_participation": rules.may_see_participation(request.user),
    }
    return render(request, "supervision/sessions.html", context)


@require_http_methods(["GET", "POST"])
def session_new(request):
    teams = selectors.teams_to_record_for(request.user)
    if not teams:
        raise Http404("No team to record for")
    staff = {p.pk: p for team in teams for p in selectors.team_staff(team)}.values()
    form = GroupSessionForm(request.POST or None, teams=teams, staff=list(staff))
    if done := _made_then_opened(
        request,
        form,
        services.group_session_create,
        answers=form.session_fields,
        said="The session has been recorded",
        page="supervision:session",
    ):
        return done
    return render(request, "supervision/session_new.html", {"form": form})


def session(request, session_id):
    current = selectors.session_get_for_user(user=request.user, session_id=session_id)
    context = {
        "session": current,
        "attendees": list(current.attendees.all()),
        "discussions": selectors.session_discussions(request.user, current),
        "circles": selectors.session_circles(request.user, current),
        "may_add": rules.may_add_to_session(request.user, current),
    }
    return render(request, "supervision/session.html", context)


@require_http_methods(["GET", "POST"])
def discussion_add(request, session_id):
    current = selectors.session_get_for_user(user=request.user, session_id=session_id)
    if not rules.may_add_to_session(request.user, current):
        raise Http404("No session found")
    attendees = list(current.attendees.all())
    children = selectors.children_to_discuss(current)
    form = DiscussionForm(request.POST or None, children=children, attendees=attendees)
    if done := made_from_form(
        request,
        form,
        partial(services.discussion_add, session=current),
        answers=form.discussion_fields,
        said="The discussion has been recorded",
        then=reverse("supervision:session", args=[current.uuid]),
    ):
        return done
    context = {
        "session": current,
        "form": form,
        "reader": _reader(attendees, children),
        "mapping_fields": [form[name] for name, _label in MAPPING],
    }
    return render(request, "supervision/discussion_add.html", context)


@require_http_methods(["GET", "POST"])
def discussion_change(request, discussion_id):
    discussion = selectors.discussion_get_for_user(user=request.user, discussion_id=discussion_id)
    if not rules.may_add_to_session(request.user, discussion.session):
        raise Http404("No discussion found")
    initial = {name: getattr(discussion, name) for name in services.DISCUSSION_FIELDS}
    initial["version"] = discussion.version
    form = DiscussionChangeForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        version = data.pop("version")
        try:
            services.discussion_update(
                by=request.user, discussion=discussion, version=version, **data
            )
        except EditConflict:
            form.add_error(
                None,
                "Someone else saved changes to this discussion while you were editing. "
                "Open it again to see what is saved now.",
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "The discussion has been saved")
            return redirect("supervision:session", session_id=discussion.session.uuid)
    context = {
        "discussion": discussion,
        "form": form,
        "reader": _reader(discussion.session.attendees.all(), [discussion.child]),
        "mapping_fields": [form[name] for name, _label in MAPPING],
    }
    return render(request, "supervision/discussion_change.html", context)


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


def child_supervision(request, child_id):
    """The supervision section of a child's file: when their situation was thought about
    together, who was there, how it helped and the actions; never the debate or wellbeing."""
    child = child_get_for_user(user=request.user, child_id=child_id)
    context = {
        "discussions": selectors.child_discussions(child),
        "one_to_ones": selectors.child_one_to_ones(child),
        "appreciations": selectors.child_appreciations(child),
    }
    return render_file_page(request, child, SECTION, "supervision/child.html", context)


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


def one_to_ones(request):
    context = {
        "records": selectors.one_to_ones_for_user(request.user),
        "may_record": bool(selectors.supervisees_for(request.user)),
    }
    return render(request, "supervision/one_to_ones.html", context)


@require_http_methods(["GET", "POST"])
def one_to_one_new(request):
    supervisees = selectors.supervisees_for(request.user)
    if not supervisees:
        raise Http404("No one to supervise")
    form = OneToOneForm(request.POST or None, supervisees=supervisees)
    if done := _made_then_opened(
        request,
        form,
        services.one_to_one_record,
        answers=form.record_fields,
        said="The supervision has been recorded",
        page="supervision:one-to-one",
    ):
        return done
    context = {"form": form, "reader": _reader([request.user, *supervisees])}
    return render(request, "supervision/one_to_one_new.html", context)


def one_to_one(request, one_to_one_id):
    record = selectors.one_to_one_get_for_user(user=request.user, one_to_one_id=one_to_one_id)
    context = {
        "record": record,
        "children": selectors.one_to_one_children(request.user, record),
        "actions": list(record.actions.select_related("owner")),
        "may_add": rules.may_add_to_one_to_one(request.user, record),
    }
    return render(request, "supervision/one_to_one.html", context)


@require_http_methods(["GET", "POST"])
def one_to_one_child_add(request, one_to_one_id):
    record = selectors.one_to_one_get_for_user(user=request.user, one_to_one_id=one_to_one_id)
    if not rules.may_add_to_one_to_one(request.user, record):
        raise Http404("No supervision found")
    children = selectors.children_of(record.supervisee)
    form = OneToOneChildForm(request.POST or None, children=children)
    if done := made_from_form(
        request,
        form,
        partial(services.one_to_one_child_add, one_to_one=record),
        answers=form.child_fields,
        said="The child has been added",
        then=reverse("supervision:one-to-one", args=[record.uuid]),
    ):
        return done
    context = {
        "record": record,
        "form": form,
        "reader": _reader([record.supervisor, record.supervisee], children),
    }
    return render(request, "supervision/one_to_one_child_add.html", context)


@require_http_methods(["GET", "POST"])
def one_to_one_action_add(request, one_to_one_id):
    record = selectors.one_to_one_get_for_user(user=request.user, one_to_one_id=one_to_one_id)
    if not rules.may_add_to_one_to_one(request.user, record):
        raise Http404("No supervision found")
    people = [record.supervisee, record.supervisor]
    form = ActionForm(request.POST or None, people=people)
    if done := made_from_form(
        request,
        form,
        partial(services.one_to_one_action_add, one_to_one=record),
        answers=form.action_fields,
        said="The action has been added",
        then=reverse("supervision:one-to-one", args=[record.uuid]),
    ):
        return done
    context = {"record": record, "form": form, "reader": _reader(people)}
    return render(request, "supervision/one_to_one_action_add.html", context)


def participation(request):
    """For managers: group supervision each month and one-to-one supervision within the
    expected interval, per team and FCA, over the last twelve months."""
    return render(
        request,
        "supervision/participation.html",
        {"participation": participation_for(request.user)},
    )


def what_works_library(request):
    """The "What works" library by theme, for one's area or the whole service."""
    if not rules.may_read_what_works(request.user):
        raise Http404("No page found")
    form = WhatWorksSearchForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    entries = what_works(
        request.user,
        theme=data.get("theme", ""),
        words=data.get("words", ""),
        national=data.get("where") == "national" or request.user.service_area_id is None,
    )
    context = {
        "form": form,
        "entries": entries,
        "may_record": rules.may_record_appreciation(request.user),
    }
    return render(request, "supervision/what_works.html", context)


@require_http_methods(["GET", "POST"])
def appreciation_new(request):
    """Record what worked; `?child=<uuid>` when it is about a child, and `&storyboard=<uuid>`
    when it is about one of the child's storyboards."""
    child = storyboard = None
    if request.GET.get("child") and request.GET.get("storyboard"):
        child, storyboard = storyboard_get_for_user(
            user=request.user,
            child_id=request.GET["child"],
            storyboard_id=request.GET["storyboard"],
        )
    elif request.GET.get("child"):
        child = child_get_for_user(user=request.user, child_id=request.GET["child"])
    if not rules.may_record_appreciation(request.user, child):
        raise Http404("No page found")
    form = AppreciationForm(request.POST or None)
    if done := made_from_form(
        request,
        form,
        partial(services.appreciation_record, child=child, storyboard=storyboard),
        said="Thank you. What worked has been added to the library",
        then="supervision:what-works",
    ):
        return done
    context = {
        "form": form,
        "child": child,
        "storyboard": storyboard,
        "reader": _reader([request.user], [child] if child else []),
    }
    return render(request, "supervision/appreciation_new.html", context)
