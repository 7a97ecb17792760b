"""Writes for storyboards: starting one from the prompts (starting.py), its panels (panels.py)
and the child's drawings (drawings.py), printing, sharing it with the child and their response
(sharing.py), and the worker's reflection afterwards (reflecting.py). What every change shares,
the writer's check, the version lock and the logged change, is in common.py."""

from .common import MAY_NOT_WRITE
from .drawings import (
    STORED_MAX_SIDE,
    UPLOAD_MAX_BYTES,
    UPLOAD_TYPES,
    drawing_add,
    drawing_remove,
    image_clean,
)
from .panels import (
    MOST_PANELS,
    MOST_PICTURES,
    panel_add,
    panel_pictures_set,
    panel_position_change,
    panel_remove,
    panel_update,
)
from .reflecting import reflection_record
from .sharing import (
    sent_on_check,
    share_response_record,
    snapshot_of,
    storyboard_link_read_record,
    storyboard_print_record,
    storyboard_share_record,
)
from .starting import storyboard_start

__all__ = [
    "MAY_NOT_WRITE",
    "MOST_PANELS",
    "MOST_PICTURES",
    "STORED_MAX_SIDE",
    "UPLOAD_MAX_BYTES",
    "UPLOAD_TYPES",
    "drawing_add",
    "drawing_remove",
    "image_clean",
    "panel_add",
    "panel_pictures_set",
    "panel_position_change",
    "panel_remove",
    "panel_update",
    "reflection_record",
    "sent_on_check",
    "share_response_record",
    "snapshot_of",
    "storyboard_link_read_record",
    "storyboard_print_record",
    "storyboard_share_record",
    "storyboard_start",
]
