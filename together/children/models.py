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


class DomesticAbuseSource(models.TextChoices):
    """Where the marker on the file comes from."""

    ENQUIRIES = "enquiries", "The safeguarding enquiries"
    PLAN = "plan", "The Assessment and Child's Plan"


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
    # Domestic abuse is part of the child's story: a marker on the file, shown wherever
    # allocation and letters to parents are decided, with who set it, from what, and why.
    domestic_abuse = models.BooleanField("domestic abuse", default=False)
    domestic_abuse_source = models.CharField(
        "where it comes from", max_length=20, choices=DomesticAbuseSource.choices, blank=True
    )
    domestic_abuse_reason = models.TextField("why", max_length=2000, blank=True)
    domestic_abuse_set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    domestic_abuse_set_at = models.DateTimeField(null=True, blank=True)
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
    # When the person (and their address) was recorded: a child linked to proceedings in another
    # area is seen there without the confidential addresses recorded before the link
    # (children.rules.confidential_addresses_visible, ADR 0017).
    added_at = models.DateTimeField(default=timezone.now, editable=False)
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


class Professional(models.Model):
    """Another professional who knows the child (a teacher, their GP, a health visitor, a local
    authority social worker), kept on the file as a contact: who, their role, when they were
    consulted and what they said, ready to be quoted with its source."""

    class Role(models.TextChoices):
        SCHOOL = "school", "School or nursery"
        GP = "gp", "GP"
        HEALTH_VISITOR = "health_visitor", "Health visitor"
        SOCIAL_WORKER = "social_worker", "Local authority social worker"
        OTHER = "other", "Someone else"

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="professionals")
    role = models.CharField(max_length=20, choices=Role.choices)
    role_detail = models.CharField("their role", max_length=200, blank=True)
    name = models.CharField(max_length=200)
    organisation = models.CharField(max_length=200, blank=True)
    consulted_on = models.DateField("when you talked with them", null=True, blank=True)
    what_they_said = models.TextField(max_length=5000, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["role", "name", "id"]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_role_display()})"

    def clean(self):
        errors = {}
        self.name = (self.name or "").strip()
        self.what_they_said = (self.what_they_said or "").strip()
        if self.consulted_on and self.consulted_on > timezone.localdate():
            errors["consulted_on"] = "The date you talked with them must be today or in the past"
        if self.consulted_on and not self.what_they_said:
            errors["what_they_said"] = "Enter what they said"
        if self.what_they_said and not self.consulted_on:
            errors["consulted_on"] = "Enter when you talked with them"
        if self.role == self.Role.OTHER and not self.role_detail.strip():
            errors["role_detail"] = "Say what their role is"
        if errors:
            raise ValidationError(errors)


def _meeting_changed_by(instance, **kwargs):
    """Who made the change a meeting's historical record keeps: the person the service says is
    acting (also outside a request, in a task or a test)."""
    return instance.changed_by or instance.recorded_by


class Meeting(models.Model):
    """A time the child was seen ("seeing the child"), or a time they were not: the service tried
    but did not meet them, or decided not to meet them yet, with the reason, so the rationale
    for every child without a meeting can be sought and tested."""

    class Outcome(models.TextChoices):
        MET = "met", "We met"
        TRIED = "tried", "We tried but did not meet"
        NOT_YET = "not_yet", "We decided not to meet yet"

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
    outcome = models.CharField(max_length=10, choices=Outcome.choices, default=Outcome.MET)
    occurred_at = models.DateTimeField()
    method = models.CharField(max_length=20, choices=Method.choices, blank=True)
    place = models.CharField(max_length=20, choices=Place.choices, blank=True)
    place_detail = models.CharField(max_length=200, blank=True)
    others_present = models.CharField("who else was there", max_length=300, blank=True)
    child_words = models.TextField(
        "what they said, in their own words", max_length=5000, blank=True
    )
    observations = models.TextField("what you saw and heard", max_length=5000, blank=True)
    why_this_way = models.TextField("why this way and this time", max_length=2000, blank=True)
    not_met_reason = models.TextField("why you did not meet", max_length=2000, blank=True)
    # Empty only for a meeting brought in from another system, which did not say who recorded it.
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)
    # Changes keep every earlier version (history); the version stops two people overwriting.
    version = models.PositiveIntegerField(default=1)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    changed_at = models.DateTimeField(null=True, blank=True)

    history = HistoricalRecords(get_user=_meeting_changed_by)

    class Meta:
        ordering = ["-occurred_at"]
        indexes = [models.Index(fields=["child", "-occurred_at"], name="meeting_child_recent")]

    def __str__(self) -> str:
        if not self.met:
            return f"{self.get_outcome_display()} on {self.occurred_at:%d %B %Y}"
        return f"{self.get_method_display()} on {self.occurred_at:%d %B %Y}"

    @property
    def met(self) -> bool:
        return self.outcome == self.Outcome.MET

    def clean(self):
        errors = {}
        if self.occurred_at and self.occurred_at > timezone.now():
            errors["occurred_at"] = "The meeting must be today or in the past"
        if not self.met:
            # Nothing about a meeting that did not happen; only why it did not.
            self.method = self.place = self.place_detail = ""
            self.others_present = self.child_words = self.observations = self.why_this_way = ""
            self.not_met_reason = self.not_met_reason.strip()
            if not self.not_met_reason:
                errors["not_met_reason"] = "Say why you did not meet"
            if errors:
                raise ValidationError(errors)
            return
        self.not_met_reason = ""
        if not self.method:
            errors["method"] = "Say how you met"
        elif self.method != self.Method.IN_PERSON:
            # "Where" is asked only of a meeting in person: a call has no place to keep.
            self.place, self.place_detail = self.Place.REMOTE, ""
        elif self.place in ("", self.Place.REMOTE):
            errors["place"] = "Say where you met"
        if not self.why_this_way.strip():
            errors["why_this_way"] = "Say why you met this way and at this time"
        if not (self.child_words.strip() or self.observations.strip()):
            errors["child_words"] = (
                "Enter what they said in their own words, or what you saw and heard"
            )
        if errors:
            raise ValidationError(errors)


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
        # Kinds for the work built on the file: quality audits (without grades), supervision
        # ("thought about together"), storyboards, and the work for the court.
        AUDIT = "audit", "Quality audits"
        SUPERVISION = "supervision", "Thinking together"
        STORYBOARD = "storyboard", "Storyboards"
        COURT = "court", "Work for the court"

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
    """Someone opened a child's file they had no everyday reason to see, and said why; or linked
    a child whose file another area holds to a new application, and said why (ADR 0017).

    Both are listed for the managers of the child's areas. Only an opening grants anything, for
    8 hours; a link grants nothing by itself (its expires_at is its opened_at): the new
    proceedings give the new area what it may see."""

    class Kind(models.TextChoices):
        OPENED = "opened", "Opened the file"
        LINKED = "linked", "Linked the child to a new application in another area"

    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.OPENED)
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


class TemporaryAccess(models.Model):
    """Read access to one child's file given to one person for a while, by a service of a higher
    app that decided they need it (a national quality audit assigns a file to an auditor from
    another area: ADR 0026). Not a broken glass: nobody asked, the service gave it, and the
    views it allows are logged as made under it. It reads the file; it changes nothing and shows
    no confidential address. It ends at `ends_at`, or earlier when the service ends it."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="temporary_grants"
    )
    child = models.ForeignKey(Child, on_delete=models.PROTECT, related_name="temporary_grants")
    reason = models.CharField(max_length=200)
    starts_at = models.DateTimeField(default=timezone.now)
    ends_at = models.DateTimeField()
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )

    class Meta:
        ordering = ["-starts_at", "-id"]
        verbose_name_plural = "temporary access"
        indexes = [
            models.Index(fields=["user", "child", "ends_at"], name="temporary_access_lookup")
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gte=models.F("starts_at")),
                name="temporary_access_ends_after_it_starts",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} may read {self.child} until {self.ends_at:%Y-%m-%d %H:%M}"
