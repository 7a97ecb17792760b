"""The pages of a child's file. Each fetches the child through child_get_for_user (404 for anyone
who may not see it) and logs the view."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from together.core.exceptions import EditConflict
from together.core.forms import add_service_errors
from together.core.links import link_maker

from .. import rules, selectors, services
from ..forms import (
    AboutMeForm,
    FamilyMemberForm,
    MeetingChangeForm,
    MeetingForm,
    NotMetChangeForm,
    NotMetForm,
    ProfessionalForm,
)
from ..models import FamilyMember, TimelineEntry
from ..readers import child_reader

# (section, tab text, URL name): the file's sub-navigation, in order. Other apps' pages of the
# file (the plan, letters) are sections too and render through render_file_page.
SECTIONS = [
    ("about", "About me", "children:about"),
    ("family", "Family and important people", "children:family"),
    ("proceedings", "Proceedings", "children:proceedings"),
    ("meetings", "Meetings", "children:meetings"),
    ("plan", "Assessment and plan", "plans:plan"),
    ("letters", "Letters", "letters:list"),
    ("storyboards", "Storyboards", "storyboards:list"),
    ("supervision", "Thinking together", "supervision:child"),
    ("court", "Work for the court", "courtwork:court"),
    ("timeline", "Timeline", "children:timeline"),
]

# What other apps say about a person on the family page (the work for the court lists each
# safeguarding conversation with them). `children` imports none of them: each registers a
# function of (child) returning {person id: [(text, link), ...]} from its AppConfig.ready.
FAMILY_NOTES = []


def family_notes_register(notes) -> None:
    FAMILY_NOTES.append(notes)


def render_file_page(request, child, section, template, context=None, *, status=200):
    """Render a page of the file with the identity bar, sub-navigation and summary; log the view.

    The template extends children/_file.html. Every page of a child's file, whichever app it
    belongs to, goes through here so that each view is logged the same way."""
    services.child_view_record(by=request.user, child=child, section=section)
    summary = selectors.child_file_summary(user=request.user, child=child)
    return render(
        request,
        template,
        {
            "child": child,
            "summary": summary,
            "section": section,
            "sections": [
                {"text": text, "href": link_maker(url_name)(child.uuid), "current": name == section}
                for name, text, url_name in SECTIONS
            ],
            "may_edit": summary.everyday_access and rules.may_edit_child(request.user, child),
            **(context or {}),
        },
        status=status,
    )


def about(request, child_id):
    child = selectors.child_get_for_user(user=request.user, child_id=child_id)
    return render_file_page(
        request, child, "about", "children/about.html", {"groups": selectors.about_me_rows(child)}
    )


@require_http_methods(["GET", "POST"])
def about_edit(request, child_id):
    child = selectors.child_get_for_user(user=request.user, child_id=child_id)
    if not rules.may_edit_child(request.user, child):
        raise Http404("No child found")
    conflict = None
    if request.method == "POST":
        form = AboutMeForm(request.POST)
        if form.is_valid():
            data = dict(form.cleaned_data)
            version = data.pop("version")
            try:
                services.child_update_about_me(
                    by=request.user, child=child, version=version, **data
                )
            except EditConflict as error:
                child.refresh_from_db()
                conflict = error
                form = _keep_typing(form, child.version)
            else:
                messages.success(request, f"{child.preferred_name}'s details have been saved")
                return redirect("children:about", child_id=child.uuid)
    else:
        form = AboutMeForm(initial=AboutMeForm.initial_for(child))
    return render_file_page(
        request,
        child,
        "about",
        "children/about_edit.html",
        {
            "form": form,
            "conflict": conflict,
            "saved": child if conflict else None,
            "reader": child_reader(child),
            "quoted": _own_words_fields(form, child),
        },
    )


def _own_words_fields(form, child) -> dict[str, bool]:
    """The About me boxes marked as in the child's own words (as the form now says): the
    language check leaves those as the child said them."""
    marked = form.data.getlist("own_words") if form.is_bound else child.own_words
    return dict.fromkeys(selectors.own_words_fields(marked), True)


def _keep_typing(form, version):
    """What they typed stays; the version moves on so saving again is an informed choice."""
    data = form.data.copy()
    data["version"] = version
    fresh = AboutMeForm(data=data)
    fresh.is_valid()
    fresh.add_error(
        None,
        "Someone else saved changes to these details while you were editing. "
        "Check what is saved now, shown below, then save again if your changes are still right.",
    )
    return fresh


def family(request, child_id):
    child = selectors.child_get_for_user(user=request.user, child_id=child_id)
    confidential = rules.confidential_addresses_visible(request.user, child)
    connections = selectors.connections_for_child(child)
    notes = {}
    for source in FAMILY_NOTES:
        for person_id, lines in source(child).items():
            notes.setdefault(person_id, []).extend(lines)
    for connection in connections:
        connection.address_shown = confidential.shows(connection.person)
        connection.notes = notes.get(connection.person_id, [])
    context = {
        "connections": connections,
        "parties": selectors.parties_by_person(child),
        "professionals": selectors.professionals_for_child(child),
    }
    return render_file_page(request, child, "family", "children/family.html", context)


@require_http_methods(["GET", "POST"])
def professional_add(request, child_id):
    """Add another professional who knows the child, and what they said."""
    child = selectors.child_get_for_user(user=request.user, child_id=child_id)
    if not rules.may_edit_child(request.user, child):
        raise Http404("No child found")
    form = ProfessionalForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            professional = services.professional_add(
                by=request.user, child=child, token=form.token(), **form.answers()
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"{professional.name} has been added")
            return redirect("children:family", child_id=child.uuid)
    return render_file_page(
        request, child, "family", "children/professional_add.html", {"form": form}
    )


@require_http_methods(["GET", "POST"])
def family_add(request, child_id):
    child = selectors.child_get_for_user(user=request.user, child_id=child_id)
    if not rules.may_edit_child(request.user, child):
        raise Http404("No child found")
    form = FamilyMemberForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.family_member_add(
            by=request.user, child=child, token=form.token(), **form.answers()
        )
        messages.success(request, f"{form.cleaned_data['given_name']} has been added")
        return redirect("children:family", child_id=child.uuid)
    return render_file_page(request, child, "family", "children/family_add.html", {"form": form})


def family_address(request, child_id, person_id):
    """Show a confidential address to someone with the right to see it, and log that they did."""
    child = selectors.child_get_for_user(user=request.user, child_id=child_id)
    try:
        person = FamilyMember.objects.get(uuid=person_id, connections__child=child)
    except FamilyMember.DoesNotExist:
        raise Http404("No address found") from None
    if not rules.may_see_confidential_address(request.user, child, person):
        raise Http404("No address found")
    if person.address_confidential:
        services.confidential_address_view_record(by=request.user, child=child, person=person)
    return render_file_page(
        request, child, "family", "children/family_address.html", {"person": person}
    )


def proceedings(request, child_id):
    child = selectors.child_get_for_user(user=request.user, child_id=child_id)
    context = {"all_proceedings": selectors.proceedings_for_child(child)}
    return render_file_page(request, child, "proceedings", "children/proceedings.html", context)


def meetings(request, child_id):
    child = selectors.child_get_for_user(user=request.user, child_id=child_id)
    return render_file_page(
        request,
        child,
        "meetings",
        "children/meetings.html",
        {"meetings": selectors.meetings_for_child(child)},
    )


@require_http_methods(["GET", "POST"])
def meeting_add(request, child_id):
    child = selectors.child_get_for_user(user=request.user, child_id=child_id)
    if not rules.may_edit_child(request.user, child):
        raise Http404("No child found")
    form = MeetingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.meeting_record(
                by=request.user,
                child=child,
                token=form.token(),
                proceedings=selectors.latest_open_proceedings(child),
                **form.meeting_fields(),
            )
        except ValidationError as error:
            add_service_errors(form, error, fields={"occurred_at": "date"})
        else:
            messages.success(request, f"Your meeting with {child.preferred_name} has been recorded")
            return redirect("children:meetings", child_id=child.uuid)
    return render_file_page(request, child, "meetings", "children/meeting_add.html", {"form": form})


@require_http_methods(["GET", "POST"])
def meeting_not_met(request, child_id):
    """Record that the service tried but did not meet the child, or decided not to meet yet."""
    child = selectors.child_get_for_user(user=request.user, child_id=child_id)
    if not rules.may_edit_child(request.user, child):
        raise Http404("No child found")
    form = NotMetForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.meeting_record(
                by=request.user,
                child=child,
                token=form.token(),
                proceedings=selectors.latest_open_proceedings(child),
                outcome=form.cleaned_data["outcome"],
                **form.meeting_fields(),
            )
        except ValidationError as error:
            add_service_errors(form, error, fields={"occurred_at": "date"})
        else:
            messages.success(request, f"Why you did not meet {child.preferred_name} is recorded")
            return redirect("children:meetings", child_id=child.uuid)
    return render_file_page(
        request, child, "meetings", "children/meeting_not_met.html", {"form": form}
    )


@require_http_methods(["GET", "POST"])
def meeting_change(request, child_id, meeting_id):
    """Change a meeting's record. Every earlier version is kept and listed; a change made on an
    old version is refused and both are shown, so two people never overwrite each other."""
    child = selectors.child_get_for_user(user=request.user, child_id=child_id)
    if not rules.may_edit_child(request.user, child):
        raise Http404("No child found")
    meeting = selectors.meeting_get_for_child(child=child, meeting_id=meeting_id)
    form_class = MeetingChangeForm if meeting.met else NotMetChangeForm
    conflict = None
    if request.method == "POST":
        form = form_class(request.POST)
        if form.is_valid():
            try:
                services.meeting_update(
                    by=request.user,
                    meeting=meeting,
                    version=form.cleaned_data["version"],
                    **form.meeting_fields(),
                )
            except EditConflict as error:
                conflict = error
                meeting = selectors.meeting_get_for_child(child=child, meeting_id=meeting_id)
                data = form.data.copy()
                data["version"] = meeting.version
                form = form_class(data)
                form.is_valid()
                form.add_error(
                    None,
                    "Someone else changed this record while you were editing. Check what is "
                    "saved now, shown below, then save again if your changes are still right.",
                )
            except ValidationError as error:
                add_service_errors(form, error, fields={"occurred_at": "date"})
            else:
                messages.success(request, "The record has been changed. Earlier versions are kept")
                return redirect("children:meetings", child_id=child.uuid)
    else:
        form = form_class(initial=form_class.initial_for(meeting))
    context = {
        "form": form,
        "meeting": meeting,
        "conflict": conflict,
        "versions": selectors.meeting_versions(meeting),
    }
    return render_file_page(request, child, "meetings", "children/meeting_change.html", context)


def timeline(request, child_id):
    child = selectors.child_get_for_user(user=request.user, child_id=child_id)
    kind = request.GET.get("kind") or None
    if kind not in TimelineEntry.Kind.values:
        kind = None
    context = {
        "entries": selectors.timeline_for_child(child, kind=kind),
        "kinds": TimelineEntry.Kind.choices,
        "kind": kind,
    }
    return render_file_page(request, child, "timeline", "children/timeline.html", context)
