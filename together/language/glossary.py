"""The glossary: professional words and phrases with everyday alternatives.

``BUILT_IN_GLOSSARY`` is the list the engine uses unless the caller passes its own (the
editable copy in the database). Each entry has a category, and the category decides who the
word is flagged for (``GLOSSARY_CATEGORIES``):

- ``court``, ``social_work``, ``services``: the words of the family court, of social work and
  of police, health and school. Children and families are flagged; professionals share these
  words, so they are not.
- ``official``: government-speak and padding ("facilitate", "prior to", "going forward"). It
  is flagged for everyone: nobody needs it, and the child may read their file one day.
- ``child``: everyday adult words that children may not know ("recommend", "solicitor").
  Children only.

An entry with a category not listed here is flagged for children and families.

``inflect`` says which forms of the term to look for as well: ``noun`` adds plurals of the last
word (placement, placements); ``verb`` adds -s, -ed and -ing forms of the first word (adjourn,
adjourned, adjourning; liaise with, liaising with); ``none`` matches the term as written;
``auto`` (the default, for entries typed in by people) does both for a single word and plurals
for a phrase.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from together.language.base import CHILDREN_AND_FAMILIES, EVERYONE, AudienceKind
from together.language.glossary_court import COURT, SOCIAL_WORK
from together.language.glossary_official import CHILD, OFFICIAL, SERVICES

INFLECTIONS = ("auto", "noun", "verb", "none")


@dataclass(frozen=True, slots=True)
class GlossaryEntry:
    """A word or phrase to avoid, what to say instead, and why."""

    term: str
    alternatives: tuple[str, ...]
    reason: str
    category: str
    inflect: str = "auto"


@dataclass(frozen=True, slots=True)
class GlossaryCategory:
    label: str
    audiences: frozenset[AudienceKind]


GLOSSARY_CATEGORIES: dict[str, GlossaryCategory] = {
    "court": GlossaryCategory("Family court and legal words", CHILDREN_AND_FAMILIES),
    "social_work": GlossaryCategory("Social work and care words", CHILDREN_AND_FAMILIES),
    "services": GlossaryCategory("Police, health and school words", CHILDREN_AND_FAMILIES),
    "official": GlossaryCategory("Official and wordy phrases", EVERYONE),
    "child": GlossaryCategory(
        "Everyday adult words children may not know", frozenset({AudienceKind.CHILD})
    ),
}


def audiences_for(category: str) -> frozenset[AudienceKind]:
    """Who an entry of this category is flagged for."""
    known = GLOSSARY_CATEGORIES.get(category)
    return known.audiences if known else CHILDREN_AND_FAMILIES


def parse_entries(text: str, category: str) -> list[GlossaryEntry]:
    """Read entries written as ``term | alt; alt | inflect`` with the reason on the next,
    indented line."""
    entries: list[GlossaryEntry] = []
    pending: tuple[str, tuple[str, ...], str] | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        if line[0].isspace():
            if pending is None:
                raise ValueError(f"line {number}: a reason with no term before it")
            term, alternatives, inflect = pending
            entries.append(GlossaryEntry(term, alternatives, line.strip(), category, inflect))
            pending = None
            continue
        if pending is not None:
            raise ValueError(f"line {number}: {pending[0]!r} has no reason")
        parts = [part.strip() for part in line.split("|")]
        inflect = parts[2] if len(parts) > 2 else "auto"
        if len(parts) not in (2, 3) or inflect not in INFLECTIONS:
            raise ValueError(f"line {number}: expected 'term | alternatives | inflect'")
        alternatives = tuple(alt.strip() for alt in parts[1].split(";") if alt.strip())
        pending = (parts[0], alternatives, inflect)
    if pending is not None:
        raise ValueError(f"{pending[0]!r} has no reason")
    return entries


BUILT_IN_GLOSSARY: tuple[GlossaryEntry, ...] = tuple(
    entry
    for text, category in (
        (COURT, "court"),
        (SOCIAL_WORK, "social_work"),
        (SERVICES, "services"),
        (OFFICIAL, "official"),
        (CHILD, "child"),
    )
    for entry in parse_entries(text, category)
)


def coerce_entries(glossary: Iterable[object]) -> tuple[GlossaryEntry, ...]:
    """Turn what the caller passed into GlossaryEntry objects.

    Accepts GlossaryEntry objects, tuples ``(term, alternatives, reason[, category[,
    inflect]])``, mappings with those keys, or any object with those attributes (a Django
    model instance). Alternatives may be a string with ``;`` or line breaks between them.
    """
    result = []
    for item in glossary:
        if isinstance(item, GlossaryEntry):
            result.append(item)
            continue
        if isinstance(item, tuple | list):
            fields = dict(
                zip(("term", "alternatives", "reason", "category", "inflect"), item, strict=False)
            )
        elif isinstance(item, dict):
            fields = dict(item)
        else:
            fields = {
                key: getattr(item, key)
                for key in ("term", "alternatives", "reason", "category", "inflect")
                if hasattr(item, key)
            }
        alternatives = fields.get("alternatives") or ()
        if isinstance(alternatives, str):
            alternatives = alternatives.replace("\n", ";").split(";")
        inflect = fields.get("inflect") or "auto"
        result.append(
            GlossaryEntry(
                term=str(fields["term"]).strip(),
                alternatives=tuple(str(a).strip() for a in alternatives if str(a).strip()),
                reason=str(fields.get("reason") or "").strip(),
                category=str(fields.get("category") or "").strip() or "unknown",
                inflect=inflect if inflect in INFLECTIONS else "auto",
            )
        )
    return tuple(entry for entry in result if entry.term)
