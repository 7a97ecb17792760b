"""Changes to plans: starting one (starting.py), its sections (sections.py) and items (items.py),
its stages and comments (stages.py), copying from a brother's or sister's plan (copying.py), and
the record of sharing it (section 9, sharing.py). Every change checks the plan's version (in the
UPDATE that saves it, or by reading it under lock first), saves, records a PlanVersion and writes
its audit event, all in one transaction (saving.py)."""

from .items import (
    activity_remove,
    activity_save,
    contact_add,
    contact_remove,
    harm_add,
    harm_remove,
    plan_copies_mark_checked,
    recommendation_remove,
    recommendation_save,
)
from .saving import PLAN_TIMELINE_KIND, plan_version_record
from .sections import (
    SECTION_FIELDS,
    plan_missing_for_final,
    plan_missing_for_review,
    plan_section_save,
    section_missing,
)
from .sharing import not_yet_recorded, parents_and_carers, plan_response_record, plan_share_record
from .stages import plan_comment_add, plan_state_change, transitions_for
from .starting import plan_start

__all__ = [
    "PLAN_TIMELINE_KIND",
    "SECTION_FIELDS",
    "activity_remove",
    "activity_save",
    "contact_add",
    "contact_remove",
    "harm_add",
    "harm_remove",
    "not_yet_recorded",
    "parents_and_carers",
    "plan_comment_add",
    "plan_copies_mark_checked",
    "plan_missing_for_final",
    "plan_missing_for_review",
    "plan_response_record",
    "plan_section_save",
    "plan_share_record",
    "plan_start",
    "plan_state_change",
    "plan_version_record",
    "recommendation_remove",
    "recommendation_save",
    "section_missing",
    "transitions_for",
]
