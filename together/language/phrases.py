"""Find words and phrases in a text quickly, with their inflected forms.

The text is cut once into tokens (runs of letters and digits, apostrophes kept inside), and
each phrase is looked up by its first token in a dictionary, so the cost grows with the length
of the text, not with the number of phrases. Phrases match whole tokens only ("party" never
matches inside "partying"), across spaces, a single line break or a hyphen
("non-compliant", "non compliant"), and the last word may carry a possessive ("the local
authority's plan" matches "local authority", and the finding stops before "'s").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Generic, NamedTuple, TypeVar

T = TypeVar("T")

_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_VOWELS = "aeiou"
_JOINERS = frozenset(" \t\r\n\u00a0-\u2010")

# Irregular past forms of verbs that appear in the built-in lists.
_IRREGULAR = {
    "undertake": ("undertook", "undertaken"),
    "withdraw": ("withdrew", "withdrawn"),
    "seek": ("sought",),
    "hold": ("held",),
    "bring": ("brought",),
    "make": ("made",),
    "take": ("took", "taken"),
    "give": ("gave", "given"),
    "meet": ("met",),
    "keep": ("kept",),
    "deem": ("deemed",),
}


class Token(NamedTuple):
    start: int
    end: int
    norm: str  # lowercase, curly apostrophes made straight


@dataclass(frozen=True, slots=True)
class Match(Generic[T]):
    first: int  # index of the first token
    last: int  # index of the last token
    start: int  # character offsets in the text
    end: int
    payload: T


def normalise(word: str) -> str:
    return word.lower().replace("’", "'")


def tokenize(text: str) -> list[Token]:
    """The text's tokens, lowercased once for the whole text (one pass, in C) where lowering
    keeps every character's offset; a few letters ("İ") grow when lowered, and then each token
    is lowered on its own."""
    low = normalise(text)
    new = tuple.__new__  # a NamedTuple without its Python-level constructor: a third faster
    if len(low) == len(text):
        return [new(Token, (m.start(), m.end(), m.group())) for m in _TOKEN.finditer(low)]
    return [new(Token, (m.start(), m.end(), normalise(m.group()))) for m in _TOKEN.finditer(text)]


def _possessives(words) -> frozenset[str]:
    """The possessive forms ``find`` strips: "authority's", and "parents'" for words in s."""
    return frozenset(w + "'s" for w in words) | frozenset(w + "'" for w in words if w[-1:] == "s")


def _strip_possessive(norm: str) -> str:
    if norm.endswith("'s"):
        return norm[:-2]
    if norm.endswith("s'"):
        return norm[:-1]
    return norm


# Plurals that do not add -s, for nouns at the head of glossary phrases.
_IRREGULAR_PLURALS = {
    "child": "children",
    "grandchild": "grandchildren",
    "stepchild": "stepchildren",
    "person": "people",
    "man": "men",
    "woman": "women",
    "wife": "wives",
    "life": "lives",
    "half": "halves",
}
# Words after which a phrase's head noun stops: "child in need", "order of the court".
_PREPOSITIONS = frozenset(("in", "of", "for", "to", "with", "under", "from", "on", "at", "by"))


def noun_forms(word: str) -> set[str]:
    """The word and its plural (sibling, siblings; party, parties; process, processes; child,
    children)."""
    if word in _IRREGULAR_PLURALS:
        return {word, _IRREGULAR_PLURALS[word]}
    if not word.isalpha():
        return {word}
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return {word, word + "es"}
    if len(word) > 1 and word.endswith("y") and word[-2] not in _VOWELS:
        return {word, word[:-1] + "ies"}
    return {word, word + "s"}


def _doubles_last_consonant(word: str) -> bool:
    """refer → referred, commit → committed (visit → visitted is never matched; harmless)."""
    return (
        len(word) >= 3
        and word[-1] not in _VOWELS + "wxy"
        and word[-2] in _VOWELS
        and word[-3] not in _VOWELS
    )


def verb_forms(word: str) -> set[str]:
    """The word with -s, -ed and -ing (abscond, absconds, absconded, absconding)."""
    if not word.isalpha():
        return {word}
    forms = noun_forms(word)  # third person: liaises, refers, applies
    if word.endswith("ie"):
        forms |= {word + "d", word[:-2] + "ying"}
    elif word.endswith("e"):
        forms |= {word + "d", word[:-1] + "ing"}
        if word.endswith(("ee", "ye", "oe")):
            forms.add(word + "ing")
    elif len(word) > 1 and word.endswith("y") and word[-2] not in _VOWELS:
        forms |= {word[:-1] + "ied", word + "ing"}
    else:
        forms |= {word + "ed", word + "ing"}
        if _doubles_last_consonant(word):
            forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    forms.update(_IRREGULAR.get(word, ()))
    return forms


def phrase_forms(term: str, inflect: str = "auto") -> set[tuple[str, ...]]:
    """Every token sequence that counts as the term.

    ``none``: as written; ``noun``: plurals of the last word, and of the head noun before a
    preposition ("child in need", "children in need"); ``verb``: verb forms of the first word;
    ``auto``: both for a single word, plurals for a phrase. A hyphenated term is also found
    written as one word ("non-compliant", "noncompliant"), and a phrase with spaces is found
    with hyphens between its words ("looked-after children").
    """
    bases = {tuple(normalise(t) for t in _TOKEN.findall(term))}
    if "-" in term:
        bases.add(tuple(normalise(t) for t in _TOKEN.findall(term.replace("-", ""))))
    result: set[tuple[str, ...]] = set()
    for atoms in bases:
        if not atoms:
            continue
        if inflect == "none":
            result.add(atoms)
        elif inflect == "verb":
            result |= {(form, *atoms[1:]) for form in verb_forms(atoms[0])}
        elif inflect == "noun" or len(atoms) > 1:
            result |= {(*atoms[:-1], form) for form in noun_forms(atoms[-1])}
            # The head of "child in need" is "child": "children in need".
            head = next((k - 1 for k in range(1, len(atoms)) if atoms[k] in _PREPOSITIONS), -1)
            if head >= 0:
                result |= {
                    (*atoms[:head], form, *atoms[head + 1 :]) for form in noun_forms(atoms[head])
                }
        else:
            result |= {(form,) for form in noun_forms(atoms[0]) | verb_forms(atoms[0])}
    return result


def joined(text: str, left_end: int, right_start: int) -> bool:
    """True when two tokens are next to each other in one phrase: only spaces, at most one
    line break and at most one hyphen between them."""
    gap = text[left_end:right_start]
    return (
        0 < len(gap) <= 6
        and all(ch in _JOINERS for ch in gap)
        and gap.count("\n") <= 1
        and (gap.count("-") + gap.count("\u2010")) <= 1
    )


class PhraseIndex(Generic[T]):
    """Phrases (with their forms) indexed by their first one or two tokens; ``find`` returns
    every match."""

    def __init__(self, phrases: Iterable[tuple[str, str, T]]):
        single: dict[str, list[T]] = {}
        multi: dict[tuple[str, str], list[tuple[tuple[str, ...], T]]] = {}
        for term, inflect, payload in phrases:
            for atoms in phrase_forms(term, inflect):
                if len(atoms) == 1:
                    single.setdefault(atoms[0], []).append(payload)
                else:
                    multi.setdefault(atoms[:2], []).append((atoms, payload))
        self._single = single
        self._multi = multi
        # What a phrase can start with, possessives included ("authority's", "parents'"), so
        # that ``find`` skips every other token with one set lookup.
        self._leads = frozenset(single) | _possessives(single)
        self._pairs = frozenset(multi) | frozenset(
            (a, b2) for a, b in multi for b2 in _possessives((b,))
        )

    def find(self, text: str, tokens: list[Token]) -> list[Match[T]]:
        found: list[Match[T]] = []
        single, multi, leads, pairs = self._single, self._multi, self._leads, self._pairs
        count = len(tokens)
        # Only tokens that start a phrase here are looked at any further (most do not).
        norms = [token.norm for token in tokens]
        starts = [
            i
            for i, pair in enumerate(zip(norms, [*norms[1:], ""], strict=False))
            if pair[0] in leads or pair in pairs
        ]
        for i in starts:
            token = tokens[i]
            norm = token.norm
            for payload in single.get(norm, ()):
                found.append(Match(i, i, token.start, token.end, payload))
            bare = _strip_possessive(norm)
            if bare != norm:
                for payload in single.get(bare, ()):
                    found.append(Match(i, i, token.start, token.start + len(bare), payload))
            if i + 1 == count:
                continue
            following = tokens[i + 1].norm
            keys = [(norm, following)]
            if _strip_possessive(following) != following:
                keys.append((norm, _strip_possessive(following)))
            for key in keys:
                for atoms, payload in multi.get(key, ()):
                    end = _match_rest(text, tokens, i, atoms, count)
                    if end is not None:
                        found.append(Match(i, i + len(atoms) - 1, token.start, end, payload))
        return found


def _match_rest(
    text: str, tokens: list[Token], i: int, atoms: tuple[str, ...], count: int
) -> int | None:
    """The end offset if tokens[i:] spell the phrase ``atoms``, else None."""
    last = len(atoms) - 1
    if i + last >= count:
        return None
    end = tokens[i + last].end
    for k in range(1, last + 1):
        token = tokens[i + k]
        if token.norm != atoms[k]:
            if k != last or _strip_possessive(token.norm) != atoms[k]:
                return None
            end = token.start + len(atoms[k])
        if not joined(text, tokens[i + k - 1].end, token.start):
            return None
    return end
