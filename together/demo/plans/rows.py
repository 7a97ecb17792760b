"""A demo plan's rows, planned in memory and inserted in bulk a chunk of plans at a time through
demo.children.rows (ids given here, so a plan's items can point at it before anything is read
back)."""

from dataclasses import dataclass, field

from django.db import connection

from together.plans.models import (
    Activity,
    Plan,
    PlanHarm,
    PlanResponse,
    PlanShare,
    PlanVersion,
    ProfessionalContact,
    Recommendation,
)

from ..children.rows import Table, reset_sequences, row_class
from ..generator import Context

HARMS_THROUGH = Recommendation.rests_on_harms.through
MEETINGS_THROUGH = Plan.wishes_meetings.through
PlanHarmRow = row_class(PlanHarm)
ProfessionalContactRow = row_class(ProfessionalContact)
RecommendationRow = row_class(Recommendation)
ActivityRow = row_class(Activity)
PlanShareRow = row_class(PlanShare)
PlanResponseRow = row_class(PlanResponse)
PlanVersionRow = row_class(PlanVersion)
HarmLinkRow = row_class(HARMS_THROUGH)
MeetingLinkRow = row_class(MEETINGS_THROUGH)


@dataclass
class Planned:
    """One plan and its items, waiting for its chunk to be inserted. The plan itself is a model
    instance (never saved: inserted with the rest), as plans.snapshot.plan_snapshot takes it."""

    plan: Plan
    harms: list = field(default_factory=list)
    contacts: list = field(default_factory=list)
    recommendations: list = field(default_factory=list)  # (Recommendation, [harm index])
    activities: list = field(default_factory=list)
    shares: list = field(default_factory=list)  # (PlanShare, [PlanResponse])
    meetings: list = field(default_factory=list)  # (meeting id, uuid)
    versions: list = field(default_factory=list)


class PlanTables:
    """The tables a plan's rows go into, in the order they point at each other."""

    def __init__(self):
        own_ids = {Plan, PlanHarm, Recommendation, PlanShare}
        self.tables = {
            model: Table(model, own_ids=model in own_ids)
            for model in (
                Plan,
                PlanHarm,
                ProfessionalContact,
                Recommendation,
                Activity,
                PlanShare,
                PlanResponse,
                HARMS_THROUGH,
                MEETINGS_THROUGH,
                PlanVersion,
            )
        }
        # The shared JSON adapter keys short lists; a snapshot is a whole document.
        versions = self.tables[PlanVersion]
        names = [f.attname for f in PlanVersion._meta.concrete_fields if not f.primary_key]
        at = names.index("snapshot")
        field_ = PlanVersion._meta.get_field("snapshot")
        versions.adapters = [(i, a) for i, a in versions.adapters if i != at] + [
            (at, lambda v: connection.ops.adapt_json_value(v, field_.encoder))
        ]

    def insert(self, planned: list[Planned], ctx: Context) -> None:
        if not planned:
            return
        tables = self.tables
        tables[Plan].insert([p.plan for p in planned])
        for p in planned:
            for item in (*p.harms, *p.contacts, *p.activities):
                item.plan_id = p.plan.id
            for rec, _harms in p.recommendations:
                rec.plan_id = p.plan.id
            for share, _responses in p.shares:
                share.plan_id = p.plan.id
            for version in p.versions:
                version.plan_id = p.plan.id
        tables[PlanHarm].insert([h for p in planned for h in p.harms])
        tables[ProfessionalContact].insert([c for p in planned for c in p.contacts])
        tables[Recommendation].insert([r for p in planned for r, _h in p.recommendations])
        tables[Activity].insert([a for p in planned for a in p.activities])
        tables[PlanShare].insert([s for p in planned for s, _r in p.shares])
        for p in planned:
            for share, responses in p.shares:
                for response in responses:
                    response.share_id = share.id
        tables[PlanResponse].insert([r for p in planned for _s, rs in p.shares for r in rs])
        tables[HARMS_THROUGH].insert(
            [
                HarmLinkRow(recommendation_id=rec.id, planharm_id=p.harms[i].id)
                for p in planned
                for rec, harms in p.recommendations
                for i in harms
            ]
        )
        tables[MEETINGS_THROUGH].insert(
            [
                MeetingLinkRow(plan_id=p.plan.id, meeting_id=m)
                for p in planned
                for m, _u in p.meetings
            ]
        )
        tables[PlanVersion].insert([v for p in planned for v in p.versions])
        ctx.count("plans", len(planned))
        ctx.count("plan versions", sum(len(p.versions) for p in planned))
        ctx.count("plan shares", sum(len(p.shares) for p in planned))

    def finish(self) -> None:
        """Let the database number new rows after the ones given ids here."""
        reset_sequences([t for t in self.tables.values() if t.own_ids])
