"""Backing up the database and restoring it: pg_dump and pg_restore for PostgreSQL, SQLite's
online backup API for the embedded default (docs/operations.md, "Backups").

Nothing here knows a domain: a backup is every table, the audit log included, as the database
holds it. `table_checksums` reads a database back so a restore can be checked row for row.
"""

import hashlib
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.db import connections


class BackupError(Exception):
    """A backup or restore that could not be made, said in plain words."""


def default_name(alias: str = "default", *, stamp: str) -> str:
    suffix = "dump" if connections[alias].vendor == "postgresql" else "sqlite3"
    return f"together-{stamp}.{suffix}"


def _pg_environment(settings_dict: dict) -> tuple[list[str], dict]:
    """The connection arguments and environment for pg_dump and pg_restore."""
    arguments = []
    if settings_dict.get("HOST"):
        arguments += ["--host", settings_dict["HOST"]]
    if settings_dict.get("PORT"):
        arguments += ["--port", str(settings_dict["PORT"])]
    if settings_dict.get("USER"):
        arguments += ["--username", settings_dict["USER"]]
    environment = dict(os.environ)
    if settings_dict.get("PASSWORD"):
        environment["PGPASSWORD"] = settings_dict["PASSWORD"]
    return arguments, environment


def _run(command: list[str], environment: dict) -> None:
    program = command[0]
    if shutil.which(program) is None:
        raise BackupError(f"{program} is not installed: install PostgreSQL's client programs")
    # The program is pg_dump or pg_restore; the arguments are settings and a path, no shell.
    done = subprocess.run(command, env=environment, capture_output=True, text=True)  # noqa: S603
    if done.returncode != 0:
        # pg_dump and pg_restore say what went wrong on their last lines, without row data.
        said = done.stderr.strip().splitlines()[-3:]
        raise BackupError(f"{program} failed: {' '.join(said) or 'no message'}")


def _sqlite_path(settings_dict: dict) -> tuple[str, bool]:
    """The database's name for sqlite3.connect, and whether it is a URI (an in-memory test
    database shared by name)."""
    name = str(settings_dict["NAME"])
    return name, name.startswith("file:")


def backup(path: Path, alias: str = "default") -> Path:
    """Write a consistent copy of the whole database to `path` while it stays in use."""
    connection = connections[alias]
    settings_dict = connection.settings_dict
    path.parent.mkdir(parents=True, exist_ok=True)
    if connection.vendor == "postgresql":
        # The custom format: compressed, and pg_restore can restore it into any empty database.
        # pg_dump reads one snapshot, so the copy is consistent while people go on working.
        arguments, environment = _pg_environment(settings_dict)
        command = ["pg_dump", "--format=custom", "--no-owner", "--no-privileges", *arguments]
        _run([*command, "--file", str(path), settings_dict["NAME"]], environment)
    elif connection.vendor == "sqlite":
        source = _connect(settings_dict)
        target = sqlite3.connect(path)
        try:
            source.backup(target)  # SQLite's online backup: consistent while others write
        finally:
            target.close()
            source.close()
    else:
        raise BackupError(f"Backing up a {connection.vendor} database is not supported")
    return path


def _connect(settings_dict: dict):
    """A plain DB-API connection (psycopg or sqlite3) to the database in `settings_dict`."""
    if "postgresql" in settings_dict["ENGINE"]:
        import psycopg

        connection = psycopg.connect(
            dbname=settings_dict["NAME"],
            host=settings_dict.get("HOST") or None,
            port=settings_dict.get("PORT") or None,
            user=settings_dict.get("USER") or None,
            password=settings_dict.get("PASSWORD") or None,
            autocommit=True,
        )
        connection.execute("SET TIME ZONE 'UTC'")
        return connection
    name, uri = _sqlite_path(settings_dict)
    return sqlite3.connect(name, uri=uri)


def _tables(connection) -> list[str]:
    if isinstance(connection, sqlite3.Connection):
        query = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    else:
        query = "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
    return sorted(row[0] for row in connection.execute(query).fetchall())


def has_tables(settings_dict: dict) -> bool:
    connection = _connect(settings_dict)
    try:
        return bool(_tables(connection))
    finally:
        connection.close()


def restore(path: Path, alias: str = "default", *, replace: bool = False) -> None:
    """Restore the backup at `path` into the database named by `alias`."""
    connections[alias].close()
    restore_into(path, connections[alias].settings_dict, replace=replace)


def restore_into(path: Path, settings_dict: dict, *, replace: bool = False) -> None:
    """Restore the backup at `path` into the database `settings_dict` names.

    Refuses a database that already has tables unless `replace` is given, so a mistyped setting
    cannot overwrite a live service."""
    if not path.is_file():
        raise BackupError(f"There is no backup at {path}")
    if has_tables(settings_dict) and not replace:
        raise BackupError(
            "The database already has tables: restore into an empty database, or say --replace"
        )
    if "postgresql" in settings_dict["ENGINE"]:
        arguments, environment = _pg_environment(settings_dict)
        command = ["pg_restore", "--no-owner", "--no-privileges", "--exit-on-error", *arguments]
        if replace:
            command += ["--clean", "--if-exists"]
        _run([*command, "--dbname", settings_dict["NAME"], str(path)], environment)
    elif "sqlite3" in settings_dict["ENGINE"]:
        source = sqlite3.connect(path)
        target = _connect(settings_dict)
        try:
            source.backup(target)  # replaces every page of the target with the backup's
        finally:
            target.close()
            source.close()
    else:
        raise BackupError(f"Restoring into {settings_dict['ENGINE']} is not supported")


def table_checksums(settings_dict: dict) -> dict[str, tuple[int, str]]:
    """Each table's row count and a SHA-256 of its rows (in a stable order), read through a
    connection of its own, to compare a restored database with the one backed up."""
    connection = _connect(settings_dict)
    quote = '"{}"'.format
    result = {}
    try:
        for table in _tables(connection):
            if isinstance(connection, sqlite3.Connection):
                rows = connection.execute(f"SELECT * FROM {quote(table)}").fetchall()  # noqa: S608
                lines = sorted(repr(tuple(row)) for row in rows)
            else:
                # Each row as PostgreSQL writes it as text (timestamps in UTC, set above).
                query = f"SELECT t::text FROM {quote(table)} AS t"  # noqa: S608
                lines = sorted(row[0] for row in connection.execute(query).fetchall())
            digest = hashlib.sha256("\n".join(lines).encode()).hexdigest()
            result[table] = (len(lines), digest)
    finally:
        connection.close()
    return result
