"""The web version of a shared storyboard behind its secure link (no sign-in)."""

from django.contrib.auth.decorators import login_not_required
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from .. import documents, selectors, services
from .common import image_response


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
    services.storyboard_link_read_record(share=share)
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
    return _public(image_response(selectors.drawing_image(share.storyboard, drawing_id)))
