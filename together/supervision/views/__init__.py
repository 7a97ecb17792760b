"""Pages of thinking together: group supervision sessions, the children discussed, actions, and
the supervision section of a child's file.

Sessions and their discussions (sessions.py), actions (actions.py), the child's file
(child.py), group supervision circles (circles.py), one-to-one supervision (one_to_ones.py),
and the "What works" library with participation (learning.py); what they share is in
common.py."""

from .actions import action_add, action_done, my_actions
from .child import SECTION, child_supervision
from .circles import circle, circle_idea_add, circle_new, circle_outcome
from .learning import appreciation_new, participation, what_works_library
from .one_to_ones import (
    one_to_one,
    one_to_one_action_add,
    one_to_one_child_add,
    one_to_one_new,
    one_to_ones,
)
from .sessions import discussion_add, discussion_change, session, session_new, sessions

__all__ = [
    "SECTION",
    "action_add",
    "action_done",
    "appreciation_new",
    "child_supervision",
    "circle",
    "circle_idea_add",
    "circle_new",
    "circle_outcome",
    "discussion_add",
    "discussion_change",
    "my_actions",
    "one_to_one",
    "one_to_one_action_add",
    "one_to_one_child_add",
    "one_to_one_new",
    "one_to_ones",
    "participation",
    "session",
    "session_new",
    "sessions",
    "what_works_library",
]
