"""Writes for reports to the court and for what happens after a hearing.

A report starts from the child's Assessment and Child's Plan (report_start copies it, and keeps
the plan version), so nothing is typed twice (starting.py); the writer then edits the court's
version section by section (each save checks the version the writer saw: EditConflict, as for
plans; writing.py). The team's practice supervisor agrees it or sends it back with comments; only
an agreed report is filed (signing_off.py). After a hearing: its outcome, and telling each child
what the judge decided (hearings.py).

Audit: each step has its own action (a report started, changed, commented on, sent for review,
agreed, filed; a hearing's outcome; a child told), logged against the report's proceedings with
the report named in the event's detail (common.py).
"""

from .common import COURT
from .hearings import child_told_record, hearing_outcome_record, tell_child_working_days
from .signing_off import (
    STAGE_ACTIONS,
    TRANSITIONS,
    report_comment_add,
    report_print_record,
    report_state_change,
    transitions_for,
)
from .starting import report_start
from .writing import (
    HISTORIC,
    HISTORIC_MESSAGE,
    report_direction_update,
    report_missing_for_review,
    report_recommendation_remove,
    report_recommendation_save,
    report_section_save,
    section_missing,
)

__all__ = [
    "COURT",
    "HISTORIC",
    "HISTORIC_MESSAGE",
    "STAGE_ACTIONS",
    "TRANSITIONS",
    "child_told_record",
    "hearing_outcome_record",
    "report_comment_add",
    "report_direction_update",
    "report_missing_for_review",
    "report_print_record",
    "report_recommendation_remove",
    "report_recommendation_save",
    "report_section_save",
    "report_start",
    "report_state_change",
    "section_missing",
    "tell_child_working_days",
    "transitions_for",
]
