"""Finding a child by name, date of birth or the court's number, quickly among a million.

A name matches when each word typed starts a word of the child's given, preferred or family names
("jay" finds Jayden; "jay har" finds Jayden Hartley). When nothing does, names spelled nearly
the same are looked for ("Jaiden" finds Jayden). Who may see which child is always decided by
children.rules, in the same query as the search.

There are two ways to search, chosen by how many children the searcher sees every day:

- Family Court Advisers and practice supervisors see a few dozen or a few hundred children. Those
  children are read (one query for who they are, one for their names) and matched here, in Python,
  which is quicker than asking the index about a million names and throwing most away.
- Everyone else (managers, national roles, and anyone searching all children) searches through an
  index that each database keeps of children_child.search_text (migration 0003):
  - PostgreSQL: a trigram (pg_trgm) GIN index, used by a word-start regular expression and, for
    near-miss spellings, by word similarity (django.contrib.postgres's trigram_word_similar
    lookup, and TrigramWordSimilarity to put the closest first);
  - SQLite: an FTS5 table kept in step by triggers, queried with MATCH '"jay"*', and for near
    misses with every spelling one letter away.
  The database stops at the first LIMIT + 1 children it finds, which are then sorted by name: when
  more match, the page says so and asks for more of the name, rather than sorting them all.

The number of queries never depends on how many children there are.
"""

import re
import string
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from uuid import UUID

from django.contrib.postgres.search import TrigramWordSimilarity
from django.db import connection, transaction
from django.db.models import BooleanField, ExpressionWrapper, Q, QuerySet
from django.utils import timezone

from together.accounts.models import TEAM_ROLES
from together.audit.models import Action
from together.audit.services import audit_event_record
from together.organisation.rules import supervises_team_q

from .. import rules
from ..models import BreakGlass, Child

# At most this many children are listed; the page says so when more match.
LIMIT = 50
# The FTS5 table (SQLite) and trigram index (PostgreSQL) that migration 0003 creates.
SQLITE_TABLE = "children_child_search"
SQLITE_TRIGGERS = (
    "children_child_search_ai",
    "children_child_search_ad",
    "children_child_search_au",
)
POSTGRESQL_INDEX = "children_child_search_trgm"
# A near-miss spelling is only guessed for words of at least this many letters, or "jai" would
# bring back every name starting "ja".
CLOSE_SPELLING_MIN_LETTERS = 4
# PostgreSQL word similarity needed to count as a close spelling: "jaiden" and "jayden" score
# 0.57, which pg_trgm's own default (0.6) would miss.
WORD_SIMILARITY = 0.5
# The only columns a search reads.
SHOWN = ("uuid", "preferred_name", "legal_given_names", "legal_family_name", "date_of_birth")

_LETTERS = re.compile(r"[^\W\d_]+")


# Words


def name_words(text: str) -> list[str]:
    """The words of a name as the index holds them: small letters only, without accents."""
    plain = unicodedata.normalize("NFKD", text.lower())
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return _LETTERS.findall(plain)


def one_letter_away(word: str) -> set[str]:
    """Every spelling one letter away: one letter left out, swapped, changed or added."""
    letters = string.ascii_lowercase
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = {a + b[1:] for a, b in splits if b}
    swaps = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    changes = {a + c + b[1:] for a, b in splits if b for c in letters}
    inserts = {a + c + b for a, b in splits for c in letters}
    return (deletes | swaps | changes | inserts) - {word, ""}


def _guessable(words: list[str]) -> bool:
    return any(len(w) >= CLOSE_SPELLING_MIN_LETTERS for w in words)


class _Matcher:
    """The same test as the index's, for a child's names read from the database."""

    def __init__(self, words: list[str]):
        self.words = words
        self.nearby = {w: one_letter_away(w) for w in words if len(w) >= CLOSE_SPELLING_MIN_LETTERS}

    def starts(self, search_text: str) -> bool:
        names = name_words(search_text)
        return all(any(n.startswith(w) for n in names) for w in self.words)

    def close(self, search_text: str) -> bool:
        names = name_words(search_text)
        return all(
            any(n.startswith(w) or n in self.nearby.get(w, ()) for n in names) for w in self.words
        )


# Conditions for the index


def court_number_q(court_number: str) -> Q:
    """Children in proceedings with this court's number, typed in capitals or small letters.

    Court numbers are written in capitals, so comparing with the number as typed, in capitals and
    in small letters finds them through the plain index on court_number.
    """
    typed = court_number.strip()
    numbers = {typed, typed.upper(), typed.lower()}
    return Q(pk__in=Child.objects.filter(proceedings__court_number__in=numbers).values("pk"))


def _word_start_q(word: str) -> Q:
    # A word starts the text or follows a space, hyphen or apostrophe. Written so pg_trgm can use
    # the index even for two letters, which \m cannot; a character outside ASCII in the brackets
    # would stop it using the index at all.
    return Q(search_text__regex=rf"(^|[ '-]){word}")


def _names_starting(children: QuerySet, words: list[str]) -> QuerySet:
    if connection.vendor == "postgresql":
        return children.filter(*[_word_start_q(w) for w in words])
    return _fts_match(children, " AND ".join(f'"{w}"*' for w in words))


def _names_close(children: QuerySet, words: list[str]) -> QuerySet:
    """Each long word spelled nearly the same as a name; each short one starting a name."""
    short = [w for w in words if len(w) < CLOSE_SPELLING_MIN_LETTERS]
    long = [w for w in words if len(w) >= CLOSE_SPELLING_MIN_LETTERS]
    if connection.vendor != "postgresql":
        groups = [f'"{w}"*' for w in short]
        for word in long:
            spellings = [f'"{word}"*', *(f'"{v}"' for v in sorted(one_letter_away(word)))]
            groups.append("(" + " OR ".join(spellings) + ")")
        return _fts_match(children, " AND ".join(groups))
    with connection.cursor() as cursor:
        # How similar is similar enough for trigram_word_similar (pg_trgm's word similarity
        # threshold), for this transaction only (children_search is atomic), so no other query
        # is affected.
        cursor.execute(
            "SELECT set_config('pg_trgm.word_similarity_threshold', %s, true)",
            [str(WORD_SIMILARITY)],
        )
    similar = [Q(search_text__trigram_word_similar=w) for w in long]
    return (
        children.filter(*[_word_start_q(w) for w in short], *similar)
        .annotate(closeness=TrigramWordSimilarity(" ".join(words), "search_text"))
        .order_by("-closeness", "pk")
    )


def _fts_match(children: QuerySet, match: str) -> QuerySet:
    # A join rather than "id IN (SELECT rowid ...)": FTS5 then hands over matches one at a time
    # and SQLite stops at the limit, instead of first collecting every match. The ORM cannot
    # join a virtual table, hence extra(); the SQL is fixed and the match is a parameter.
    return children.extra(  # noqa: S610
        tables=[SQLITE_TABLE],
        where=[
            f'{SQLITE_TABLE}.rowid = "children_child"."id"',
            f"{SQLITE_TABLE} MATCH %s",
        ],
        params=[match],
    )


# The search


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


@transaction.atomic
def children_search(*, by, terms: SearchTerms, limit: int = LIMIT) -> SearchResults:
    """Find children for `by`, and record that they searched (what kind of search, never the
    names). With terms.all_children, children outside their access are listed with only enough
    to pick the right one (OtherChild), for staff who may ask to open a file by giving a reason;
    which children those were is logged too. Each child found says why it matched."""
    all_children = terms.all_children and rules.may_break_glass(by)
    words = name_words(terms.name)
    narrow = Q()
    if terms.court_number:
        narrow &= court_number_q(terms.court_number)
    if terms.date_of_birth:
        narrow &= Q(date_of_birth=terms.date_of_birth)

    if by.role in TEAM_ROLES and not all_children:
        rows, close = _among_their_own(by, narrow, words)
    else:
        rows, close = _through_the_index(by, narrow, words, all_children, limit)

    results = SearchResults(terms=terms, more=len(rows) > limit, close_spellings=close)
    rows = rows[:limit]
    proceedings = _proceedings_of([c.pk for c in rows])
    today = timezone.localdate()
    why = _Reasons(terms, words, close)
    for child in rows:
        theirs = proceedings.get(child.pk, [])
        if all_children and not child.may_see:
            latest = theirs[-1] if theirs else None
            results.others.append(
                OtherChild(
                    uuid=child.uuid,
                    preferred_name=child.preferred_name,
                    date_of_birth=child.date_of_birth,
                    family_initial=family_initial(child.legal_family_name),
                    area=latest.area if latest else "",
                    court_number=latest.court_number
                    if latest and rules.may_see_court_number_outside_access(by, latest.area_id)
                    else "",
                    matched=why.of(child),
                )
            )
        else:
            results.children.append(
                FoundChild(
                    uuid=child.uuid,
                    preferred_name=child.preferred_name,
                    legal_name=f"{child.legal_given_names} {child.legal_family_name}",
                    date_of_birth=child.date_of_birth,
                    age=child.age_on(today),
                    court_numbers=sorted(p.court_number for p in theirs if p.is_open),
                    matched=why.of(child),
                )
            )

    detail = {
        "by": terms.kinds,
        "all_children": all_children,
        "close_spellings": close,
        "found": len(results.children),
        "found_outside_access": len(results.others),
    }
    if all_children:
        # Which children outside their access the searcher was shown (never their names).
        detail["shown_outside_access"] = [str(other.uuid) for other in results.others]
    audit_event_record(by=by, action=Action.CHILDREN_SEARCHED, detail=detail)
    return results


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


def _by_name(children: list[Child]) -> list[Child]:
    return sorted(children, key=lambda c: (c.preferred_name.lower(), c.legal_family_name.lower()))


def _among_their_own(by, narrow: Q, words: list[str]) -> tuple[list[Child], bool]:
    """Every child `by` may see that fits the date of birth or court's number, matched by name
    here. Their own children are few, so reading them all is quicker than using the index."""
    visible = rules.everyday_access_q(by) | rules.broken_glass_q(by)
    children = Child.objects.filter(narrow, visible, pk__in=_their_own_ids(by))
    children = list(children.only(*SHOWN, "search_text").order_by())
    if not words:
        return _by_name(children), False
    matcher = _Matcher(words)
    found = [c for c in children if matcher.starts(c.search_text)]
    if found or not _guessable(words):
        return _by_name(found), False
    close = [c for c in children if matcher.close(c.search_text)]
    return _by_name(close), bool(close)


def _their_own_ids(by) -> set[int]:
    """A quick first cut of the children a team member sees every day or has opened with a
    reason: those in proceedings allocated to them, their team's (for a practice supervisor), and
    those they opened, each read on its own (one query). children.rules still decides, in the
    query that uses these."""

    def ids(*conditions):
        return Child.objects.filter(*conditions).order_by().values_list("pk", flat=True)

    own = ids(rules.allocated_to_q(by)).union(
        ids(supervises_team_q(by, rules.PROCEEDINGS)),  # nothing unless a practice supervisor
        BreakGlass.objects.filter(user=by, expires_at__gt=timezone.now())
        .order_by()
        .values_list("child_id", flat=True),
    )
    return set(own)


def _through_the_index(
    by, narrow: Q, words: list[str], all_children: bool, limit: int
) -> tuple[list[Child], bool]:
    visible = rules.everyday_access_q(by) | rules.broken_glass_q(by)
    # No order: the database stops at the first limit + 1 it finds (see the module's docstring).
    children = Child.objects.filter(narrow).only(*SHOWN).order_by()
    if all_children:
        children = children.annotate(
            may_see=ExpressionWrapper(visible, output_field=BooleanField())
        )
    else:
        children = children.filter(visible)
    if not words:
        return _by_name(children[: limit + 1]), False
    found = list(_names_starting(children, words)[: limit + 1])
    if found or not _guessable(words):
        return _by_name(found), False
    close = list(_names_close(children, words)[: limit + 1])
    if connection.vendor != "postgresql":
        close = _by_name(close)  # PostgreSQL has put the closest first
    return close, bool(close)


@dataclass(frozen=True)
class _ProceedingsSeen:
    court_number: str
    is_open: bool
    area_id: int
    area: str


def _proceedings_of(child_ids: list[int]) -> dict[int, list[_ProceedingsSeen]]:
    """Each child's proceedings, oldest first (the latest last), in one query: the court's
    numbers of the open ones for children the searcher may see, the latest one's area (and
    perhaps number) for the others."""
    found: dict[int, list[_ProceedingsSeen]] = {}
    if not child_ids:
        return found
    links = (
        Child.objects.filter(pk__in=child_ids, proceedings__isnull=False)
        .order_by("proceedings__received_on", "proceedings__pk")
        .values_list(
            "pk",
            "proceedings__court_number",
            "proceedings__closed_on",
            "proceedings__service_area_id",
            "proceedings__service_area__name",
        )
    )
    for child_id, number, closed_on, area_id, area in links:
        found.setdefault(child_id, []).append(
            _ProceedingsSeen(number, closed_on is None, area_id, area)
        )
    return found


def index_problems() -> list[str]:
    """What is missing from the search index on this database (empty when all is well).

    On SQLite, Django rebuilds a table to make some column changes, and the rebuild drops the
    table's triggers, which would leave the index silently out of step; a test calls this after
    every migration has run.
    """
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT 1 FROM pg_indexes WHERE tablename = 'children_child' AND indexname = %s",
                [POSTGRESQL_INDEX],
            )
            return [] if cursor.fetchone() else [f"index {POSTGRESQL_INDEX}"]
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE tbl_name IN ('children_child', %s)",
            [SQLITE_TABLE],
        )
        present = {row[0] for row in cursor.fetchall()}
    return [name for name in (SQLITE_TABLE, *SQLITE_TRIGGERS) if name not in present]
