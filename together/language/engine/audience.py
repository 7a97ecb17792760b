"""Who reads a text (Audience), the limits their age or role sets, and what a check reports."""

from __future__ import annotations

from dataclasses import dataclass

from together.language.base import AudienceKind, Category, Finding
from together.language.readability import Hardest, Readability


@dataclass(frozen=True, slots=True)
class Limits:
    max_sentence_words: int  # a longer sentence is flagged
    rare_word_zipf: float  # a word rarer than this (wordfreq Zipf scale) is flagged
    reading_age: int  # the UK reading age the text should not go above


# The one table of thresholds. Zipf frequency is log10 of uses per billion words: "the" is
# about 7.7, "school" 5.7, "holiday" 4.7, "respite" 3.2, "abscond" 2.1.
LIMITS: dict[str, Limits] = {
    # Under 8: ten words is about one idea, which is what early readers' books hold, and the
    # letter is often read aloud to the child. Zipf 3.5 keeps words met every week ("unicorn"
    # passes, "fortnight" does not). Reading age 7, the top of the band: younger children have
    # the letter read to them, and the reader can explain a word or two.
    "child_under_8": Limits(10, 3.5, 7),
    # 8 to 11: chapter-book sentences, around 14 words. Zipf 3.2 lets in words from school and
    # stories. Reading age 9, the youngest in the band: children in proceedings have often
    # missed school, so aim for the youngest, not the oldest.
    "child_8_to_11": Limits(14, 3.2, 9),
    # 12 to 15: 18 words, still short of adult plain English. Zipf 3.0. Reading age 11: below
    # their school year, because worry and missed school lower reading, and teenagers put
    # down a letter that looks hard.
    "child_12_to_15": Limits(18, 3.0, 11),
    # 16 and over: read like adults, so the same limits as parents and carers.
    "child_16_and_over": Limits(20, 2.8, 11),
    # Parents and carers: plain English guides keep sentences to 15-20 words on average, and
    # public information aims at a reading age of about 9. A letter to a parent can go a
    # little higher, no further than the end of primary school (11), because many parents in
    # proceedings read less well under stress or in a second language. Zipf 2.8.
    "adult_family": Limits(20, 2.8, 11),
    # Professionals read dense material every day, so sentences up to 30 words and only truly
    # rare words (Zipf 2.0) are flagged. Reading age 16, about the end of school, because the
    # child may read their file as a young adult.
    "professional": Limits(30, 2.0, 16),
}


@dataclass(frozen=True, slots=True)
class Audience:
    """Who will read the text. A child audience needs the child's age in years."""

    kind: AudienceKind
    age: int | None = None

    def __post_init__(self) -> None:
        kind = AudienceKind(self.kind)
        object.__setattr__(self, "kind", kind)
        if kind is AudienceKind.CHILD:
            if self.age is None:
                raise ValueError("A child audience needs the child's age.")
            if not 0 <= self.age <= 25:
                raise ValueError(f"A child's age must be between 0 and 25, not {self.age}.")

    @property
    def band(self) -> str:
        if self.kind is not AudienceKind.CHILD:
            return self.kind.value
        age = self.age or 0
        if age < 8:
            return "child_under_8"
        if age < 12:
            return "child_8_to_11"
        if age < 16:
            return "child_12_to_15"
        return "child_16_and_over"

    @property
    def limits(self) -> Limits:
        return LIMITS[self.band]


@dataclass(frozen=True)
class Report:
    findings: list[Finding]
    readability: Readability
    audience: Audience
    audience_reading_age: int  # the reading age the text should not go above
    hardest: Hardest | None = None  # the sentence that most raises the reading age

    @property
    def too_hard(self) -> bool:
        age = self.readability.reading_age
        return age is not None and age > self.audience_reading_age

    def by_category(self, category: Category) -> list[Finding]:
        return [f for f in self.findings if f.category == category]
