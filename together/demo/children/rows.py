"""Plain rows for the children's demo data, inserted straight through the database connection.

At national size (about fourteen million rows) the ORM's bulk_create spends most of its time
building a model instance and preparing each value one field at a time: about 100 µs for a
child, against about 12 µs for the same row handed to the driver's executemany. So the demo
data is planned as light rows with the models' field names, and each value is adapted by the
connection's own operations (dates, times, UUIDs, JSON), which keeps SQLite and PostgreSQL
alike. The database still checks every constraint; no save(), signal or history row runs.
"""

from datetime import UTC
from operator import attrgetter

from django.core.management.color import no_style
from django.db import connection, models

from together.children.models import Child, ChildConnection, FamilyMember, Meeting, TimelineEntry
from together.proceedings.models import (
    Allocation,
    Hearing,
    Party,
    Proceedings,
    ProceedingsChild,
)

BATCH = 5000


def row_class(model) -> type:
    """A class with __slots__ for the model's columns, and the model's plain defaults."""
    defaults = {}
    for f in model._meta.concrete_fields:
        if f.primary_key or f.null:
            defaults[f.attname] = None
        elif f.has_default():
            default = f.default
            # Rows share one empty list as the default: code replaces it, never appends to it.
            defaults[f.attname] = [] if default is list else None if callable(default) else default
        else:
            defaults[f.attname] = "" if f.empty_strings_allowed else None
    # A plain __init__ with keyword arguments is several times faster than setattr in a loop,
    # and this runs for every one of the fourteen million rows.
    names = list(defaults)
    source = f"def __init__(self, *, {', '.join(f'{n}=_d[{n!r}]' for n in names)}):\n" + "".join(
        f"    self.{n} = {n}\n" for n in names
    )
    namespace = {"_d": defaults}
    exec(source, namespace)  # noqa: S102 (the names are the model's own field names)
    return type(
        f"{model.__name__}Row",
        (),
        {
            "__slots__": tuple(names),
            "__init__": namespace["__init__"],
            "__doc__": f"A row of {model._meta.db_table}, to insert.",
            "pk": property(lambda self: self.id),
            "model": model,
        },
    )


class Table:
    """Inserts rows of one model in batches. With own_ids, gives each row its id first, so other
    rows can point at it before anything is read back (the sequence is reset at the end)."""

    def __init__(self, model, *, own_ids: bool = False):
        self.model = model
        self.own_ids = own_ids
        fields = [f for f in model._meta.concrete_fields if own_ids or not f.primary_key]
        names = [f.attname for f in fields]
        quote = connection.ops.quote_name
        # Only the model's own table and column names go into the SQL; values are parameters.
        into = f"{quote(model._meta.db_table)} ({', '.join(quote(n) for n in names)})"
        self.sql = f"INSERT INTO {into} VALUES ({', '.join(['%s'] * len(names))})"  # noqa: S608
        self.copy_sql = f"COPY {into} FROM STDIN"
        self.values = attrgetter(*names)
        self.adapters = [
            (i, adapter) for i, f in enumerate(fields) if (adapter := _adapter(f)) is not None
        ]
        self.next_id = None
        self.count = 0

    def insert(self, rows: list) -> None:
        if not rows:
            return
        if self.own_ids:
            if self.next_id is None:
                last = self.model.objects.aggregate(last=models.Max("pk"))["last"]
                self.next_id = (last or 0) + 1
            for n, row in enumerate(rows, start=self.next_id):
                row.id = n
            self.next_id += len(rows)
        values, adapters = self.values, self.adapters
        with connection.cursor() as cursor:
            # PostgreSQL with psycopg 3 takes rows fastest through COPY; otherwise executemany.
            copy = getattr(cursor.cursor, "copy", None)
            for start in range(0, len(rows), BATCH):
                params = []
                for row in rows[start : start + BATCH]:
                    value = values(row)
                    if adapters:
                        value = list(value)
                        for i, adapt in adapters:
                            if value[i] is not None:
                                value[i] = adapt(value[i])
                    params.append(value)
                if copy is None:
                    cursor.executemany(self.sql, params)
                else:
                    with copy(self.copy_sql) as stream:
                        for value in params:
                            stream.write_row(value)
        self.count += len(rows)


class BulkLoad:
    """Settings for the length of a bulk load, put back after it.

    SQLite: a bigger page cache. Inserts land all over the UUID and name indexes, and with the
    default 2 MB cache each one reads pages back from the file.
    PostgreSQL: foreign keys checked as each batch goes in, not all at COMMIT. Django makes them
    deferrable, and millions of deferred checks queue up in the server's memory, then run at
    COMMIT for minutes."""

    CACHE_KIB = 512 * 1024

    def __enter__(self):
        self.restore = None
        with connection.cursor() as cursor:
            if connection.vendor == "sqlite":
                cursor.execute("PRAGMA cache_size")
                self.restore = f"PRAGMA cache_size = {int(cursor.fetchone()[0])}"
                cursor.execute(f"PRAGMA cache_size = -{self.CACHE_KIB}")
            elif connection.vendor == "postgresql" and connection.in_atomic_block:
                cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
                self.restore = "SET CONSTRAINTS ALL DEFERRED"
        return self

    def __exit__(self, *exc):
        if self.restore is not None:
            with connection.cursor() as cursor:
                cursor.execute(self.restore)


def reset_sequences(tables) -> None:
    """After rows were given their ids here, let the database carry on numbering after them."""
    statements = connection.ops.sequence_reset_sql(no_style(), [t.model for t in tables])
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


def _adapter(field):
    """How to turn a row's value into what the driver takes, as Django's backend would."""
    ops = connection.ops
    sqlite = connection.vendor == "sqlite"
    if field.choices:
        return str  # a TextChoices member, as its plain value for every driver
    if isinstance(field, models.UUIDField):
        return None if connection.features.has_native_uuid_field else lambda v: v.hex
    if isinstance(field, models.DateTimeField):
        return _Memo(_sqlite_datetime) if sqlite else ops.adapt_datetimefield_value
    if isinstance(field, models.DateField):
        return ops.adapt_datefield_value
    if isinstance(field, models.JSONField):
        if sqlite:  # short lists of choices here: the same few values again and again
            memo = _Memo(lambda key: ops.adapt_json_value(list(key), field.encoder))
            return lambda v: memo(tuple(v))
        return lambda v: ops.adapt_json_value(v, field.encoder)
    return None


class _Memo(dict):
    """Adapt each distinct value once (times and short lists repeat across millions of rows)."""

    def __init__(self, adapt):
        self.adapt = adapt

    def __missing__(self, key):
        value = self[key] = self.adapt(key)
        return value

    __call__ = dict.__getitem__


def _sqlite_datetime(value):
    """What Django's SQLite backend stores for an aware time: UTC, as text."""
    if value.tzinfo is not UTC:
        value = value.astimezone(UTC)
    return str(value.replace(tzinfo=None))


ChildRow = row_class(Child)
PersonRow = row_class(FamilyMember)
ConnectionRow = row_class(ChildConnection)
MeetingRow = row_class(Meeting)
TimelineRow = row_class(TimelineEntry)
ProceedingsRow = row_class(Proceedings)
ProceedingsChildRow = row_class(ProceedingsChild)
PartyRow = row_class(Party)
HearingRow = row_class(Hearing)
AllocationRow = row_class(Allocation)
