"""Writing to the audit log. Services call audit_event_record inside their own transaction."""

from typing import Any
from uuid import UUID

from django.db import models, transaction
from django.utils import timezone

from together.core import request_context

from .models import Action, AuditEvent


# An event belongs to the transaction that writes it: inside a service's transaction it commits
# or rolls back with the change it records (a failure to write it marks that transaction for
# rollback, as every save does, so the change cannot commit without its event). Called on its
# own (the record of a page view) it is one INSERT in autocommit mode: PostgreSQL and SQLite
# commit a single statement whole, before the caller goes on, with no BEGIN and COMMIT around
# it. Either way the commit waits until the database has the event safely on disk (ADR 0003):
# a record of who looked at a child's file must never be lost.
def audit_event_record(
    *,
    by,
    action: Action,
    obj: models.Model | None = None,
    child_id=None,
    reason: str = "",
    actor_label: str = "",
    detail: dict[str, Any] | None = None,
) -> AuditEvent:
    """Record that `by` did `action` (to `obj`, about the child `child_id`, because of `reason`).

    `by` may be None for things done by nobody signed in, such as a failed sign-in.
    Every event commits with the transaction that writes it and waits for the disk (ADR 0003).
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
    event.save(force_insert=True)
    return event


# durable=True: the refusal is answered with a 404, and an exception on its way out must not
# take the record with it, so this commits on its own and refuses to run inside a transaction.
@transaction.atomic(durable=True)
def child_view_refused_record(*, by, child_id: UUID, path: str) -> AuditEvent:
    """Record that `by` asked for the file of a child who exists but whom they may not see (the
    404 that looks the same as a missing record). Never for a child that does not exist: that
    is a mistyped address, not an attempt."""
    return audit_event_record(
        by=by, action=Action.CHILD_VIEW_REFUSED, child_id=child_id, detail={"path": path}
    )
