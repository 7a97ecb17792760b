"""Writing quality assurance: audits step by step with their actions and additions
(audits.py), and moderation (moderation.py). Every service checks its actor, runs in one
transaction and writes an audit event."""

from .audits import (
    audit_action_add,
    audit_addendum_add,
    audit_agreement_record,
    audit_family_voice_record,
    audit_grades_record,
    audit_self_assessment_record,
    audit_start,
    quality_action_mark_done,
)
from .moderation import (
    audit_final_grades,
    first_of_month,
    moderation_grades_record,
    moderation_resolve_record,
    moderation_sample_create,
)
from .observations import observation_record, theme_save

__all__ = [
    "audit_action_add",
    "audit_addendum_add",
    "audit_agreement_record",
    "audit_family_voice_record",
    "audit_final_grades",
    "audit_grades_record",
    "audit_self_assessment_record",
    "audit_start",
    "moderation_grades_record",
    "moderation_resolve_record",
    "moderation_sample_create",
    "first_of_month",
    "observation_record",
    "quality_action_mark_done",
    "theme_save",
]
