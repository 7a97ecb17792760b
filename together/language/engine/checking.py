"""The public entry points: check a text for its reader, or only score its readability."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace

from together.language.base import Category, Finding
from together.language.law import legal_findings
from together.language.phrases import tokenize
from together.language.rare import rare_words
from together.language.readability import (
    hardest_sentence,
    score,
    sentence_counts,
    sentence_spans,
)

from .audience import Audience, Report
from .compiled import CompiledGlossary, _compiled_for
from .findings import _acronym_findings, _resolve, _rule_findings
from .markup import _outside_quotes, mask_markup, quoted_spans


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
