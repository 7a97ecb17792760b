"""FCAs' caseloads against their ceilings, for choosing whom to allocate."""

import math
from dataclasses import dataclass, replace
from decimal import Decimal

from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce

from together.accounts.models import Role, User
from together.organisation.models import Team, TeamMembership

from ..models import Proceedings, ProceedingsChild, Stage

# Caseload ceilings: not a hard limit, a line the service watches (DESIGN.md, section 3).
CEILING_AFTER_FIRST_HEARING = 25
CEILING_BEFORE_FIRST_HEARING = 40


def scaled_ceiling(full_time: int, fte: Decimal) -> int:
    """A ceiling for someone working `fte` of full time: 25 x 0.6 = 15. As a whole number of
    sets of proceedings, rounded up (12.5 is 13), so "at or over the ceiling" means the same as
    against the exact line."""
    return math.ceil(Decimal(full_time) * Decimal(fte))


@dataclass(frozen=True)
class StageLoad:
    """An FCA's open proceedings at one stage against their ceiling for it."""

    proceedings: int
    children: int
    ceiling: int

    @property
    def at_ceiling(self) -> bool:
        return self.proceedings >= self.ceiling

    def adding(self, children: int) -> "StageLoad":
        """The load once one more set of proceedings, with `children`, is added."""
        return replace(self, proceedings=self.proceedings + 1, children=self.children + children)


@dataclass(frozen=True)
class Caseload:
    fca: User
    team: Team
    after_first_hearing: int
    before_first_hearing: int
    children_after: int = 0
    children_before: int = 0

    @property
    def fte(self) -> Decimal:
        return self.fca.fte

    @property
    def full_time(self) -> bool:
        return self.fca.fte >= 1

    @property
    def hours(self) -> str:
        """Their working hours as a share of full time, as written: "0.6"."""
        return f"{Decimal(self.fca.fte).normalize():f}"

    @property
    def ceiling_after(self) -> int:
        return scaled_ceiling(CEILING_AFTER_FIRST_HEARING, self.fca.fte)

    @property
    def ceiling_before(self) -> int:
        return scaled_ceiling(CEILING_BEFORE_FIRST_HEARING, self.fca.fte)

    @property
    def after(self) -> StageLoad:
        return StageLoad(self.after_first_hearing, self.children_after, self.ceiling_after)

    @property
    def before(self) -> StageLoad:
        return StageLoad(self.before_first_hearing, self.children_before, self.ceiling_before)

    @property
    def at_ceiling_after(self) -> bool:
        return self.after.at_ceiling

    @property
    def at_ceiling_before(self) -> bool:
        return self.before.at_ceiling

    @property
    def at_ceiling(self) -> bool:
        return self.at_ceiling_after or self.at_ceiling_before

    def at_stage(self, stage: str) -> StageLoad:
        """The load that proceedings at `stage` count against (before the first hearing, or
        after it)."""
        return self.before if stage == Stage.BEFORE_FIRST_HEARING else self.after


def _open_lead(stage: str):
    return Proceedings.objects.filter(
        lead_fca_id=OuterRef("user_id"), closed_on__isnull=True, stage=stage
    ).order_by()


def _open_lead_count(stage: str):
    counts = _open_lead(stage).values("lead_fca_id").annotate(n=Count("pk")).values("n")[:1]
    return Coalesce(Subquery(counts, output_field=IntegerField()), 0)


def _open_lead_children(stage: str):
    """How many children are in the open proceedings at `stage` the FCA leads (a child in two
    of them counted once)."""
    counts = (
        ProceedingsChild.objects.filter(
            proceedings__lead_fca_id=OuterRef("user_id"),
            proceedings__closed_on__isnull=True,
            proceedings__stage=stage,
        )
        .order_by()
        .values("proceedings__lead_fca_id")
        .annotate(n=Count("child_id", distinct=True))
        .values("n")[:1]
    )
    return Coalesce(Subquery(counts, output_field=IntegerField()), 0)


def fca_caseloads(service_area) -> list[Caseload]:
    """The FCAs working in the area's teams now, each with the open proceedings they lead, and
    the children in them, by stage; their ceilings follow their working hours. One query; an
    FCA in two of the area's teams is listed once, with their newest team."""
    memberships = (
        TeamMembership.objects.filter(
            team__service_area=service_area,
            ended_on__isnull=True,
            user__role=Role.FCA,
            user__is_active=True,
        )
        .select_related("user", "team")
        .annotate(
            after=_open_lead_count(Stage.AFTER_FIRST_HEARING),
            before=_open_lead_count(Stage.BEFORE_FIRST_HEARING),
            children_after=_open_lead_children(Stage.AFTER_FIRST_HEARING),
            children_before=_open_lead_children(Stage.BEFORE_FIRST_HEARING),
        )
        .order_by("user__family_name", "user__given_name", "user_id", "-started_on")
    )
    rows: dict[int, Caseload] = {}
    for m in memberships:
        if m.user_id not in rows:
            rows[m.user_id] = Caseload(
                m.user, m.team, m.after, m.before, m.children_after, m.children_before
            )
    return list(rows.values())
