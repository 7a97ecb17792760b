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


class SnapshotLevel(models.TextChoices):
    NATION = "nation", "Nation"
    REGION = "region", "Region"
    AREA = "area", "Service area"
    TEAM = "team", "Team"


class ScorecardSnapshot(models.Model):
    """One figure of one place on one day, as the nightly snapshot computed it (after Zulip's
    analytics counts: a row per level, subgroup and day). A past day's scorecard reads these, so a
    month's figures stay as they were reported, and the trends read two years of them at once.

    `place_id` is the region's, area's or team's id, 0 for the nation. `value` is the figure
    (None when there was nothing to count) and `base` how many people, answers or records a share
    or an average is built on (None for counts), so a page can still leave out one built on too
    few."""

    day = models.DateField()
    level = models.CharField(max_length=10, choices=SnapshotLevel.choices)
    place_id = models.BigIntegerField()
    measure = models.CharField(max_length=80)
    value = models.FloatField(null=True)
    base = models.IntegerField(null=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["level", "place_id", "measure", "day"], name="one_snapshot_figure"
            ),
        ]
        indexes = [models.Index(fields=["day", "level"], name="snapshot_day_level")]

    def __str__(self) -> str:
        return f"{self.measure} of {self.level} {self.place_id} on {self.day}"


class SnapshotFillState(models.Model):
    """Whether a day's snapshot is complete (after Zulip's FillState): STARTED while it is being
    written, DONE when every row of the day is in. A run that stops part way leaves STARTED, and
    the next run does that day again; only a DONE day is read by the page."""

    class State(models.TextChoices):
        STARTED = "started", "Started"
        DONE = "done", "Done"

    day = models.DateField(unique=True)
    state = models.CharField(max_length=10, choices=State.choices)
    last_modified = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"{self.day}: {self.get_state_display()}"
