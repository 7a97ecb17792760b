"""Pages of one-to-one supervision: the records, the children and the actions."""

from functools import partial

from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from together.core.forms import made_from_form

from .. import rules, selectors, services
from ..forms import ActionForm, OneToOneChildForm, OneToOneForm
from .common import _made_then_opened, _reader


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
