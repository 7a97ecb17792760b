"""Writes for thinking together: group supervision, its discussions and actions (group.py),
solution circles (circles.py), one-to-one supervision (one_to_one.py) and what worked
(appreciation.py). Each service checks its actor (rules.py), makes its record once for each
form sent (`token`, ADR 0016, common.py) and writes its audit event in the same transaction."""

from .appreciation import MAY_NOT_APPRECIATE, appreciation_record
from .circles import (
    CIRCLE_CHANGES,
    MAY_NOT_RUN_CIRCLE,
    circle_idea_add,
    circle_start,
    circle_update,
)
from .common import SUMMARY_LIMIT, thought_about_summary
from .group import (
    DISCUSSION_FIELDS,
    MAY_NOT_ADD,
    MAY_NOT_CHANGE_ACTION,
    MAY_NOT_RECORD,
    action_add,
    action_mark_done,
    discussion_add,
    discussion_update,
    group_session_create,
)
from .one_to_one import (
    MAY_NOT_SUPERVISE,
    one_to_one_action_add,
    one_to_one_child_add,
    one_to_one_record,
)

__all__ = [
    "CIRCLE_CHANGES",
    "DISCUSSION_FIELDS",
    "MAY_NOT_ADD",
    "MAY_NOT_APPRECIATE",
    "MAY_NOT_CHANGE_ACTION",
    "MAY_NOT_RECORD",
    "MAY_NOT_RUN_CIRCLE",
    "MAY_NOT_SUPERVISE",
    "SUMMARY_LIMIT",
    "action_add",
    "action_mark_done",
    "appreciation_record",
    "circle_idea_add",
    "circle_start",
    "circle_update",
    "discussion_add",
    "discussion_update",
    "group_session_create",
    "one_to_one_action_add",
    "one_to_one_child_add",
    "one_to_one_record",
    "thought_about_summary",
]
