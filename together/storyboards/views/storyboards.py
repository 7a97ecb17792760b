"""A child's storyboards: the list, starting one, the builder page, printing, sharing, the
child's response, comparing shared versions, and reflecting afterwards."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET, require_http_methods

from together.children.views.file import render_file_page
from together.core.exceptions import EditConflict
from together.core.forms import add_service_errors
from together.language.selectors import LanguageNotConfirmed
from together.language.views import language_report_step
from together.plans.compare import word_diff

from .. import documents, rules, selectors, services
from ..forms import (
    ReflectionForm,
    ResponseForm,
    ShareForm,
    StoryboardStartForm,
)
from ..pictures import BY_ID
from .common import CONFLICT, SECTION, back_to_builder, storyboard_for_writing


def storyboard_list(request, child_id):
    child = selectors.child_get_for_user(user=request.user, child_id=child_id)
    return render_file_page(
        request,
        child,
        SECTION,
        "storyboards/list.html",
        {
            "storyboards": selectors.storyboards_for_child(child),
            "also_for": selectors.storyboards_also_for(child, user=request.user),
            "may_write": rules.may_write_storyboards(request.user, child),
        },
    )


@require_http_methods(["GET", "POST"])
def storyboard_new(request, child_id):
    child = selectors.child_get_for_user(user=request.user, child_id=child_id)
    if not rules.may_write_storyboards(request.user, child):
        raise Http404("No child found")
    siblings = selectors.siblings_for(child, user=request.user)
    data = request.POST if request.method == "POST" else None
    form = StoryboardStartForm(
        data,
        siblings=siblings,
        initial={
            "title": f"{child.preferred_name}'s story",
            "prompts": [p for p, _ in form_prompts()],
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            storyboard = services.storyboard_start(
                by=request.user,
                child=child,
                token=form.token(),
                title=form.cleaned_data["title"],
                prompts=form.cleaned_data["prompts"],
                also_for=form.chosen_siblings(),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, "The storyboard has been started. Make the words and pictures yours"
            )
            return back_to_builder(child, storyboard)
    return render_file_page(request, child, SECTION, "storyboards/new.html", {"form": form})


def form_prompts():
    return StoryboardStartForm.base_fields["prompts"].choices


def storyboard_page(request, child_id, storyboard_id):
    child, storyboard = selectors.storyboard_get_for_user(
        user=request.user, child_id=child_id, storyboard_id=storyboard_id
    )
    panels = selectors.panels_of(storyboard)
    shares = selectors.shares_of(storyboard)
    may_write = rules.may_write_storyboards(request.user, child)
    if may_write:
        # The secure link to give the child (or whoever it was shared with), shown only to
        # those who share storyboards: a read through it is logged as nobody in particular.
        for share in shares:
            share.web_link = selectors.web_link(share.invitation) if share.invitation else ""
    return render_file_page(
        request,
        child,
        SECTION,
        "storyboards/storyboard.html",
        {
            "storyboard": storyboard,
            "panels": panels,
            "shares": shares,
            "may_write": may_write,
            "also_for": list(storyboard.also_for.all()),
        },
    )


@require_GET
def storyboard_pdf(request, child_id, storyboard_id):
    child, storyboard = selectors.storyboard_get_for_user(
        user=request.user, child_id=child_id, storyboard_id=storyboard_id
    )
    large = request.GET.get("size") == "large"
    snapshot = services.snapshot_of(storyboard, selectors.panels_of(storyboard))
    pdf = documents.storyboard_pdf(
        storyboard, snapshot, worker_name=storyboard.started_by.full_name, large_print=large
    )
    services.storyboard_print_record(by=request.user, storyboard=storyboard, large_print=large)
    response = HttpResponse(pdf, content_type="application/pdf")
    size = "-large-print" if large else ""
    response["Content-Disposition"] = f'attachment; filename="storyboard{size}.pdf"'
    return response


@require_http_methods(["GET", "POST"])
def storyboard_share(request, child_id, storyboard_id):
    child, storyboard = storyboard_for_writing(request, child_id, storyboard_id)
    panels = selectors.panels_of(storyboard)
    reader = selectors.reader_for(storyboard)
    text = selectors.words_of(panels)
    data = request.POST if request.method == "POST" else None
    form = ShareForm(
        data, initial={"version": storyboard.version, "shared_with": child.preferred_name}
    )
    language = language_report_step(
        request, document=storyboard, text=text, reader=reader, child_id=child.uuid
    )
    if request.method == "POST" and form.is_valid() and language.proceed:
        try:
            services.storyboard_share_record(
                by=request.user,
                storyboard=storyboard,
                version=form.cleaned_data["version"],
                shared_with=form.cleaned_data["shared_with"],
                shared_how=form.cleaned_data["shared_how"],
                shared_on=form.cleaned_data["shared_on"],
                token=form.token(),
            )
        except EditConflict:
            form.add_error(None, CONFLICT)
        except LanguageNotConfirmed as error:
            form.add_error(None, str(error))
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "The storyboard is recorded as shared")
            return back_to_builder(child, storyboard, "shared")
    elif request.method == "POST" and form.is_valid() and not language.proceed:
        form.add_error(
            None,
            "Change the words the check found, or say why each one should stay, "
            "before you record that the storyboard was shared",
        )
    return render_file_page(
        request,
        child,
        SECTION,
        "storyboards/share.html",
        {"storyboard": storyboard, "form": form, "language": language, "panels": panels},
    )


@require_http_methods(["GET", "POST"])
def share_response(request, child_id, storyboard_id, share_id):
    child, storyboard = storyboard_for_writing(request, child_id, storyboard_id)
    share = selectors.share_get(storyboard, share_id)
    form = ResponseForm(
        request.POST if request.method == "POST" else None,
        initial={"response": share.response},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.share_response_record(
                by=request.user, share=share, response=form.cleaned_data["response"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "What they said has been saved")
            return back_to_builder(child, storyboard, "shared")
    return render_file_page(
        request,
        child,
        SECTION,
        "storyboards/response.html",
        {"storyboard": storyboard, "share": share, "form": form},
    )


@require_GET
def compare(request, child_id, storyboard_id):
    """Two shared versions side by side: what each panel said, and the words that changed."""
    child, storyboard = selectors.storyboard_get_for_user(
        user=request.user, child_id=child_id, storyboard_id=storyboard_id
    )
    shares = selectors.shares_of(storyboard)
    by_number = {share.number: share for share in shares}
    error = ""
    old = new = None
    if len(shares) >= 2:
        try:
            new = by_number[int(request.GET.get("to") or shares[0].number)]
            old = by_number[int(request.GET.get("from") or shares[1].number)]
        except (KeyError, ValueError):
            error = "Choose two versions that were shared"
            new, old = shares[0], shares[1]
    rows = compare_rows(old.snapshot, new.snapshot) if old and new else []
    return render_file_page(
        request,
        child,
        SECTION,
        "storyboards/compare.html",
        {
            "storyboard": storyboard,
            "shares": shares,
            "old": old,
            "new": new,
            "rows": rows,
            "error": error,
        },
    )


def compare_rows(old: dict, new: dict) -> list[dict]:
    """Each panel of either version, matched by the panel it was: its heading, a word diff of
    its words, and the pictures added or taken away."""
    before = {panel["uuid"]: panel for panel in old["panels"]}
    after = {panel["uuid"]: panel for panel in new["panels"]}
    order = [p["uuid"] for p in new["panels"]] + [
        p["uuid"] for p in old["panels"] if p["uuid"] not in after
    ]
    rows = []
    for key in order:
        was, now = before.get(key), after.get(key)
        if was is None:
            summary = "Added"
        elif now is None:
            summary = "Taken out"
        elif was == now:
            summary = "No change"
        else:
            summary = "Changed"
        was_pictures = set((was or {}).get("pictures", []))
        now_pictures = set((now or {}).get("pictures", []))
        rows.append(
            {
                "heading": (now or was)["prompt"] or "A panel with no heading",
                "summary": summary,
                "runs": word_diff((was or {}).get("words", ""), (now or {}).get("words", "")),
                "pictures_added": [BY_ID[k].alt for k in now_pictures - was_pictures if k in BY_ID],
                "pictures_removed": [
                    BY_ID[k].alt for k in was_pictures - now_pictures if k in BY_ID
                ],
            }
        )
    return rows


@require_http_methods(["GET", "POST"])
def reflect(request, child_id, storyboard_id):
    child, storyboard = storyboard_for_writing(request, child_id, storyboard_id)
    form = ReflectionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.reflection_record(
                by=request.user,
                storyboard=storyboard,
                what_worked=form.cleaned_data["what_worked"],
                what_to_change=form.cleaned_data["what_to_change"],
                token=form.token(),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, "Your reflection has been saved. Colleagues can learn from it"
            )
            return back_to_builder(child, storyboard)
    return render_file_page(
        request,
        child,
        SECTION,
        "storyboards/reflect.html",
        {"storyboard": storyboard, "form": form},
    )


@require_GET
def reflections(request):
    if not rules.may_read_reflections(request.user):
        raise Http404("No page found")
    return render(
        request,
        "storyboards/reflections.html",
        {"reflections": selectors.reflections_for_user(request.user)},
    )
