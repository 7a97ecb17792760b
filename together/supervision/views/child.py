"""The supervision section of a child's file."""

from together.children.selectors import child_get_for_user
from together.children.views.file import render_file_page

from .. import selectors

SECTION = "supervision"


def child_supervision(request, child_id):
    """The supervision section of a child's file: when their situation was thought about
    together, who was there, how it helped and the actions; never the debate or wellbeing."""
    child = child_get_for_user(user=request.user, child_id=child_id)
    context = {
        "discussions": selectors.child_discussions(child),
        "one_to_ones": selectors.child_one_to_ones(child),
        "appreciations": selectors.child_appreciations(child),
    }
    return render_file_page(request, child, SECTION, "supervision/child.html", context)
