"""Changes to plans. Every change checks the plan's version (in the UPDATE that saves it, or by
reading it under lock first), saves, records a PlanVersion and writes its audit event, all in one
transaction."""

from .items import (
    activity_remove,
    activity_save,
    contact_add,
    contact_remove,
    harm_add,
    harm_remove,
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

__all__ = [
    "PLAN_TIMELINE_KIND",
    "SECTION_FIELDS",
    "activity_remove",
    "activity_save",
    "contact_add",
    "contact_remove",
    "harm_add",
    "harm_remove",
    "plan_comment_add",
    "plan_missing_for_final",
    "plan_missing_for_review",
    "plan_section_save",
    "plan_start",
    "plan_state_change",
    "plan_version_record",
    "recommendation_remove",
    "recommendation_save",
    "section_missing",
    "transitions_for",
]
