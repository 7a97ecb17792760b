"""The pages of quality assurance at /quality/: audits (audits.py), moderation (moderation.py),
observations, compliance and themes (staff.py)."""

from .audits import (
    action_done,
    actions,
    audit_action_add,
    audit_addendum,
    audit_agree,
    audit_detail,
    audit_evidence,
    audit_family,
    audit_grades,
    audit_self_assessment,
    audit_start,
    home,
)
from .moderation import moderation, moderation_detail
from .staff import (
    compliance,
    observation_detail,
    observation_record,
    observations,
    themes,
    themes_over_time,
)

__all__ = [
    "action_done",
    "actions",
    "audit_action_add",
    "audit_addendum",
    "audit_agree",
    "audit_detail",
    "audit_evidence",
    "audit_family",
    "audit_grades",
    "audit_self_assessment",
    "audit_start",
    "compliance",
    "home",
    "moderation",
    "moderation_detail",
    "observation_detail",
    "observation_record",
    "observations",
    "themes",
    "themes_over_time",
]
