"""Read queries whose SQL the ORM builds once, then runs with new values (ADR 0010).

Building a queryset and compiling it to SQL costs the ORM about ten times what running the
query costs on a small indexed lookup. The query that fetches a child for a page of their file
(with the access question in it) has the same shape for every request from users of one role, so
it is compiled once per shape and only its values change.

The ORM still writes the SQL: the query is built by an ordinary function with stand-in values,
and the places those stand-ins take in the compiled parameters are recorded. Each call then puts
the real values, converted the same way, in those places, and reads the rows as the ORM's own
iterables do (models with select_related and annotations, or dicts for values()). Only plain
comparisons (exact, gt, lt: values that reach the database unchanged apart from their type) are
supported, and no prefetching; anything else is refused when the shape is first compiled, so a
mistake shows in the first test that runs it.

On PostgreSQL the statement is also prepared on the server, once per connection, so the
database plans it once too: planning the child's query with its access question took longer
than running it (2.4 ms against 0.6 ms on national data). See _cursor.
"""

import datetime
import functools
import threading
import uuid
from collections.abc import Callable

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import QuerySet
from django.db.models.query import get_related_populators

# Stand-in numbers: positive and within a 32-bit integer, so that Django keeps a comparison with
# a positive or ordinary integer field in the SQL (it drops one it knows the answer to).
_STAND_IN_BASE = 2_046_000_000


def _stand_in(value, index: int):
    """A value of the same type as `value` that no real query would use."""
    if isinstance(value, bool):
        raise TypeError("a prepared query's values may not be yes-or-no answers")
    if isinstance(value, int):
        return _STAND_IN_BASE + index
    if isinstance(value, uuid.UUID):
        return uuid.UUID(int=(0x7E57 << 112) + index)
    if isinstance(value, datetime.datetime):
        return datetime.datetime(1901, 1, 1, 0, 0, index, tzinfo=value.tzinfo)
    if isinstance(value, datetime.date):
        return datetime.date(1901, 1, 1 + index)
    raise TypeError(f"a prepared query cannot take a {type(value).__name__}")


def _converters(connection):
    """The ways a value may have been changed on its way into the parameters."""

    def same(value):
        return value

    def uuid_hex(value):
        return value.hex

    def datetime_db(value):
        if not isinstance(value, datetime.datetime):
            raise TypeError("not a datetime")
        return connection.ops.adapt_datetimefield_value(value)

    def date_db(value):
        return connection.ops.adapt_datefield_value(value)

    return [same, uuid_hex, datetime_db, date_db]


class PreparedQuery:
    """`build(shape, **values)` returns a queryset; `get(shape, **values)` runs it.

    `shape` must name everything other than the values that changes the SQL (for example the
    user's role). A queryset of whole rows gives model instances with their annotations set; a
    `values()` queryset gives dicts, as the ORM would. Each thread compiles its own copy, so the
    database's converters always belong to the thread's own connection."""

    def __init__(self, build: Callable[..., QuerySet]):
        self._build = build
        self._local = threading.local()

    def _compile(self, alias: str, shape, values: dict):
        connection = connections[alias]
        stand_ins = {name: _stand_in(value, i) for i, (name, value) in enumerate(values.items())}
        queryset = self._build(shape, **stand_ins)
        query = queryset.query
        as_values = bool(query.values_select or query.selected)
        if queryset._known_related_objects or queryset._prefetch_related_lookups:
            raise ValueError("a prepared query reads rows, not related managers or prefetches")
        compiler = query.get_compiler(using=alias)
        sql, params = compiler.as_sql()
        places = []
        for name, stand_in in stand_ins.items():
            for position, param in enumerate(params):
                for convert in _converters(connection):
                    if _safe_equal(convert, stand_in, param):
                        places.append((position, name, convert))
                        break
        if len([p for p in params if _is_stand_in(p)]) != len(places):
            raise ValueError("a stand-in value was changed on its way into the query")
        # Django leaves out a comparison it can answer without the database (a number out of a
        # field's range: `version >= -5` is always true). Whether it did must not depend on the
        # values, or the SQL made for the stand-ins would be wrong for real ones: the SQL made
        # for this first call's own values must be the same.
        try:
            same = self._build(shape, **values).query.get_compiler(using=alias).as_sql()[0] == sql
        except EmptyResultSet:
            same = False
        if not same:
            raise ValueError("this query's SQL depends on its values, so it cannot be prepared")
        converters = compiler.get_converters([column for column, _, _ in compiler.select])
        if as_values:
            names = list(query.selected or [])
            if not names:
                names = [*query.extra_select, *query.values_select, *query.annotation_select]
            rows = names
        else:
            # As the ORM's own ModelIterable reads rows: the model's columns, then each
            # select_related model through Django's populators, then the annotations.
            klass_info, select = compiler.klass_info, compiler.select
            first, last = klass_info["select_fields"][0], klass_info["select_fields"][-1] + 1
            init_list = [column[0].target.attname for column in select[first:last]]
            populators = get_related_populators(klass_info, select, alias)
            rows = (klass_info["model"], first, last, init_list, populators)
            rows += (dict(compiler.annotation_col_map),)
        return sql, list(params), places, converters, rows

    def get(self, shape, *, using: str = "default", **values) -> list:
        if any(value is None for value in values.values()):
            return list(self._build(shape, **values).using(using))  # None changes the SQL
        compiled = getattr(self._local, "compiled", None)
        if compiled is None:
            compiled = self._local.compiled = {}
        key = (using, shape, tuple(values))
        if key not in compiled:
            compiled[key] = self._compile(using, shape, values)
        sql, params, places, converters, reading = compiled[key]
        params = list(params)
        for position, name, convert in places:
            params[position] = convert(values[name])
        connection = connections[using]
        with _cursor(connection) as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        results = []
        for row in rows:
            row = list(row)
            for index, (functions, expression) in converters.items():
                for function in functions:
                    row[index] = function(row[index], expression, connection)
            if isinstance(reading, list):
                results.append(dict(zip(reading, row, strict=True)))
                continue
            model, first, last, init_list, populators, annotations = reading
            instance = model.from_db(using, init_list, row[first:last])
            for populator in populators:
                populator.populate(row, instance)
            for name, position in annotations.items():
                setattr(instance, name, row[position])
            results.append(instance)
        return results


def _cursor(connection):
    """A cursor that prepares its statement on the server where that is switched on.

    Django binds values into the SQL text on the client by default, so PostgreSQL sees a new
    statement each time and plans it again. For these queries only, the cursor sends the values
    separately and prepares the statement (psycopg keeps it per connection, keyed by the SQL and
    the values' types). The settings switch it on for PostgreSQL (OPTIONS prepare_threshold; off
    behind a pooler that cannot keep prepared statements: DATABASE_PREPARED_STATEMENTS=false).
    The cursor is wrapped as Django wraps its own, so execute wrappers, counting and logging
    queries still work."""
    if (
        connection.vendor != "postgresql"
        or connection.settings_dict["OPTIONS"].get("prepare_threshold") is None
    ):
        return connection.cursor()
    preparing, logged = _preparing_cursor_classes()
    connection.ensure_connection()
    connection.validate_thread_sharing()
    with connection.wrap_database_errors:
        cursor = preparing(connection.connection)
    if connection.queries_logged:
        return logged(cursor, connection)
    return connection.make_cursor(cursor)


@functools.cache
def _preparing_cursor_classes():
    from django.db.backends.postgresql.base import CursorDebugWrapper, ServerBindingCursor
    from django.db.backends.utils import CursorWrapper

    class PreparingCursor(ServerBindingCursor):
        def execute(self, query, params=None, *, prepare=None, binary=None):
            return super().execute(query, params, prepare=True, binary=binary)

    class LoggedPreparingCursor(CursorDebugWrapper):
        # psycopg keeps no text of a prepared statement's last run, so the log gets the SQL
        # with its values written in, as Django logs its own server-side bound queries.
        def execute(self, sql, params=None):
            with self.debug_sql(self.db.ops.compose_sql(sql, params), params):
                return CursorWrapper.execute(self, sql, params)

    return PreparingCursor, LoggedPreparingCursor


def _safe_equal(convert, stand_in, param) -> bool:
    try:
        return convert(stand_in) == param
    except (AttributeError, TypeError, ValueError):
        return False


def _is_stand_in(param) -> bool:
    if isinstance(param, int) and not isinstance(param, bool):
        return _STAND_IN_BASE <= param < _STAND_IN_BASE + 1000
    if isinstance(param, uuid.UUID):
        return param.int >> 112 == 0x7E57
    if isinstance(param, str):
        return any(mark in param for mark in ("7e57", "1901-01-", str(_STAND_IN_BASE)[:6]))
    if isinstance(param, datetime.date):
        return param.year == 1901
    return False


def model_from_values(model, values: dict, *, using: str = "default"):
    """A model instance from some of its fields' values (by attname), the rest deferred (read if
    asked for), as the ORM makes one for `.only()`. Model.from_db takes the values in the
    model's own field order whatever order the names come in, so they are put in that order
    here."""
    names = [f.attname for f in model._meta.concrete_fields if f.attname in values]
    if len(names) != len(values):
        unknown = sorted(set(values) - set(names))
        raise ValueError(f"{model.__name__} has no fields {unknown}")
    return model.from_db(using, names, [values[name] for name in names])
