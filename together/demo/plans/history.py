"""A demo plan's versions: each change a PlanVersion whose snapshot is made by
plans.snapshot.plan_snapshot from the plan and its items as they stood at that change, as the
plan's services make one on every save.

The services read the items back from the database (plans.snapshot.plan_items); here they have
not been inserted yet, and most versions show the plan as it stood before later items existed,
so they are handed to plan_snapshot as plan_items would read them at that moment."""

from datetime import date, timedelta

from together.plans.models import PlanStatus
from together.plans.snapshot import plan_snapshot

from .rows import Planned, PlanResponseRow, PlanShareRow, PlanVersionRow


class History:
    """The plan's versions as it was written, a few days apart, never after today."""

    def __init__(self, maker, planned: Planned, started: date):
        self.maker = maker
        self.planned = planned
        self.day = started
        self.when = maker.at(started)
        self.number = 0
        self.status = PlanStatus.DRAFT
        span = max(1, (maker.today - started).days)
        self.step = max(1, span // 14)

    def add(self, change: str, status=None, *, by=None, recorded=None) -> None:
        """A version for `change`, made once the plan and its items hold it (`recorded`: the
        share or response it records, which is dated here)."""
        maker, planned = self.maker, self.planned
        if self.number:
            self.day = min(maker.today, self.day + timedelta(days=maker.rng.randint(1, self.step)))
            self.when = max(self.when + timedelta(minutes=5), maker.at(self.day))
            if self.when > maker.now:
                self.when = maker.now
        if status is not None:
            self.status = status
        if isinstance(recorded, PlanShareRow):
            recorded.recorded_at = self.when
            if recorded.shared:
                recorded.shared_on = self.day
        elif isinstance(recorded, PlanResponseRow):
            recorded.recorded_at = self.when
            recorded.recorded_on = self.day
        self.number += 1
        planned.versions.append(
            PlanVersionRow(
                number=self.number,
                status=self.status,
                saved_by_id=by or planned.plan.created_by_id,
                saved_at=self.when,
                change=change,
                snapshot=plan_snapshot(planned.plan, items_as_read(planned, maker.names)),
            )
        )

    def finish(self) -> Planned:
        plan = self.planned.plan
        plan.version = self.number
        plan.updated_at = self.when
        plan.status = self.status
        return self.planned


def _day(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def items_as_read(planned: Planned, names: dict[int, tuple[str, str]]) -> dict[str, list[dict]]:
    """The plan's items as plans.snapshot.plan_items reads them from the database: each kind a
    list of rows in the model's ordering, keyed by column, with JSON's values (UUIDs as text,
    dates in ISO form). `names` gives (given, family) for the users who do the work.

    Rows have no ids until they are inserted, so a recommendation and a share are known here by
    their place in the plan, which is all plan_snapshot uses an id for (to join the harms a
    recommendation rests on, and the responses to a share)."""
    harms = planned.harms
    return {
        "harms": [
            {
                "uuid": str(h.uuid),
                "what": h.what,
                "when_happened": h.when_happened,
                "source": h.source,
                "certainty": h.certainty,
            }
            for h in harms
        ],
        "contacts": [
            {
                "uuid": str(c.uuid),
                "kind": c.kind,
                "organisation": c.organisation,
                "contacted_on": _day(c.contacted_on),
                "what_they_said": c.what_they_said,
            }
            for c in planned.contacts
        ],
        "meetings": [{"uuid": str(uuid)} for _id, uuid in planned.meetings],
        "recommendations": [
            {
                "id": n,
                "uuid": str(rec.uuid),
                "recommendation": rec.recommendation,
                "reasoning": rec.reasoning,
                "rests_on_strengths": rec.rests_on_strengths,
                "rests_on_wishes": rec.rests_on_wishes,
                "differs_from_wishes": rec.differs_from_wishes,
                "why_different": rec.why_different,
            }
            for n, (rec, _harms) in enumerate(planned.recommendations)
        ],
        "rests_on": [
            {"recommendation": n, "uuid": str(harms[i].uuid)}
            for n, (_rec, rests_on) in enumerate(planned.recommendations)
            for i in rests_on
        ],
        "activities": [
            {
                "uuid": str(a.uuid),
                "what": a.what,
                "who": a.who_id,
                "who_else": a.who_else,
                "due_on": _day(a.due_on),
                "done_on": _day(a.done_on),
                "for_child": a.for_child,
                "given_name": names.get(a.who_id, ("", ""))[0],
                "family_name": names.get(a.who_id, ("", ""))[1],
            }
            for a in planned.activities
        ],
        "shares": [
            {
                "id": n,
                "uuid": str(share.uuid),
                "recipient_kind": share.recipient_kind,
                "recipient_name": share.recipient_name,
                "shared": share.shared,
                "shared_on": _day(share.shared_on),
                "method": share.method,
                "not_shared_reason": share.not_shared_reason,
                "plan_version": share.plan_version,
            }
            for n, (share, _responses) in enumerate(planned.shares)
        ],
        "responses": [
            {
                "share": n,
                "uuid": str(r.uuid),
                "response": r.response,
                "about_recommendations": r.about_recommendations,
                "recorded_on": _day(r.recorded_on),
            }
            for n, (_share, responses) in enumerate(planned.shares)
            for r in responses
        ],
    }
