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


def _sentence_first_tokens(tokens: list[Token], sentences: list[tuple[int, int]]) -> set[int]:
    """Start offsets of the first word of each sentence (capitalised for grammar, not names)."""
    firsts, i = set(), 0
    for start, _ in sentences:
        while i < len(tokens) and tokens[i].start < start:
            i += 1
        if i < len(tokens):
            firsts.add(tokens[i].start)
    return firsts


def rare_words(
    text: str,
    tokens: list[Token],
    sentences: list[tuple[int, int]],
    flagged: list[tuple[int, int]],
    skip: frozenset[str],
    threshold: float,
) -> list[Finding]:
    """Findings for words rarer than ``threshold``; ``flagged`` spans and ``skip`` words are
    left alone."""
    firsts = _sentence_first_tokens(tokens, sentences)
    spans = sorted(flagged)
    findings, j = [], 0
    for token in tokens:
        while j < len(spans) and spans[j][1] <= token.start:
            j += 1
        if j < len(spans) and spans[j][0] < token.end:
            continue
        word = text[token.start : token.end]
        bare = token.norm[:-2] if token.norm.endswith("'s") else token.norm
        if len(bare) < 3 or not bare.replace("'", "").isalpha():
            continue
        if word[:1].isupper() and (token.start not in firsts or sum(map(str.isupper, word)) > 1):
            continue  # a name in mid-sentence, or capitals (the acronym check sees those)
        if bare in skip or bare in CHILDHOOD_WORDS or zipf(bare) >= threshold:
            continue
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
