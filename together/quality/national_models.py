"""National case quality audits: three rounds a year of about 200 children's files each, drawn
as a reproducible stratified random sample, assigned to auditors from other areas, 30% of them
moderated by the national improvement service (see national/ for how)."""

import secrets
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone

from together.proceedings.models import Law


def new_seed() -> int:
    """A seed for a round's sample: kept with the round, so drawing again gives the same files."""
    return secrets.randbelow(2**31 - 1) + 1


class NationalAuditRound(models.Model):
    """One national case quality audit: a title, the weeks it runs, its focus and its sample."""

    class Focus(models.TextChoices):
        ALL = "all", "All children's files"
        DOMESTIC_ABUSE = "domestic_abuse", "Proceedings where domestic abuse is a feature"

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    title = models.CharField(max_length=120)
    focus = models.CharField(max_length=20, choices=Focus.choices, default=Focus.ALL)
    starts_on = models.DateField("audit starts")
    ends_on = models.DateField("audit ends")
    sample_size = models.PositiveIntegerField(default=200)
    seed = models.PositiveIntegerField(default=new_seed, editable=False)
    # Moderated by the national improvement service: this share of the sample, in hundredths.
    moderated_percent = models.PositiveSmallIntegerField(default=30)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    drawn_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-starts_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")),
                name="national_round_ends_after_it_starts",
            ),
            models.CheckConstraint(
                condition=Q(sample_size__gte=1, sample_size__lte=2000),
                name="national_round_sample_size",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self):
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": "The end date must be on or after the start date"})
        if self.sample_size is not None and not 1 <= self.sample_size <= 2000:
            raise ValidationError({"sample_size": "The sample must be from 1 to 2,000 files"})

    @property
    def is_closed(self) -> bool:
        return self.closed_at is not None


class NationalAuditFile(models.Model):
    """One child's file in a round's sample, with the place it was drawn from (its stratum) as it
    was at the draw, the FCA whose work is audited, its auditor and, once done, the audit."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    round = models.ForeignKey(NationalAuditRound, on_delete=models.CASCADE, related_name="files")
    child = models.ForeignKey("children.Child", on_delete=models.PROTECT, related_name="+")
    proceedings = models.ForeignKey(
        "proceedings.Proceedings", on_delete=models.PROTECT, related_name="+"
    )
    region = models.ForeignKey("organisation.Region", on_delete=models.PROTECT, related_name="+")
    service_area = models.ForeignKey(
        "organisation.ServiceArea", on_delete=models.PROTECT, related_name="+"
    )
    law = models.CharField(max_length=10, choices=Law.choices)
    fca = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="Family Court Adviser audited",
    )
    # The file's place in the draw (1 first): the order assignment and moderation follow.
    position = models.PositiveIntegerField()
    moderated = models.BooleanField("to be moderated nationally", default=False)
    auditor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="national_audit_files",
    )
    assigned_at = models.DateTimeField(null=True, blank=True)
    access = models.ForeignKey(
        "children.TemporaryAccess",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    audit = models.OneToOneField(
        "quality.Audit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="national_file",
    )
    # What worked well and what could be better, in the auditor's words.
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["round", "position"]
        constraints = [
            models.UniqueConstraint(fields=["round", "child"], name="national_file_child_once"),
            models.UniqueConstraint(
                fields=["round", "position"], name="national_file_position_once"
            ),
        ]
        indexes = [
            models.Index(fields=["auditor", "round"], name="national_file_by_auditor"),
        ]

    def __str__(self) -> str:
        return f"File {self.position} of {self.round}"


class LettersSpotlight(models.Model):
    """Once a year assistant directors read a sample of introductory letters to children, to see
    how well each child's uniqueness was explored. For a region, or (region empty) the nation."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    year = models.PositiveSmallIntegerField()
    region = models.ForeignKey(
        "organisation.Region", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    sample_size = models.PositiveSmallIntegerField(default=20)
    seed = models.PositiveIntegerField(default=new_seed, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-year", "-id"]

    def __str__(self) -> str:
        return f"Letters spotlight {self.year}"


class SpotlightLetter(models.Model):
    """One letter of a spotlight's sample, and the reader's short judgement of it."""

    class Judgement(models.TextChoices):
        WELL = "well", "Well explored: the letter shows who this child is"
        PARTLY = "partly", "Partly explored"
        NOT = "not", "Not explored: the letter could be to any child"

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    spotlight = models.ForeignKey(
        LettersSpotlight, on_delete=models.CASCADE, related_name="letters"
    )
    letter = models.ForeignKey("letters.Letter", on_delete=models.PROTECT, related_name="+")
    position = models.PositiveIntegerField()
    judgement = models.CharField(max_length=10, choices=Judgement.choices, blank=True)
    comment = models.TextField(blank=True)
    judged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    judged_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["spotlight", "position"]
        constraints = [
            models.UniqueConstraint(fields=["spotlight", "letter"], name="spotlight_letter_once")
        ]

    def __str__(self) -> str:
        return f"Letter {self.position} of {self.spotlight}"
