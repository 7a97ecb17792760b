"""Writing to the audit log. Services call audit_event_record inside their own transaction."""

from typing import Any

from django.db import models
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
) -> AuditEvent:
    """Record that `by` did `action` (to `obj`, about the child `child_id`, because of `reason`).

    `by` may be None for things done by nobody signed in, such as a failed sign-in.
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
