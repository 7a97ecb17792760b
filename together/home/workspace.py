"""The practice supervisor's workspace: what they have to act on across their teams, gathered
from plans, letters, proceedings, the child's file and supervision. A fixed number of queries
whatever the size of the teams (tests/supervision/test_workspace.py pins it)."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Exists, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from together.accounts.models import Role, User
from together.children.models import Meeting
from together.children.seen import seen_status
from together.letters.selectors import INTRODUCTORY_WITHIN_WORKING_DAYS, introduced_annotation
from together.letters.workingdays import add_working_days
from together.organisation.models import TeamMembership
from together.organisation.rules import supervises_team_q
from together.plans.models import Plan, PlanStatus, PlanVersion
from together.plans.selectors import plan_annotations_for_links
from together.proceedings.models import Proceedings, ProceedingsChild, Stage
from together.proceedings.selectors import Caseload
from together.supervision.models import Action, GroupSession

# The board watches practice supervisors who lead more than this many sets of proceedings.
SUPERVISOR_LEADS_WATCHED_OVER = 12
# Supervision actions due within this many days are shown (as well as those overdue).
ACTIONS_DUE_WITHIN = datetime.timedelta(days=7)


@dataclass(frozen=True)
class PlanWaiting:
    plan: Plan
    waiting_since: datetime.datetime

    @property
    def days_waiting(self) -> int:
        return (timezone.localdate() - timezone.localdate(self.waiting_since)).days


@dataclass
class FcaWork:
    """One FCA in the supervisor's teams: their caseload against the ceiling, and what is
    overdue across their children."""

    caseload: Caseload
    not_seen: int = 0
    letters_overdue: int = 0
    plan_work_overdue: int = 0
    actions_due: int = 0
    actions_overdue: int = 0

    @property
    def fca(self) -> User:
        return self.caseload.fca


@dataclass
class Workspace:
    plans_waiting: list[PlanWaiting] = field(default_factory=list)
    fcas: list[FcaWork] = field(default_factory=list)
    own_leads: int = 0
    not_in_group_supervision: list[TeamMembership] = field(default_factory=list)
    month_start: datetime.date | None = None

    @property
    def own_leads_watched(self) -> bool:
        return self.own_leads > SUPERVISOR_LEADS_WATCHED_OVER


def _open_lead_count(stage: str):
    counts = (
        Proceedings.objects.filter(
            lead_fca_id=OuterRef("user_id"), closed_on__isnull=True, stage=stage
        )
        .order_by()
        .values("lead_fca_id")
        .annotate(n=Count("pk"))
        .values("n")[:1]
    )
    return Coalesce(Subquery(counts, output_field=IntegerField()), 0)


def _open_lead_children(stage: str):
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


def plans_waiting_for(user) -> list[PlanWaiting]:
    """Plans in the supervisor's teams waiting for their review, longest waiting first. One
    query: when each was sent is its newest version at Ready for review."""
    sent = PlanVersion.objects.filter(
        plan=OuterRef("pk"), status=PlanStatus.READY_FOR_REVIEW
    ).order_by("-number")
    plans = (
        Plan.objects.filter(
            supervises_team_q(user, "proceedings__"), status=PlanStatus.READY_FOR_REVIEW
        )
        .select_related("child", "proceedings", "proceedings__lead_fca")
        .only(
            "uuid",
            "status",
            "updated_at",
            "child__uuid",
            "child__preferred_name",
            "child__legal_family_name",
            "proceedings__court_number",
            "proceedings__lead_fca__given_name",
            "proceedings__lead_fca__family_name",
        )
        .annotate(sent_at=Subquery(sent.values("saved_at")[:1]))
    )
    rows = [PlanWaiting(plan, plan.sent_at or plan.updated_at) for plan in plans]
    return sorted(rows, key=lambda row: row.waiting_since)


def supervisor_workspace(user) -> Workspace:
    """Everything on the supervisor's home page. Seven queries, whatever the teams' size."""
    now, today = timezone.now(), timezone.localdate()
    month_start = today.replace(day=1)
    teams = supervises_team_q(user, "")
    attended = GroupSession.attendees.through.objects.filter(
        user_id=OuterRef("user_id"), groupsession__held_on__gte=month_start
    )
    members = list(
        TeamMembership.objects.filter(teams, ended_on__isnull=True, user__is_active=True)
        .exclude(user_id=user.pk)
        .select_related("user", "team")
        .annotate(
            after=_open_lead_count(Stage.AFTER_FIRST_HEARING),
            before=_open_lead_count(Stage.BEFORE_FIRST_HEARING),
            children_after=_open_lead_children(Stage.AFTER_FIRST_HEARING),
            children_before=_open_lead_children(Stage.BEFORE_FIRST_HEARING),
            attended_this_month=Exists(attended),
        )
        .order_by("user__family_name", "user__given_name", "user_id", "-started_on")
    )
    fcas: dict[int, FcaWork] = {}
    not_attended: dict[int, TeamMembership] = {}
    for m in members:
        if m.user.role == Role.FCA and m.user_id not in fcas:
            caseload = Caseload(
                m.user, m.team, m.after, m.before, m.children_after, m.children_before
            )
            fcas[m.user_id] = FcaWork(caseload)
        if not m.attended_this_month and m.user_id not in not_attended:
            not_attended[m.user_id] = m
    # The teams' FCAs as a subquery, so each of these asks the database whatever the teams hold.
    team_fcas = TeamMembership.objects.filter(
        teams, ended_on__isnull=True, user__is_active=True, user__role=Role.FCA
    ).values("user_id")
    _children_work(fcas, team_fcas, now=now, today=today)
    _actions(fcas, team_fcas, today=today)
    return Workspace(
        plans_waiting=plans_waiting_for(user),
        fcas=list(fcas.values()),
        own_leads=Proceedings.objects.filter(lead_fca=user, closed_on__isnull=True).count(),
        not_in_group_supervision=list(not_attended.values()),
        month_start=month_start,
    )


def _children_work(fcas: dict[int, FcaWork], team_fcas, *, now, today) -> None:
    """For each FCA's children in open proceedings: not seen (or overdue to be seen), the
    introductory letter overdue, and plan work overdue. One query."""
    last_met = Meeting.objects.filter(child=OuterRef("child_id"), outcome=Meeting.Outcome.MET)
    rows = (
        ProceedingsChild.objects.filter(
            proceedings__lead_fca_id__in=team_fcas, proceedings__closed_on__isnull=True
        )
        .order_by()
        .values("proceedings__lead_fca_id", "proceedings__first_allocated_at")
        .annotate(
            last_seen=Subquery(last_met.order_by("-occurred_at").values("occurred_at")[:1]),
            introduced=introduced_annotation(),
            **plan_annotations_for_links(today),
        )
    )
    for row in rows:
        work = fcas.get(row["proceedings__lead_fca_id"])
        if work is None:  # joined the team since the members were read
            continue
        allocated = row["proceedings__first_allocated_at"]
        status = seen_status(
            last_seen=row["last_seen"], method=None, now=now, waiting_since=allocated
        )
        if status.overdue or row["last_seen"] is None:
            work.not_seen += 1
        if not row["introduced"] and allocated is not None:
            due = add_working_days(timezone.localdate(allocated), INTRODUCTORY_WITHIN_WORKING_DAYS)
            if due < today:
                work.letters_overdue += 1
        work.plan_work_overdue += row["plan_overdue"] or 0


def _actions(fcas: dict[int, FcaWork], team_fcas, *, today) -> None:
    """Supervision actions each FCA has not done: overdue, or due within a week. One query."""
    counts = (
        Action.objects.filter(
            owner_id__in=team_fcas, done_on__isnull=True, due_on__lte=today + ACTIONS_DUE_WITHIN
        )
        .order_by()
        .values("owner_id")
        .annotate(
            due=Count("pk"),
            overdue=Count("pk", filter=Q(due_on__lt=today)),
        )
    )
    counts_by_owner = defaultdict(dict, {row["owner_id"]: row for row in counts})
    for owner_id, work in fcas.items():
        row = counts_by_owner[owner_id]
        work.actions_due = row.get("due", 0)
        work.actions_overdue = row.get("overdue", 0)
