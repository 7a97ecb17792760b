"""What the storyboard pages share: finding a storyboard to change, and the way back to it."""

from django.http import Http404, HttpResponse
from django.shortcuts import redirect

from .. import rules, selectors

SECTION = "storyboards"


CONFLICT = (
    "Someone else changed this storyboard while you were on this page. "
    "Check what it says now, then make your change again."
)


def storyboard_for_writing(request, child_id, storyboard_id):
    child, storyboard = selectors.storyboard_get_for_user(
        user=request.user, child_id=child_id, storyboard_id=storyboard_id
    )
    if not rules.may_write_storyboards(request.user, child):
        raise Http404("No storyboard found")
    return child, storyboard


def back_to_builder(child, storyboard, anchor=""):
    response = redirect(
        "storyboards:storyboard", child_id=child.uuid, storyboard_id=storyboard.uuid
    )
    if anchor:
        response["Location"] += f"#{anchor}"
    return response


def image_response(drawing):
    response = HttpResponse(bytes(drawing.image), content_type=drawing.content_type)
    response["Cache-Control"] = "private, no-store"
    response["Content-Disposition"] = "inline"
    return response
