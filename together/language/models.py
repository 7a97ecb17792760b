"""The plain-language checks' data: the glossary people can edit, and authors' confirmations.

The glossary starts as the engine's built-in list (copied in by a data migration) and is then
the service's own: system administrators edit it in the admin site, each change bumps
``GlossaryVersion`` and every process rebuilds its phrase index once for the new version (see
``selectors.glossary_current``).
"""

import uuid

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone

from together.language.base import Category
from together.language.glossary import GLOSSARY_CATEGORIES
from together.language.phrases import tokenize

GlossaryCategory = models.TextChoices(
    "GlossaryCategory", [(key.upper(), (key, c.label)) for key, c in GLOSSARY_CATEGORIES.items()]
)


class Inflect(models.TextChoices):
    AUTO = "auto", "Work it out: plurals, and verb forms for a single word"
    NOUN = "noun", "Plurals of the last word (placement, placements)"
    VERB = "verb", "Verb forms of the first word (adjourn, adjourned, adjourning)"
    NONE = "none", "Only exactly as written"


FindingCategory = models.TextChoices(
    "FindingCategory",
    [(c.name, (c.value, c.value.replace("_", " ").capitalize())) for c in Category],
)


class GlossaryTerm(models.Model):
    """A word or phrase to avoid for some readers, what to say instead, and why."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    term = models.CharField(
        max_length=100, help_text="The word or phrase, as you would write it: placement"
    )
    alternatives = models.TextField(
        "everyday alternatives",
        max_length=1000,
        blank=True,
        help_text="One on each line: where you live",
    )
    reason = models.CharField(
        max_length=300, help_text="One line for the writer on why, in plain words"
    )
    category = models.CharField(
        max_length=20,
        choices=GlossaryCategory.choices,
        help_text="Decides who the word is flagged for (children, families, everyone)",
    )
    inflect = models.CharField(
        "forms to look for", max_length=10, choices=Inflect.choices, default=Inflect.AUTO
    )
    active = models.BooleanField(default=True, help_text="Untick to stop flagging it")
    updated_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    class Meta:
        ordering = ["term"]
        constraints = [
            models.UniqueConstraint(
                Lower("term"),
                name="glossary_term_unique",
                violation_error_message="This word or phrase is in the glossary already",
            ),
        ]

    def __str__(self) -> str:
        return self.term

    def clean(self):
        self.term = " ".join((self.term or "").split())
        if self.term and not tokenize(self.term):
            raise ValidationError({"term": "Enter a word or phrase with letters in it"})
        lines = (self.alternatives or "").replace(";", "\n").splitlines()
        self.alternatives = "\n".join(line.strip() for line in lines if line.strip())
        self.reason = " ".join((self.reason or "").split())

    @property
    def alternatives_list(self) -> list[str]:
        return [line for line in self.alternatives.splitlines() if line.strip()]


class GlossaryVersion(models.Model):
    """One row, changed with every change to the glossary.

    ``token`` is new each time, so a process compares it with the one it compiled; ``number``
    counts the changes for people.
    """

    number = models.PositiveIntegerField(default=1)
    token = models.UUIDField(default=uuid.uuid4)
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.CheckConstraint(condition=models.Q(id=1), name="one_glossary_version")
        ]

    def __str__(self) -> str:
        return f"Glossary version {self.number}"


class LanguageConfirmation(models.Model):
    """An author's word that a document may go out with the findings the check still makes.

    It holds for one text only (``text_hash``): change a word and the findings need confirming
    again. The document is any model (a letter, a plan), referred to generically.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    document_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    document_id = models.CharField(max_length=64)
    document = GenericForeignKey("document_type", "document_id")
    child_id = models.UUIDField(null=True, blank=True, db_index=True)
    text_hash = models.CharField(max_length=64)
    reader = models.CharField(max_length=200, help_text="Who the document was checked for")
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    confirmed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-confirmed_at", "-id"]
        indexes = [
            models.Index(
                fields=["document_type", "document_id", "text_hash"], name="language_confirmed_doc"
            )
        ]

    def __str__(self) -> str:
        return f"Language confirmed for {self.document_type.model} {self.document_id}"


class ConfirmedFinding(models.Model):
    """One finding the author kept, with their reason. Repeats of the same words share one."""

    confirmation = models.ForeignKey(
        LanguageConfirmation, on_delete=models.CASCADE, related_name="findings"
    )
    category = models.CharField(max_length=20, choices=FindingCategory.choices)
    words = models.TextField(help_text="The flagged words, in lower case")
    occurrences = models.PositiveIntegerField(default=1)
    reason = models.TextField(max_length=1000)

    class Meta:
        ordering = ["id"]
        # One row per category and words is kept by the service: a unique index cannot hold
        # the words of a long sentence on PostgreSQL.
        constraints = [
            models.CheckConstraint(condition=~models.Q(reason=""), name="confirmed_with_reason"),
        ]

    def __str__(self) -> str:
        return f"{self.category}: {self.words}"

    @property
    def key(self) -> str:
        return finding_key(self.category, self.words)


def finding_key(category: str, words: str) -> str:
    """What makes two findings the same for confirming: the category and the words."""
    return f"{category}:{' '.join(words.lower().split())}"
