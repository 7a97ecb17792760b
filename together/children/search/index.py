"""Each database's index of children's names: the conditions on it, and a check it is there."""

from django.contrib.postgres.search import TrigramWordSimilarity
from django.db import connection
from django.db.models import Q, QuerySet

from ..models import Child
from .words import CLOSE_SPELLING_MIN_LETTERS, one_letter_away

# The FTS5 table (SQLite) and trigram index (PostgreSQL) that migration 0003 creates.
SQLITE_TABLE = "children_child_search"


SQLITE_TRIGGERS = (
    "children_child_search_ai",
    "children_child_search_ad",
    "children_child_search_au",
)


POSTGRESQL_INDEX = "children_child_search_trgm"


# PostgreSQL word similarity needed to count as a close spelling: "jaiden" and "jayden" score
# 0.57, which pg_trgm's own default (0.6) would miss.
WORD_SIMILARITY = 0.5


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
