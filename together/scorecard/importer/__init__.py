"""Bringing a service's records in from a folder of CSV files (`manage.py import_service`).

The format is public: docs/import-format.md. Every row is checked before anything is written
(`reading`), then everything is written in one transaction, in bulk (`writing`): a folder goes in
whole or not at all.
"""

import datetime
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from .reading import read_folder
from .writing import known_from_database, write_folder


class ImportRefused(Exception):
    """The folder was not imported; `problems` says why, one `file:line: what is wrong` each."""

    def __init__(self, problems: list[str]):
        super().__init__(f"{len(problems)} problems")
        self.problems = problems


def service_import(
    folder: Path | str,
    *,
    progress: Callable[[str], None] = lambda message: None,
    today: datetime.date | None = None,
) -> Counter:
    """Import every file in `folder`, or nothing. Returns how many rows each file had.

    No actor, by design: it is run from the command line by whoever runs the service (as the
    demo data is made), never from a page, so no member of staff is asking."""
    folder = Path(folder)
    today = today or timezone.localdate()
    progress("Checking every row")
    checked = read_folder(folder, known_from_database(), today=today)
    if checked.problems:
        raise ImportRefused(checked.problems)
    progress("Every row is right: saving")
    try:
        with transaction.atomic():
            _check_references_as_rows_go_in()
            return write_folder(checked, today=today, progress=progress)
    except IntegrityError as error:
        # The checks above should leave nothing for the database to refuse; if it does (a
        # record changed in the service since an earlier import), nothing was saved.
        raise ImportRefused(
            [f"{folder}: the records could not be saved, and nothing was ({error})"]
        ) from error


def _check_references_as_rows_go_in() -> None:
    """On PostgreSQL, check each foreign key as its batch goes in, not all at COMMIT: Django
    makes them deferrable, and millions of deferred checks queue up in the server's memory and
    then run at COMMIT (the demo data's bulk load does the same, demo.children.rows.BulkLoad).
    Only for this transaction: SET CONSTRAINTS ends with it."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
