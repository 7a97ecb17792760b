"""The organisation: regions, service areas, teams and who works in them."""

import uuid

from django.conf import settings
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
