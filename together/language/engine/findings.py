"""Phrase and acronym findings (jargon, labels, Latin, acronyms), and which overlapping stay."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping

from together.language.acronyms import LEGAL, WELL_KNOWN_TO_PROFESSIONALS, find_acronyms
from together.language.base import AudienceKind, Category, Finding
from together.language.phrases import Token
from together.language.respect import name_for

from .compiled import _Compiled

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
