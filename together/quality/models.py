"""Quality assurance of the work with children: graded audits of an FCA's work with a child,
collaborative audits with the FCA's self-assessment and the family's voice, practice
observations, moderation, themes and the actions that follow.

`Audit` began as the least the scorecard needs (who was audited, by whom, when, and the overall
grade). The scorecard counts audits by `audited_on`, which is the day an audit was finished: an
audit still in progress has no date and no overall grade, so the board's figures count only
finished audits.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone


class Grade(models.TextChoices):
    OUTSTANDING = "outstanding", "Outstanding"
    GOOD = "good", "Good"
    REQUIRES_IMPROVEMENT = "requires_improvement", "Requires improvement"
    INADEQUATE = "inadequate", "Inadequate"


# The grades the board counts as "good or better".
GOOD_OR_BETTER = frozenset({Grade.OUTSTANDING, Grade.GOOD})


class Domain(models.TextChoices):
    """What an audit looks at, in the framework's order. OVERALL is the grade for the whole
    audit, kept beside the domains' grades so each view (the FCA's, the auditor's, the agreed
    one, the moderator's) is stored the same way."""

    UNIQUENESS = "uniqueness", "Knowing the child as a unique person"
    VOICE = "voice", "Hearing the child and recording their words"
    REASONING = "reasoning", "Clear reasons shared with the child and family"
    RISK = "risk", "Understanding risk and domestic abuse"
    RELATIONSHIPS = "relationships", "Relationships, introductions and endings"
    RECORDING = "recording", "Writing the child could read one day"
    OVERALL = "overall", "Overall"


# The six domains graded one by one (OVERALL is asked for separately).
DOMAINS = [domain for domain in Domain if domain != Domain.OVERALL]

# What each domain asks the auditor to look for.
DOMAIN_QUESTIONS = {
    Domain.UNIQUENESS: (
        "Does the work show who this child is: their name and how to say it, their identity, "
        "how they like to communicate, what matters to them? Was that used in the work?"
    ),
    Domain.VOICE: (
        "Was the child seen in a way that suited them? Are their own words recorded, and did "
        "they change what happened?"
    ),
    Domain.REASONING: (
        "Are the reasons for the recommendations clear? Were they shared with the child and "
        "family, and is the child's response recorded?"
    ),
    Domain.RISK: (
        "Is abuse told apart from harmful conflict? Is past harm taken seriously, not brushed "
        "off as history? Is coercive control considered? Were professionals who know the child "
        "asked?"
    ),
    Domain.RELATIONSHIPS: (
        "Was the child introduced with a letter on time? Were storyboards used where they "
        "helped? Was there a good ending?"
    ),
    Domain.RECORDING: (
        "Is the record respectful, clear and free of jargon, so the child could read it one day?"
    ),
}


class Theme(models.Model):
    """A theme audits are tagged with, so managers see what keeps coming up. The list is the
    product's, kept by national leadership."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(max_length=80, unique=True)
    in_use = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Audit(models.Model):
    """An audit of an FCA's work with one child in one set of proceedings.

    A practice audit: the auditor grades each domain with the evidence and finishes it. A
    collaborative audit: the FCA grades their own work first (the self-assessment), the
    family's feedback is attached, then auditor and FCA agree the grades. Every view's grades
    are kept (DomainGrade). Once finished an audit is not changed: it can be added to
    (AuditAddendum)."""

    class Kind(models.TextChoices):
        PRACTICE = "practice", "Practice audit"
        COLLABORATIVE = "collaborative", "Collaborative audit"

    class Stage(models.TextChoices):
        SELF_ASSESSMENT = "self_assessment", "Waiting for the self-assessment"
        IN_PROGRESS = "in_progress", "In progress"
        FINISHED = "finished", "Finished"

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    child = models.ForeignKey("children.Child", on_delete=models.PROTECT, related_name="audits")
    proceedings = models.ForeignKey(
        "proceedings.Proceedings", on_delete=models.PROTECT, related_name="audits"
    )
    auditor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="audits_made"
    )
    fca = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="audits_of_work",
        verbose_name="Family Court Adviser audited",
    )
    # The day the audit was finished; empty while it is in progress.
    audited_on = models.DateField(null=True, blank=True)
    grade = models.CharField("overall grade", max_length=30, choices=Grade.choices, blank=True)
    # Audits made before this record held more (and imported ones) are finished practice audits.
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.PRACTICE)
    stage = models.CharField(max_length=20, choices=Stage.choices, default=Stage.FINISHED)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    worked_well = models.TextField("what worked well", max_length=4000, blank=True)
    # The FCA's self-assessment (collaborative audits): their view of the impact on the child.
    self_impact = models.TextField(
        "the FCA's view of the impact on the child", max_length=4000, blank=True
    )
    self_assessed_at = models.DateTimeField(null=True, blank=True)
    # The family's voice (collaborative audits): feedback they gave through the feedback links,
    # and a conversation the auditor had with them.
    family_feedback = models.ManyToManyField(
        "feedback.FeedbackResponse", blank=True, related_name="+"
    )
    family_conversation = models.TextField(
        "what the family told the auditor", max_length=4000, blank=True
    )
    themes = models.ManyToManyField(Theme, blank=True, related_name="audits")
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-audited_on", "-id"]
        indexes = [
            models.Index(fields=["audited_on"], name="audit_by_date"),
            models.Index(fields=["fca", "audited_on"], name="audit_by_fca"),
            models.Index(fields=["auditor", "stage"], name="audit_by_auditor"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(auditor=models.F("fca")), name="audit_not_of_own_work"
            ),
            # Finished, with a date and an overall grade; or not yet, with neither.
            models.CheckConstraint(
                condition=(
                    Q(stage="finished", audited_on__isnull=False) & ~Q(grade="")
                    | (~Q(stage="finished") & Q(audited_on__isnull=True, grade=""))
                ),
                name="audit_graded_when_finished",
            ),
        ]

    def __str__(self) -> str:
        if self.audited_on is None:
            return f"{self.get_kind_display()} of {self.fca}: {self.get_stage_display().lower()}"
        return f"Audit of {self.fca} on {self.audited_on:%d %B %Y}: {self.get_grade_display()}"

    @property
    def is_finished(self) -> bool:
        return self.stage == self.Stage.FINISHED

    @property
    def is_collaborative(self) -> bool:
        return self.kind == self.Kind.COLLABORATIVE


class View(models.TextChoices):
    """Whose grades these are."""

    SELF = "self", "The FCA's self-assessment"
    AUDITOR = "auditor", "The auditor"
    AGREED = "agreed", "Agreed"


class DomainGrade(models.Model):
    """One view's grade of one domain of an audit, with the evidence for it."""

    audit = models.ForeignKey(Audit, on_delete=models.CASCADE, related_name="domain_grades")
    view = models.CharField(max_length=10, choices=View.choices)
    domain = models.CharField(max_length=20, choices=Domain.choices)
    grade = models.CharField(max_length=30, choices=Grade.choices)
    evidence = models.TextField(max_length=4000, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["audit", "view", "domain"]
        constraints = [
            models.UniqueConstraint(
                fields=["audit", "view", "domain"], name="one_grade_per_domain_and_view"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_domain_display()}: {self.get_grade_display()}"


class AuditChange(models.Model):
    """A re-save of an audit before it was finished: whose grades (or what) changed, when, by
    whom, and what changed, in words (the earlier values are not otherwise kept: each save
    replaces a view's grades)."""

    audit = models.ForeignKey(Audit, on_delete=models.CASCADE, related_name="changes")
    step = models.CharField(max_length=40)
    changes = models.JSONField(default=list)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["changed_at", "id"]

    def __str__(self) -> str:
        return f"Changed {self.step} on {self.changed_at:%d %B %Y}"


class AuditAddendum(models.Model):
    """Something added to a finished audit, which is never rewritten."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    audit = models.ForeignKey(Audit, on_delete=models.PROTECT, related_name="addenda")
    text = models.TextField(max_length=4000)
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    written_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["written_at", "id"]

    def __str__(self) -> str:
        return f"Added to an audit on {self.written_at:%d %B %Y}"


class Observation(models.Model):
    """An observation of an FCA's practice, recorded against the framework's values."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    fca = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="observations_of_practice",
        verbose_name="Family Court Adviser observed",
    )
    observer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="observations_made"
    )
    observed_on = models.DateField()
    what = models.TextField("what was observed", max_length=4000)
    with_whom = models.CharField("who the FCA was with", max_length=300)
    worked_well = models.TextField("what worked well", max_length=4000)
    to_improve = models.TextField("what could be better", max_length=4000, blank=True)
    recorded_at = models.DateTimeField(default=timezone.now)
    themes = models.ManyToManyField(Theme, blank=True, related_name="observations")

    class Meta:
        ordering = ["-observed_on", "-id"]
        indexes = [models.Index(fields=["fca", "observed_on"], name="observation_by_fca")]
        constraints = [
            models.CheckConstraint(
                condition=~Q(observer=models.F("fca")), name="observation_not_of_self"
            ),
        ]

    def __str__(self) -> str:
        return f"Observation of {self.fca} on {self.observed_on:%d %B %Y}"


class QualityAction(models.Model):
    """Something to do after an audit or an observation, with the person who will do it and
    when by. It shows on that person's list until they mark it done."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    audit = models.ForeignKey(
        Audit, on_delete=models.PROTECT, null=True, blank=True, related_name="actions"
    )
    observation = models.ForeignKey(
        Observation, on_delete=models.PROTECT, null=True, blank=True, related_name="actions"
    )
    text = models.CharField("what needs doing", max_length=500)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="quality_actions"
    )
    due_on = models.DateField()
    done_on = models.DateField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["due_on", "id"]
        indexes = [models.Index(fields=["owner", "done_on"], name="quality_action_by_owner")]
        constraints = [
            models.CheckConstraint(
                condition=Q(audit__isnull=False, observation__isnull=True)
                | Q(audit__isnull=True, observation__isnull=False),
                name="quality_action_from_one_thing",
            ),
        ]

    def __str__(self) -> str:
        return self.text


class Moderation(models.Model):
    """A second look at a finished audit by a manager, who grades it again without seeing the
    first grades. Where they differ the two discuss and a final grade is recorded with the
    reason; the audit's grades and the moderator's stay as they were."""

    class Stage(models.TextChoices):
        TO_GRADE = "to_grade", "To grade"
        TO_DISCUSS = "to_discuss", "Grades differ: to discuss"
        DONE = "done", "Done"

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    audit = models.ForeignKey(Audit, on_delete=models.PROTECT, related_name="moderations")
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="moderations"
    )
    # The month whose sample this audit was drawn in (its first day).
    month = models.DateField()
    stage = models.CharField(max_length=20, choices=Stage.choices, default=Stage.TO_GRADE)
    drawn_at = models.DateTimeField(default=timezone.now)
    graded_at = models.DateTimeField(null=True, blank=True)
    # Whether the moderator's grades were the audit's, domain by domain and overall.
    agreed = models.BooleanField(null=True, blank=True)
    final_grade = models.CharField(max_length=30, choices=Grade.choices, blank=True)
    reason = models.TextField("why this is the final grade", max_length=4000, blank=True)
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-month", "id"]
        constraints = [
            models.UniqueConstraint(fields=["audit", "month"], name="audit_moderated_once_a_month")
        ]

    def __str__(self) -> str:
        return f"Moderation of {self.audit} ({self.get_stage_display().lower()})"


class ModerationGrade(models.Model):
    """The moderator's grade of one domain (or overall), and the final grade where the
    moderator's differed from the audit's."""

    moderation = models.ForeignKey(Moderation, on_delete=models.CASCADE, related_name="grades")
    domain = models.CharField(max_length=20, choices=Domain.choices)
    grade = models.CharField(max_length=30, choices=Grade.choices)
    audit_grade = models.CharField(max_length=30, choices=Grade.choices)
    final_grade = models.CharField(max_length=30, choices=Grade.choices, blank=True)

    class Meta:
        ordering = ["moderation", "domain"]
        constraints = [
            models.UniqueConstraint(
                fields=["moderation", "domain"], name="one_moderation_grade_per_domain"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_domain_display()}: {self.get_grade_display()}"

    @property
    def differs(self) -> bool:
        return self.grade != self.audit_grade


from together.quality.national_models import (  # noqa: E402, F401, I001
    LettersSpotlight,
    NationalAuditFile,
    NationalAuditRound,
    SpotlightLetter,
)
