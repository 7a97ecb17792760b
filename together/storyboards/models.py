"""Family storyboards: a story in words and pictures that tells a child what happened in their
family, how the grown-ups will keep them safe, and what happens next.

A storyboard is part of one child's file (it may be for their brothers and sisters too). It is a
list of panels, each with a few words and one or more pictures: from the picture library
(pictures.py, served from the service's own static files) or the child's own drawings and
photographs (kept in the database, re-encoded without their metadata). Every time it is shared,
what it said is kept (StoryboardShare.snapshot), so shared versions can be compared; a drawing a
shared version shows is kept for it when it is removed from the storyboard.
"""

from uuid import uuid4

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone


class Stage(models.TextChoices):
    DRAFT = "draft", "Draft"
    SHARED = "shared", "Shared"
    RESPONDED = "responded", "Responded"


class Storyboard(models.Model):
    uuid = models.UUIDField(default=uuid4, unique=True, editable=False)
    child = models.ForeignKey(
        "children.Child", on_delete=models.PROTECT, related_name="storyboards"
    )
    # Brothers and sisters the same story is for (read together): named, never shown their file.
    also_for = models.ManyToManyField("children.Child", blank=True, related_name="+")
    title = models.CharField(max_length=200)
    stage = models.CharField(max_length=10, choices=Stage.choices, default=Stage.DRAFT)
    started_at = models.DateTimeField(default=timezone.now)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField(default=timezone.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-started_at"]
        indexes = [models.Index(fields=["child", "stage"], name="storyboard_child_stage")]

    def __str__(self) -> str:
        return self.title

    def clean(self):
        if not (self.title or "").strip():
            raise ValidationError({"title": "Enter a name for the storyboard"})


class Panel(models.Model):
    """One panel: a heading (from a prompt, which the writer may change), words and pictures."""

    uuid = models.UUIDField(default=uuid4, unique=True, editable=False)
    storyboard = models.ForeignKey(Storyboard, on_delete=models.CASCADE, related_name="panels")
    position = models.PositiveIntegerField()
    prompt = models.CharField("heading", max_length=200, blank=True)
    words = models.TextField(max_length=2_000, blank=True)
    # Ids of pictures from the library (pictures.PICTURES), in the order shown.
    pictures = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["storyboard", "position"]

    def __str__(self) -> str:
        return self.prompt or f"Panel {self.position}"


class Drawing(models.Model):
    """A child's own drawing, or a photograph the family agreed to, on one panel. The image is
    kept in the database (like a batch's zip): every server shares it, and it is never at a
    public address. It was re-encoded when uploaded, so it holds no location or camera data."""

    uuid = models.UUIDField(default=uuid4, unique=True, editable=False)
    storyboard = models.ForeignKey(Storyboard, on_delete=models.CASCADE, related_name="drawings")
    # Empty once its panel is removed: a drawing a shared version shows outlives its panel.
    panel = models.ForeignKey(
        Panel, on_delete=models.SET_NULL, null=True, blank=True, related_name="drawings"
    )
    description = models.CharField("what it shows", max_length=300)
    content_type = models.CharField(max_length=30)
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    image = models.BinaryField(editable=False)
    uploaded_at = models.DateTimeField(default=timezone.now)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    # Removed from the storyboard, but kept because a shared version shows it (a drawing no
    # shared version shows is deleted, image and all, when it is removed).
    removed_at = models.DateTimeField(null=True, blank=True)
    removed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return self.description


class SharedHow(models.TextChoices):
    READ_TOGETHER = "read_together", "Read together"
    POSTED = "posted", "Posted"
    EMAILED = "emailed", "Emailed"


class StoryboardShare(models.Model):
    """One time the storyboard was shared: with whom, when and how, what it said then (the
    snapshot, a version that can be compared), its secure link, and the child's response."""

    uuid = models.UUIDField(default=uuid4, unique=True, editable=False)
    storyboard = models.ForeignKey(Storyboard, on_delete=models.PROTECT, related_name="shares")
    number = models.PositiveIntegerField()
    shared_with = models.CharField(max_length=200)
    shared_how = models.CharField(max_length=20, choices=SharedHow.choices)
    shared_on = models.DateField()
    snapshot = models.JSONField()
    # The secure link to the web version and the feedback form (a feedback invitation's token).
    invitation = models.ForeignKey(
        "feedback.FeedbackInvitation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    recorded_at = models.DateTimeField(default=timezone.now)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    response = models.TextField("what they said", max_length=5_000, blank=True)
    response_recorded_at = models.DateTimeField(null=True, blank=True)
    response_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["storyboard", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["storyboard", "number"], name="storyboard_share_number")
        ]

    def __str__(self) -> str:
        return f"Version {self.number}, shared with {self.shared_with}"


class StoryboardReflection(models.Model):
    """What worked and what the worker would change, after using a storyboard (appreciative
    inquiry). Colleagues read it without the child's details: it holds no child's name, and the
    list shows only the child's age and the team."""

    uuid = models.UUIDField(default=uuid4, unique=True, editable=False)
    storyboard = models.ForeignKey(Storyboard, on_delete=models.PROTECT, related_name="reflections")
    what_worked = models.TextField(max_length=3_000)
    what_to_change = models.TextField(max_length=3_000, blank=True)
    # The child's age when it was used, for colleagues who may not see the file.
    child_age = models.PositiveSmallIntegerField()
    team = models.ForeignKey(
        "organisation.Team", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    service_area = models.ForeignKey(
        "organisation.ServiceArea",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    recorded_at = models.DateTimeField(default=timezone.now)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-recorded_at"]
        indexes = [models.Index(fields=["service_area", "recorded_at"], name="reflection_area")]

    def __str__(self) -> str:
        return f"Reflection on a storyboard, {self.recorded_at:%d %B %Y}"
