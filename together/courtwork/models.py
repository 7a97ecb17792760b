"""Work for the court before the first hearing in private law: the safeguarding enquiries (checks
with the police and local authorities, a conversation with each parent or party) and the
safeguarding letter built from them. The reports after the first hearing are in report_models."""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from simple_history.models import HistoricalRecords


class SafeguardingCheck(models.Model):
    """A check asked of the police or of one local authority about the people in a set of
    private law proceedings. What was found is restricted like a confidential address
    (courtwork.rules.check_results_q): it reaches a party only as the safeguarding letter quotes
    it."""

    class Agency(models.TextChoices):
        POLICE = "police", "Police"
        LOCAL_AUTHORITY = "local_authority", "Local authority"

    class Result(models.TextChoices):
        WAITING = "waiting", "Waiting for an answer"
        NOTHING_KNOWN = "nothing_known", "Nothing known"
        INFORMATION_HELD = "information_held", "Information held"

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    proceedings = models.ForeignKey(
        "proceedings.Proceedings", on_delete=models.CASCADE, related_name="safeguarding_checks"
    )
    agency = models.CharField(max_length=20, choices=Agency.choices)
    # Which force or which council: "West Yorkshire Police", "Leeds City Council".
    agency_name = models.CharField("who was asked", max_length=200)
    asked_on = models.DateField()
    answered_on = models.DateField(null=True, blank=True)
    result = models.CharField(max_length=20, choices=Result.choices, default=Result.WAITING)
    # Written so the safeguarding letter can quote it as it stands.
    findings = models.TextField("what was found", max_length=5000, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)
    version = models.PositiveIntegerField(default=1)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    changed_at = models.DateTimeField(null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["agency", "asked_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(answered_on__isnull=True) | Q(answered_on__gte=models.F("asked_on")),
                name="check_answered_after_asked",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_agency_display()} check: {self.agency_name}"

    @property
    def answered(self) -> bool:
        return self.answered_on is not None

    def clean(self):
        errors = {}
        today = timezone.localdate()
        self.agency_name = (self.agency_name or "").strip()
        self.findings = (self.findings or "").strip()
        if self.asked_on and self.asked_on > today:
            errors["asked_on"] = "The date you asked must be today or in the past"
        if self.answered_on:
            if self.answered_on > today:
                errors["answered_on"] = "The date of the answer must be today or in the past"
            elif self.asked_on and self.answered_on < self.asked_on:
                errors["answered_on"] = "The date of the answer must be on or after the date asked"
            if self.result == self.Result.WAITING:
                errors["result"] = "Say what the answer was"
            elif self.result == self.Result.INFORMATION_HELD and not self.findings:
                errors["findings"] = "Write what was found, so the letter can quote it"
        elif self.result != self.Result.WAITING:
            errors["answered_on"] = "Enter the date of the answer"
        if errors:
            raise ValidationError(errors)


class SafeguardingConversation(models.Model):
    """A safeguarding conversation with a parent or another party, before the first hearing."""

    class Method(models.TextChoices):
        PHONE = "phone", "Phone call"
        VIDEO = "video", "Video call"
        IN_PERSON = "in_person", "In person"

    class Screening(models.TextChoices):
        ANSWERED = "answered", "Answered the domestic abuse screening questions"
        DECLINED = "declined", "Did not want to answer the domestic abuse screening questions"

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    proceedings = models.ForeignKey(
        "proceedings.Proceedings",
        on_delete=models.CASCADE,
        related_name="safeguarding_conversations",
    )
    person = models.ForeignKey(
        "children.FamilyMember",
        on_delete=models.PROTECT,
        related_name="safeguarding_conversations",
    )
    held_at = models.DateTimeField("when")
    method = models.CharField("how", max_length=20, choices=Method.choices)
    about_child = models.TextField("what they said about the child", max_length=5000)
    about_risk = models.TextField("what they said about any risk", max_length=5000, blank=True)
    screening = models.CharField(max_length=20, choices=Screening.choices)
    screening_answers = models.TextField(
        "their answers to the screening questions", max_length=5000, blank=True
    )
    language = models.CharField(max_length=60, blank=True)
    interpreter = models.CharField("interpreter", max_length=200, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["held_at", "id"]
        indexes = [models.Index(fields=["person", "held_at"], name="conversation_person")]

    def __str__(self) -> str:
        return f"Conversation with {self.person} on {self.held_at:%d %B %Y}"

    def clean(self):
        errors = {}
        if self.held_at and self.held_at > timezone.now():
            errors["held_at"] = "The conversation must be today or in the past"
        self.about_child = (self.about_child or "").strip()
        if not self.about_child:
            errors["about_child"] = "Enter what they said about the child"
        if self.screening == self.Screening.ANSWERED and not self.screening_answers.strip():
            errors["screening_answers"] = "Enter their answers to the screening questions"
        if self.screening == self.Screening.DECLINED:
            self.screening_answers = ""
        if errors:
            raise ValidationError(errors)


class SafeguardingLetter(models.Model):
    """The letter to the court before the first hearing: what the enquiries found, the FCA's
    analysis and their recommendation. One for each set of proceedings."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        FILED = "filed", "Filed with the court"

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    proceedings = models.OneToOneField(
        "proceedings.Proceedings", on_delete=models.CASCADE, related_name="safeguarding_letter"
    )
    # Started from the checks and conversations (enquiries.letter_enquiries_text), then the
    # FCA's to change.
    enquiries = models.TextField("what the enquiries found", max_length=20_000)
    analysis = models.TextField("your analysis", max_length=10_000, blank=True)
    recommendation = models.TextField(
        "your recommendation for the first hearing", max_length=5000, blank=True
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    filed_on = models.DateField(null=True, blank=True)
    filed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    started_at = models.DateTimeField(default=timezone.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField(default=timezone.now)
    version = models.PositiveIntegerField(default=1)

    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(status="draft", filed_on__isnull=True)
                | Q(status="filed", filed_on__isnull=False),
                name="filed_letter_has_a_date",
            ),
        ]

    def __str__(self) -> str:
        return f"Safeguarding letter for {self.proceedings.court_number}"

    @property
    def is_filed(self) -> bool:
        return self.status == self.Status.FILED

    @property
    def text(self) -> str:
        """The words the court reads, as one text for the language check."""
        return "\n\n".join(
            part for part in (self.enquiries, self.analysis, self.recommendation) if part.strip()
        )


# The reports after the first hearing, and hearings' outcomes, live in their own module.
from together.courtwork.report_models import (  # noqa: E402, F401, I001
    ChildTold,
    CourtReport,
    HearingOutcome,
    ReportComment,
    ReportQuote,
    ReportRecommendation,
)
