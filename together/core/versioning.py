"""The version check every service makes before changing a record two people could edit at once.

A form carries the version of the record it was opened on. The service locks the row for the
rest of its transaction, so no one else's change can land in between, and refuses the edit
(EditConflict) when the row has moved on since: the page then shows both versions instead of
silently overwriting the other person's change.
"""

from collections.abc import Callable
from datetime import datetime
from typing import Any, TypeVar

from django.db.models import Model, QuerySet

from .exceptions import EditConflict

# Who saved the row last and when, for the conflict message: (person or None, moment or None).
LastSaved = Callable[[Any], tuple[Any, datetime | None]]
M = TypeVar("M", bound=Model)


def lock_at_version(
    queryset: QuerySet[M], *, pk, version: int | None, last_saved: LastSaved | None = None
) -> M:
    """The row `pk` of `queryset`, locked until the transaction ends (select_for_update), or
    EditConflict when its version is no longer `version`.

    `last_saved(row)` says who saved the row last and when, so the person can be told; without
    it the conflict names neither. With version=None the row is locked without a check (for a
    change that does not depend on what the person saw, such as moving a plan on a stage).

    Only the row itself is locked (`of=("self",)`), not the rows select_related joins in: on
    PostgreSQL a lock cannot reach the nullable side of an outer join, and the version guards
    this row alone. SQLite has no row locks: its transactions take the database's write lock."""
    locked = queryset.select_for_update(of=("self",)).get(pk=pk)
    if version is not None and locked.version != int(version):
        by, at = last_saved(locked) if last_saved else (None, None)
        raise EditConflict(by=by, at=at)
    return locked
