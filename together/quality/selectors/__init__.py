"""Reading quality assurance: audits and their evidence (audits.py), moderation
(moderation.py), observations and who is short of audits (staff.py)."""

from .audits import (
    action_get_for_owner,
    actions_for_audit,
    actions_for_owner,
    audit_get_for_user,
    audit_lists,
    audits_for_user,
    children_to_audit,
    evidence_for,
    fca_to_audit_get,
    fcas_to_audit,
    feedback_for_child,
    final_grades,
    grade_rows,
    open_actions_count,
    views_present,
)
from .moderation import (
    moderation_areas,
    moderation_figures,
    moderation_get_for_moderator,
    moderations_done,
    moderations_to_do,
)
from .staff import (
    compliance_for,
    compliance_in_place,
    observation_get_for_user,
    observations_for_user,
    themes_with_use,
)

__all__ = [
    "action_get_for_owner",
    "actions_for_audit",
    "actions_for_owner",
    "audit_get_for_user",
    "audit_lists",
    "audits_for_user",
    "children_to_audit",
    "compliance_for",
    "compliance_in_place",
    "evidence_for",
    "fca_to_audit_get",
    "fcas_to_audit",
    "feedback_for_child",
    "final_grades",
    "grade_rows",
    "moderation_areas",
    "moderation_figures",
    "moderation_get_for_moderator",
    "moderations_done",
    "moderations_to_do",
    "observation_get_for_user",
    "observations_for_user",
    "open_actions_count",
    "themes_with_use",
    "views_present",
]
