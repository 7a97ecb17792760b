"""Quality assurance of the work with children: graded audits of an FCA's work with a child.

This is the least the scorecard needs (who was audited, by whom, when, and the overall grade);
the quality-assurance issue extends the same record with its questions and findings.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q


class Grade(models.TextChoices):
    OUTSTANDING = "outstanding", "Outstanding"
    GOOD = "good", "Good"
    REQUIRES_IMPROVEMENT = "requires_improvement", "Requires improvement"
    INADEQUATE = "inadequate", "Inadequate"


# The grades the board counts as "good or better".
GOOD_OR_BETTER = frozenset({Grade.OUTSTANDING, Grade.GOOD})


class Audit(models.Model):
    """An audit of an FCA's work with one child in one set of proceedings, with its overall
    grade."""

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
    audited_on = models.DateField()
    grade = models.CharField("overall grade", max_length=30, choices=Grade.choices)

    class Meta:
        ordering = ["-audited_on", "-id"]
        indexes = [
            models.Index(fields=["audited_on"], name="audit_by_date"),
            models.Index(fields=["fca", "audited_on"], name="audit_by_fca"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(auditor=models.F("fca")), name="audit_not_of_own_work"
            ),
        ]

    def __str__(self) -> str:
        return f"Audit of {self.fca} on {self.audited_on:%d %B %Y}: {self.get_grade_display()}"


from together.quality.national_models import (  # noqa: E402, F401, I001
    LettersSpotlight,
    NationalAuditFile,
    NationalAuditRound,
    SpotlightLetter,
)
