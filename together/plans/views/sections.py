"""One page per section, and the pages that add, change and remove the items in sections."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from together.children.naming import childs_names
from together.children.readers import child_reader
from together.children.views.file import render_file_page
from together.core.editing import save_form
from together.core.exceptions import EditConflict
from together.core.forms import add_service_errors

from .. import rules, selectors, services
from ..elsewhere import work_elsewhere
from ..forms import ITEM_FORMS, SECTION_FORMS, VersionForm
from ..services import copying
from ..snapshot import SECTION_BY_KEY
from .common import (
    SECTION,
    conflict_message,
    not_now,
    writable_or_404,
)

# Kinds of item: (the plan's related name, the section they belong to, editable after adding).
ITEMS = {
    "harm": ("harms", "risks", False),
    "contact": ("contacts", "risks", False),
    "recommendation": ("recommendations", "recommendations", True),
    "activity": ("activities", "work", True),
}
REMOVERS = {
    "harm": (services.harm_remove, "harm"),
    "contact": (services.contact_remove, "contact"),
    "recommendation": (services.recommendation_remove, "item"),
    "activity": (services.activity_remove, "activity"),
}
ITEM_NAMES = {
    "harm": "a harm",
    "contact": "what a professional said",
    "recommendation": "a recommendation",
    "activity": "a piece of work",
}


def _section_initial(current, key) -> dict:
    fields = services.SECTION_FIELDS[key]
    initial = {name: getattr(current, name) for name in fields}
    initial["version"] = current.version
    if key in current.completed_sections:
        initial["complete"] = "yes"
    if key == "risks":
        initial["domestic_abuse_alleged"] = "yes" if current.domestic_abuse_alleged else "no"
    if key == "unique" and not current.unique_about_child:
        # Start from what the child told us about themselves on their About me page.
        initial["unique_about_child"] = current.child.special_and_unique
    if key == "wishes":
        initial["meetings"] = [str(m.uuid) for m in current.wishes_meetings.all()]
    return initial


# The main text of each section, shown as "what is saved now" after an edit conflict.
MAIN_TEXT = {
    "risks": "risks_remaining",
    "unique": "unique_about_child",
    "strengths": "family_strengths",
    "impact": "impact_on_child",
    "wishes": "wishes_and_feelings",
    "words": "words_for_child",
}


@require_http_methods(["GET", "POST"])
def section(request, child_id, key):
    """One section of the plan, saved on its own. Anyone who may see the child's file may read
    it here; the writer changes it, while the plan's stage allows."""
    if key not in SECTION_FORMS:
        raise Http404("No such section")
    current = selectors.plan_get_for_user(user=request.user, child_id=child_id)
    writer = rules.may_write_plan(request.user, current)
    editable = writer and rules.may_edit_sections(request.user, current)
    if request.method == "POST" and not writer:
        raise Http404("No plan found")
    if request.method == "POST" and not editable:
        return not_now(request, current)
    form_class = SECTION_FORMS[key]
    kwargs = {"meetings": selectors.child_meetings_qs(current.child)} if key == "wishes" else {}
    conflict = None
    form = None
    # "Add a harm" (or what a professional said) submits the section's form first: what was
    # typed is saved, then the item's page opens.
    then = request.POST.get("then") if key == "risks" else None
    then = then if then in ("harm", "contact") else None
    if request.method == "POST":
        data = request.POST
        if then:
            # Questions not answered yet keep what the plan holds now (whether the section is
            # finished, whether domestic abuse is alleged), so adding an item is never refused
            # for them.
            data = data.copy()
            if not data.get("complete"):
                data["complete"] = "yes" if key in current.completed_sections else "no"
            if not data.get("domestic_abuse_alleged"):
                data["domestic_abuse_alleged"] = "yes" if current.domestic_abuse_alleged else "no"
        form = form_class(data, **kwargs)
        if form.is_valid() and then and not _changed(current, key, form):
            return redirect("plans:item-add", child_id=current.child.uuid, kind=then)
        sent = form
        attempt = save_form(
            form,
            lambda data: services.plan_section_save(
                by=request.user,
                plan=current,
                version=data["version"],
                section=key,
                complete=data["complete"],
                meetings=data.get("meetings") if key == "wishes" else None,
                **sent.section_fields(),
            ),
            record=current,
            what="the plan",
            form_kwargs=kwargs,
        )
        form, conflict = attempt.form, attempt.conflict
        if attempt.saved:
            number, title = SECTION_BY_KEY[key]
            messages.success(request, f"Section {number}, {title.rstrip('?')}, has been saved")
            if then:
                return redirect("plans:item-add", child_id=current.child.uuid, kind=then)
            return redirect("plans:plan", child_id=current.child.uuid)
    elif editable:
        form = form_class(initial=_section_initial(current, key), **kwargs)
    number, title = SECTION_BY_KEY[key]
    context = {
        "plan": current,
        "key": key,
        "number": number,
        "title": title,
        "form": form,
        "editable": editable,
        "conflict": conflict,
        "saved_text": getattr(current, MAIN_TEXT[key]) if key in MAIN_TEXT else "",
        "harms": selectors.plan_harms(current) if key == "risks" else [],
        "contacts": list(current.contacts.all()) if key == "risks" else [],
        "meetings": list(current.wishes_meetings.all()) if key == "wishes" else [],
        "recommendations": (
            selectors.plan_recommendations(current) if key == "recommendations" else []
        ),
        "activities": selectors.plan_activities(current) if key == "work" else [],
        # Work for the child agreed elsewhere (actions from supervision), beside the plan's own.
        "work_elsewhere": (
            work_elsewhere(user=request.user, child=current.child) if key == "work" else []
        ),
        "today": timezone.localdate(),
        "to_check": [part for part in copying.copied_to_check(current) if part.section == key]
        if current.started_from_id
        else [],
        # What the child calls people: the child's version names them so (children.naming).
        "childs_names": childs_names(current.child).names if key == "words" else {},
        # The words for the child are checked for the child as their reader.
        "reader": child_reader(current.child) if form is not None and key == "words" else None,
    }
    return render_file_page(request, current.child, SECTION, "plans/section.html", context)


def _changed(current, key, form) -> bool:
    """Whether saving the section's form would change anything in the plan."""
    data = form.cleaned_data
    if (key in current.completed_sections) != bool(data.get("complete")):
        return True
    fields = form.section_fields()
    if key == "risks" and not fields.get("domestic_abuse_alleged"):
        fields = {**fields, "domestic_abuse_kinds": [], "domestic_abuse_assessment": ""}
    return any(getattr(current, name) != value for name, value in fields.items())


def _item_form_kwargs(kind, current) -> dict:
    if kind == "recommendation":
        return {"harms": selectors.plan_harms(current)}
    if kind == "activity":
        return {"staff": selectors.team_staff(current)}
    return {}


def _item_save(kind, *, by, current, version, form, item):
    if kind == "harm":
        fields = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        return services.harm_add(by=by, plan=current, version=version, **fields)
    if kind == "contact":
        fields = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        return services.contact_add(by=by, plan=current, version=version, **fields)
    if kind == "recommendation":
        return services.recommendation_save(
            by=by, plan=current, version=version, item=item, **form.service_fields()
        )
    return services.activity_save(
        by=by, plan=current, version=version, activity=item, **form.service_fields(item)
    )


def _item_initial(kind, item) -> dict:
    if item is None:
        return {}
    return ITEM_FORMS[kind].initial_for(item)


def _get_item(current, kind, item_id):
    related, _key, _editable = ITEMS[kind]
    try:
        return getattr(current, related).get(uuid=item_id)
    except (getattr(current, related).model.DoesNotExist, ValueError, ValidationError):
        raise Http404("No such item") from None


@require_http_methods(["GET", "POST"])
def item(request, child_id, kind, item_id=None):
    """Add an item to a section (a harm, a professional contact, a recommendation, a piece of
    work), or change a recommendation or piece of work."""
    if kind not in ITEMS or (item_id is not None and not ITEMS[kind][2]):
        raise Http404("No such page")
    current = writable_or_404(request, child_id)
    existing = _get_item(current, kind, item_id) if item_id else None
    if not rules.may_edit_sections(request.user, current):
        return not_now(request, current)
    form_class = ITEM_FORMS[kind]
    kwargs = _item_form_kwargs(kind, current)
    conflict = None
    if request.method == "POST":
        sent = form_class(request.POST, **kwargs)
        attempt = save_form(
            sent,
            lambda data: _item_save(
                kind,
                by=request.user,
                current=current,
                version=data["version"],
                form=sent,
                item=existing,
            ),
            record=current,
            what="the plan",
            form_kwargs=kwargs,
        )
        form, conflict = attempt.form, attempt.conflict
        if attempt.saved:
            messages.success(request, f"Saved {ITEM_NAMES[kind]}")
            return redirect("plans:section", child_id=current.child.uuid, key=ITEMS[kind][1])
    else:
        form = form_class(
            initial={**_item_initial(kind, existing), "version": current.version}, **kwargs
        )
    context = {
        "plan": current,
        "kind": kind,
        "item": existing,
        "form": form,
        "conflict": conflict,
        "back": reverse("plans:section", args=[current.child.uuid, ITEMS[kind][1]]),
    }
    return render_file_page(request, current.child, SECTION, f"plans/item_{kind}.html", context)


@require_http_methods(["GET", "POST"])
def item_remove(request, child_id, kind, item_id):
    """Ask "are you sure?", then remove the item."""
    if kind not in ITEMS:
        raise Http404("No such page")
    current = writable_or_404(request, child_id)
    existing = _get_item(current, kind, item_id)
    if not rules.may_edit_sections(request.user, current):
        return not_now(request, current)
    form = None
    back = reverse("plans:section", args=[current.child.uuid, ITEMS[kind][1]])
    if request.method == "POST":
        form = VersionForm(request.POST)
        if form.is_valid():
            remover, argument = REMOVERS[kind]
            try:
                remover(
                    by=request.user,
                    plan=current,
                    version=form.cleaned_data["version"],
                    **{argument: existing},
                )
            except EditConflict as error:
                current.refresh_from_db()
                form = VersionForm({"version": current.version})
                form.is_valid()
                form.add_error(None, conflict_message(error))
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, f"Removed {ITEM_NAMES[kind]}")
                return redirect(back)
    context = {
        "plan": current,
        "kind": kind,
        "kind_name": ITEM_NAMES[kind],
        "item": existing,
        "form": form,
        "back": back,
    }
    return render_file_page(request, current.child, SECTION, "plans/item_remove.html", context)
