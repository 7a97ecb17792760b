"""Words a reader is unlikely to know, judged by how often they appear in everyday English.

Frequencies come from ``wordfreq`` (its data ships inside the package; nothing is downloaded)
on the Zipf scale: log10 of uses per billion words. Not flagged: numbers, words of one or two
letters, names the caller gives, capitalised words in mid-sentence (names of people and places),
words in capitals (the acronym check looks at those), glossary words (the glossary decides about
them), words already flagged as something else, and words of childhood that are rare in adult
text ("pyjamas", "trampoline").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from together.language.base import Category, Finding, words
from together.language.phrases import Token

CHILDHOOD_WORDS = words(
    """pyjamas trampoline trampolining crisps sleepover sleepovers grandad granddad grandma
    grandpa nanna nana nanny gran granny teddy teddies hamster hamsters cuddle cuddles cuddly
    tummy biscuit biscuits sweets colouring playdough scooter unicorn unicorns dinosaur
    dinosaurs bunny puppy puppies kitten kittens slime lolly lollies lollipop babysitter
    childminder playtime lunchbox wellies paddling seaside sandcastle cartoons superhero
    superheroes princess fairies pirate pirates stepdad stepmum storyboard storyboards"""
)

# Everyday in British English and in family life, though rare in the American English that
# dominates word counts.
BRITISH_EVERYDAY = words("carer carers childminder childminders")

_WORD_CHAR = re.compile(r"[^\W_]")

# British spellings that wordfreq counts less often than the American ones.
_BRITISH = [
    (re.compile(r"our(s|ed|ing|ite|ites|able)?$"), r"or\1"),
    (re.compile(r"is(e|ed|es|ing|ation|ations)$"), r"iz\1"),
    (re.compile(r"ys(e|ed|es|ing)$"), r"yz\1"),
    (re.compile(r"tre(s?)$"), r"ter\1"),
    (re.compile(r"ogue(s?)$"), r"og\1"),
    (re.compile(r"ll(ed|ing|er|ers)$"), r"l\1"),
    (re.compile(r"ence$"), "ense"),
]


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    """How common a lowercase word is, taking the commoner of British and American spelling."""
    from wordfreq import zipf_frequency  # imported on first use: the import takes half a second

    best = zipf_frequency(word, "en")
    for pattern, replacement in _BRITISH:
        if pattern.search(word):
            best = max(best, zipf_frequency(pattern.sub(replacement, word), "en"))
    return best


def rare_words(
    text: str,
    tokens: list[Token],
    sentences: list[tuple[int, int]],
    flagged: list[tuple[int, int]],
    skip: frozenset[str],
    threshold: float,
) -> list[Finding]:
    """Findings for words rarer than ``threshold``; ``flagged`` spans (which do not overlap)
    and ``skip`` words are left alone."""

    def rare(norm: str) -> bool:
        bare = norm[:-2] if norm.endswith("'s") else norm
        if len(bare) < 3 or not bare.replace("'", "").isalpha():
            return False
        if bare in skip or bare in CHILDHOOD_WORDS or bare in BRITISH_EVERYDAY:
            return False
        return zipf(bare) < threshold

    # Each different word is judged once; only the rare ones are looked at in place.
    rare_norms = {norm for norm in {t.norm for t in tokens} if rare(norm)}
    if not rare_norms:
        return []
    spans = sorted(flagged)
    span_starts = [start for start, _ in spans]
    sentence_starts = [start for start, _ in sentences]
    findings = []
    for token in tokens:
        if token.norm not in rare_norms:
            continue
        i = bisect_left(span_starts, token.end) - 1
        if i >= 0 and spans[i][1] > token.start:
            continue  # already flagged as something else
        word = text[token.start : token.end]
        if word[:1].isupper() and (
            sum(map(str.isupper, word)) > 1 or not _starts_sentence(text, token, sentence_starts)
        ):
            continue  # a name in mid-sentence, or capitals (the acronym check sees those)
        bare = token.norm[:-2] if token.norm.endswith("'s") else token.norm
        shown = text[token.start : token.start + len(bare)]
        findings.append(
            Finding(
                token.start,
                token.start + len(bare),
                shown,
                Category.RARE_WORD,
                f'"{shown}" is not an everyday word, so this reader may not know it. '
                "Use a more common word, or explain it.",
            )
        )
    return findings


def _starts_sentence(text: str, token: Token, sentence_starts: list[int]) -> bool:
    """True for the first word of a sentence (capitalised for grammar, not as a name)."""
    i = bisect_right(sentence_starts, token.start) - 1
    if i < 0:
        return False
    return _WORD_CHAR.search(text, sentence_starts[i], token.start) is None
