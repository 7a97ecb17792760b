"""Reading for the plain-language checks: the current glossary, a child as the reader of a text,
and the language report on a document before it is sent.

Checking a text against the editable glossary costs one small query (the glossary's version):
the phrase index is built once per version and kept in the process, so an edit in the admin
site takes effect on the next check in every process, without a restart.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import DatabaseError, models

from together.language.display import Shown, hardest_text, shown
from together.language.engine import (
    BUILT_IN_GLOSSARY,
    Category,
    CompiledGlossary,
    Finding,
    Report,
    check,
    compile_glossary,
)
from together.language.models import (
    GlossaryTerm,
    GlossaryVersion,
    LanguageConfirmation,
    finding_key,
)
from together.language.readers import Reader

# The most text one check takes: about 15,000 words, far more than any letter or plan.
MAX_CHARACTERS = 100_000


# --- the glossary ------------------------------------------------------------------------


@dataclass(frozen=True)
class CurrentGlossary:
    token: str  # changes with every edit; "" when the database holds no glossary
    number: int
    compiled: CompiledGlossary
    size: int


_current: CurrentGlossary | None = None


def _version() -> tuple[str, int]:
    found = GlossaryVersion.objects.filter(id=1).values_list("token", "number").first()
    return (str(found[0]), found[1]) if found else ("", 0)


def glossary_current() -> CurrentGlossary:
    """The compiled glossary for the version in the database, rebuilt only when it changed.

    A database with no glossary terms at all (never seeded, or emptied) checks with the
    engine's built-in list; switching terms off one by one is how to stop flagging them.
    """
    global _current
    token, number = _version()
    current = _current
    if current is not None and current.token == token:
        return current
    rows = list(
        GlossaryTerm.objects.values_list(
            "term", "alternatives", "reason", "category", "inflect", "active"
        )
    )
    entries = [row[:5] for row in rows if row[5]] if rows else list(BUILT_IN_GLOSSARY)
    current = CurrentGlossary(token, number, compile_glossary(entries), len(entries))
    _current = current
    return current


def glossary_forget() -> None:
    """Drop this process's compiled glossary (the next check reads the version again)."""
    global _current
    _current = None


def language_check(*, text: str, reader: Reader, glossary: CurrentGlossary | None = None) -> Report:
    """Check ``text`` for ``reader`` with the service's glossary."""
    if glossary is None:
        try:
            glossary = glossary_current()
        except DatabaseError:  # no tables yet (a fresh checkout): the built-in list will do
            glossary = None
    return check(
        text,
        reader.audience,
        names=reader.names,
        person_names=reader.people,
        glossary=glossary.compiled if glossary else None,
    )


# --- a child as the reader -----------------------------------------------------------------


def reader_for_child(
    child, *, names: Iterable[str] = (), person_names: Mapping[str, str] | None = None
) -> Reader:
    """The child as the reader of a text: their age and their own names, never flagged.

    The caller gives the names of the child's people, as its own app records them (this app
    knows no domain): `names`, never flagged either, and `person_names`, whom the check names
    for "the mother", "the father" or "the carer" ({"mother": "Mum"}). Reads nothing.
    """
    own = [child.preferred_name, *child.legal_given_names.split(), child.legal_family_name]
    return Reader.for_child(
        age=child.age,
        name=child.preferred_name,
        names=[*own, *names],
        person_names=person_names,
    )


# --- the language report on a document -----------------------------------------------------


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass
class ReportItem:
    """The same words flagged for the same reason, wherever they are in the document."""

    key: str
    first: Shown
    count: int = 1
    confirmed: bool = False
    reason: str = ""  # the reason given (confirmed) or last given for this document (a start)

    @property
    def category(self) -> Category:
        return self.first.finding.category

    @property
    def words(self) -> str:
        return self.first.text


@dataclass
class LanguageReport:
    document: models.Model
    text: str
    text_hash: str
    reader: Reader
    report: Report
    items: list[ReportItem] = field(default_factory=list)
    confirmation: LanguageConfirmation | None = None

    @property
    def unresolved(self) -> list[ReportItem]:
        return [item for item in self.items if not item.confirmed]

    @property
    def ready(self) -> bool:
        """True when the document may be sent: nothing flagged, or every finding confirmed."""
        return not self.unresolved

    @property
    def note(self) -> str:
        return self.reader.reading_age_note(self.report)

    @property
    def hardest(self) -> str:
        """The sentence that most raises the reading age, for a child's document or a text too
        hard for its reader ("" otherwise, or for a text of one sentence)."""
        if self.report.readability.sentences < 2:
            return ""
        if not (self.reader.is_child or self.report.too_hard):
            return ""
        return hardest_text(self.text, self.report)


def _document_filter(document: models.Model) -> dict:
    return {
        "document_type": ContentType.objects.get_for_model(document),
        "document_id": str(document.pk),
    }


def language_report(*, document: models.Model, text: str, reader: Reader) -> LanguageReport:
    """What the check finds in the document's text, and which findings the author has confirmed.

    A confirmation counts only for the exact text it was given for. Reasons given for an
    earlier version of the document are offered again as a start.
    """
    report = language_check(text=text, reader=reader)
    digest = text_hash(text)
    items: dict[str, ReportItem] = {}
    for item in shown(report.findings):
        key = _key(item.finding)
        if key in items:
            items[key].count += 1
        else:
            items[key] = ReportItem(key, item)
    confirmation = None
    if items:
        confirmations = (
            LanguageConfirmation.objects.filter(**_document_filter(document))
            .prefetch_related("findings")
            .order_by("-confirmed_at", "-id")[:20]
        )
        earlier: dict[str, str] = {}
        for row in confirmations:
            reasons = {f.key: f.reason for f in row.findings.all()}
            if confirmation is None and row.text_hash == digest:
                confirmation = row
                for key, reason in reasons.items():
                    if key in items:
                        items[key].confirmed = True
                        items[key].reason = reason
            for key, reason in reasons.items():
                earlier.setdefault(key, reason)
        for key, item in items.items():
            if not item.reason:
                item.reason = earlier.get(key, "")
    return LanguageReport(
        document, text, digest, reader, report, list(items.values()), confirmation
    )


def _key(finding: Finding) -> str:
    return finding_key(finding.category.value, finding.text)


class LanguageNotConfirmed(Exception):
    """The document still has findings its author has not confirmed with a reason."""

    def __init__(self, report: LanguageReport):
        count = len(report.unresolved)
        super().__init__(
            f"{count} finding{'s' if count != 1 else ''} in the language check still need "
            "changing, or a reason for keeping them."
        )
        self.report = report


def language_confirmation_require(
    *, document: models.Model, text: str, reader: Reader
) -> LanguageReport:
    """The report if the document may be sent; ``LanguageNotConfirmed`` if not. Services that
    send a document call this inside their transaction, before marking it sent."""
    report = language_report(document=document, text=text, reader=reader)
    if not report.ready:
        raise LanguageNotConfirmed(report)
    return report
