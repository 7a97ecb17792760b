"""Participation for managers, the "What works" library, and recording what worked."""

import uuid
from functools import partial

from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from together.children.selectors import child_get_for_user
from together.core.forms import made_from_form
from together.storyboards.selectors import storyboard_get_for_user

from .. import rules, selectors, services
from ..forms import AppreciationForm, WhatWorksSearchForm
from ..participation import participation_for
from ..whatworks import what_works
from .common import _reader


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
    """Record what worked; `?child=<uuid>` when it is about a child (then perhaps about one of
    the meetings, letters, plans or storyboards on their file, chosen on the form), and
    `&storyboard=<uuid>` when it is about one of the child's storyboards; `?session=<uuid>` when
    it is about a group supervision session."""
    child = storyboard = session = None
    if request.GET.get("child") and request.GET.get("storyboard"):
        child, storyboard = storyboard_get_for_user(
            user=request.user,
            child_id=request.GET["child"],
            storyboard_id=request.GET["storyboard"],
        )
    elif request.GET.get("child"):
        child = child_get_for_user(user=request.user, child_id=request.GET["child"])
    if request.GET.get("session"):
        session = selectors.session_get_for_user(
            user=request.user, session_id=_uuid_or_404(request.GET["session"])
        )
    if not rules.may_record_appreciation(request.user, child):
        raise Http404("No page found")
    about = selectors.about_on_file(child) if child and not storyboard else {}
    form = AppreciationForm(request.POST or None, about=about)
    if done := made_from_form(
        request,
        form,
        partial(services.appreciation_record, child=child, storyboard=storyboard, session=session),
        answers=form.about_fields,
        said="Thank you. What worked has been added to the library",
        then="supervision:what-works",
    ):
        return done
    context = {
        "form": form,
        "child": child,
        "storyboard": storyboard,
        "session": session,
        "reader": _reader([request.user], [child] if child else []),
    }
    return render(request, "supervision/appreciation_new.html", context)


def _uuid_or_404(value: str) -> uuid.UUID:
    try:
        return uuid.UUID(value)
    except ValueError:
        raise Http404("No page found") from None
