"""The plain-language engine: check a text for the reader who will read it.

    report = check(text, Audience(AudienceKind.CHILD, age=9), names=("Jayden",),
                   person_names={"child": "Jayden", "mother": "Sarah"})

It finds acronyms, jargon (from the glossary), words that turn a child into "a case" or a
parent into a role, judgemental labels, sentences too long for the reader and words the reader
is unlikely to know, and scores readability. Nothing here touches Django or the network.
Everything slow (the pronouncing dictionary, word frequencies, the phrase index) is loaded once
and kept; ``preload()`` does it up front.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from together.language.acronyms import LEGAL, WELL_KNOWN_TO_PROFESSIONALS, find_acronyms
from together.language.base import AudienceKind, Category, Finding
from together.language.character import CHARACTER_RULES
from together.language.glossary import (
    BUILT_IN_GLOSSARY,
    GlossaryEntry,
    audiences_for,
    coerce_entries,
)
from together.language.latin import LATIN_RULES
from together.language.law import legal_findings
from together.language.phrases import PhraseIndex, Token, phrase_forms, tokenize
from together.language.rare import rare_words, zipf
from together.language.readability import (
    Hardest,
    Readability,
    count_syllables,
    hardest_sentence,
    score,
    sentence_counts,
    sentence_spans,
)
from together.language.respect import ALLOWED_PHRASES, RULES, PhraseRule, name_for
from together.language.senses import SENSE_GUARDS

__all__ = [
    "Audience",
    "Hardest",
    "AudienceKind",
    "BUILT_IN_GLOSSARY",
    "Category",
    "CompiledGlossary",
    "Finding",
    "GlossaryEntry",
    "Limits",
    "LIMITS",
    "Readability",
    "Report",
    "check",
    "compile_glossary",
    "reading",
    "preload",
]


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


# --- the compiled glossary and rules, kept between calls ---------------------------------


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


# --- phrase findings: jargon, depersonalising, judgemental, acronyms ---------------------

_PRIORITY = {
    Category.DEPERSONALISING: 0,
    Category.CHARACTER: 1,
    Category.JUDGEMENTAL: 2,
    Category.LATIN: 3,
    Category.LEGAL_REFERENCE: 4,
    Category.JARGON: 5,
    Category.ACRONYM: 6,
}
_LABELS = frozenset({Category.JUDGEMENTAL, Category.CHARACTER})


_OPENERS = frozenset(" \t\"'“‘(")


def _match_case(text: str, start: int, suggestions: Iterable[str]) -> tuple[str, ...]:
    """Start suggestions with a capital when the flagged words start a sentence."""
    i = start  # step back over spaces and opening quotes (without copying the text)
    while i > 0 and text[i - 1] in _OPENERS:
        i -= 1
    if text[start : start + 1].isupper() and (i == 0 or text[i - 1] in ".!?:\n"):
        return tuple(s[:1].upper() + s[1:] for s in suggestions)
    return tuple(suggestions)


def _rule_findings(
    text: str,
    tokens: list[Token],
    compiled: _Compiled,
    kind: AudienceKind,
    person_names: Mapping[str, str],
) -> tuple[list[Finding], list[tuple[int, int]]]:
    findings: list[Finding] = []
    allowed: list[tuple[int, int]] = []
    for match in compiled.index.find(text, tokens):
        rule = match.payload
        if rule is None:
            allowed.append((match.start, match.end))
            continue
        if kind not in rule.audiences:
            continue
        if rule.guard and not rule.guard(text, tokens, match.first, match.last):
            continue
        name = name_for(rule.role or rule.hint, person_names)
        if rule.role and not name:
            continue
        suggestions = [
            s.replace("{name}", name or "") for s in rule.suggestions if name or "{name}" not in s
        ]
        matched = text[match.start : match.end]
        findings.append(
            Finding(
                match.start,
                match.end,
                matched,
                rule.category,
                rule.message,
                _match_case(text, match.start, suggestions),
            )
        )
    return findings, allowed


_FOR_FAMILIES = " Children and families asked for no acronyms: write it in plain words."
_FOR_FAMILIES_LAW = " Say what it is in plain words: what the order or rule does, not its initials."
_FOR_PROFESSIONALS = (
    " Write it in full the first time, with the short form in brackets after it, or just use "
    "the full words."
)


def _acronym_findings(text: str, kind: AudienceKind, names: frozenset[str]) -> list[Finding]:
    findings = []
    professional = kind is AudienceKind.PROFESSIONAL
    for hit in find_acronyms(text, names):
        if professional and (hit.defined or hit.key in WELL_KNOWN_TO_PROFESSIONALS):
            continue
        matched = text[hit.start : hit.end]
        if hit.expansion:
            message = f'"{matched}" is short for "{hit.expansion}".'
        else:
            message = f'"{matched}" looks like an acronym.'
        legal = hit.key in LEGAL
        if professional:
            message += _FOR_PROFESSIONALS
        else:
            message += _FOR_FAMILIES_LAW if legal else _FOR_FAMILIES
        expansion = hit.expansion
        if expansion and matched.endswith("s") and not hit.key.endswith("s"):
            expansion += "s"  # FCAs, NQSWs
        options = [expansion] if professional else [hit.plain, expansion]
        suggestions = tuple(dict.fromkeys(o for o in options if o))
        category = Category.LEGAL_REFERENCE if legal else Category.ACRONYM
        findings.append(Finding(hit.start, hit.end, matched, category, message, suggestions))
    return findings


def _resolve(findings: list[Finding], allowed: list[tuple[int, int]]) -> list[Finding]:
    """Drop findings inside allowed everyday phrases; where findings overlap keep the longest
    (then depersonalising, judgemental, jargon, acronym, in that order)."""
    allowed = sorted(allowed)
    starts_allowed = [s for s, _ in allowed]
    reach: list[int] = []  # reach[i]: the furthest end of allowed[0..i]
    for _, e in allowed:
        reach.append(max(e, reach[-1]) if reach else e)

    def inside_allowed(f: Finding) -> bool:
        i = bisect_right(starts_allowed, f.start) - 1
        return i >= 0 and reach[i] >= f.end

    findings = [f for f in findings if not inside_allowed(f)]
    # A label says more than the jargon it overlaps ("not engaging with": say what happened).
    labels = sorted((f.start, f.end) for f in findings if f.category in _LABELS)
    if labels:
        label_starts = [s for s, _ in labels]

        def overlaps_label(f: Finding) -> bool:
            i = bisect_left(label_starts, f.end)
            return any(labels[j][1] > f.start for j in range(max(0, i - 3), i))

        findings = [
            f for f in findings if f.category is not Category.JARGON or not overlaps_label(f)
        ]
    findings.sort(key=lambda f: (f.start - f.end, _PRIORITY[f.category], f.start))
    kept: list[Finding] = []
    starts: list[int] = []  # of the kept findings, which never overlap: sorted, as are ends
    ends: list[int] = []
    for finding in findings:
        before = bisect_left(starts, finding.end) - 1  # the last kept one starting before
        if before >= 0 and ends[before] > finding.start:
            continue
        kept.append(finding)
        starts.insert(before + 1, finding.start)
        ends.insert(before + 1, finding.end)
    return kept


# --- the public entry point ----------------------------------------------------------------

# What a word processor or web page leaves in pasted text besides comments: tags and entities.
# Every part is bounded, so text full of stray "<" or "&" still takes linear time.
_MARKUP = re.compile(
    r"""<!\[[^\]\n]{0,100}\]>                           # Word's <![if !supportLists]>
      | </?[A-Za-z][^<>]{0,1000}>                      # a tag
      | &(?:[A-Za-z]{2,8}|\#\d{1,7}|\#x[0-9A-Fa-f]{1,6});  # an entity: &nbsp; &#8217;
    """,
    re.VERBOSE,
)


def mask_markup(text: str) -> str:
    """The text with HTML comments, tags and entities blanked out by spaces of the same length,
    so that pasted HTML is checked as the words a reader sees and every offset stays the same."""
    if "<" not in text and "&" not in text:
        return text
    pieces, at = [], 0
    while (start := text.find("<!--", at)) >= 0:  # comments by search: linear, however many
        end = text.find("-->", start + 4)
        if end < 0:
            break  # nothing later can close it either
        pieces += [text[at:start], " " * (end + 3 - start)]
        at = end + 3
    masked = _MARKUP.sub(lambda m: " " * len(m.group()), "".join(pieces) + text[at:])
    return text if masked == text else masked


# Words in quotation marks are someone's own words, quoted as they said them (a child's words in
# a plan or letter): never flagged, since changing them would change what the person said.
# Double quotes, straight or curly; single quotes too, where the closing mark is not an
# apostrophe inside a word ("don't") and the opening one does not follow a letter ("kids' toys").
_QUOTED = re.compile(
    r"“[^”\n]+”"
    r'|(?<!\w)"[^"\n]+"(?!\w)'
    r"|(?<![\w’'])‘(?=\S)(?:[^’\n]|’(?=\w))+’(?!\w)"
    r"|(?<![\w’'])'(?=\S)(?:[^'\n]|'(?=\w))+'(?!\w)"
)


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each part of `text` in quotation marks (see _QUOTED)."""
    return [match.span() for match in _QUOTED.finditer(text)]


def _outside_quotes(findings: list[Finding], spans: list[tuple[int, int]]) -> list[Finding]:
    return [f for f in findings if not any(s <= f.start and f.end <= e for s, e in spans)]


def check(
    text: str,
    audience: Audience,
    names: Iterable[str] = (),
    person_names: Mapping[str, str] | None = None,
    glossary: Iterable[object] | CompiledGlossary | None = None,
) -> Report:
    """Check ``text`` for ``audience``.

    ``names``: names of people and places in the text; never flagged as rare words or
    acronyms. ``person_names``: names for roles (child, children, mother, father, parent,
    parents, carer, carers), used to suggest a name instead of "the child" or "the mother".
    ``glossary``: entries that replace the built-in glossary (see ``glossary.coerce_entries``),
    or a glossary compiled once with ``compile_glossary``.

    Words in quotation marks are someone's own words and are never flagged (quoted_spans).
    """
    work = mask_markup(text)
    report = _check(work, audience, names, person_names, glossary)
    spans = quoted_spans(work)
    if spans:
        report.findings[:] = _outside_quotes(report.findings, spans)
    if work is not text:  # quote the original, markup and all, where a finding spans it
        for i, f in enumerate(report.findings):
            if work[f.start : f.end] != text[f.start : f.end]:
                report.findings[i] = replace(f, text=text[f.start : f.end])
    return report


def reading(text: str, audience: Audience) -> Report:
    """Only the readability of ``text`` and its hardest sentence, without findings: for showing a
    finished document's reading age beside its reader's age."""
    work = mask_markup(text)
    sentences = sentence_spans(work)
    counts, syllables = sentence_counts(work, sentences)
    return Report(
        findings=[],
        readability=score(sum(counts), len(sentences), sum(syllables)),
        audience=audience,
        audience_reading_age=audience.limits.reading_age,
        hardest=hardest_sentence(sentences, counts, syllables),
    )


def _check(
    text: str,
    audience: Audience,
    names: Iterable[str],
    person_names: Mapping[str, str] | None,
    glossary: Iterable[object] | CompiledGlossary | None,
) -> Report:
    person_names = {k: v for k, v in (person_names or {}).items() if v and v.strip()}
    limits = audience.limits
    compiled = _compiled_for(glossary)
    tokens = tokenize(text)

    name_words = {t.norm for n in (*names, *person_names.values()) for t in tokenize(n)}
    upper_names = frozenset(w.upper() for w in name_words)

    found, allowed = _rule_findings(text, tokens, compiled, audience.kind, person_names)
    found += _acronym_findings(text, audience.kind, upper_names)
    found += legal_findings(text, audience.kind)
    findings = _resolve(found, allowed)

    sentences = sentence_spans(text)
    counts, sentence_syllables = sentence_counts(text, sentences)
    syllables = sum(sentence_syllables)
    word_total = sum(counts)
    for (start, end), count in zip(sentences, counts, strict=True):
        if count > limits.max_sentence_words:
            findings.append(
                Finding(
                    start,
                    end,
                    text[start:end],
                    Category.LONG_SENTENCE,
                    f"This sentence has {count} words. For this reader, keep sentences to "
                    f"{limits.max_sentence_words} words or fewer: split it, or cut words.",
                )
            )

    flagged = [(f.start, f.end) for f in findings if f.category is not Category.LONG_SENTENCE]
    skip = frozenset(name_words) | compiled.glossary_words
    findings += rare_words(text, tokens, sentences, flagged, skip, limits.rare_word_zipf)
    findings.sort(key=lambda f: (f.start, -f.end))
    return Report(
        findings=findings,
        readability=score(word_total, len(sentences), syllables),
        audience=audience,
        audience_reading_age=limits.reading_age,
        hardest=hardest_sentence(sentences, counts, sentence_syllables),
    )
