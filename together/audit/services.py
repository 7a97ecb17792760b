"""Writing to the audit log. Services call audit_event_record inside their own transaction."""

from typing import Any

from django.db import connection, models
from django.utils import timezone

from together.core import request_context

from .models import Action, AuditEvent


# No transaction of its own: an audit event is one INSERT. Inside a service's transaction it
# belongs to that transaction (it must roll back with the change it records); on its own, as for
# a page view, a single INSERT is atomic already, and a transaction around it would only cost the
# extra round trips to begin and commit it on every page of a child's file.
def audit_event_record(
    *,
    by,
    action: Action,
    obj: models.Model | None = None,
    child_id=None,
    reason: str = "",
    actor_label: str = "",
    detail: dict[str, Any] | None = None,
    wait_for_disk: bool = True,
) -> AuditEvent:
    """Record that `by` did `action` (to `obj`, about the child `child_id`, because of `reason`).

    `by` may be None for things done by nobody signed in, such as a failed sign-in.
    `wait_for_disk=False` is for the record of a page view only: see `_without_waiting_for_disk`.
    """
    context = request_context.current()
    actor = by if getattr(by, "is_authenticated", False) else None
    event = AuditEvent(
        occurred_at=timezone.now(),
        actor=actor,
        actor_label=actor_label or (actor.email if actor else ""),
        action=action,
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(getattr(obj, "uuid", None) or getattr(obj, "pk", "")) if obj else "",
        child_id=child_id,
        reason=reason,
        request_id=context.request_id,
        ip_address=context.ip_address,
        detail=detail or {},
    )
    # The actor is the signed-in user just loaded and the UUID is new, so the database checks
    # full_clean would make for them (two queries on every page view) cannot fail.
    event.full_clean(exclude=["actor"], validate_unique=False)
    if wait_for_disk or connection.vendor != "postgresql" or connection.in_atomic_block:
        event.save(force_insert=True)
    else:
        with connection.execute_wrapper(_without_waiting_for_disk):
            event.save(force_insert=True)
    return event


# PostgreSQL makes every commit wait until it is flushed to disk: about 4 ms on this project's
# machines, more than the rest of a page of a child's file. A page view's record is committed
# without that wait (ADR 0003): the INSERT switches off synchronous_commit for its own
# transaction only, from its RETURNING clause, so it stays one round trip and the setting ends
# with it. The row is written and visible at once; only a crash of the database server in the
# next fraction of a second could lose it, which is the same promise SQLite's WAL mode with
# synchronous=NORMAL makes for every write. Never used inside a transaction (the setting would
# then cover the whole transaction, changes included): the caller checks in_atomic_block.
_COMMIT_WITHOUT_WAITING = ", set_config('synchronous_commit', 'off', true)"


def _without_waiting_for_disk(execute, sql, params, many, context):
    if sql.startswith('INSERT INTO "audit_auditevent"') and " RETURNING " in sql:
        sql += _COMMIT_WITHOUT_WAITING
    return execute(sql, params, many, context)
