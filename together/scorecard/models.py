"""What the scorecard keeps of its own: which record each imported row became."""

from django.db import models


class ImportedRecord(models.Model):
    """An id from a service's import files (`manage.py import_service`), and the record made
    from it, so a second import of the same files updates those records instead of adding more.

    Rows without an id of their own (allocations, meetings, audits, feedback) are known by their
    key columns together (docs/import-format.md)."""

    class Kind(models.TextChoices):
        TEAM = "team", "Team"
        STAFF = "staff", "Member of staff"
        CHILD = "child", "Child"
        PROCEEDINGS = "proceedings", "Set of proceedings"
        ALLOCATION = "allocation", "Allocation"
        MEETING = "meeting", "Meeting"
        AUDIT = "audit", "Audit"
        FEEDBACK = "feedback", "Feedback"

    kind = models.CharField(max_length=20, choices=Kind.choices)
    external_id = models.CharField(max_length=200)
    # The primary key of the record made, in the model the kind names.
    record_id = models.BigIntegerField()
    imported_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kind", "external_id"], name="imported_once_per_kind"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.external_id}"
