"""What the scorecard writes: the audit log's record of a download."""

from django.db import transaction

from together.audit.models import Action
from together.audit.services import audit_event_record
from together.core.permissions import require

from . import rules


@transaction.atomic
def scorecard_export_record(*, by, detail: dict) -> None:
    """Log that `by` downloaded a table of the scorecard, or a list behind one of its figures, as
    a CSV file (its own action, "Downloaded figures from the scorecard", with what was
    downloaded)."""
    require(by, rules.may_open_scorecard, message="You cannot download the scorecard")
    audit_event_record(
        by=by, action=Action.SCORECARD_EXPORTED, detail={"export": "scorecard", **detail}
    )
