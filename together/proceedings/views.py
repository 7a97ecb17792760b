"""Pages for proceedings: a set of proceedings and its hearings, the duty list, allocating a lead
Family Court Adviser, and a new application."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.views.decorators.http import require_GET, require_http_methods

from together.accounts.models import REGION_ROLES
from together.core.exceptions import EditConflict
from together.core.forms import add_service_errors

from . import rules, selectors, services
from .forms import AllocateForm, HearingForm, MatchForm, NewApplicationForm
from .models import LAW_OF_KIND, Law, Stage

# What other apps offer on the proceedings page: the work for the court links there, and from
# each hearing that has happened to recording what the court decided. `proceedings` imports none
# of them: each registers a function of (user, proceedings, hearings) returning
# {"page": [(text, link)], hearing id: [(text, link)]} from its AppConfig.ready.
PAGE_LINKS = []


def proceedings_links_register(links) -> None:
    PAGE_LINKS.append(links)


def _links(user, proceedings, hearings) -> tuple[list, dict]:
    page, by_hearing = [], {}
    for links in PAGE_LINKS:
        for key, found in links(user, proceedings, hearings).items():
            if key == "page":
                page += found
            else:
                by_hearing.setdefault(key, []).extend(found)
    return page, by_hearing


@require_GET
def detail(request, proceedings_id):
    user = request.user
    proceedings = selectors.proceedings_get_for_user(user=user, proceedings_id=proceedings_id)
    page = selectors.proceedings_detail(proceedings)
    services.proceedings_view_record(by=user, proceedings=proceedings)
    page_links, hearing_links = _links(user, proceedings, page.hearings)
    context = {
        "page": page,
        "proceedings": proceedings,
        "page_links": page_links,
        "hearings": [(h, hearing_links.get(h.pk, [])) for h in page.hearings],
        "hearing_form": HearingForm() if rules.may_record_hearing(user, proceedings) else None,
        "may_allocate": rules.may_allocate(user, proceedings),
    }
    return render(request, "proceedings/detail.html", context)


@require_http_methods(["GET", "POST"])
def hearing_add(request, proceedings_id):
    user = request.user
    proceedings = selectors.proceedings_get_for_hearing(user=user, proceedings_id=proceedings_id)
    form = HearingForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        try:
            services.hearing_record(
                by=user,
                proceedings=proceedings,
                token=form.token(),
                kind=form.cleaned_data["kind"],
                starts_at=form.starts_at(),
                outcome=form.cleaned_data["outcome"],
            )
        except ValidationError as error:
            add_service_errors(form, error, fields={"starts_at": "date"})
        else:
            messages.success(request, "The hearing has been recorded")
            return redirect(reverse("proceedings:detail", args=[proceedings.uuid]) + "#hearings")
    return render(
        request, "proceedings/hearing_form.html", {"form": form, "proceedings": proceedings}
    )


@require_GET
def duty_list(request):
    user = request.user
    page = selectors.duty_list_page(user=user, page=request.GET.get("page"))
    context = {
        "page": page,
        "rows": page.rows,
        "may_allocate": rules.may_allocate_in_area(user),
        "whole_region": user.role in REGION_ROLES,
    }
    return render(request, "proceedings/duty_list.html", context)


@require_GET
def children_not_seen(request):
    """Children in the area's open proceedings with no meeting yet, and why, oldest first."""
    page = selectors.children_not_seen(user=request.user)
    context = {"page": page, "whole_region": request.user.role in REGION_ROLES}
    return render(request, "proceedings/children_not_seen.html", context)


@require_http_methods(["GET", "POST"])
def allocate(request, proceedings_id):
    """Choosing a lead FCA, in two steps: choose, then check the children, the court and the
    person's caseload once allocated, and confirm. Nothing is saved until then; what was chosen
    travels in the form."""
    user = request.user
    proceedings = selectors.proceedings_get_for_allocation(user=user, proceedings_id=proceedings_id)
    caseloads = selectors.fca_caseloads(proceedings.service_area)
    if request.method == "POST":
        form = AllocateForm(request.POST, caseloads=caseloads)
        action = request.POST.get("action", "check")
        if action != "change" and form.is_valid():
            chosen = form.chosen_caseload()
            if action != "confirm":
                page = selectors.proceedings_detail(proceedings)
                return _allocate_confirm(request, form, page, chosen)
            try:
                services.allocation_create(
                    by=user,
                    proceedings=proceedings,
                    fca=chosen.fca,
                    version=form.cleaned_data["version"],
                )
            except EditConflict as conflict:
                proceedings = selectors.proceedings_get_for_allocation(
                    user=user, proceedings_id=proceedings_id
                )
                form = _conflict_form(request, proceedings, conflict)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(
                    request,
                    f"{chosen.fca.full_name} is now the lead Family Court Adviser for "
                    f"{proceedings.court_number}",
                )
                return redirect("proceedings:duty-list")
    else:
        form = AllocateForm(initial={"version": proceedings.version}, caseloads=caseloads)
        services.proceedings_view_record(by=user, proceedings=proceedings, page="allocate")
    context = {
        "form": form,
        "conflict": getattr(form, "conflict", False),
        "page": selectors.proceedings_detail(proceedings),
        "proceedings": proceedings,
        "ceiling_after": selectors.CEILING_AFTER_FIRST_HEARING,
        "ceiling_before": selectors.CEILING_BEFORE_FIRST_HEARING,
    }
    return render(request, "proceedings/allocate.html", context)


def _allocate_confirm(request, form, page, chosen):
    stage = page.proceedings.stage
    context = {
        "form": form,
        "page": page,
        "proceedings": page.proceedings,
        "chosen": chosen,
        "now": chosen.at_stage(stage),
        "then": chosen.at_stage(stage).adding(len(page.children)),
        "before_first_hearing": stage == Stage.BEFORE_FIRST_HEARING,
    }
    return render(request, "proceedings/allocate_confirm.html", context)


def _conflict_form(request, proceedings, conflict: EditConflict) -> AllocateForm:
    """Keep the manager's choice but move them onto the saved version, with what happened in the
    error summary, so choosing again is a decision made knowing who allocated them."""
    data = request.POST.copy()
    data["version"] = proceedings.version
    form = AllocateForm(data, caseloads=selectors.fca_caseloads(proceedings.service_area))
    form.is_valid()
    form.add_error(None, _conflict_message(request.user, proceedings, conflict))
    form.conflict = True
    return form


def _conflict_message(user, proceedings, conflict: EditConflict) -> str:
    lead = proceedings.lead_fca
    if lead is None or conflict.by is None or conflict.at is None:
        return (
            "Someone else changed these proceedings while you were choosing, so your choice "
            "was not saved. Check the details below and choose again."
        )
    at = timezone.localtime(conflict.at)
    when = f"at {at:%H:%M} on {date_format(at, 'j F Y')}"
    who = "You" if conflict.by.pk == user.pk else conflict.by.full_name
    where = " in another window" if conflict.by.pk == user.pk else ""
    return (
        f"{who} allocated these proceedings to {lead.full_name} {when}{where}, while you were "
        "choosing. Your choice was not saved. Choose again only if you want to change the lead "
        "Family Court Adviser."
    )


# A new application: the details, then (if any child may already have a file) which child
# each one is, then a check of the answers; nothing is saved until "Accept and save". The answers
# wait in the session (server-side, in the database) between the pages, so no JavaScript and no
# half-saved records.

DRAFT = "new_application"


def _may_create(user) -> None:
    if not rules.may_create_proceedings(user):
        raise Http404("No such page")


def _draft(request) -> dict | None:
    draft = request.session.get(DRAFT)
    return draft if isinstance(draft, dict) and isinstance(draft.get("data"), dict) else None


def _draft_form(request) -> NewApplicationForm | None:
    """The details form rebuilt from the answers kept in the session, if they are still valid."""
    draft = _draft(request)
    if draft is None:
        return None
    form = NewApplicationForm(draft["data"])
    return form if form.is_valid() else None


def _match_rows(user, form):
    numbered = form.children()
    matches = selectors.possible_duplicates(user=user, children=[d for _, d in numbered])
    return [(n, details, found) for (n, details), found in zip(numbered, matches, strict=True)]


def _draft_matches(request, rows) -> MatchForm | None:
    """The answers to "is this the same child?" kept in the session, as a bound form, or None if
    there are none (or no longer valid ones) for the children found."""
    draft = _draft(request)
    answers = (draft or {}).get("matches")
    if not isinstance(answers, dict):
        return None
    match_form = MatchForm(answers, rows=rows)
    return match_form if match_form.is_valid() else None


@require_http_methods(["GET", "POST"])
def new(request):
    """The details of a new application. "Change" links from the check page come back here
    (?change) with the answers kept; a fresh visit starts again."""
    user = request.user
    _may_create(user)
    if request.method == "GET":
        draft = _draft(request)
        if "change" in request.GET and draft:
            form = NewApplicationForm(draft["data"])
            form.is_valid()
        else:
            request.session.pop(DRAFT, None)
            form = NewApplicationForm()
        return render(request, "proceedings/new.html", {"form": form})
    form = NewApplicationForm(request.POST)
    if form.is_valid():
        in_use = services.court_number_in_use_message(
            user=user, court_number=form.cleaned_data["court_number"]
        )
        if in_use:
            form.add_error("court_number", in_use)
    if not form.is_valid():
        return render(request, "proceedings/new.html", {"form": form})
    data = {name: value for name, value in request.POST.items() if name != "csrfmiddlewaretoken"}
    previous = _draft(request) or {}
    request.session[DRAFT] = {"data": data, "matches": previous.get("matches")}
    rows = _match_rows(user, form)
    # Back to the check of the answers after a change, unless the children found changed and
    # the question about them must be answered (again).
    if any(found for _, _, found in rows) and _draft_matches(request, rows) is None:
        return redirect("proceedings:new-children")
    return redirect("proceedings:new-check")


@require_http_methods(["GET", "POST"])
def new_children(request):
    """For each child who may already have a file: which child, or a new one."""
    user = request.user
    _may_create(user)
    form = _draft_form(request)
    if form is None:
        return redirect("proceedings:new")
    rows = _match_rows(user, form)
    if not any(found for _, _, found in rows):
        return redirect("proceedings:new-check")
    if request.method == "POST":
        match_form = MatchForm(request.POST, rows=rows)
        if match_form.is_valid():
            answers = {
                name: value
                for name, value in request.POST.items()
                if name.startswith(("match", "reason"))
            }
            request.session[DRAFT] = {**_draft(request), "matches": answers}
            return redirect("proceedings:new-check")
    else:
        kept = (_draft(request) or {}).get("matches") or {}
        match_form = MatchForm(rows=rows, initial=kept if isinstance(kept, dict) else {})
    context = {"form": form, "match_form": match_form}
    return render(request, "proceedings/duplicates.html", context)


@require_http_methods(["GET", "POST"])
def new_check(request):
    """Check your answers, then "Accept and save" (the only step that saves)."""
    user = request.user
    _may_create(user)
    form = _draft_form(request)
    if form is None:
        return redirect("proceedings:new")
    rows = _match_rows(user, form)
    match_form = None
    if any(found for _, _, found in rows):
        match_form = _draft_matches(request, rows)
        if match_form is None:
            return redirect("proceedings:new-children")
    children = []
    for number, details, _ in rows:
        linked = match_form.linked_child(number) if match_form else None
        reason = match_form.link_reason(number) if linked else ""
        held_by = next(
            (m.held_by for _, _, found in rows for m in found if linked and m.child == linked), []
        )
        children.append(
            {
                "number": number,
                "details": details,
                "linked": linked,
                "held_by": held_by,
                "reason": reason,
            }
        )
    problems = forms.Form(data={})  # bound, so the service's refusals can be added to it
    problems.is_valid()
    if request.method == "POST":
        kind, law = form.kind_and_law()
        try:
            proceedings = services.proceedings_create(
                by=user,
                service_area=user.service_area,
                court=form.cleaned_data["court"],
                court_number=form.cleaned_data["court_number"],
                kind=kind,
                law=law,
                received_on=form.cleaned_data["received_on"],
                first_hearing_on=form.cleaned_data["first_hearing_on"],
                applicant_local_authority=form.cleaned_data["applicant_local_authority"],
                parties=form.parties(),
                children=[row["linked"] or row["details"] for row in children],
                link_reasons={row["linked"].pk: row["reason"] for row in children if row["linked"]},
                court_must_be_listed=True,
            )
        except ValidationError as error:
            problems.add_error(None, error.messages)
        else:
            request.session.pop(DRAFT, None)
            messages.success(
                request,
                f"Proceedings {proceedings.court_number} saved. They wait on the duty list until "
                "a lead Family Court Adviser is named",
            )
            return redirect("proceedings:detail", proceedings.uuid)
    kind_label = dict(form.fields["kind"].choices).get(form.cleaned_data["kind"])
    relationships = dict(form.fields["party1_relationship"].choices)
    roles = dict(form.fields["party1_role"].choices)
    parties = [
        {
            "number": number,
            "name": f"{p.given_name} {p.family_name}".strip(),
            "relationship": relationships.get(p.relationship),
            "role": roles.get(p.role),
        }
        for number, p in form.numbered_parties()
    ]
    kind, law = form.kind_and_law()
    context = {
        "form": form,
        "problems": problems,
        "kind_label": kind_label,
        "public_law": (law or LAW_OF_KIND.get(kind)) == Law.PUBLIC,
        "children": children,
        "parties": parties,
        "asked_about_matches": match_form is not None,
    }
    return render(request, "proceedings/check.html", context)
