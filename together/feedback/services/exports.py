"""Recording that feedback was exported."""

from django.db import transaction

from together.audit.models import Action
from together.audit.services import audit_event_record
from together.core.permissions import require

from .. import rules


@transaction.atomic
def feedback_export_record(*, by, detail: dict) -> None:
    """Log that `by` downloaded the feedback figures."""
    require(by, rules.may_see_feedback, message="You cannot download the feedback figures")
    audit_event_record(by=by, action=Action.FEEDBACK_EXPORTED, detail=detail)
