"""Feedback from children, parents and carers and other professionals about an FCA's work.

A link (a FeedbackInvitation with a secret token) goes out in a letter, with a shared plan or with
a shared storyboard; the person who gets it answers a short form without signing in (a
FeedbackResponse).
"""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone


class Audience(models.TextChoices):
    YOUNGER_CHILD = "younger_child", "Younger child"
    OLDER_CHILD = "older_child", "Older child"
    PARENT_CARER = "parent_carer", "Parent or carer"
    PROFESSIONAL = "professional", "Other professional"


CHILD_AUDIENCES = frozenset({Audience.YOUNGER_CHILD, Audience.OLDER_CHILD})


class Source(models.TextChoices):
    LETTER = "letter", "Letter"
    PLAN_SHARE = "plan_share", "Shared plan"
    STORYBOARD_SHARE = "storyboard_share", "Shared storyboard"
    IMPORTED = "imported", "Brought in from another system"


class Stage(models.TextChoices):
    """How far the work with the child has got when someone answers, which decides the questions
    that make sense (questions.py). A letter's link starts at its letter's stage; an
    introduction answered after the child was met is asked about the meeting."""

    INTRODUCTION = "introduction", "After the introductory letter"
    AFTER_MEETING = "after_meeting", "After meeting"
    ENDING = "ending", "After the advice to the court"


# Short codes a child can type (see docs/adr/0007-feedback-tokens.md): no characters that look
# alike in print or handwriting (0 O D Q, 1 I L, 2 Z, 5 S, 6 G, 8 B, U V), in groups of three:
# 20 characters, 9 of them, about 5 × 10^11 codes.
CODE_ALPHABET = "ACEFHJKMNPRTWXY34679"
CODE_LENGTH = 9
CODE_GROUP = 3


def code_grouped(code: str) -> str:
    """K7M4QX9HT as K7M-4QX-9HT, the way it is printed."""
    return "-".join(code[i : i + CODE_GROUP] for i in range(0, len(code), CODE_GROUP))


class Answer(models.IntegerChoices):
    """A point on the five-point scale, or "I don't know" (which no share counts)."""

    DONT_KNOW = 0, "I don't know"
    NOT_AT_ALL = 1, "Not at all"
    NOT_REALLY = 2, "Not really"
    SOMETIMES = 3, "Sometimes"
    MOSTLY = 4, "Mostly"
    YES = 5, "Yes, a lot"


# The top two points of the scale count as "yes".
POSITIVE_ANSWERS = frozenset({Answer.MOSTLY, Answer.YES})


class FeedbackInvitation(models.Model):
    """A link to the feedback form for one person, about one FCA's work with one child."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # The secret in the link (see docs/adr/0007-feedback-tokens.md): looked up by exact match.
    token = models.CharField(max_length=64, unique=True, editable=False)
    # The short code printed for someone to type (CODE_ALPHABET, stored without dashes), which
    # leads to the same page as the token.
    code = models.CharField(max_length=CODE_LENGTH, unique=True, editable=False)
    audience = models.CharField(max_length=20, choices=Audience.choices)
    source = models.CharField(max_length=20, choices=Source.choices)
    stage = models.CharField(max_length=20, choices=Stage.choices, default=Stage.ENDING)
    # The letter or plan share that carried the link.
    source_id = models.UUIDField()
    child = models.ForeignKey(
        "children.Child", on_delete=models.PROTECT, related_name="feedback_invitations"
    )
    # Whose work the feedback is about.
    fca = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="feedback_invitations",
        db_index=False,  # reporting reads the answers, which have their own indexes
    )
    # Where the FCA worked when the link was made, kept for reporting.
    team = models.ForeignKey(
        "organisation.Team",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,
    )
    service_area = models.ForeignKey(
        "organisation.ServiceArea",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    expires_at = models.DateTimeField()
    # When the link started to work: when the letter carrying it was recorded as sent (a plan's
    # link works from when it is shared). Until then the link answers like an unknown one.
    opened_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
        db_index=False,
    )

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["source", "source_id"], name="feedback_invitation_source")]

    def __str__(self) -> str:
        return f"{self.get_audience_display()} feedback link ({self.get_source_display()})"

    def get_absolute_url(self) -> str:
        return reverse("feedback:form", kwargs={"token": self.token})

    @property
    def short_link(self) -> str:
        base = getattr(settings, "TOGETHER_PUBLIC_URL", "http://127.0.0.1:8000").rstrip("/")
        return f"{base}{self.get_absolute_url()}"

    @property
    def typed_link(self) -> str:
        """The address to print for someone to type: the short code, grouped, on the public
        site without "https://" (a browser adds it). The QR code carries short_link."""
        base = getattr(settings, "TOGETHER_PUBLIC_URL", "http://127.0.0.1:8000").rstrip("/")
        host = base.split("://", 1)[-1]
        return f"{host}/f/{code_grouped(self.code)}"

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= timezone.now()

    @property
    def is_open(self) -> bool:
        return self.opened_at is not None and self.opened_at <= timezone.now()


class FeedbackResponse(models.Model):
    """One person's answers to one invitation.

    Audience, FCA, team and service area are copied from the invitation so the dashboard can
    count in one grouped query without joining it.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    invitation = models.OneToOneField(
        FeedbackInvitation, on_delete=models.PROTECT, related_name="response"
    )
    audience = models.CharField(max_length=20, choices=Audience.choices)
    # Indexed through the (fca, answered_at), (team, ...) and (service_area, ...) indexes below.
    fca = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", db_index=False
    )
    team = models.ForeignKey(
        "organisation.Team",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,
    )
    service_area = models.ForeignKey(
        "organisation.ServiceArea",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,
    )
    # The questions asked depend on the stage; one not asked is empty (None).
    stage = models.CharField(max_length=20, choices=Stage.choices, default=Stage.ENDING)
    listened = models.PositiveSmallIntegerField(choices=Answer.choices, null=True, blank=True)
    respected = models.PositiveSmallIntegerField(choices=Answer.choices, null=True, blank=True)
    explained = models.PositiveSmallIntegerField(choices=Answer.choices, null=True, blank=True)
    understood_reasons = models.PositiveSmallIntegerField(
        choices=Answer.choices, null=True, blank=True
    )
    could_say = models.PositiveSmallIntegerField(choices=Answer.choices, null=True, blank=True)
    do_better = models.TextField(max_length=2000, blank=True)
    anything_else = models.TextField(max_length=2000, blank=True)
    answered_at = models.DateTimeField(default=timezone.now)
    changed_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-answered_at"]
        indexes = [
            models.Index(fields=["service_area", "answered_at"], name="feedback_area_month"),
            models.Index(fields=["team", "answered_at"], name="feedback_team_month"),
            models.Index(fields=["fca", "answered_at"], name="feedback_fca_month"),
            models.Index(fields=["answered_at"], name="feedback_answered"),
            # The comments list, newest first, reads this backwards and stops after one page.
            models.Index(fields=["-answered_at", "-id"], name="feedback_newest"),
        ]

    def __str__(self) -> str:
        return f"Feedback from a {self.get_audience_display().lower()}"

    def clean(self):
        for name in ("do_better", "anything_else"):
            value = getattr(self, name) or ""
            if len(value) > 2000:
                raise ValidationError({name: "Write 2,000 characters or fewer"})

    @property
    def felt_listened_to(self) -> bool | None:
        if self.listened is None or self.listened == Answer.DONT_KNOW:
            return None
        return self.listened in POSITIVE_ANSWERS


class Felt(models.TextChoices):
    """The "listened" answer as the figures count it."""

    YES = "yes", "Felt listened to"
    NO = "no", "Did not feel listened to"
    DONT_KNOW = "dont_know", "I don't know"


def felt_of(listened: int | None) -> str:
    """How an answer counts; not asked (an introduction) counts as not knowing: left out."""
    if listened is None or listened == Answer.DONT_KNOW:
        return Felt.DONT_KNOW
    return Felt.YES if listened in POSITIVE_ANSWERS else Felt.NO


# The column of the summaries each audience's "felt listened to" is counted in.
GROUP_OF_AUDIENCE = {
    Audience.YOUNGER_CHILD: "children",
    Audience.OLDER_CHILD: "children",
    Audience.PARENT_CARER: "parents",
    Audience.PROFESSIONAL: "professionals",
}


class SummaryCounts(models.Model):
    """How many answers a row of a summary holds, with who answered and how they felt as
    columns, so a table of figures is one grouped sum of a few columns."""

    answers = models.IntegerField(default=0)
    # For each group, how many felt listened to, and how many were counted: everyone but those
    # who said "I don't know".
    children_yes = models.IntegerField(default=0)
    children_counted = models.IntegerField(default=0)
    parents_yes = models.IntegerField(default=0)
    parents_counted = models.IntegerField(default=0)
    professionals_yes = models.IntegerField(default=0)
    professionals_counted = models.IntegerField(default=0)
    # How many wrote a comment, for each audience (the comments can be filtered by any).
    commented_younger_child = models.IntegerField(default=0)
    commented_older_child = models.IntegerField(default=0)
    commented_parent_carer = models.IntegerField(default=0)
    commented_professional = models.IntegerField(default=0)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{self.answers} answers in {self.month:%B %Y}"


class FeedbackMonthSummary(SummaryCounts):
    """How many answers about one FCA's work fall in a month (in London), in one team and
    service area.

    The dashboard adds these up instead of reading every answer. Kept up to date in the same
    transaction as each answer is recorded or changed (services.py), and rebuilt from the answers
    by `manage.py feedback_summary_rebuild` (after a bulk load such as the demo data). A month
    and place may appear in more than one row (two first answers saved at the same moment): only
    sums are read.
    """

    month = models.DateField()  # the first day of the month
    service_area = models.ForeignKey(
        "organisation.ServiceArea",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,
    )
    team = models.ForeignKey(
        "organisation.Team",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,
    )
    fca = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", db_index=False
    )

    class Meta:
        indexes = [
            models.Index(fields=["service_area", "month"], name="feedback_sum_area"),
            models.Index(fields=["team", "month"], name="feedback_sum_team"),
            models.Index(fields=["fca", "month"], name="feedback_sum_fca"),
            models.Index(fields=["month"], name="feedback_sum_month"),
        ]


class FeedbackAreaMonthSummary(SummaryCounts):
    """The same answers added up more coarsely: one row per month and service area.

    National and regional figures, a service area's total and months, and the count of comments
    for any of these, read this: a few hundred rows for the whole country. Kept up in the same
    transaction as FeedbackMonthSummary and rebuilt by the same command.
    """

    month = models.DateField()  # the first day of the month, in London
    service_area = models.ForeignKey(
        "organisation.ServiceArea",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,
    )

    class Meta:
        indexes = [
            models.Index(fields=["service_area", "month"], name="feedback_area_sum_area"),
            models.Index(fields=["month"], name="feedback_area_sum_month"),
        ]
