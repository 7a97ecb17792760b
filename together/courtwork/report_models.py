"""Reports to the court (welfare reports, guardians' reports, analyses, position statements) and
what happens after a hearing: its outcome, and telling each child what the judge decided.

A report is about one child in one set of proceedings and starts from that child's Assessment and
Child's Plan: it keeps the plan version it was written from (`written_from`). Every change goes
through courtwork.reports, which moves the version on (optimistic lock, as for plans).
"""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from simple_history.models import HistoricalRecords

from together.core.text import limited_text, text_length_errors
from together.plans.models import why_different_errors

# Every free-text part of a report is limited to this many characters.
TEXT_LIMIT = 20_000


class ReportKind(models.TextChoices):
    SECTION_7 = "section_7", "Section 7 welfare report"
    SECTION_7_ADDENDUM = "section_7_addendum", "Section 7 welfare report: addendum"
    RULE_16_4 = "rule_16_4", "Rule 16.4 guardian's report"
    INITIAL_ANALYSIS = "initial_analysis", "Initial analysis (public law)"
    FINAL_ANALYSIS = "final_analysis", "Final analysis (public law)"
    POSITION_STATEMENT = "position_statement", "Position statement"


class ReportStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    READY_FOR_REVIEW = "ready_for_review", "Ready for review"
    AGREED = "agreed", "Agreed by supervisor"
    FILED = "filed", "Filed"


# The report's sections: key -> (title, the report's fields the section page saves).
SECTIONS = {
    "risks": (
        "Risk analysis",
        ("harm", "non_recent_harm", "coercive_control"),
    ),
    "child": ("The child as a unique person", ("unique_about_child",)),
    "strengths": ("Strengths in the family", ("family_strengths",)),
    "impact": ("The impact on the child", ("impact_on_child",)),
    "wishes": ("The child's wishes and feelings", ("wishes_and_feelings",)),
    "sharing": (
        "Sharing the recommendations with the child",
        ("shared_with_child", "child_response"),
    ),
}
# Fields that hold someone's own words: quoted as they said them, never language checked.
OWN_WORDS = frozenset({"wishes_and_feelings", "child_response"})


def _text(verbose_name: str) -> models.TextField:
    return limited_text(verbose_name, TEXT_LIMIT)


def _report_changed_by(instance, **kwargs):
    """Who made the change a report's historical record keeps. Every service that saves a report
    sets updated_by to the person acting (reports.common._saved), so this holds outside a
    request too (a task, a test), where simple-history's middleware knows nobody."""
    return instance.updated_by


def _recommendation_changed_by(instance, **kwargs):
    """The services name who acts (`_history_user`, which simple-history reads first); failing
    that, whoever last saved the report."""
    return instance.report.updated_by


class CourtReport(models.Model):
    """A report the court directed, about one child in one set of proceedings."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    proceedings = models.ForeignKey(
        "proceedings.Proceedings", on_delete=models.PROTECT, related_name="court_reports"
    )
    child = models.ForeignKey(
        "children.Child", on_delete=models.PROTECT, related_name="court_reports"
    )
    kind = models.CharField(max_length=30, choices=ReportKind.choices)
    # The court's direction.
    ordered_on = models.DateField("the date the court ordered it")
    due_on = models.DateField("the date it is due")
    court_asked = models.TextField("what the court asked", max_length=5000)

    status = models.CharField(
        max_length=20, choices=ReportStatus.choices, default=ReportStatus.DRAFT
    )
    filed_on = models.DateField(null=True, blank=True)
    # The plan version the report was written from (none when the child had no plan yet).
    written_from = models.ForeignKey(
        "plans.PlanVersion", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Optimistic lock: +1 on every change (courtwork.reports).
    version = models.PositiveIntegerField(default=1)

    harm = _text("harm the child has suffered or may suffer")
    non_recent_harm = _text("harm that happened some time ago, and what it means now")
    coercive_control = _text("coercive and controlling behaviour")
    unique_about_child = _text("what is special and unique about the child")
    family_strengths = _text("the strengths in the family")
    impact_on_child = _text("the impact on the child")
    wishes_and_feelings = _text("the child's wishes and feelings")
    shared_with_child = _text("how the recommendations were shared with the child")
    child_response = _text("the child's response")

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(default=timezone.now)
    agreed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    agreed_at = models.DateTimeField(null=True, blank=True)

    # Every saved version of the report: what it said at each stage (what the supervisor agreed
    # among them), and who changed it (see above).
    history = HistoricalRecords(get_user=_report_changed_by)

    class Meta:
        ordering = ["due_on", "id"]
        indexes = [
            # The reports-due page and My children: reports not yet filed, by due date.
            models.Index(
                fields=["due_on"], condition=~Q(status="filed"), name="court_report_not_filed"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(due_on__gte=models.F("ordered_on")), name="report_due_after_order"
            ),
            models.CheckConstraint(
                condition=~Q(status="filed") | Q(filed_on__isnull=False),
                name="filed_report_has_date",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} for {self.child}"

    def clean(self):
        errors = text_length_errors(self)
        if self.ordered_on and self.due_on and self.due_on < self.ordered_on:
            errors["due_on"] = "The date it is due must be on or after the date it was ordered"
        if self.ordered_on and self.ordered_on > timezone.localdate():
            errors["ordered_on"] = "The date the court ordered it must be today or in the past"
        if self.filed_on and self.filed_on > timezone.localdate():
            errors["filed_on"] = "The date it was filed must be today or in the past"
        if errors:
            raise ValidationError(errors)

    @property
    def is_filed(self) -> bool:
        return self.status == ReportStatus.FILED

    def is_overdue(self, today=None) -> bool:
        return not self.is_filed and self.due_on < (today or timezone.localdate())

    @property
    def due_label(self) -> str:
        """Due, overdue or filed, in words (shown beside every report)."""
        if self.is_filed:
            return f"Filed on {self.filed_on:%-d %B %Y}"
        if self.is_overdue():
            return f"Overdue: was due on {self.due_on:%-d %B %Y}"
        return f"Due by {self.due_on:%-d %B %Y}"


class ReportRecommendation(models.Model):
    """A recommendation to the court and the evidence it rests on."""

    report = models.ForeignKey(
        CourtReport, on_delete=models.CASCADE, related_name="recommendations"
    )
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    order = models.PositiveIntegerField(default=0)
    recommendation = models.TextField("the recommendation", max_length=5000)
    evidence = models.TextField("the evidence it rests on", max_length=TEXT_LIMIT)
    differs_from_wishes = models.BooleanField(default=False)
    why_different = models.TextField(
        "why it differs from what the child wants", max_length=5000, blank=True
    )

    # Every version of the recommendation, and its removal.
    history = HistoricalRecords(get_user=_recommendation_changed_by)

    class Meta:
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.recommendation[:60]

    def clean(self):
        errors = text_length_errors(self)
        if not (self.recommendation or "").strip():
            errors["recommendation"] = "Enter the recommendation"
        if not (self.evidence or "").strip():
            errors["evidence"] = "Say what evidence the recommendation rests on"
        errors.update(why_different_errors(self))
        if errors:
            raise ValidationError(errors)


class ReportQuote(models.Model):
    """What another professional who knows the child said, quoted in the report with its source.

    The professional is recorded on the family page (children.Professional); the writer chooses
    them into the report, and their words are copied then, so the court's version keeps what was
    quoted. The source names who they are, their role and organisation, and when the FCA talked
    with them: never an address or a way to contact them."""

    report = models.ForeignKey(CourtReport, on_delete=models.CASCADE, related_name="quotes")
    professional = models.ForeignKey(
        "children.Professional", on_delete=models.PROTECT, related_name="+"
    )
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    order = models.PositiveIntegerField(default=0)
    words = models.TextField("what they said", max_length=5000)

    class Meta:
        ordering = ["order", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["report", "professional"], name="quote_each_professional_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.professional.name} in {self.report}"

    def clean(self):
        errors = text_length_errors(self)
        if not (self.words or "").strip():
            errors["words"] = "Only a professional you talked with, and what they said, is quoted"
        if errors:
            raise ValidationError(errors)

    @property
    def source(self) -> str:
        """'Ada Brown, class teacher (School or nursery), Oak Lane Primary, talked with on 3 May
        2026'."""
        found = self.professional
        role = found.get_role_display()
        if found.role_detail:
            role = f"{found.role_detail} ({role})"
        parts = [found.name, role]
        if found.organisation:
            parts.append(found.organisation)
        if found.consulted_on:
            parts.append(f"talked with on {found.consulted_on.day} {found.consulted_on:%B %Y}")
        return ", ".join(parts)


class ReportComment(models.Model):
    """A comment on a report; the supervisor's comments when sending it back are kept."""

    report = models.ForeignKey(CourtReport, on_delete=models.CASCADE, related_name="comments")
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(default=timezone.now)
    text = models.TextField(max_length=5000)
    sends_back = models.BooleanField(default=False)

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return self.text[:60]


class HearingOutcome(models.Model):
    """What the court decided at a hearing (proceedings.Hearing keeps only a short note)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    hearing = models.OneToOneField(
        "proceedings.Hearing", on_delete=models.CASCADE, related_name="court_outcome"
    )
    orders_made = models.TextField("orders made", max_length=5000)
    directions = models.TextField("directions", max_length=5000, blank=True)
    next_hearing_on = models.DateField("next hearing", null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"Outcome of {self.hearing}"

    def clean(self):
        errors = text_length_errors(self)
        if not (self.orders_made or "").strip():
            errors["orders_made"] = "Say what orders the court made, or that it made none"
        if errors:
            raise ValidationError(errors)


class ChildTold(models.Model):
    """Telling one child what the judge decided at a hearing: due by a date, then recorded like
    a meeting (how, when, the words used, what the child said)."""

    class Method(models.TextChoices):
        IN_PERSON = "in_person", "In person"
        VIDEO = "video", "Video call"
        PHONE = "phone", "Phone call"
        LETTER = "letter", "Letter"

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    outcome = models.ForeignKey(HearingOutcome, on_delete=models.CASCADE, related_name="tellings")
    child = models.ForeignKey("children.Child", on_delete=models.PROTECT, related_name="+")
    due_on = models.DateField()
    told_on = models.DateField(null=True, blank=True)
    method = models.CharField(max_length=20, choices=Method.choices, blank=True)
    words_for_child = models.TextField("what you told the child", max_length=5000, blank=True)
    child_response = models.TextField("what the child said", max_length=5000, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["due_on", "id"]
        constraints = [
            models.UniqueConstraint(fields=["outcome", "child"], name="tell_each_child_once"),
        ]
        indexes = [
            models.Index(
                fields=["child", "due_on"],
                condition=Q(told_on__isnull=True),
                name="child_not_yet_told",
            ),
        ]

    def __str__(self) -> str:
        return f"Telling {self.child} about {self.outcome.hearing}"

    def clean(self):
        errors = text_length_errors(self)
        if self.told_on and self.told_on > timezone.localdate():
            errors["told_on"] = "The date you told the child must be today or in the past"
        if errors:
            raise ValidationError(errors)
