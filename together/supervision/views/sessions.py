"""Pages of group supervision sessions and the children discussed in them."""

from functools import partial

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from together.core.exceptions import EditConflict
from together.core.forms import add_service_errors, made_from_form

from .. import rules, selectors, services
from ..forms import DiscussionChangeForm, DiscussionForm, GroupSessionForm
from ..models import MAPPING
from .common import _made_then_opened, _reader


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
        "may_record_what_worked": rules.may_record_appreciation(request.user),
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
