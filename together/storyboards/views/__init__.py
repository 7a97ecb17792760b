"""Storyboards on a child's file, the web version behind the secure link, and colleagues'
reflections."""

from .panels import (
    drawing,
    drawing_remove,
    drawing_upload,
    panel_add,
    panel_edit,
    panel_move,
    panel_pictures,
    panel_remove,
)
from .public import web, web_drawing
from .storyboards import (
    compare,
    reflect,
    reflections,
    share_response,
    storyboard_list,
    storyboard_new,
    storyboard_page,
    storyboard_pdf,
    storyboard_share,
)

__all__ = [
    "compare",
    "drawing",
    "drawing_remove",
    "drawing_upload",
    "panel_add",
    "panel_edit",
    "panel_move",
    "panel_pictures",
    "panel_remove",
    "reflect",
    "reflections",
    "share_response",
    "storyboard_list",
    "storyboard_new",
    "storyboard_page",
    "storyboard_pdf",
    "storyboard_share",
    "web",
    "web_drawing",
]
