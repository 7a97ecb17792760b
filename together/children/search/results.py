"""What a search was for and what it found: the children, and why each matched."""

from dataclasses import dataclass, field
from datetime import date
from uuid import UUID

from ..models import Child
from .words import _LETTERS, _Matcher, name_words


@dataclass(frozen=True)
class SearchTerms:
    name: str = ""
    court_number: str = ""
    date_of_birth: date | None = None
    all_children: bool = False

    @property
    def kinds(self) -> list[str]:
        kinds = []
        if self.name:
            kinds.append("name")
        if self.court_number:
            kinds.append("court_number")
        if self.date_of_birth:
            kinds.append("date_of_birth")
        return kinds


@dataclass(frozen=True)
class FoundChild:
    """A child the searcher may see: everything the results table shows."""

    uuid: UUID
    preferred_name: str
    legal_name: str
    date_of_birth: date
    age: int
    court_numbers: list[str]
    matched: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class OtherChild:
    """A child outside the searcher's everyday access: only enough to pick the right child and
    to ask to open the file (ADR 0021). Nothing else about them leaves the database.

    `area` is the service area of their latest proceedings; `court_number` is that set's number
    only when it is in the searcher's own area (children.rules), otherwise empty."""

    uuid: UUID
    preferred_name: str
    date_of_birth: date
    family_initial: str = ""
    area: str = ""
    court_number: str = ""
    matched: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        """The name they use and the first letter of their family name: "Maisie H."."""
        if not self.family_initial:
            return self.preferred_name
        return f"{self.preferred_name} {self.family_initial}."


def family_initial(family_name: str) -> str:
    return family_name.strip()[:1].upper()


@dataclass
class SearchResults:
    terms: SearchTerms
    children: list[FoundChild] = field(default_factory=list)
    others: list[OtherChild] = field(default_factory=list)
    more: bool = False
    close_spellings: bool = False

    @property
    def count(self) -> int:
        return len(self.children) + len(self.others)


class _Reasons:
    """Why a child was found, in a few words each ("Given name Maisie", "Date of birth"), so the
    searcher can tell the right child without opening a file. A name is told by its part: the
    name they use, a given name (written as the child's file writes it), or the family name
    (never written out: of a child outside their access the searcher sees only its initial)."""

    def __init__(self, terms: SearchTerms, words: list[str], close: bool):
        self.terms = terms
        self.words = words
        self.nearby = _Matcher(words).nearby if close else {}

    def _match(self, word: str, written: str) -> str | None:
        """How a word of `written` matches `word`: None if none does, "" if one starts with it,
        " (a similar spelling)" if one is only spelled nearly the same."""
        names = name_words(written)
        if any(n.startswith(word) for n in names):
            return ""
        if any(n in self.nearby.get(word, ()) for n in names):
            return " (a similar spelling)"
        return None

    def _name_reason(self, child: Child, word: str) -> str | None:
        if (how := self._match(word, child.preferred_name)) is not None:
            return "Name they use" + how
        for written in _LETTERS.findall(child.legal_given_names):
            if (how := self._match(word, written)) is not None:
                return f"Given name {written}" + how
        if (how := self._match(word, child.legal_family_name)) is not None:
            return "Family name" + how
        return None

    def of(self, child: Child) -> list[str]:
        reasons: list[str] = []
        for word in self.words:
            reason = self._name_reason(child, word)
            if reason and reason not in reasons:
                reasons.append(reason)
        if self.terms.court_number:
            reasons.append("Court's number")
        if self.terms.date_of_birth:
            reasons.append("Date of birth")
        return reasons
