"""Changes to plans, and the record of sharing them (section 9, sharing.py). Every change checks
the plan's version (in the UPDATE that saves it, or by reading it under lock first), saves,
records a PlanVersion and writes its audit event, all in one transaction."""

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
from .plans import (
    PLAN_TIMELINE_KIND,
    SECTION_FIELDS,
    plan_comment_add,
    plan_missing_for_final,
    plan_missing_for_review,
    plan_section_save,
    plan_start,
    plan_state_change,
    plan_version_record,
    section_missing,
    transitions_for,
)
from .sharing import not_yet_recorded, parents_and_carers, plan_response_record, plan_share_record

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
