"""Writes for printed and downloaded documents: every print or download is logged."""

from django.db import models

from together.audit.models import Action
from together.audit.services import audit_event_record


def document_print_record(
    *, by, obj: models.Model, what: str, child_id=None, reason: str = "", fmt: str = "pdf"
) -> None:
    """Log that `by` printed or downloaded `what` (for example "child's version, large print")
    of `obj`, about the child `child_id`, because of `reason`."""
    audit_event_record(
        by=by,
        action=Action.DOCUMENT_PRINTED,
        obj=obj,
        child_id=child_id,
        reason=reason,
        detail={"what": what, "format": fmt},
    )
