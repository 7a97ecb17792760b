"""Thinking together: group supervision sessions, the children discussed in them (with a mapping
of each child's situation) and the actions agreed.

What a session records about a child is written knowing the child may read it one day; the
child's own file shows only that their situation was thought about, who was there and how it
helped (never the debate, never a colleague's wellbeing)."""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone

# Every free-text answer in supervision is limited to this many characters.
TEXT_LIMIT = 5000


def _text(verbose_name: str, *, blank: bool = True) -> models.TextField:
    return models.TextField(verbose_name, max_length=TEXT_LIMIT, blank=blank)


def _length_errors(instance) -> dict:
    """TextField's max_length only sizes the form's box; full_clean enforces it through here."""
    errors = {}
    for field in instance._meta.concrete_fields:
        if not (isinstance(field, models.TextField) and field.max_length):
            continue
        if len(getattr(instance, field.name) or "") > field.max_length:
            errors[field.name] = (
                f"{field.verbose_name[:1].upper()}{field.verbose_name[1:]} must be "
                f"{field.max_length:,} characters or fewer"
            )
    return errors


class GroupSession(models.Model):
    """A team's group supervision: who facilitated, who came, and the children discussed."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    team = models.ForeignKey(
        "organisation.Team", on_delete=models.PROTECT, related_name="group_sessions"
    )
    held_on = models.DateField("date")
    facilitator = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    attendees = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="group_sessions_attended"
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-held_on", "-id"]
        indexes = [models.Index(fields=["team", "-held_on"], name="group_session_team_recent")]

    def __str__(self) -> str:
        return f"Group supervision, {self.team}, {self.held_on:%-d %B %Y}"

    def clean(self):
        if self.held_on and self.held_on > timezone.localdate():
            raise ValidationError({"held_on": "The date must be today or in the past"})


class Discussion(models.Model):
    """One child's situation, thought about together in a session: the question the FCA brought,
    the mapping, what was thought and how it helped."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    session = models.ForeignKey(GroupSession, on_delete=models.CASCADE, related_name="discussions")
    child = models.ForeignKey(
        "children.Child", on_delete=models.PROTECT, related_name="supervision_discussions"
    )
    brought_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    question = _text("the question brought", blank=False)
    # The mapping of the child's situation.
    worried_about = _text("what we are worried about")
    working_well = _text("what is working well")
    unique_about_child = _text("what is unique about the child")
    need_to_know = _text("what we need to know")
    needs_to_happen = _text("what needs to happen")
    thinking = _text("what was thought")
    how_it_helped = _text("how it helped", blank=False)
    version = models.PositiveIntegerField(default=1)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["recorded_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "child"], name="child_discussed_once_a_session"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.child} in {self.session}"

    def clean(self):
        errors = _length_errors(self)
        if errors:
            raise ValidationError(errors)

    @property
    def is_mapped(self) -> bool:
        return any(getattr(self, name) for name, _label in MAPPING)

    @property
    def mapping_rows(self) -> list[tuple[str, str]]:
        """The parts of the mapping that were filled in, with their labels, in order."""
        return [(label, getattr(self, name)) for name, label in MAPPING if getattr(self, name)]


# The mapping of a child's situation, in the order it is talked through.
MAPPING = [
    ("worried_about", "What we are worried about"),
    ("working_well", "What is working well"),
    ("unique_about_child", "What is unique about the child"),
    ("need_to_know", "What we need to know"),
    ("needs_to_happen", "What needs to happen"),
]


class Action(models.Model):
    """Something agreed in supervision, for one person to do by a date."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    discussion = models.ForeignKey(
        Discussion, on_delete=models.CASCADE, null=True, blank=True, related_name="actions"
    )
    one_to_one = models.ForeignKey(
        "OneToOne", on_delete=models.CASCADE, null=True, blank=True, related_name="actions"
    )
    # The child the action is about (the discussion's child), so a child's file lists it.
    child = models.ForeignKey(
        "children.Child",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="supervision_actions",
    )
    what = models.TextField("what needs doing", max_length=1000)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="supervision_actions"
    )
    due_on = models.DateField("by when")
    done_on = models.DateField(null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["due_on", "id"]
        indexes = [
            models.Index(
                fields=["owner", "due_on"],
                condition=models.Q(done_on__isnull=True),
                name="supervision_action_open",
            )
        ]

    def __str__(self) -> str:
        return self.what[:60]

    def clean(self):
        errors = _length_errors(self)
        if self.done_on and self.done_on > timezone.localdate():
            errors["done_on"] = "The date it was done must be today or in the past"
        if errors:
            raise ValidationError(errors)

    @property
    def is_overdue(self) -> bool:
        return self.done_on is None and self.due_on < timezone.localdate()


class SolutionCircle(models.Model):
    """A solution circle in a group supervision session: one problem holder puts their problem,
    each person offers ideas in time-boxed rounds, and the problem holder chooses a first step,
    with a date to say what happened."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    session = models.ForeignKey(GroupSession, on_delete=models.CASCADE, related_name="circles")
    # The child whose situation the problem is about, if it is about one.
    discussion = models.ForeignKey(
        Discussion, on_delete=models.CASCADE, null=True, blank=True, related_name="circles"
    )
    problem_holder = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    problem = _text("the problem, as the problem holder puts it", blank=False)
    idea_rounds = models.PositiveSmallIntegerField(
        "rounds of ideas",
        default=2,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    minutes_per_round = models.PositiveSmallIntegerField(
        default=5, validators=[MinValueValidator(1), MaxValueValidator(30)]
    )
    first_step = _text("the first step chosen")
    follow_up_on = models.DateField("follow-up date", null=True, blank=True)
    what_happened = _text("what happened")
    version = models.PositiveIntegerField(default=1)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["recorded_at", "id"]

    def __str__(self) -> str:
        return f"Solution circle for {self.problem_holder}"

    def clean(self):
        errors = _length_errors(self)
        if self.discussion_id and self.discussion.session_id != self.session_id:
            errors["discussion"] = "Choose a child discussed in this session"
        if errors:
            raise ValidationError(errors)

    @property
    def timer(self) -> list[tuple[str, int]]:
        """The circle's rounds in order, each with its minutes: the timer that needs no script."""
        minutes = self.minutes_per_round
        rounds = [("The problem holder describes the problem; everyone listens", minutes)]
        rounds += [
            (f"Ideas, round {n}: each person offers an idea; the problem holder listens", minutes)
            for n in range(1, self.idea_rounds + 1)
        ]
        rounds.append(("The problem holder says what they heard and chooses a first step", minutes))
        return rounds

    @property
    def countdown(self) -> list[tuple[str, int, int]]:
        """The timer as a plain countdown: each round, its minutes, and the minutes of the
        circle left when it ends."""
        left = self.total_minutes
        rounds = []
        for what, minutes in self.timer:
            left -= minutes
            rounds.append((what, minutes, left))
        return rounds

    @property
    def total_minutes(self) -> int:
        return sum(minutes for _what, minutes in self.timer)

    @property
    def follow_up_due(self) -> bool:
        return (
            self.follow_up_on is not None
            and not self.what_happened
            and self.follow_up_on <= timezone.localdate()
        )


class CircleIdea(models.Model):
    """One idea offered in a round of a solution circle."""

    circle = models.ForeignKey(SolutionCircle, on_delete=models.CASCADE, related_name="ideas")
    round = models.PositiveSmallIntegerField()
    offered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    idea = models.TextField(max_length=2000)
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["round", "recorded_at", "id"]

    def __str__(self) -> str:
        return self.idea[:60]

    def clean(self):
        errors = _length_errors(self)
        if self.round and self.circle_id and not 1 <= self.round <= self.circle.idea_rounds:
            errors["round"] = f"Choose a round from 1 to {self.circle.idea_rounds}"
        if errors:
            raise ValidationError(errors)


class OneToOne(models.Model):
    """One-to-one reflective supervision between a practice supervisor and an FCA. The wellbeing
    part is private to the two of them and the supervisor's manager; it is never shown on a
    child's file."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    supervisor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="one_to_ones_given"
    )
    supervisee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="one_to_ones"
    )
    held_on = models.DateField("date")
    discussion = _text("what was discussed", blank=False)
    wellbeing = _text("wellbeing")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-held_on", "-id"]
        indexes = [
            models.Index(fields=["supervisee", "-held_on"], name="one_to_one_supervisee_recent")
        ]

    def __str__(self) -> str:
        return f"One-to-one supervision, {self.supervisee}, {self.held_on:%-d %B %Y}"

    def clean(self):
        errors = _length_errors(self)
        if self.held_on and self.held_on > timezone.localdate():
            errors["held_on"] = "The date must be today or in the past"
        if self.supervisor_id and self.supervisor_id == self.supervisee_id:
            errors["supervisee"] = "Choose someone other than yourself"
        if errors:
            raise ValidationError(errors)


class OneToOneChild(models.Model):
    """A child thought about in one-to-one supervision, and how it helped."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    one_to_one = models.ForeignKey(OneToOne, on_delete=models.CASCADE, related_name="children")
    child = models.ForeignKey(
        "children.Child", on_delete=models.PROTECT, related_name="one_to_one_discussions"
    )
    how_it_helped = _text("how it helped", blank=False)
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["recorded_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["one_to_one", "child"], name="child_once_in_a_one_to_one"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.child} in {self.one_to_one}"

    def clean(self):
        errors = _length_errors(self)
        if errors:
            raise ValidationError(errors)


class Theme(models.TextChoices):
    RELATIONSHIP = "relationship", "Building a relationship with the child"
    CHILDS_VOICE = "childs_voice", "Hearing the child's wishes and feelings"
    FAMILY = "family", "Working with the family"
    EXPLAINING = "explaining", "Explaining what is happening"
    PARTNERS = "partners", "Working with partners"
    TEAMWORK = "teamwork", "Thinking together as a team"


class ForWhom(models.TextChoices):
    CHILD = "child", "The child"
    FAMILY = "family", "The family"
    COLLEAGUES = "colleagues", "Colleagues"
    PARTNERS = "partners", "Partners"


class Appreciation(models.Model):
    """An appreciative inquiry record: what worked well, and the difference it made, for whom.
    Perhaps about a child, a meeting, a letter, a plan, a storyboard or a session. Shared in the
    "What works" library with the child's details left out."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    service_area = models.ForeignKey(
        "organisation.ServiceArea", on_delete=models.PROTECT, related_name="+"
    )
    theme = models.CharField(max_length=20, choices=Theme.choices)
    what_worked = _text("what worked well", blank=False)
    difference = _text("the difference it made", blank=False)
    for_whom = models.JSONField(default=list)
    child = models.ForeignKey(
        "children.Child", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    meeting = models.ForeignKey(
        "children.Meeting", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    letter = models.ForeignKey(
        "letters.Letter", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    plan = models.ForeignKey(
        "plans.Plan", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    session = models.ForeignKey(
        GroupSession, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # The family storyboard it was about (the child is then the storyboard's child).
    storyboard = models.ForeignKey(
        "storyboards.Storyboard",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-recorded_at", "-id"]
        indexes = [models.Index(fields=["theme", "-recorded_at"], name="appreciation_theme")]

    def __str__(self) -> str:
        return self.what_worked[:60]

    def clean(self):
        errors = _length_errors(self)
        if not self.for_whom:
            errors["for_whom"] = "Say who it made a difference for"
        elif not set(self.for_whom) <= set(ForWhom.values):
            errors["for_whom"] = "Choose from the options given"
        if self.storyboard_id and self.storyboard.child_id != self.child_id:
            errors["storyboard"] = "Choose a storyboard for the child this is about"
        for name, what in (("meeting", "meeting"), ("letter", "letter"), ("plan", "plan")):
            thing = getattr(self, name) if getattr(self, f"{name}_id") else None
            if thing is not None and thing.child_id != self.child_id:
                errors[name] = f"Choose a {what} for the child this is about"
        if errors:
            raise ValidationError(errors)

    @property
    def about_in_general(self) -> str:
        """What the record was about, in words that leave out the child's details (for the
        library): a meeting, a letter, a plan, a family storyboard or a session, or nothing."""
        for name, words in ABOUT_IN_GENERAL:
            if getattr(self, f"{name}_id"):
                return words
        return ""

    @property
    def for_whom_labels(self) -> list[str]:
        labels = dict(ForWhom.choices)
        return [str(labels[value]) for value in self.for_whom if value in labels]


# What an appreciative inquiry record can be about, in the library's words (no child's details).
ABOUT_IN_GENERAL = [
    ("meeting", "A meeting with the child"),
    ("letter", "A letter"),
    ("plan", "A plan of work"),
    ("storyboard", "A family storyboard"),
    ("session", "A group supervision session"),
]
