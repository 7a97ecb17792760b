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

The words of a name and their near-miss spellings are in words.py, the conditions on each
database's index in index.py, what a search finds and why in results.py, and the search itself
in searching.py."""

from .index import (
    POSTGRESQL_INDEX,
    SQLITE_TABLE,
    SQLITE_TRIGGERS,
    WORD_SIMILARITY,
    court_number_q,
    index_problems,
)
from .results import FoundChild, OtherChild, SearchResults, SearchTerms, family_initial
from .searching import LIMIT, SHOWN, children_search
from .words import CLOSE_SPELLING_MIN_LETTERS, name_words, one_letter_away

__all__ = [
    "CLOSE_SPELLING_MIN_LETTERS",
    "FoundChild",
    "LIMIT",
    "OtherChild",
    "POSTGRESQL_INDEX",
    "SHOWN",
    "SQLITE_TABLE",
    "SQLITE_TRIGGERS",
    "SearchResults",
    "SearchTerms",
    "WORD_SIMILARITY",
    "children_search",
    "court_number_q",
    "family_initial",
    "index_problems",
    "name_words",
    "one_letter_away",
]
