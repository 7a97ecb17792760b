"""A storyboard's panels: adding, changing, moving and removing them, their pictures from the
library, and the child's own drawings."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from together.children.views.file import render_file_page
from together.core.exceptions import EditConflict
from together.core.forms import add_service_errors

from .. import selectors, services
from ..forms import (
    DrawingForm,
    PanelForm,
    PicturesForm,
    VersionForm,
)
from ..pictures import BY_ID, GROUP_NAMES, GROUPS, PICTURES, picture_search
from .common import CONFLICT, SECTION, back_to_builder, image_response, storyboard_for_writing


@require_POST
def panel_add(request, child_id, storyboard_id):
    child, storyboard = storyboard_for_writing(request, child_id, storyboard_id)
    form = VersionForm(request.POST)
    if not form.is_valid():
        return back_to_builder(child, storyboard)
    try:
        panel = services.panel_add(
            by=request.user, storyboard=storyboard, version=form.cleaned_data["version"]
        )
    except EditConflict:
        messages.error(request, CONFLICT)
        return back_to_builder(child, storyboard)
    except ValidationError as error:
        messages.error(request, error.messages[0])
        return back_to_builder(child, storyboard)
    messages.success(request, "A new panel has been added at the end. Write its words")
    return redirect(
        "storyboards:panel", child_id=child.uuid, storyboard_id=storyboard.uuid, panel_id=panel.uuid
    )


@require_http_methods(["GET", "POST"])
def panel_edit(request, child_id, storyboard_id, panel_id):
    child, storyboard = storyboard_for_writing(request, child_id, storyboard_id)
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
                return back_to_builder(child, storyboard, f"panel-{panel.uuid}")
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
    child, storyboard = storyboard_for_writing(request, child_id, storyboard_id)
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
    return back_to_builder(child, storyboard, f"panel-{panel.uuid}")


@require_http_methods(["GET", "POST"])
def panel_remove(request, child_id, storyboard_id, panel_id):
    child, storyboard = storyboard_for_writing(request, child_id, storyboard_id)
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
        return back_to_builder(child, storyboard)
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
    child, storyboard = storyboard_for_writing(request, child_id, storyboard_id)
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
                return back_to_builder(child, storyboard, f"panel-{panel.uuid}")
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
    child, storyboard = storyboard_for_writing(request, child_id, storyboard_id)
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
                return back_to_builder(child, storyboard, f"panel-{panel.uuid}")
    else:
        form = DrawingForm(initial={"version": storyboard.version})
    return render_file_page(
        request,
        child,
        SECTION,
        "storyboards/drawing.html",
        {"storyboard": storyboard, "panel": panel, "form": form},
    )


@require_http_methods(["GET", "POST"])
def drawing_remove(request, child_id, storyboard_id, drawing_id):
    """Remove a child's drawing or photo from the storyboard: a page that asks first, then the
    removal (no JavaScript needed). Shared versions keep showing it."""
    child, storyboard = storyboard_for_writing(request, child_id, storyboard_id)
    drawing = selectors.drawing_on_storyboard(storyboard, drawing_id)
    if drawing is None:
        if request.method == "POST":
            # Removed already: the same form sent twice, or by someone else a moment ago.
            messages.info(request, "That picture is no longer on the storyboard")
            return back_to_builder(child, storyboard)
        raise Http404("No picture found")
    form = VersionForm(
        request.POST if request.method == "POST" else None,
        initial={"version": storyboard.version},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.drawing_remove(
                by=request.user, drawing=drawing, version=form.cleaned_data["version"]
            )
        except EditConflict:
            messages.error(request, CONFLICT)
        else:
            messages.success(request, f"“{drawing.description}” has been removed")
        return back_to_builder(child, storyboard, f"panel-{drawing.panel.uuid}")
    return render_file_page(
        request,
        child,
        SECTION,
        "storyboards/drawing_remove.html",
        {"storyboard": storyboard, "drawing": drawing, "panel": drawing.panel, "form": form},
    )


@require_GET
def drawing(request, child_id, storyboard_id, drawing_id):
    """A child's drawing, for those who may see their file (never at a public address)."""
    _, storyboard = selectors.storyboard_get_for_user(
        user=request.user, child_id=child_id, storyboard_id=storyboard_id
    )
    return image_response(selectors.drawing_image(storyboard, drawing_id))
