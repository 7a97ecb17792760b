"""Sets of proceedings: one application before the family court, about one or more children."""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from simple_history.models import HistoricalRecords


class Law(models.TextChoices):
    PUBLIC = "public", "Public law"
    PRIVATE = "private", "Private law"


class Kind(models.TextChoices):
    CARE_S31 = "care_s31", "Care proceedings (section 31)"
    PRIVATE_FIRST_HEARING = "private_fh", "Private law application, before the first hearing"
    SECTION_7 = "section_7", "Section 7 report"
    RULE_16_4 = "rule_16_4", "Rule 16.4 guardian"
    OTHER = "other", "Other"


# The law each kind of proceedings falls under.
LAW_OF_KIND = {
    Kind.CARE_S31: Law.PUBLIC,
    Kind.PRIVATE_FIRST_HEARING: Law.PRIVATE,
    Kind.SECTION_7: Law.PRIVATE,
    Kind.RULE_16_4: Law.PRIVATE,
}


class Stage(models.TextChoices):
    BEFORE_FIRST_HEARING = "before_fh", "Before the first hearing"
    AFTER_FIRST_HEARING = "after_fh", "After the first hearing"
    CONCLUDED = "concluded", "Concluded"


class Proceedings(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    service_area = models.ForeignKey(
        "organisation.ServiceArea", on_delete=models.PROTECT, related_name="proceedings"
    )
    # The team holding the work: a team once allocated, or an allocation hub while waiting.
    team = models.ForeignKey(
        "organisation.Team",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="proceedings",
    )
    court = models.CharField(max_length=200)
    court_number = models.CharField("court's number", max_length=40)
    law = models.CharField(max_length=10, choices=Law.choices)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    stage = models.CharField(
        max_length=20, choices=Stage.choices, default=Stage.BEFORE_FIRST_HEARING
    )
    received_on = models.DateField("application received")
    # Who applied, for public law: the local authority (the people who are parties, an applicant
    # in private law among them, are Party rows).
    applicant_local_authority = models.CharField(max_length=200, blank=True)
    first_hearing_on = models.DateField(null=True, blank=True)
    report_ordered_on = models.DateField(null=True, blank=True)
    report_due_on = models.DateField(null=True, blank=True)
    final_hearing_on = models.DateField(null=True, blank=True)
    closed_on = models.DateField(null=True, blank=True)
    # Domestic abuse alleged or noted on the application (in private law, a C1A form), so the
    # person allocating can choose someone with the experience it needs.
    domestic_abuse_noted = models.BooleanField(
        "domestic abuse noted on the application", default=False
    )
    # The lead FCA now (kept in step with Allocation by proceedings.services), or None on duty.
    lead_fca = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    first_allocated_at = models.DateTimeField(null=True, blank=True)
    children = models.ManyToManyField(
        "children.Child", through="ProceedingsChild", related_name="proceedings"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    version = models.PositiveIntegerField(default=1)

    history = HistoricalRecords(excluded_fields=["lead_fca", "first_allocated_at"])

    class Meta:
        ordering = ["-received_on"]
        verbose_name_plural = "proceedings"
        indexes = [
            models.Index(
                fields=["service_area", "received_on"],
                condition=Q(lead_fca__isnull=True, closed_on__isnull=True),
                name="proceedings_on_duty",
            ),
            # Only proceedings that have a lead FCA: the ones waiting on duty have the index
            # above. With both in one index, SQLite took the thousands without a lead FCA for
            # one FCA's few dozen and chose it for the duty list, then sorted them.
            models.Index(
                fields=["lead_fca", "stage"],
                condition=Q(closed_on__isnull=True, lead_fca__isnull=False),
                name="proceedings_open_by_fca",
            ),
            # The scorecard's "open at a date" (closed after it, or not closed) and its "first
            # allocated in the 90 days to a date": each a few thousand of the nation's sets.
            # The area after the closing day: PostgreSQL took an index on the closing day alone
            # for the duty list (open in an area, with no lead) and read every open set in the
            # nation for one area's sixty, where with the area it reads the area's open ones.
            models.Index(fields=["closed_on", "service_area"], name="proceedings_by_closing"),
            models.Index(fields=["first_allocated_at"], name="proceedings_by_first_allocated"),
        ]
        constraints = [
            # A court gives each application its own number: one set of proceedings each (and
            # the index that finds proceedings by their number).
            models.UniqueConstraint(fields=["court_number"], name="one_proceedings_per_number"),
            models.CheckConstraint(
                condition=Q(first_hearing_on__isnull=True)
                | Q(first_hearing_on__gte=models.F("received_on")),
                name="first_hearing_after_received",
            ),
            models.CheckConstraint(
                condition=Q(report_due_on__isnull=True)
                | Q(report_ordered_on__isnull=True)
                | Q(report_due_on__gte=models.F("report_ordered_on")),
                name="report_due_after_ordered",
            ),
            models.CheckConstraint(
                condition=Q(closed_on__isnull=True) | Q(closed_on__gte=models.F("received_on")),
                name="closed_after_received",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.court_number} ({self.get_kind_display()})"

    def clean(self):
        errors = {}
        if self.kind in LAW_OF_KIND and self.law != LAW_OF_KIND[self.kind]:
            self.law = LAW_OF_KIND[self.kind]
        if self.received_on and self.received_on > timezone.localdate():
            errors["received_on"] = (
                "The date the application was received must be today or in the past"
            )
        if self.received_on and self.first_hearing_on and self.first_hearing_on < self.received_on:
            errors["first_hearing_on"] = (
                "The first hearing must be on or after the date the application was received"
            )
        if (
            self.report_ordered_on
            and self.report_due_on
            and self.report_due_on < self.report_ordered_on
        ):
            errors["report_due_on"] = (
                "The report due date must be on or after the date it was ordered"
            )
        if self.received_on and self.final_hearing_on and self.final_hearing_on < self.received_on:
            errors["final_hearing_on"] = (
                "The final hearing must be on or after the date the application was received"
            )
        if self.received_on and self.closed_on and self.closed_on < self.received_on:
            errors["closed_on"] = (
                "The closing date must be on or after the date the application was received"
            )
        if errors:
            raise ValidationError(errors)

    @property
    def is_open(self) -> bool:
        return self.closed_on is None

    @property
    def on_duty(self) -> bool:
        return self.is_open and self.lead_fca_id is None


class ProceedingsChild(models.Model):
    proceedings = models.ForeignKey(
        Proceedings, on_delete=models.CASCADE, related_name="child_links"
    )
    child = models.ForeignKey(
        "children.Child", on_delete=models.PROTECT, related_name="proceedings_links"
    )
    # Set when a child whose file another area holds was linked to these proceedings: through
    # them, only the confidential details recorded from this time on are shown (ADR 0017).
    confidential_from = models.DateTimeField(null=True, blank=True, editable=False)
    # When the child was first met in these proceedings, and first met in person (a Meeting of
    # these proceedings with the outcome "met"), or None: kept by
    # children.services.first_meetings_keep wherever meetings or links are written, so the
    # scorecard's "children seen by D" is a comparison with D rather than a search of the
    # meetings for every child (ADR 0027).
    first_met_at = models.DateTimeField(null=True, blank=True, editable=False)
    first_met_in_person_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["proceedings", "child"], name="child_once_per_proceedings"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.child} in {self.proceedings}"


class PartyRole(models.TextChoices):
    APPLICANT = "applicant", "Applicant"
    RESPONDENT = "respondent", "Respondent"
    OTHER_PARTY = "other_party", "Other party"
    NOT_A_PARTY = "not_a_party", "Not a party"


class Party(models.Model):
    """A person's part in a set of proceedings."""

    proceedings = models.ForeignKey(Proceedings, on_delete=models.CASCADE, related_name="parties")
    person = models.ForeignKey(
        "children.FamilyMember", on_delete=models.PROTECT, related_name="parties"
    )
    role = models.CharField(max_length=20, choices=PartyRole.choices)

    class Meta:
        verbose_name_plural = "parties"
        constraints = [
            models.UniqueConstraint(fields=["proceedings", "person"], name="one_role_per_person"),
        ]

    def __str__(self) -> str:
        return f"{self.person}: {self.get_role_display()}"


class Hearing(models.Model):
    class Kind(models.TextChoices):
        FIRST = "first", "First hearing"
        CASE_MANAGEMENT = "case_management", "Hearing to plan the court's work"
        ISSUES_RESOLUTION = "issues_resolution", "Hearing to narrow the issues"
        FINAL = "final", "Final hearing"
        OTHER = "other", "Other hearing"

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    proceedings = models.ForeignKey(Proceedings, on_delete=models.CASCADE, related_name="hearings")
    kind = models.CharField(max_length=30, choices=Kind.choices)
    starts_at = models.DateTimeField()
    outcome = models.TextField(max_length=2000, blank=True)

    class Meta:
        ordering = ["starts_at"]
        indexes = [models.Index(fields=["proceedings", "starts_at"], name="hearing_by_date")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {self.starts_at:%d %B %Y}"

    def clean(self):
        received = getattr(self.proceedings, "received_on", None) if self.proceedings_id else None
        if received and self.starts_at and timezone.localtime(self.starts_at).date() < received:
            raise ValidationError(
                {"starts_at": "A hearing must be on or after the date the application was received"}
            )


class Allocation(models.Model):
    """A member of staff holding a set of proceedings, from a time until (perhaps) another: the
    lead FCA, or someone holding them on duty or in an allocation hub while they wait for one."""

    class Kind(models.TextChoices):
        LEAD = "lead", "Lead Family Court Adviser"
        DUTY = "duty", "Held on duty"
        HUB = "hub", "Held in an allocation hub"

    proceedings = models.ForeignKey(
        Proceedings, on_delete=models.CASCADE, related_name="allocations"
    )
    fca = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="allocations"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.LEAD)
    # The team the work sits in; empty for someone who holds it without a team (a service
    # manager holding proceedings on duty).
    team = models.ForeignKey(
        "organisation.Team", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    allocated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    started_at = models.DateTimeField(default=timezone.now)
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-started_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["proceedings"],
                condition=Q(ended_at__isnull=True, kind="lead"),
                name="one_lead_fca_at_a_time",
            ),
        ]
        indexes = [
            models.Index(
                fields=["fca"], condition=Q(ended_at__isnull=True), name="allocation_current_by_fca"
            ),
            # The scorecard's "lead at a date": every lead allocation of a set of proceedings.
            models.Index(
                fields=["proceedings", "started_at"],
                condition=Q(kind="lead"),
                name="allocation_lead_by_proceedings",
            ),
            # The scorecard's allocations "at a date" (not ended, or ended after it): the few
            # thousand current ones rather than every allocation there has been.
            models.Index(fields=["ended_at", "kind"], name="allocation_by_ending"),
        ]

    def __str__(self) -> str:
        return f"{self.fca} on {self.proceedings}"
