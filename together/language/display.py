"""How findings are shown to a writer: plain labels, the text with flagged words marked, JSON,
and the sentence that most raises the reading age (shown for every text a child will read, and
for any text that is too hard for its reader)."""

from __future__ import annotations

from dataclasses import dataclass

from together.language.engine import AudienceKind, Category, Finding, Report

# What each category is called on the page (the writer is a professional; the words stay plain).
LABELS = {
    Category.ACRONYM: "Acronym",
    Category.JARGON: "Jargon",
    Category.DEPERSONALISING: "Use their name",
    Category.JUDGEMENTAL: "Judgement, not description",
    Category.CHARACTER: "Judges character",
    Category.LEGAL_REFERENCE: "Law or form number",
    Category.LATIN: "Latin",
    Category.LONG_SENTENCE: "Long sentence",
    Category.RARE_WORD: "Uncommon word",
}
# GOV.UK tag colours, so the kinds can be told apart at a glance (never by colour alone).
COLOURS = {
    Category.ACRONYM: "blue",
    Category.JARGON: "yellow",
    Category.DEPERSONALISING: "pink",
    Category.JUDGEMENTAL: "red",
    Category.CHARACTER: "orange",
    Category.LEGAL_REFERENCE: "turquoise",
    Category.LATIN: "green",
    Category.LONG_SENTENCE: "grey",
    Category.RARE_WORD: "purple",
}
# More than this many findings in one field are summed up rather than listed.
MOST_LISTED = 30


@dataclass(frozen=True)
class Shown:
    """A finding as the page shows it."""

    finding: Finding
    label: str
    colour: str

    @property
    def text(self) -> str:
        return self.finding.text

    @property
    def short_text(self) -> str:
        """Long sentences are quoted by their first words."""
        words = self.finding.text.split()
        return " ".join(words[:8]) + " …" if len(words) > 8 else self.finding.text

    @property
    def message(self) -> str:
        return self.finding.message

    @property
    def suggestions(self) -> tuple[str, ...]:
        return self.finding.suggestions


def shown(findings: list[Finding]) -> list[Shown]:
    return [Shown(f, LABELS[f.category], COLOURS[f.category]) for f in findings]


def segments(text: str, findings: list[Finding]) -> list[tuple[str, Shown | None]]:
    """The text cut into pieces, each either plain or a flagged word or phrase.

    Long sentences are not marked (they would hold the other marks); they are listed instead.
    Word findings never overlap (the engine keeps one finding per stretch of text).
    """
    pieces: list[tuple[str, Shown | None]] = []
    at = 0
    for item in shown(sorted(findings, key=lambda f: f.start)):
        f = item.finding
        if f.category is Category.LONG_SENTENCE or f.start < at:
            continue
        if f.start > at:
            pieces.append((text[at : f.start], None))
        pieces.append((text[f.start : f.end], item))
        at = f.end
    if at < len(text):
        pieces.append((text[at:], None))
    return pieces


def summary(report: Report) -> str:
    count = len(report.findings)
    if count == 0:
        return "Nothing to change."
    return "1 thing to look at." if count == 1 else f"{count} things to look at."


def hardest_text(text: str, report: Report) -> str:
    """The sentence that most raises the reading age, as the reader would read it."""
    hardest = report.hardest
    return " ".join(text[hardest.start : hardest.end].split()) if hardest else ""


def hardest_json(report: Report, text: str) -> dict | None:
    hardest = report.hardest
    if hardest is None or not text:
        return None
    return {
        "start": hardest.start,
        "end": hardest.end,
        "text": text[hardest.start : hardest.end],
        "reading_age_without": hardest.reading_age_without,
    }


def as_json(report: Report, audience: str, text: str = "") -> dict:
    """The report as the command line and the JSON endpoint give it (one shape for both).
    Give the checked ``text`` to include the sentence that most raises the reading age."""
    r = report.readability

    def number(value: float | None) -> float | None:
        return None if value is None else round(float(value), 2)

    return {
        "audience": audience,
        "readability": {
            "words": r.words,
            "sentences": r.sentences,
            "flesch_reading_ease": number(r.flesch_reading_ease),
            "flesch_kincaid_grade": number(r.flesch_kincaid_grade),
            "reading_age": number(r.reading_age),
            "hardest_sentence": hardest_json(report, text),
        },
        "findings": [
            {
                "start": f.start,
                "end": f.end,
                "text": f.text,
                "category": f.category.value,
                "message": f.message,
                "suggestions": list(f.suggestions),
            }
            for f in report.findings
        ],
    }


def panel(text: str, report: Report, note: str, html_id: str) -> dict:
    """What the findings panel under a text box shows (``components/language_check_findings``)."""
    listed = shown(report.findings)
    marked = any(f.category is not Category.LONG_SENTENCE for f in report.findings)
    words = report.readability.words
    hardest = hardest_text(text, report) if words and report.readability.sentences > 1 else ""
    show_hardest = report.audience.kind is AudienceKind.CHILD or report.too_hard
    return {
        "id": html_id,
        "words": words,
        "summary": summary(report) if words else "",
        "note": note if words else "",
        "hardest": hardest if show_hardest else "",
        "findings": listed[:MOST_LISTED],
        "more": max(0, len(listed) - MOST_LISTED),
        "segments": segments(text, report.findings) if marked else [],
    }
