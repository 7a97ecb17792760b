"""The organisation: regions, service areas, teams and who works in them."""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q


class Region(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(max_length=100, unique=True)
    code = models.CharField(max_length=10, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ServiceArea(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="service_areas")
    name = models.CharField(max_length=100, unique=True)
    code = models.CharField(max_length=10, unique=True, help_text="A short code, for example NE1.")
    in_prioritisation = models.BooleanField(
        default=False,
        help_text="On when the area is under too much pressure and opens an allocation hub.",
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Team(models.Model):
    class Kind(models.TextChoices):
        PRE_FIRST_HEARING = "pre_first_hearing", "Work before the first hearing"
        POST_FIRST_HEARING = "post_first_hearing", "Work after the first hearing"
        ALLOCATION_HUB = "allocation_hub", "Allocation hub"
        POST_ASSESSMENT_HUB = "post_assessment_hub", "Post-assessment hub"

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    service_area = models.ForeignKey(ServiceArea, on_delete=models.PROTECT, related_name="teams")
    name = models.CharField(max_length=100)
    kind = models.CharField(max_length=30, choices=Kind.choices)

    class Meta:
        ordering = ["service_area__name", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["service_area", "name"], name="team_name_unique_in_service_area"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class TeamMembership(models.Model):
    """A member of staff working in a team, from one date until (perhaps) another."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="team_memberships"
    )
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="memberships")
    started_on = models.DateField()
    ended_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-started_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "team"],
                condition=Q(ended_on__isnull=True),
                name="one_current_membership_per_team",
            ),
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=models.F("started_on")),
                name="membership_ends_after_it_starts",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} in {self.team}"


class Absence(models.Model):
    """Time a member of staff is away: planned (annual leave, training), recorded by themselves,
    or sickness, recorded by the person who manages them. From `starts_on` to `ends_on`, both
    days included; sickness may have no end yet."""

    class Kind(models.TextChoices):
        ANNUAL_LEAVE = "annual_leave", "Annual leave"
        TRAINING = "training", "Training"
        SICKNESS = "sickness", "Sickness"

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="absences"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    starts_on = models.DateField()
    ends_on = models.DateField(null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["starts_on"]
        indexes = [models.Index(fields=["user", "starts_on"], name="absence_by_person")]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="absence_ends_after_it_starts",
            ),
            models.CheckConstraint(
                condition=Q(ends_on__isnull=False) | Q(kind="sickness"),
                name="planned_absence_has_an_end",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.user}"

    def clean(self):
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError(
                {"ends_on": "The last day away must be the same as or after the first day"}
            )
        if self.kind in PLANNED_ABSENCE and self.ends_on is None:
            raise ValidationError({"ends_on": "Enter the last day away"})


# The kinds of absence a member of staff plans and records for themselves.
PLANNED_ABSENCE = (Absence.Kind.ANNUAL_LEAVE, Absence.Kind.TRAINING)


def away_on_q(day, prefix: str = "") -> Q:
    """Absences (at `prefix`) that cover `day`: started on or before it, and not ended before it."""
    return Q(**{f"{prefix}starts_on__lte": day}) & (
        Q(**{f"{prefix}ends_on__isnull": True}) | Q(**{f"{prefix}ends_on__gte": day})
    )
