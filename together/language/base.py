"""The small shared types of the plain-language engine: categories, readers and findings."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Category(StrEnum):
    """What kind of problem a finding is."""

    ACRONYM = "acronym"
    JARGON = "jargon"
    DEPERSONALISING = "depersonalising"
    JUDGEMENTAL = "judgemental"
    CHARACTER = "character"
    LEGAL_REFERENCE = "legal_reference"
    LATIN = "latin"
    LONG_SENTENCE = "long_sentence"
    RARE_WORD = "rare_word"


class AudienceKind(StrEnum):
    """Who will read the text."""

    CHILD = "child"
    ADULT_FAMILY = "adult_family"
    PROFESSIONAL = "professional"


EVERYONE = frozenset(AudienceKind)
CHILDREN_AND_FAMILIES = frozenset({AudienceKind.CHILD, AudienceKind.ADULT_FAMILY})


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing to look at again. ``text`` is always ``original[start:end]``."""

    start: int
    end: int
    text: str
    category: Category
    message: str
    suggestions: tuple[str, ...] = ()


def words(text: str) -> frozenset[str]:
    """A set of words written as one space-separated string (keeps word lists short)."""
    return frozenset(text.split())
