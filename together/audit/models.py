"""The audit log: an append-only record of who did what, to which record, when and why."""

import uuid

from django.conf import settings
from django.db import models


class Action(models.TextChoices):
    SIGN_IN = "sign_in", "Signed in"
    SIGN_OUT = "sign_out", "Signed out"
    SIGN_IN_FAILED = "sign_in_failed", "Sign-in failed"
    LOCKED_OUT = "locked_out", "Locked out after repeated wrong passwords"
    SESSION_TIMED_OUT = "session_timed_out", "Signed out after 30 minutes idle"
    PROFILE_UPDATED = "profile_updated", "Changed their details"
    CHILD_VIEWED = "child_viewed", "Opened a child's file"
    CHILD_VIEW_REFUSED = "child_view_refused", "Was refused a child's file they may not see"
    CHILD_CREATED = "child_created", "Added a child"
    CHILD_UPDATED = "child_updated", "Changed a child's details"
    BREAK_GLASS = "break_glass", "Opened a child's file without an everyday reason"
    CHILD_LINKED_FROM_ANOTHER_AREA = (
        "child_linked_elsewhere",
        "Linked a child whose file another area holds to a new application",
    )
    CONFIDENTIAL_ADDRESS_VIEWED = "confidential_address_viewed", "Saw a confidential address"
    FAMILY_MEMBER_ADDED = "family_member_added", "Added someone to a child's family"
    FAMILY_MEMBER_UPDATED = "family_member_updated", "Changed a family member's details"
    MEETING_RECORDED = "meeting_recorded", "Recorded a meeting with a child"
    PROCEEDINGS_CREATED = "proceedings_created", "Created a set of proceedings"
    PROCEEDINGS_VIEWED = "proceedings_viewed", "Opened a set of proceedings"
    PROCEEDINGS_UPDATED = "proceedings_updated", "Changed a set of proceedings"
    HEARING_RECORDED = "hearing_recorded", "Recorded a hearing"
    ALLOCATED = "allocated", "Allocated a lead Family Court Adviser"
    CHILDREN_SEARCHED = "children_searched", "Searched for children"
    LANGUAGE_CONFIRMED = "language_confirmed", "Kept words the language check flagged, with reasons"
    GLOSSARY_CHANGED = "glossary_changed", "Changed the plain-language glossary"
    PLAN_CREATED = "plan_created", "Started an Assessment and Child's Plan"
    PLAN_SECTION_SAVED = "plan_section_saved", "Saved a section of a plan"
    PLAN_STATE_CHANGED = "plan_state_changed", "Moved a plan to a new stage"
    PLAN_COMMENTED = "plan_commented", "Commented on a plan"
    PLAN_SHARED = "plan_shared", "Shared a plan"
    PLAN_RESPONSE_RECORDED = "plan_response_recorded", "Recorded someone's response to a plan"
    DOCUMENT_PRINTED = "document_printed", "Printed or downloaded a document"
    LETTER_CREATED = "letter_created", "Started a letter"
    LETTER_UPDATED = "letter_updated", "Changed a letter"
    LETTER_SENT = "letter_sent", "Recorded that a letter was sent"
    LETTER_READ_BY_LINK = (
        "letter_read_by_link",
        "Someone with its feedback link read a letter on the web",
    )
    LETTER_TEMPLATE_CHANGED = "letter_template_changed", "Changed a letter template"
    LETTERS_BATCH_STARTED = "letters_batch_started", "Asked for a batch of letters to be made"
    FEEDBACK_INVITATION_CREATED = "feedback_invitation_created", "Made a feedback link"
    FEEDBACK_INVITATION_OPENED = "feedback_invitation_opened", "Let a feedback link start working"
    FEEDBACK_EXPORTED = "feedback_exported", "Downloaded feedback"
    PASSWORD_RESET_REQUESTED = "password_reset_requested", "Asked for a password reset link"
    PASSWORD_CHANGED = "password_changed", "Set a new password"
    PASSWORD_RESET_FORCED = "password_reset_forced", "Made someone choose a new password"
    SESSIONS_ENDED = "sessions_ended", "Signed someone out everywhere"
    ADMIN_CHANGE = "admin_change", "Changed something in the admin site"
    QUALITY_AUDIT_RECORDED = "quality_audit_recorded", "Recorded part of a quality audit"
    OBSERVATION_RECORDED = "observation_recorded", "Recorded an observation of practice"
    MODERATION_RECORDED = "moderation_recorded", "Recorded the moderation of an audit"
    QUALITY_THEMES_CHANGED = "quality_themes_changed", "Changed the list of quality themes"
    SUPERVISION_RECORDED = "supervision_recorded", "Recorded supervision"
    SUPERVISION_ACTION_CHANGED = "supervision_action_changed", "Changed an action from supervision"
    STORYBOARD_CREATED = "storyboard_created", "Started a storyboard for a child"
    STORYBOARD_CHANGED = "storyboard_changed", "Changed a storyboard's panels or pictures"
    STORYBOARD_DRAWING_ADDED = "storyboard_drawing_added", "Added a child's drawing or photo"
    STORYBOARD_DRAWING_REMOVED = "storyboard_drawing_removed", "Removed a child's drawing or photo"
    STORYBOARD_SHARED = "storyboard_shared", "Shared a storyboard"
    STORYBOARD_READ_BY_LINK = (
        "storyboard_read_by_link",
        "Someone with its secure link read a shared storyboard",
    )
    STORYBOARD_RESPONSE_RECORDED = (
        "storyboard_response_recorded",
        "Recorded what someone said about a storyboard",
    )
    STORYBOARD_REFLECTION_RECORDED = (
        "storyboard_reflection_recorded",
        "Recorded a reflection on using a storyboard",
    )
    SAFEGUARDING_CHECK_RECORDED = "safeguarding_check_recorded", "Asked for a safeguarding check"
    SAFEGUARDING_CHECK_ANSWERED = (
        "safeguarding_check_answered",
        "Recorded or changed the answer to a safeguarding check",
    )
    SAFEGUARDING_CONVERSATION_RECORDED = (
        "safeguarding_conversation",
        "Recorded a safeguarding conversation with a parent or party",
    )
    SAFEGUARDING_LETTER_STARTED = "safeguarding_letter_started", "Started a safeguarding letter"
    SAFEGUARDING_LETTER_CHANGED = "safeguarding_letter_changed", "Changed a safeguarding letter"
    SAFEGUARDING_LETTER_FILED = (
        "safeguarding_letter_filed",
        "Recorded that a safeguarding letter was filed with the court",
    )
    COURT_REPORT_CREATED = "court_report_created", "Started a report to the court"
    COURT_REPORT_CHANGED = "court_report_changed", "Changed a report to the court"
    COURT_REPORT_COMMENTED = "court_report_commented", "Commented on a report to the court"
    COURT_REPORT_SUBMITTED = (
        "court_report_submitted",
        "Sent a report to the court for a supervisor to agree",
    )
    COURT_REPORT_SIGNED_OFF = "court_report_signed_off", "Agreed a report to the court"
    COURT_REPORT_FILED = "court_report_filed", "Recorded that a report was filed with the court"
    HEARING_OUTCOME_RECORDED = "hearing_outcome_recorded", "Recorded what the court decided"
    CHILD_TOLD_RECORDED = (
        "child_told_recorded",
        "Recorded that a child was told what the judge decided",
    )
    ABSENCE_RECORDED = "absence_recorded", "Recorded time away from work"
    ABSENCE_CHANGED = "absence_changed", "Recorded the last day of someone's sickness"
    THRESHOLDS_CHANGED = "thresholds_changed", "Changed the lines for considering prioritisation"
    PRIORITISATION_ON = "prioritisation_on", "Put a service area into prioritisation"
    PRIORITISATION_OFF = "prioritisation_off", "Took a service area out of prioritisation"
    HUB_OPENED = "hub_opened", "Opened an allocation or post-assessment hub"
    HUB_CLOSED = "hub_closed", "Closed an allocation or post-assessment hub"
    SCORECARD_EXPORTED = "scorecard_exported", "Downloaded figures from the scorecard"


class AuditEventQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise TypeError("Audit events cannot be changed.")

    def delete(self):
        raise TypeError("Audit events cannot be deleted.")

    def bulk_update(self, objs, fields, batch_size=None):
        raise TypeError("Audit events cannot be changed.")


class AuditEvent(models.Model):
    """One thing that happened. Rows are only ever added (see audit.services.audit_event_record)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    occurred_at = models.DateTimeField(db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    # What the actor called themselves, kept for failed sign-ins where no account matched.
    actor_label = models.CharField(max_length=254, blank=True)
    action = models.CharField(max_length=40, choices=Action.choices, db_index=True)
    object_type = models.CharField(max_length=100, blank=True)
    object_id = models.CharField(max_length=64, blank=True)
    child_id = models.UUIDField(null=True, blank=True, db_index=True)
    reason = models.TextField(blank=True)
    request_id = models.CharField(max_length=64, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    detail = models.JSONField(default=dict, blank=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["-occurred_at", "-id"]
        indexes = [models.Index(fields=["actor", "-occurred_at"], name="audit_actor_recent")]

    def __str__(self) -> str:
        return f"{self.get_action_display()} at {self.occurred_at:%Y-%m-%d %H:%M:%S}"

    def save(self, *args, **kwargs):
        # The one place an event is written is audit_event_record; an existing row never changes.
        if not self._state.adding:
            raise TypeError("Audit events cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise TypeError("Audit events cannot be deleted.")
