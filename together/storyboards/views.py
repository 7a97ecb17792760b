"""Storyboards on a child's file, the web version behind the secure link, and colleagues'
reflections."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from together.children.views.file import render_file_page
from together.core.exceptions import EditConflict
from together.core.forms import add_service_errors
from together.language.selectors import LanguageNotConfirmed
from together.language.views import language_report_step
from together.plans.compare import word_diff

from . import documents, rules, selectors, services
from .forms import (
    DrawingForm,
    PanelForm,
    PicturesForm,
    ReflectionForm,
    ResponseForm,
    ShareForm,
    StoryboardStartForm,
    VersionForm,
)
from .pictures import BY_ID, GROUP_NAMES, GROUPS, PICTURES, picture_search

SECTION = "storyboards"
CONFLICT = (
    "Someone else changed this storyboard while you were on this page. "
    "Check what it says now, then make your change again."
)


def _for_writing(request, child_id, storyboard_id):
    child, storyboard = selectors.storyboard_get_for_user(
        user=request.user, child_id=child_id, storyboard_id=storyboard_id
    )
    if not rules.may_write_storyboards(request.user, child):
        raise Http404("No storyboard found")
    return child, storyboard


def _builder(child, storyboard, anchor=""):
    response = redirect(
        "storyboards:storyboard", child_id=child.uuid, storyboard_id=storyboard.uuid
    )
    if anchor:
        response["Location"] += f"#{anchor}"
    return response


def storyboard_list(request, child_id):
    child = selectors.child_get_for_user(user=request.user, child_id=child_id)
    return render_file_page(
        request,
        child,
        SECTION,
        "storyboards/list.html",
        {
            "storyboards": selectors.storyboards_for_child(child),
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
            return _builder(child, storyboard)
    return render_file_page(request, child, SECTION, "storyboards/new.html", {"form": form})


def form_prompts():
    return StoryboardStartForm.base_fields["prompts"].choices


def storyboard_page(request, child_id, storyboard_id):
    child, storyboard = selectors.storyboard_get_for_user(
        user=request.user, child_id=child_id, storyboard_id=storyboard_id
    )
    panels = selectors.panels_of(storyboard)
    shares = selectors.shares_of(storyboard)
    return render_file_page(
        request,
        child,
        SECTION,
        "storyboards/storyboard.html",
        {
            "storyboard": storyboard,
            "panels": panels,
            "shares": shares,
            "may_write": rules.may_write_storyboards(request.user, child),
            "also_for": list(storyboard.also_for.all()),
        },
    )


@require_POST
def panel_add(request, child_id, storyboard_id):
    child, storyboard = _for_writing(request, child_id, storyboard_id)
    form = VersionForm(request.POST)
    if not form.is_valid():
        return _builder(child, storyboard)
    try:
        panel = services.panel_add(
            by=request.user, storyboard=storyboard, version=form.cleaned_data["version"]
        )
    except EditConflict:
        messages.error(request, CONFLICT)
        return _builder(child, storyboard)
    except ValidationError as error:
        messages.error(request, error.messages[0])
        return _builder(child, storyboard)
    messages.success(request, "A new panel has been added at the end. Write its words")
    return redirect(
        "storyboards:panel", child_id=child.uuid, storyboard_id=storyboard.uuid, panel_id=panel.uuid
    )


@require_http_methods(["GET", "POST"])
def panel_edit(request, child_id, storyboard_id, panel_id):
    child, storyboard = _for_writing(request, child_id, storyboard_id)
    panel = selectors.panel_get(storyboard, panel_id)
    if request.method == "POST":
        form = PanelForm(request.POST)
        if form.is_valid():
            try:
                services.panel_update(
                    by=request.user,
                    panel=panel,
                    version=form.cleaned_data["version"],
                    prompt=form.cleaned_data["prompt"],
                    words=form.cleaned_data["words"],
                )
            except EditConflict:
                storyboard.refresh_from_db()
                data = form.data.copy()
                data["version"] = storyboard.version
                form = PanelForm(data)
                form.is_valid()
                form.add_error(None, CONFLICT)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, "The panel has been saved")
                return _builder(child, storyboard, f"panel-{panel.uuid}")
    else:
        form = PanelForm(
            initial={"version": storyboard.version, "prompt": panel.prompt, "words": panel.words}
        )
    return render_file_page(
        request,
        child,
        SECTION,
        "storyboards/panel.html",
        {
            "storyboard": storyboard,
            "panel": panel,
            "form": form,
            "reader": selectors.reader_for(storyboard),
        },
    )


@require_POST
def panel_move(request, child_id, storyboard_id, panel_id):
    child, storyboard = _for_writing(request, child_id, storyboard_id)
    panel = selectors.panel_get(storyboard, panel_id)
    form = VersionForm(request.POST)
    if form.is_valid():
        try:
            services.panel_position_change(
                by=request.user,
                panel=panel,
                version=form.cleaned_data["version"],
                direction=request.POST.get("direction", ""),
            )
        except EditConflict:
            messages.error(request, CONFLICT)
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            where = "up" if request.POST.get("direction") == "up" else "down"
            messages.success(request, f"“{panel.prompt or 'The panel'}” moved {where}")
    return _builder(child, storyboard, f"panel-{panel.uuid}")


@require_http_methods(["GET", "POST"])
def panel_remove(request, child_id, storyboard_id, panel_id):
    child, storyboard = _for_writing(request, child_id, storyboard_id)
    panel = selectors.panel_get(storyboard, panel_id)
    form = VersionForm(
        request.POST if request.method == "POST" else None,
        initial={"version": storyboard.version},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.panel_remove(
                by=request.user, panel=panel, version=form.cleaned_data["version"]
            )
        except EditConflict:
            messages.error(request, CONFLICT)
        else:
            messages.success(request, "The panel has been removed")
        return _builder(child, storyboard)
    return render_file_page(
        request,
        child,
        SECTION,
        "storyboards/panel_remove.html",
        {"storyboard": storyboard, "panel": panel, "form": form},
    )


@require_http_methods(["GET", "POST"])
def panel_pictures(request, child_id, storyboard_id, panel_id):
    """Choose a panel's pictures from the library, found by word or group (no JavaScript)."""
    child, storyboard = _for_writing(request, child_id, storyboard_id)
    panel = selectors.panel_get(storyboard, panel_id)
    words = request.GET.get("q", "").strip()[:100]
    group = request.GET.get("group", "")
    group = group if group in GROUP_NAMES else ""
    choices = [(picture.id, picture.alt) for picture in PICTURES]
    if request.method == "POST":
        form = PicturesForm(request.POST, choices=choices)
        if form.is_valid():
            try:
                services.panel_pictures_set(
                    by=request.user,
                    panel=panel,
                    version=form.cleaned_data["version"],
                    pictures=form.cleaned_data["pictures"],
                )
            except EditConflict:
                form.add_error(None, CONFLICT)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, "The panel's pictures have been saved")
                return _builder(child, storyboard, f"panel-{panel.uuid}")
        chosen = [key for key in request.POST.getlist("pictures") if key in BY_ID]
    else:
        form = PicturesForm(initial={"version": storyboard.version}, choices=choices)
        chosen = list(panel.pictures)
    found = picture_search(words, group) if (words or group) else []
    shown = [BY_ID[key] for key in chosen] + [p for p in found if p.id not in chosen]
    return render_file_page(
        request,
        child,
        SECTION,
        "storyboards/pictures.html",
        {
            "storyboard": storyboard,
            "panel": panel,
            "form": form,
            "words": words,
            "group": group,
            "groups": GROUPS,
            "searched": bool(words or group),
            "found_count": len(found),
            "shown": shown,
            "chosen": set(chosen),
        },
    )


@require_http_methods(["GET", "POST"])
def drawing_upload(request, child_id, storyboard_id, panel_id):
    child, storyboard = _for_writing(request, child_id, storyboard_id)
    panel = selectors.panel_get(storyboard, panel_id)
    if request.method == "POST":
        form = DrawingForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                services.drawing_add(
                    by=request.user,
                    panel=panel,
                    version=form.cleaned_data["version"],
                    data=form.cleaned_data["image"].read(),
                    description=form.cleaned_data["description"],
                    token=form.token(),
                )
            except EditConflict:
                form.add_error(None, CONFLICT)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, "The picture has been added to the panel")
                return _builder(child, storyboard, f"panel-{panel.uuid}")
    else:
        form = DrawingForm(initial={"version": storyboard.version})
    return render_file_page(
        request,
        child,
        SECTION,
        "storyboards/drawing.html",
        {"storyboard": storyboard, "panel": panel, "form": form},
    )


def _image_response(drawing):
    response = HttpResponse(bytes(drawing.image), content_type=drawing.content_type)
    response["Cache-Control"] = "private, no-store"
    response["Content-Disposition"] = "inline"
    return response


@require_GET
def drawing(request, child_id, storyboard_id, drawing_id):
    """A child's drawing, for those who may see their file (never at a public address)."""
    _, storyboard = selectors.storyboard_get_for_user(
        user=request.user, child_id=child_id, storyboard_id=storyboard_id
    )
    return _image_response(selectors.drawing_image(storyboard, drawing_id))


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
    child, storyboard = _for_writing(request, child_id, storyboard_id)
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
            return _builder(child, storyboard, "shared")
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
    child, storyboard = _for_writing(request, child_id, storyboard_id)
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
            return _builder(child, storyboard, "shared")
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
    child, storyboard = _for_writing(request, child_id, storyboard_id)
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
            return _builder(child, storyboard)
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


# --- the web version behind the secure link -------------------------------------------------


def _public(response):
    # The secret is in the address: never send it on to another site.
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@login_not_required
@never_cache
def web(request, token):
    """The shared version as a web page, for whoever holds its link (no sign-in). An unknown
    and an expired link get the same page, so a link cannot be probed."""
    share = selectors.share_for_token(token)
    if share is None:
        return _public(render(request, "storyboards/web_missing.html", status=404))
    storyboard = share.storyboard
    drawings = documents.drawings_for(storyboard, share.snapshot, with_images=False)
    return _public(
        render(
            request,
            "storyboards/web.html",
            {
                "share": share,
                "title": share.snapshot["title"],
                "panels": documents.panels_for_document(share.snapshot, drawings),
                "worker": share.recorded_by,
                "token": token,
                "invitation": share.invitation,
            },
        )
    )


@login_not_required
@never_cache
def web_drawing(request, token, drawing_id):
    """A drawing in a shared version, for whoever holds the link; the same 404 otherwise."""
    share = selectors.share_for_token(token)
    shown = (
        {d["uuid"] for panel in share.snapshot["panels"] for d in panel.get("drawings", [])}
        if share
        else set()
    )
    if share is None or str(drawing_id) not in shown:
        raise Http404("No picture found")
    return _public(_image_response(selectors.drawing_image(share.storyboard, drawing_id)))
