"""What the writing's steps share: the state, each member's team, saving in bulk, import ids."""

import datetime
from collections import Counter
from collections.abc import Callable, Iterable

from django.utils import timezone

from together.organisation.models import TeamMembership

from ..models import ImportedRecord
from .folder import Folder

BATCH = 2000
# Ids asked for in one query (below SQLite's limit on parameters).
CHUNK = 10_000
# How often a long list reports how far it has gone.
PROGRESS_EVERY = 50_000

Progress = Callable[[str], None]
K = ImportedRecord.Kind


class _Saving:
    """The state of one writing, and what its steps share (see _Writer in writing.py)."""

    def __init__(self, folder: Folder, today: datetime.date, progress: Progress):
        self.folder = folder
        self.today = today
        self.progress = progress
        self.counts: Counter = Counter()
        self.now = timezone.now()
        self.touched_proceedings: set[int] = set()

    def report(self, name: str, new: int, updated: int, unchanged: int = 0) -> None:
        self.counts[name] = new + updated + unchanged
        same = f", {unchanged:,} unchanged" if unchanged else ""
        self.progress(f"{name}: {new:,} new, {updated:,} updated{same}")

    def _team_of(self) -> dict[int, int]:
        """Each member of staff's current team (the latest joined, if several)."""
        if not hasattr(self, "_teams"):
            self._teams = {}
            for user, team in (
                TeamMembership.objects.filter(ended_on__isnull=True)
                .order_by("started_on", "pk")
                .values_list("user_id", "team_id")
            ):
                self._teams[user] = team
        return self._teams

    def _upsert(self, model, kind, objects, fields, name, *, mapping=None) -> list[int]:
        """Save (id, unsaved object) pairs: the objects whose id an earlier import made are
        updated in place, the others made, and every id remembered. Returns the primary keys."""
        mapping = _mapping(kind) if mapping is None else mapping
        pairs = [(mapping.get(external_id), obj) for external_id, obj in objects]
        self._save(model, pairs, fields, name)
        # Only ids new to the table (or whose record was made again) are written.
        self._remember(kind, [(e, obj.pk) for e, obj in objects if mapping.get(e) != obj.pk])
        return [obj.pk for _, obj in objects]

    def _save(self, model, pairs, fields, name) -> None:
        """Save (primary key or None, unsaved object) pairs: make the ones without a record,
        and update the others where a field changed (a second run of the same files writes
        nothing but what changed)."""
        columns = [model._meta.get_field(f).attname for f in fields]
        current = {}
        wanted = sorted({pk for pk, _ in pairs if pk is not None})
        for chunk in _chunks(wanted, CHUNK):
            for row in model.objects.filter(pk__in=chunk).values_list("pk", *columns):
                current[row[0]] = row[1:]
        new, changed, unchanged = [], [], 0
        for pk, obj in pairs:
            if pk in current:
                obj.pk = pk
                if tuple(getattr(obj, c) for c in columns) != current[pk]:
                    changed.append(obj)
                else:
                    unchanged += 1
            else:
                new.append(obj)
        for batch in self._batches(new, name):
            model.objects.bulk_create(batch)
        for batch in _chunks(changed, BATCH):
            model.objects.bulk_update(batch, fields)
        self.report(name, len(new), len(changed), unchanged)

    def _remember(self, kind, pairs: list[tuple[str, int]]) -> None:
        records = [ImportedRecord(kind=kind, external_id=e, record_id=pk) for e, pk in pairs]
        for batch in _chunks(records, BATCH):
            ImportedRecord.objects.bulk_create(
                batch,
                update_conflicts=True,
                unique_fields=["kind", "external_id"],
                update_fields=["record_id", "imported_at"],
            )

    def _batches(self, items: list, name: str) -> Iterable[list]:
        done = 0
        for batch in _chunks(items, BATCH):
            yield batch
            before, done = done, done + len(batch)
            if len(items) >= PROGRESS_EVERY and done // PROGRESS_EVERY > before // PROGRESS_EVERY:
                self.progress(f"{name}: {done:,} of {len(items):,} saved")


def _mapping(kind: str) -> dict[str, int]:
    return dict(ImportedRecord.objects.filter(kind=kind).values_list("external_id", "record_id"))


def _keys(rows: list[dict], columns: tuple[str, ...]) -> list[str]:
    """The id of each row without one of its own: its key columns, and which repeat of them it is
    in its file (a child met twice on one day the same way has two meetings)."""
    seen: Counter = Counter()
    keys = []
    for r in rows:
        base = "|".join(str(r[c]) for c in columns)
        seen[base] += 1
        keys.append(f"{base}#{seen[base]}")
    return keys


def _chunks(items: list, size: int) -> Iterable[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
