"""The organisation: regions, service areas, teams and who works in them."""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from simple_history.models import HistoricalRecords


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
    # Kept in step with the area's prioritisation events by organisation.services.
    allocation_hub_open = models.BooleanField(default=False)
    post_assessment_hub_open = models.BooleanField(default=False)

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


# The board's thresholds, for an area whose own have not been set (None: not watched).
DEFAULT_SATURATION_PERCENT = 90
DEFAULT_DAYS_TO_ALLOCATION = 20


class AreaThresholds(models.Model):
    """The lines past which national leadership asks a service area to consider prioritisation.
    An area without a row has the board's defaults. A blank threshold is not watched."""

    service_area = models.OneToOneField(
        ServiceArea, on_delete=models.PROTECT, related_name="thresholds"
    )
    saturation_percent = models.PositiveSmallIntegerField(
        "saturation (%)", null=True, blank=True, default=DEFAULT_SATURATION_PERCENT
    )
    held_on_duty = models.PositiveIntegerField("proceedings held on duty", null=True, blank=True)
    days_to_allocation = models.PositiveSmallIntegerField(
        "average days to allocation", null=True, blank=True, default=DEFAULT_DAYS_TO_ALLOCATION
    )
    manager_duty_holdings = models.PositiveIntegerField(
        "proceedings service managers hold on duty", null=True, blank=True
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    updated_at = models.DateTimeField(null=True)
    version = models.PositiveIntegerField(default=1)

    # Every earlier setting, so a flag can be explained by the lines in force at the time.
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        verbose_name_plural = "area thresholds"

    def __str__(self) -> str:
        return f"Thresholds for {self.service_area}"


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise TypeError("This history cannot be changed.")

    def delete(self):
        raise TypeError("This history cannot be deleted.")

    def bulk_update(self, objs, fields, batch_size=None):
        raise TypeError("This history cannot be changed.")


class PrioritisationEvent(models.Model):
    """A service area switching prioritisation on or off, or opening or closing a hub: who, when
    and why. Rows are only ever added (organisation.services.prioritisation_change_record)."""

    class Change(models.TextChoices):
        PRIORITISATION_ON = "prioritisation_on", "Switched prioritisation on"
        PRIORITISATION_OFF = "prioritisation_off", "Switched prioritisation off"
        ALLOCATION_HUB_OPENED = "allocation_hub_opened", "Opened an allocation hub"
        ALLOCATION_HUB_CLOSED = "allocation_hub_closed", "Closed the allocation hub"
        POST_ASSESSMENT_HUB_OPENED = "post_assessment_hub_opened", "Opened a post-assessment hub"
        POST_ASSESSMENT_HUB_CLOSED = (
            "post_assessment_hub_closed",
            "Closed the post-assessment hub",
        )

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    service_area = models.ForeignKey(
        ServiceArea, on_delete=models.PROTECT, related_name="prioritisation_events"
    )
    change = models.CharField(max_length=30, choices=Change.choices)
    reason = models.TextField(max_length=2000)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(default=timezone.now)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["service_area", "at"], name="prioritisation_by_area")]

    def __str__(self) -> str:
        return f"{self.get_change_display()}: {self.service_area}"


# Each change: the area's flag it sets, and the value it sets it to.
CHANGE_SETS = {
    PrioritisationEvent.Change.PRIORITISATION_ON: ("in_prioritisation", True),
    PrioritisationEvent.Change.PRIORITISATION_OFF: ("in_prioritisation", False),
    PrioritisationEvent.Change.ALLOCATION_HUB_OPENED: ("allocation_hub_open", True),
    PrioritisationEvent.Change.ALLOCATION_HUB_CLOSED: ("allocation_hub_open", False),
    PrioritisationEvent.Change.POST_ASSESSMENT_HUB_OPENED: ("post_assessment_hub_open", True),
    PrioritisationEvent.Change.POST_ASSESSMENT_HUB_CLOSED: ("post_assessment_hub_open", False),
}


def changes_open_to(area: ServiceArea) -> list[str]:
    """The changes that make sense for `area` as it stands: switching on what is off, and off
    what is on."""
    return [change for change, (flag, to) in CHANGE_SETS.items() if getattr(area, flag) != to]
