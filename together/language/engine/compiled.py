"""The glossary and the rules compiled into one phrase index, kept between calls."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from together.language.acronyms import find_acronyms
from together.language.base import Category
from together.language.character import CHARACTER_RULES
from together.language.glossary import (
    BUILT_IN_GLOSSARY,
    GlossaryEntry,
    audiences_for,
    coerce_entries,
)
from together.language.latin import LATIN_RULES
from together.language.phrases import PhraseIndex, phrase_forms
from together.language.rare import zipf
from together.language.readability import count_syllables
from together.language.respect import ALLOWED_PHRASES, RULES, PhraseRule
from together.language.senses import SENSE_GUARDS


@dataclass(frozen=True, slots=True)
class _Compiled:
    index: PhraseIndex[PhraseRule | None]  # None marks an allowed everyday phrase
    glossary_words: frozenset[str]  # every form of every one-word glossary term


CompiledGlossary = _Compiled

_compiled: dict[tuple[GlossaryEntry, ...] | None, _Compiled] = {}


def _compile(entries: tuple[GlossaryEntry, ...]) -> _Compiled:
    items: list[tuple[str, str, PhraseRule | None]] = [
        (
            entry.term,
            entry.inflect,
            PhraseRule(
                entry.term,
                Category.JARGON,
                entry.reason,
                entry.alternatives,
                audiences=audiences_for(entry.category),
                guard=SENSE_GUARDS.get(entry.term.strip().lower()),
            ),
        )
        for entry in entries
    ]
    items += [(rule.term, rule.inflect, rule) for rule in (*RULES, *LATIN_RULES, *CHARACTER_RULES)]
    items += [(phrase, "none", None) for phrase in ALLOWED_PHRASES]
    words = {
        atoms[0]
        for entry in entries
        for atoms in phrase_forms(entry.term, entry.inflect)
        if len(atoms) == 1
    }
    return _Compiled(PhraseIndex(items), frozenset(words))


def compile_glossary(glossary: Iterable[object]) -> _Compiled:
    """Build the phrase index for a glossary once, to pass to ``check`` many times.

    The service keeps one compiled glossary per version of the editable glossary, so a check
    costs no more with the database copy than with the built-in list.
    """
    return _compile(coerce_entries(glossary))


def _compiled_for(glossary: Iterable[object] | _Compiled | None) -> _Compiled:
    if isinstance(glossary, _Compiled):
        return glossary
    key = None if glossary is None else coerce_entries(glossary)
    compiled = _compiled.get(key)
    if compiled is None:
        if len(_compiled) >= 16:
            _compiled.clear()
        compiled = _compile(BUILT_IN_GLOSSARY if key is None else key)
        _compiled[key] = compiled
    return compiled


def preload() -> None:
    """Load the dictionaries and build the built-in index now rather than on first use."""
    _compiled_for(None)
    count_syllables("preload")
    zipf("preload")
    find_acronyms("Preload FCA")
