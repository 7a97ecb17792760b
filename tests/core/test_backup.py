"""`manage.py backup` and `manage.py restore` (make backup, make restore): a backup of the demo
restores into a fresh database with every table's rows, the audit log's included, the same."""

from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from together.audit.models import Action
from together.audit.services import audit_event_record
from together.core.backup import BackupError, restore_into, table_checksums

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def fresh_database(tmp_path):
    """Settings for an empty database beside the test database, dropped afterwards."""
    source = connection.settings_dict
    if connection.vendor == "sqlite":
        yield {**source, "NAME": str(tmp_path / "restored.sqlite3")}
        return
    import psycopg

    name = f"{source['NAME']}_restored"
    admin = psycopg.connect(
        dbname="postgres",
        host=source.get("HOST") or None,
        port=source.get("PORT") or None,
        user=source.get("USER") or None,
        password=source.get("PASSWORD") or None,
        autocommit=True,
    )
    admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
    admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield {**source, "NAME": name}
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


def test_a_backup_of_the_demo_restores_into_a_fresh_database_row_for_row(
    tmp_path, fresh_database, capsys
):
    call_command("demo_data", "--size=small", "--today=2026-11-01", verbosity=0)
    audit_event_record(by=None, action=Action.SIGN_IN_FAILED, actor_label="someone@example.org")
    before = table_checksums(connection.settings_dict)
    assert before["audit_auditevent"][0] >= 1
    assert before["children_child"][0] > 100

    path = tmp_path / "together.backup"
    call_command("backup", str(path))
    assert "Backed up to" in capsys.readouterr().out
    restore_into(path, fresh_database)

    after = table_checksums(fresh_database)
    different = sorted(table for table in before if after.get(table) != before[table])
    assert not different, f"tables that differ after the restore: {different}"
    assert after.keys() == before.keys()


def test_a_restore_refuses_a_database_that_already_has_tables(tmp_path):
    path = tmp_path / "together.backup"
    call_command("backup", str(path))
    with pytest.raises(CommandError, match="already has tables"):
        call_command("restore", str(path))
    with pytest.raises(BackupError, match="There is no backup at"):
        restore_into(Path(tmp_path / "missing"), connection.settings_dict)
