"""Index children's names for search (children.search): each database in its own way.

PostgreSQL: the pg_trgm extension and a GIN trigram index on search_text, which serves word-start
regular expressions, LIKE and word similarity. (On a large live table, build the index with
CREATE INDEX CONCURRENTLY outside a migration first; IF NOT EXISTS then makes this a no-op.)

SQLite: an FTS5 table whose content is children_child.search_text, with triggers that keep it in
step with every insert, update and delete, bulk inserts included. Django rebuilds a SQLite table
to make some column changes, which drops its triggers: tests/children/test_search.py checks they
are still there after every migration, and a later migration that rebuilds children_child must
run SQLITE_TRIGGERS from here again, followed by SQLITE_REBUILD.
"""

from django.db import migrations

POSTGRESQL_CREATE = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS children_child_search_trgm "
    "ON children_child USING gin (search_text gin_trgm_ops)",
]
POSTGRESQL_DROP = ["DROP INDEX IF EXISTS children_child_search_trgm"]

SQLITE_TABLE = [
    # Letters with accents match without (remove_diacritics); prefix indexes make "ja*" and
    # "jay*" quick.
    "CREATE VIRTUAL TABLE children_child_search USING fts5("
    "search_text, content='children_child', content_rowid='id', "
    "tokenize='unicode61 remove_diacritics 2', prefix='2 3')",
]
SQLITE_TRIGGERS = [
    "CREATE TRIGGER children_child_search_ai AFTER INSERT ON children_child BEGIN "
    "INSERT INTO children_child_search (rowid, search_text) VALUES (new.id, new.search_text); "
    "END",
    "CREATE TRIGGER children_child_search_ad AFTER DELETE ON children_child BEGIN "
    "INSERT INTO children_child_search (children_child_search, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); "
    "END",
    "CREATE TRIGGER children_child_search_au AFTER UPDATE ON children_child BEGIN "
    "INSERT INTO children_child_search (children_child_search, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); "
    "INSERT INTO children_child_search (rowid, search_text) VALUES (new.id, new.search_text); "
    "END",
]
# Index the children already there.
SQLITE_REBUILD = ["INSERT INTO children_child_search (children_child_search) VALUES ('rebuild')"]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS children_child_search_au",
    "DROP TRIGGER IF EXISTS children_child_search_ad",
    "DROP TRIGGER IF EXISTS children_child_search_ai",
    "DROP TABLE IF EXISTS children_child_search",
]


def _run(postgresql: list[str], sqlite: list[str]):
    def run(apps, schema_editor):
        vendor = schema_editor.connection.vendor
        statements = {"postgresql": postgresql, "sqlite": sqlite}.get(vendor, [])
        for sql in statements:
            schema_editor.execute(sql, params=None)

    return run


class Migration(migrations.Migration):
    dependencies = [("children", "0003_created_by_optional")]

    operations = [
        migrations.RunPython(
            _run(POSTGRESQL_CREATE, SQLITE_TABLE + SQLITE_TRIGGERS + SQLITE_REBUILD),
            _run(POSTGRESQL_DROP, SQLITE_DROP),
            elidable=False,
        )
    ]
