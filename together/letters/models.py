"""Letters to children and their families: the introductory and ending letters to a child, and the
welcome and ending letters to a parent or carer, written from a library of templates.

A template belongs to the national library (no service area) or to one service area, which may
add its own. Templates are versioned: changing one adds a new version, and a letter records the
version it was started from.
"""

from uuid import uuid4

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from simple_history.models import HistoricalRecords


class Kind(models.TextChoices):
    INTRODUCTORY_CHILD = "introductory_child", "Introductory letter to a child"
    ENDING_CHILD = "ending_child", "Ending letter to a child"
    WELCOME_PARENT = "welcome_parent", "Welcome letter to a parent or carer"
    ENDING_PARENT = "ending_parent", "Ending letter to a parent or carer"


TO_CHILD = frozenset({Kind.INTRODUCTORY_CHILD, Kind.ENDING_CHILD})
TO_PARENT = frozenset({Kind.WELCOME_PARENT, Kind.ENDING_PARENT})


class Style(models.TextChoices):
    """Who a template is written for."""

    YOUNGER = "younger", "Younger children (up to 10)"
    OLDER = "older", "Older children (11 and over)"
    ADULT = "adult", "Parents and carers"
    PLAIN = "plain", "Plain text (for a screen reader, email or translation)"


# Children this age and older get the letters written for older children.
OLDER_FROM_AGE = 11


class LetterTemplate(models.Model):
    """One version of a letter template. `family` ties the versions of one template together."""

    uuid = models.UUIDField(default=uuid4, unique=True, editable=False)
    family = models.UUIDField(default=uuid4, editable=False)
    version = models.PositiveIntegerField(default=1)
    is_current = models.BooleanField(default=True)
    kind = models.CharField(max_length=30, choices=Kind.choices)
    style = models.CharField(max_length=20, choices=Style.choices)
    # None: the national library. A service area may add templates of its own.
    service_area = models.ForeignKey(
        "organisation.ServiceArea",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="letter_templates",
    )
    title = models.CharField(max_length=200)
    body = models.TextField(max_length=10_000)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["kind", "style", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["family", "version"], name="letter_template_version"),
            models.UniqueConstraint(
                fields=["family"],
                condition=Q(is_current=True),
                name="letter_template_one_current",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} (version {self.version})"

    def clean(self):
        if not (self.body or "").strip():
            raise ValidationError({"body": "Write the template's words"})


class Status(models.TextChoices):
    DRAFT = "draft", "Draft"
    SENT = "sent", "Sent"


class SentHow(models.TextChoices):
    POST = "post", "By post"
    EMAIL = "email", "By email"
    HANDED = "handed", "Handed over"
    READ_TOGETHER = "read_together", "Read together"


def validate_https(value: str) -> None:
    if not value:
        return
    URLValidator(schemes=["https"], message="Enter a web address that starts with https://")(value)


def _letter_changed_by(instance, **kwargs):
    """Who made the change a letter's historical record keeps. Every service that saves a letter
    sets updated_by to the person acting, so this holds outside a request too (a task, a test),
    where simple-history's middleware knows nobody."""
    return instance.updated_by


class Letter(models.Model):
    uuid = models.UUIDField(default=uuid4, unique=True, editable=False)
    child = models.ForeignKey("children.Child", on_delete=models.PROTECT, related_name="letters")
    kind = models.CharField(max_length=30, choices=Kind.choices)
    # None: the letter is to the child. Otherwise a parent or carer from the child's family.
    recipient = models.ForeignKey(
        "children.FamilyMember",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="letters",
    )
    recipient_name = models.CharField("to", max_length=200)
    # Whose letter it is (the FCA who signs it), and where they worked, for oversight.
    fca = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    proceedings = models.ForeignKey(
        "proceedings.Proceedings",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="letters",
    )
    service_area = models.ForeignKey(
        "organisation.ServiceArea",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    template = models.ForeignKey(
        LetterTemplate, on_delete=models.PROTECT, null=True, blank=True, related_name="letters"
    )
    template_version = models.PositiveIntegerField(null=True, blank=True)
    style = models.CharField(max_length=20, choices=Style.choices)
    body = models.TextField(max_length=20_000)
    video_url = models.URLField(
        "link to a video introduction", max_length=500, blank=True, validators=[validate_https]
    )
    # Post the letter with an address block (never a confidential one: see services).
    include_address = models.BooleanField(default=False)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    started_at = models.DateTimeField(default=timezone.now)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField(default=timezone.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    sent_at = models.DateTimeField(null=True, blank=True)
    sent_how = models.CharField(max_length=20, choices=SentHow.choices, blank=True)
    sent_to = models.CharField(max_length=200, blank=True)
    sent_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    first_printed_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    # Every saved version of the letter: what it said, and who changed it (see above).
    history = HistoricalRecords(get_user=_letter_changed_by)

    class Meta:
        ordering = ["-started_at"]
        indexes = [
            # With sent_at, the oversight page's "first letter sent" and "ending letter sent" for
            # each child are read from the index alone (and it answers all that the index on
            # child, kind and status, which it replaced, did).
            models.Index(
                fields=["child", "kind", "status", "sent_at"], name="letter_child_kind_sent"
            ),
            models.Index(fields=["service_area", "kind", "status"], name="letter_area_kind"),
            models.Index(fields=["fca", "status"], name="letter_fca"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="draft") | Q(sent_at__isnull=False),
                name="letter_sent_has_a_date",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} to {self.recipient_name}"

    def clean(self):
        errors = {}
        if not (self.body or "").strip():
            errors["body"] = "Write the letter. It cannot be empty"
        if self.kind in TO_CHILD and self.recipient_id is not None:
            errors["recipient"] = "A letter to a child is to the child"
        if self.kind in TO_PARENT and self.recipient_id is None:
            errors["recipient"] = "Choose the parent or carer the letter is to"
        if self.status == Status.SENT:
            if self.sent_at is None:
                errors["sent_at"] = "Enter the date the letter was sent"
            elif self.sent_at > timezone.now():
                errors["sent_at"] = "The date the letter was sent must be today or in the past"
            elif self.started_at and (
                timezone.localtime(self.sent_at).date() < timezone.localtime(self.started_at).date()
            ):
                errors["sent_at"] = "The letter cannot have been sent before it was started"
        if errors:
            raise ValidationError(errors)

    @property
    def to_child(self) -> bool:
        return self.kind in TO_CHILD

    @property
    def is_sent(self) -> bool:
        return self.status == Status.SENT


class LetterBatch(models.Model):
    """A request for many letters' PDFs at once, made by a background task into one zip file.

    The zip is kept in the database (not on disk): every app server and the worker share the
    database but not a disk, it goes when the row goes, and 500 letters make a few megabytes.
    """

    class State(models.TextChoices):
        WAITING = "waiting", "Waiting to start"
        RUNNING = "running", "Being made"
        DONE = "done", "Ready"
        FAILED = "failed", "Something went wrong"

    class Scope(models.TextChoices):
        AREA_INTRODUCTORY = "area_introductory", "Introductory letters not yet printed"
        MY_LETTERS = "my_letters", "My letters not yet printed"

    uuid = models.UUIDField(default=uuid4, unique=True, editable=False)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    scope = models.CharField(max_length=30, choices=Scope.choices)
    letter_ids = models.JSONField(default=list)
    state = models.CharField(max_length=10, choices=State.choices, default=State.WAITING)
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    requested_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    # When the worker last said it was still making the batch (at the start and with each step
    # of progress): a batch "being made" that has not moved for a while lost its worker, and
    # letters_resume_batches starts it again.
    progress_at = models.DateTimeField(null=True, blank=True)
    zip_file = models.BinaryField(null=True, blank=True, editable=False)
    error = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-requested_at"]

    def __str__(self) -> str:
        return f"{self.get_scope_display()} ({self.done} of {self.total})"
