"""On SQLite too, the database itself refuses to change or delete an audit event.

PostgreSQL has had its trigger since 0002. SQLite's triggers do the same with RAISE(ABORT), which
fails the statement and leaves the row as it was.

Beware: on SQLite, an AlterField that Django carries out by rebuilding the table (a new table,
the rows copied, the old table dropped) drops these triggers with the old table. A migration
that rebuilds audit_auditevent must create them again; tests/audit fails if they are missing.
"""

from django.db import migrations

CREATE = [
    """
    CREATE TRIGGER audit_event_refuse_update BEFORE UPDATE ON audit_auditevent
    BEGIN SELECT RAISE(ABORT, 'audit events are append-only: UPDATE refused'); END
    """,
    """
    CREATE TRIGGER audit_event_refuse_delete BEFORE DELETE ON audit_auditevent
    BEGIN SELECT RAISE(ABORT, 'audit events are append-only: DELETE refused'); END
    """,
]

DROP = [
    "DROP TRIGGER IF EXISTS audit_event_refuse_update",
    "DROP TRIGGER IF EXISTS audit_event_refuse_delete",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "sqlite":
            for sql in statements:
                schema_editor.execute(sql, params=None)

    return run


class Migration(migrations.Migration):
    dependencies = [("audit", "0005_more_actions")]

    operations = [migrations.RunPython(_run(CREATE), _run(DROP), elidable=False)]
