"""Writes for feedback: making a link, and recording or changing someone's answers.

Making and opening a link is in links.py, recording and changing the answers in answers.py,
recording an export in exports.py, and the monthly summary the dashboard reads in summary.py."""

from .answers import (
    ANSWER_FIELDS,
    CHANGE_WINDOW,
    TEXT_FIELDS,
    feedback_response_change,
    feedback_response_record,
)
from .exports import feedback_export_record
from .links import (
    OLDER_CHILD_FROM_AGE,
    audience_for_child,
    feedback_invitation_create,
    feedback_invitation_open,
    new_code,
    new_codes,
    new_token,
)
from .summary import _area_rows, feedback_summary_count, feedback_summary_rebuild

__all__ = [
    "ANSWER_FIELDS",
    "CHANGE_WINDOW",
    "OLDER_CHILD_FROM_AGE",
    "TEXT_FIELDS",
    "_area_rows",
    "audience_for_child",
    "feedback_export_record",
    "feedback_invitation_create",
    "feedback_invitation_open",
    "feedback_response_change",
    "feedback_response_record",
    "feedback_summary_count",
    "feedback_summary_rebuild",
    "new_code",
    "new_codes",
    "new_token",
]
