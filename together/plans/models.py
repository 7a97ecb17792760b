"""The Assessment and Child's Plan: for one child in one set of proceedings, the risks, harm and
strengths, the analysis, the recommendations to the court and the plan of work, written so the
child can follow how each recommendation was reached.

Plan has no simple-history table: every change to a plan goes through
plans.services.plan_version_record, which writes a PlanVersion holding a full snapshot of every
section, so each version of the plan is already kept (and in a form a person can compare).
"""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from together.children.models import ChoiceListValidator
from together.core.text import limited_text, text_length_errors

# Every free-text part of a plan is limited to this many characters, in the form and the model.
TEXT_LIMIT = 20_000


class PlanStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    READY_FOR_REVIEW = "ready_for_review", "Ready for review"
    AGREED = "agreed", "Agreed by supervisor"
    SHARED = "shared", "Shared"
    FINAL = "final", "Final"


class DomesticAbuseKind(models.TextChoices):
    PHYSICAL = "physical", "Physical"
    EMOTIONAL = "emotional", "Emotional"
    SEXUAL = "sexual", "Sexual"
    FINANCIAL = "financial", "Financial"
    COERCIVE_CONTROL = "coercive_control", "Coercive control"


class DomesticAbuseAssessment(models.TextChoices):
    DOMESTIC_ABUSE = "domestic_abuse", "Domestic abuse"
    HARMFUL_CONFLICT = "harmful_conflict", "Harmful conflict between the adults"
    NOT_YET_KNOWN = "not_yet_known", "Not yet known"


class Certainty(models.TextChoices):
    CONFIRMED = "confirmed", "Confirmed"
    LIKELY = "likely", "Likely"
    POSSIBLE = "possible", "Possible"
    UNCLEAR = "unclear", "Unclear"


class ContactKind(models.TextChoices):
    SCHOOL = "school", "School"
    GP = "gp", "Family doctor"
    POLICE = "police", "Police"
    LOCAL_AUTHORITY = "local_authority", "Local council children's services"
    HEALTH_VISITOR = "health_visitor", "Health visitor"
    OTHER = "other", "Other"


class RecipientKind(models.TextChoices):
    CHILD = "child", "The child"
    PARENT_CARER = "parent_carer", "A parent or carer"
    LOCAL_AUTHORITY = "local_authority", "Local council"
    OTHER_PROFESSIONAL = "other_professional", "Another professional"


class ShareMethod(models.TextChoices):
    IN_PERSON = "in_person", "In person"
    VIDEO = "video", "Video call"
    PHONE = "phone", "Phone call"
    POST = "post", "Post"
    EMAIL = "email", "Email"
    SECURE_EMAIL = "secure_email", "Secure email"


# Every free-text part of the plan: (field, section number, the part's name if it has parts).
PLAN_TEXT_PARTS = [
    ("risks_remaining", 1, "the risks that remain"),
    ("domestic_abuse_reasoning", 1, "why you reached this view on domestic abuse"),
    ("non_recent_harm", 1, "harm that happened some time ago"),
    ("mental_health_misuse", 1, "mental health, drugs and alcohol"),
    ("unique_about_child", 2, ""),
    ("family_strengths", 3, ""),
    ("impact_on_child", 4, ""),
    ("wishes_and_feelings", 5, ""),
    ("words_for_child", 7, ""),
    ("child_response_not_sought_reason", 9, "why the child's response was not sought"),
]


def _text(verbose_name: str) -> models.TextField:
    return limited_text(verbose_name, TEXT_LIMIT)


def why_different_errors(item) -> dict:
    """A recommendation that differs from what the child wants must say why: the plan's, and
    the report to the court's written from it (courtwork)."""
    if item.differs_from_wishes and not (item.why_different or "").strip():
        return {
            "why_different": (
                "Explain why you recommend something different from what the child wants"
            )
        }
    return {}


class Plan(models.Model):
    """One child's plan in one set of proceedings."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    child = models.ForeignKey("children.Child", on_delete=models.PROTECT, related_name="plans")
    proceedings = models.ForeignKey(
        "proceedings.Proceedings", on_delete=models.PROTECT, related_name="plans"
    )
    status = models.CharField(max_length=20, choices=PlanStatus.choices, default=PlanStatus.DRAFT)
    # Optimistic lock: +1 on every save (plans.services.plan_version_record).
    version = models.PositiveIntegerField(default=1)
    started_from = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Section numbers (1..8) the writer has said are finished.
    completed_sections = models.JSONField(default=list, blank=True)
    # Parts copied from a brother's or sister's plan (plans.services.copying.TEXT_PARTS keys)
    # that the writer has not yet changed or said are true for this child.
    copied_to_check = models.JSONField(default=list, blank=True)

    # Section 1: risks
    risks_remaining = _text("the risks that remain")
    domestic_abuse_alleged = models.BooleanField("domestic abuse alleged or known", default=False)
    domestic_abuse_kinds = models.JSONField(
        default=list,
        blank=True,
        validators=[ChoiceListValidator("together.plans.models.DomesticAbuseKind")],
    )
    domestic_abuse_assessment = models.CharField(
        max_length=20, choices=DomesticAbuseAssessment.choices, blank=True
    )
    domestic_abuse_reasoning = _text("why you reached this view on domestic abuse")
    non_recent_harm = _text("harm that happened some time ago")
    mental_health_misuse = _text("mental health, drugs and alcohol")
    # Sections 2 to 5, 7 and 9
    unique_about_child = _text("what is special and unique about the child")
    family_strengths = _text("the strengths in the family")
    impact_on_child = _text("the impact on the child")
    wishes_and_feelings = _text("the child's wishes and feelings")
    wishes_meetings = models.ManyToManyField("children.Meeting", blank=True, related_name="+")
    words_for_child = _text("words for the child")
    child_response_not_sought_reason = _text("why the child's response was not sought")

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(default=timezone.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    agreed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    agreed_at = models.DateTimeField(null=True, blank=True)
    finalised_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["child", "proceedings"], name="one_plan_per_child_per_proceedings"
            ),
        ]

    def __str__(self) -> str:
        return f"Plan for {self.child} in {self.proceedings}"

    @classmethod
    def from_db(cls, db, field_names, values):
        plan = super().from_db(db, field_names, values)
        # The plan's columns as the database held them when read (by attname): a change made on
        # this version saves without reading the plan again (plans.services.saving._claim).
        plan._as_read = dict(zip(field_names, values, strict=True))
        return plan

    @property
    def domestic_abuse_kind_labels(self) -> list[str]:
        labels = dict(DomesticAbuseKind.choices)
        return [str(labels.get(kind, kind)) for kind in self.domestic_abuse_kinds or []]

    def clean(self):
        # TextField's max_length only sizes the form's box; the limit is enforced here.
        errors = text_length_errors(self, skip={f for f, _n, _p in PLAN_TEXT_PARTS})
        for field, number, part in PLAN_TEXT_PARTS:
            value = getattr(self, field) or ""
            if len(value) > TEXT_LIMIT:
                name = f"Section {number}, {part}," if part else f"Section {number}"
                errors[field] = f"{name} must be {TEXT_LIMIT:,} characters or fewer"
        if self.domestic_abuse_alleged is False:
            self.domestic_abuse_kinds = []
            self.domestic_abuse_assessment = ""
        if errors:
            raise ValidationError(errors)


class PlanHarm(models.Model):
    """A harm the child has suffered or may suffer (section 1)."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="harms")
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    what = models.TextField(max_length=2000)
    when_happened = models.CharField("when", max_length=200, blank=True)
    source = models.CharField("how we know", max_length=300, blank=True)
    certainty = models.CharField(max_length=20, choices=Certainty.choices)
    # Copied from a brother's or sister's plan and not yet said to be true for this child.
    copied_to_check = models.BooleanField(default=False)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.what[:60]

    def clean(self):
        errors = text_length_errors(self)
        if errors:
            raise ValidationError(errors)


class ProfessionalContact(models.Model):
    """What another professional told the FCA (section 1)."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="contacts")
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(max_length=20, choices=ContactKind.choices)
    organisation = models.CharField(max_length=200)
    contacted_on = models.DateField()
    what_they_said = models.TextField(max_length=5000)
    # Copied from a brother's or sister's plan and not yet said to be true for this child.
    copied_to_check = models.BooleanField(default=False)

    class Meta:
        ordering = ["contacted_on", "id"]

    def __str__(self) -> str:
        return self.organisation

    def clean(self):
        errors = text_length_errors(self)
        if self.contacted_on and self.contacted_on > timezone.localdate():
            errors["contacted_on"] = "The date you contacted them must be today or in the past"
        if errors:
            raise ValidationError(errors)


class Recommendation(models.Model):
    """A recommendation to the court, with the reasoning and what it rests on (section 6)."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="recommendations")
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    order = models.PositiveIntegerField(default=0)
    recommendation = models.TextField(max_length=5000)
    reasoning = models.TextField(max_length=TEXT_LIMIT)
    rests_on_harms = models.ManyToManyField(PlanHarm, blank=True, related_name="recommendations")
    rests_on_strengths = models.BooleanField(default=False)
    rests_on_wishes = models.BooleanField(default=False)
    differs_from_wishes = models.BooleanField(default=False)
    why_different = models.TextField(max_length=5000, blank=True)

    class Meta:
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.recommendation[:60]

    def clean(self):
        errors = text_length_errors(self)
        if not (self.reasoning or "").strip():
            errors["reasoning"] = "Explain why you recommend this"
        errors.update(why_different_errors(self))
        if errors:
            raise ValidationError(errors)


class Activity(models.Model):
    """A piece of work in the plan of work (section 8)."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="activities")
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    what = models.TextField(max_length=2000)
    who = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    who_else = models.CharField("someone else", max_length=200, blank=True)
    due_on = models.DateField("by when")
    done_on = models.DateField(null=True, blank=True)
    # The step as written to the child ("I will come to your school ..."): only steps with these
    # words are in the child's version of the plan; the rest are the FCA's own work.
    for_child = models.TextField("what to tell the child", max_length=1000, blank=True)
    # Copied from a brother's or sister's plan and not yet changed or said to be true.
    copied_to_check = models.BooleanField(default=False)

    class Meta:
        ordering = ["due_on", "id"]
        verbose_name_plural = "activities"

    def __str__(self) -> str:
        return self.what[:60]

    def clean(self):
        errors = text_length_errors(self)
        if not self.who_id and not (self.who_else or "").strip():
            errors["who"] = "Say who will do this"
        if self.done_on and self.done_on > timezone.localdate():
            errors["done_on"] = "The date it was done must be today or in the past"
        if errors:
            raise ValidationError(errors)

    @property
    def is_overdue(self) -> bool:
        return self.done_on is None and self.due_on < timezone.localdate()

    @property
    def who_label(self) -> str:
        return str(self.who) if self.who_id else self.who_else


class PlanShare(models.Model):
    """The plan was shared with someone, or not and why (section 9)."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="shares")
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    recipient_kind = models.CharField(max_length=30, choices=RecipientKind.choices)
    family_member = models.ForeignKey(
        "children.FamilyMember",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    recipient_name = models.CharField(max_length=200, blank=True)
    shared = models.BooleanField(default=True)
    shared_on = models.DateField(null=True, blank=True)
    method = models.CharField(max_length=20, choices=ShareMethod.choices, blank=True)
    not_shared_reason = models.TextField(max_length=5000, blank=True)
    plan_version = models.PositiveIntegerField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["recorded_at", "id"]

    def __str__(self) -> str:
        return f"{self.get_recipient_kind_display()}: {self.recipient_name}"

    def clean(self):
        errors = text_length_errors(self)
        if errors:
            raise ValidationError(errors)


class PlanResponse(models.Model):
    """What someone said about the plan once it was shared with them, in their own words."""

    share = models.ForeignKey(PlanShare, on_delete=models.CASCADE, related_name="responses")
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    response = models.TextField(max_length=TEXT_LIMIT)
    about_recommendations = models.BooleanField(default=False)
    recorded_on = models.DateField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["recorded_on", "id"]

    def __str__(self) -> str:
        return self.response[:60]

    def clean(self):
        errors = text_length_errors(self)
        if errors:
            raise ValidationError(errors)


class PlanComment(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="comments")
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(default=timezone.now)
    text = models.TextField(max_length=5000)
    # The supervisor sent the plan back to draft with this comment.
    sends_back = models.BooleanField(default=False)

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return self.text[:60]

    def clean(self):
        errors = text_length_errors(self)
        if errors:
            raise ValidationError(errors)


class PlanVersion(models.Model):
    """The whole plan as it stood after one change."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    status = models.CharField(max_length=20, choices=PlanStatus.choices)
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    saved_at = models.DateTimeField(default=timezone.now)
    change = models.CharField(max_length=300)
    snapshot = models.JSONField(default=dict)

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="one_plan_version_number"),
        ]

    def __str__(self) -> str:
        return f"Version {self.number}: {self.change}"
