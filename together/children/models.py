"""A child's own file: who they are, the people in their life, every meeting with them, and what
happened on the file. Written so the child can read it when they grow up."""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from django.utils.module_loading import import_string
from simple_history.models import HistoricalRecords

from together.core.dates import age_in_words


class Communication(models.TextChoices):
    IN_PERSON = "in_person", "Meeting in person"
    VIDEO = "video", "Video call"
    PHONE = "phone", "Phone call"
    LETTERS = "letters", "Letters"
    DRAWING = "drawing", "Drawing"
    TRUSTED_ADULT = "trusted_adult", "Through a trusted adult"


class CommunicationNeed(models.TextChoices):
    LARGE_PRINT = "large_print", "Large print"
    AUDIO = "audio", "Audio"
    BSL = "bsl", "British Sign Language"
    EASY_READ = "easy_read", "Easy read"


@deconstructible
class ChoiceListValidator:
    """A JSON list whose items all come from the given choices."""

    def __init__(self, choices_path: str):
        self.choices_path = choices_path

    def __call__(self, value):
        allowed = set(import_string(self.choices_path).values)
        if not isinstance(value, list) or not set(value) <= allowed:
            raise ValidationError("Choose from the options given.")

    def __eq__(self, other):
        return isinstance(other, ChoiceListValidator) and other.choices_path == self.choices_path


class Child(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # The name on court papers, and the name the child uses (which the service always shows).
    legal_given_names = models.CharField("given names (legal)", max_length=100)
    legal_family_name = models.CharField("family name (legal)", max_length=100)
    preferred_name = models.CharField("the name they use", max_length=100)
    name_spelling = models.CharField("how to spell it", max_length=200, blank=True)
    name_pronunciation = models.CharField("how to say it", max_length=200, blank=True)
    pronouns = models.CharField(max_length=40, blank=True)
    date_of_birth = models.DateField()
    first_language = models.CharField(max_length=60, default="English")
    preferred_language = models.CharField(max_length=60, blank=True)
    needs_interpreter = models.BooleanField(default=False)
    needs_translated_documents = models.BooleanField(default=False)
    communication = models.JSONField(
        "how they want to talk with us",
        default=list,
        blank=True,
        validators=[ChoiceListValidator("together.children.models.Communication")],
    )
    communication_needs = models.JSONField(
        default=list,
        blank=True,
        validators=[ChoiceListValidator("together.children.models.CommunicationNeed")],
    )
    special_and_unique = models.TextField(
        "what is special and unique about them", max_length=2000, blank=True
    )
    enjoys = models.TextField("what they enjoy", max_length=2000, blank=True)
    school = models.CharField(max_length=200, blank=True)
    identity_culture = models.TextField("culture", max_length=1000, blank=True)
    identity_faith = models.TextField("faith", max_length=1000, blank=True)
    identity_language = models.TextField("language", max_length=1000, blank=True)
    identity_disability = models.TextField("disability", max_length=1000, blank=True)
    identity_gender = models.TextField("gender identity", max_length=1000, blank=True)
    identity_other = models.TextField("anything else", max_length=1000, blank=True)
    # Names of the text fields that are in the child's own words.
    own_words = models.JSONField(default=list, blank=True)
    # Lower-case given, preferred and family names, for search (see children.search).
    search_text = models.CharField(max_length=400, db_index=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)

    history = HistoricalRecords(excluded_fields=["search_text"])

    class Meta:
        ordering = ["preferred_name", "legal_family_name"]
        verbose_name_plural = "children"
        indexes = [models.Index(fields=["date_of_birth"], name="child_dob")]

    def __str__(self) -> str:
        return self.preferred_name

    def clean(self):
        if self.date_of_birth and self.date_of_birth > timezone.localdate():
            raise ValidationError({"date_of_birth": "Date of birth must be today or in the past"})
        for name in ("legal_given_names", "legal_family_name", "preferred_name"):
            setattr(self, name, (getattr(self, name) or "").strip())

    def age_on(self, day) -> int:
        born = self.date_of_birth
        return day.year - born.year - ((day.month, day.day) < (born.month, born.day))

    @property
    def age(self) -> int:
        return self.age_on(timezone.localdate())

    @property
    def age_in_words(self) -> str:
        """ "12 weeks old", "1 year old": as people say it (core.dates)."""
        return age_in_words(self.date_of_birth, today=timezone.localdate())


class FamilyMember(models.Model):
    """An adult or another child in a child's life. One person may matter to several children."""

    class Kind(models.TextChoices):
        ADULT = "adult", "Adult"
        CHILD = "child", "Child"

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    given_name = models.CharField(max_length=100)
    family_name = models.CharField(max_length=100, blank=True)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.ADULT)
    language = models.CharField(max_length=60, blank=True)
    needs_interpreter = models.BooleanField(default=False)
    address = models.TextField(max_length=500, blank=True)
    # A confidential address is shown only to staff with the right to see it, never printed,
    # and every view of it is logged (see children.rules.may_see_confidential_address).
    address_confidential = models.BooleanField(default=False)
    version = models.PositiveIntegerField(default=1)

    history = HistoricalRecords()

    class Meta:
        ordering = ["given_name", "family_name"]

    def __str__(self) -> str:
        return f"{self.given_name} {self.family_name}".strip()


class Relationship(models.TextChoices):
    MOTHER = "mother", "Mother"
    FATHER = "father", "Father"
    STEP_PARENT = "step_parent", "Step-parent"
    GRANDPARENT = "grandparent", "Grandparent"
    AUNT_UNCLE = "aunt_uncle", "Aunt or uncle"
    BROTHER_SISTER = "brother_sister", "Brother or sister"
    FOSTER_CARER = "foster_carer", "Foster carer"
    FAMILY_FRIEND = "family_friend", "Family friend"
    OTHER = "other", "Someone else"


# Who is a parent or carer of a child: whom letters to parents and carers go to, and with whom a
# plan is shared as "each parent or carer". Whatever their age: a young parent recorded as a
# child (FamilyMember.Kind.CHILD) is still a parent.
PARENT_OR_CARER = (
    Relationship.MOTHER,
    Relationship.FATHER,
    Relationship.STEP_PARENT,
    Relationship.FOSTER_CARER,
)


class ChildConnectionQuerySet(models.QuerySet):
    def parents_and_carers(self):
        """The connections that make the person a parent or carer of the child."""
        return self.filter(relationship__in=PARENT_OR_CARER)


class ChildConnection(models.Model):
    """How a person is connected to a child, and what the child calls them."""

    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="connections")
    person = models.ForeignKey(FamilyMember, on_delete=models.CASCADE, related_name="connections")
    relationship = models.CharField(max_length=30, choices=Relationship.choices)
    child_calls_them = models.CharField("what the child calls them", max_length=100, blank=True)
    important_because = models.TextField(max_length=1000, blank=True)

    objects = ChildConnectionQuerySet.as_manager()

    class Meta:
        ordering = ["relationship", "person__given_name"]
        constraints = [
            models.UniqueConstraint(fields=["child", "person"], name="one_connection_per_person"),
        ]

    def __str__(self) -> str:
        return self.child_calls_them or str(self.person)


class Meeting(models.Model):
    """A time the child was seen ("seeing the child")."""

    class Method(models.TextChoices):
        IN_PERSON = "in_person", "In person"
        VIDEO = "video", "Video call"
        PHONE = "phone", "Phone call"

    class Place(models.TextChoices):
        HOME = "home", "At home"
        SCHOOL = "school", "At school"
        OFFICE = "office", "At our office"
        OTHER = "other", "Somewhere else"
        REMOTE = "remote", "Not in person"

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="meetings")
    proceedings = models.ForeignKey(
        "proceedings.Proceedings",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="meetings",
    )
    occurred_at = models.DateTimeField()
    method = models.CharField(max_length=20, choices=Method.choices)
    place = models.CharField(max_length=20, choices=Place.choices)
    place_detail = models.CharField(max_length=200, blank=True)
    others_present = models.CharField("who else was there", max_length=300, blank=True)
    child_words = models.TextField(
        "what they said, in their own words", max_length=5000, blank=True
    )
    why_this_way = models.TextField("why this way and this time", max_length=2000, blank=True)
    # Empty only for a meeting brought in from another system, which did not say who recorded it.
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-occurred_at"]
        indexes = [models.Index(fields=["child", "-occurred_at"], name="meeting_child_recent")]

    def __str__(self) -> str:
        return f"{self.get_method_display()} on {self.occurred_at:%d %B %Y}"

    def clean(self):
        if self.occurred_at and self.occurred_at > timezone.now():
            raise ValidationError({"occurred_at": "The meeting must be today or in the past"})
        if self.method != self.Method.IN_PERSON and self.place != self.Place.REMOTE:
            self.place = self.Place.REMOTE
        if self.method == self.Method.IN_PERSON and self.place == self.Place.REMOTE:
            raise ValidationError({"place": "Say where you met"})


class TimelineEntry(models.Model):
    """Something that happened on a child's file, written by the service that did it."""

    class Kind(models.TextChoices):
        FILE = "file", "File opened"
        ABOUT_ME = "about_me", "About me"
        FAMILY = "family", "Family and important people"
        PROCEEDINGS = "proceedings", "Proceedings"
        HEARING = "hearing", "Hearings"
        ALLOCATION = "allocation", "Allocation"
        MEETING = "meeting", "Meetings"
        PLAN = "plan", "Assessment and Child's Plan"
        LETTER = "letter", "Letters"

    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="timeline")
    occurred_at = models.DateTimeField(default=timezone.now)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    summary = models.CharField(max_length=300)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )

    class Meta:
        ordering = ["-occurred_at", "-id"]
        indexes = [models.Index(fields=["child", "-occurred_at"], name="timeline_child_recent")]
        verbose_name_plural = "timeline entries"

    def __str__(self) -> str:
        return self.summary


class BreakGlass(models.Model):
    """Someone opened a child's file they had no everyday reason to see, and said why."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    child = models.ForeignKey(Child, on_delete=models.PROTECT, related_name="break_glass")
    reason = models.TextField(max_length=1000)
    opened_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()

    class Meta:
        ordering = ["-opened_at"]
        indexes = [models.Index(fields=["user", "child", "expires_at"], name="break_glass_lookup")]

    def __str__(self) -> str:
        return f"{self.user} opened {self.child} at {self.opened_at:%Y-%m-%d %H:%M}"
