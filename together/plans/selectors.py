"""Reading plans. Every read of a plan for a person goes through plan_get_for_user."""

from django.core.exceptions import ValidationError
from django.db import connection
from django.db.models import Count, IntegerField, OuterRef, Q, Subquery
from django.db.models.expressions import RawSQL
from django.http import Http404
from django.utils import timezone

from together.children.models import Child, Meeting
from together.children.selectors import child_get_for_user
from together.core.queries import database_today
from together.proceedings.models import Proceedings

from . import rules
from .models import Activity, Plan, PlanComment, PlanHarm, PlanStatus


def open_proceedings_for_child(child: Child) -> list[Proceedings]:
    return list(
        Proceedings.objects.filter(child_links__child=child, closed_on__isnull=True)
        .select_related("service_area", "team")
        .order_by("-received_on", "-id")
    )


def _plans(child: Child, user=None):
    """The child's plans, with what `user` may do with each answered in the same query (see
    rules.access_annotations). The child is the one already fetched (with its access), so it is
    not read again: use _own on each plan fetched."""
    # Only what the plan's pages show: the rules read the proceedings' own columns
    # (service_area_id, team_id), and who started the plan is read only by the printed versions
    # (when the proceedings have no lead FCA).
    plans = Plan.objects.filter(child=child).select_related(
        "proceedings", "updated_by", "agreed_by"
    )
    return plans.annotate(**rules.access_annotations(user)) if user is not None else plans


def _own(plan: Plan | None, child: Child, user=None) -> Plan | None:
    """The plan, holding the child as fetched with access (so the file's pages do not ask
    again), and `user`'s access to the plan as its query answered it."""
    if plan is not None:
        plan.child = child
        if user is not None:
            rules.remember_access(plan, user)
    return plan


def plan_get_for_user(*, user, child_id, plan_id=None) -> Plan:
    """The plan, if `user` may see the child's file; otherwise 404, as if there were no plan.

    With plan_id None: the child's plan in their current open proceedings (the most recently
    received set that has a plan). Creates nothing.
    """
    child = child_get_for_user(user=user, child_id=child_id)
    if plan_id is None:
        plan = _current_plan(child, user)
        if plan is None:
            raise Http404("No plan found")
        return plan
    try:
        return _own(_plans(child, user).get(uuid=plan_id), child, user)
    except (Plan.DoesNotExist, ValueError, ValidationError):
        raise Http404("No plan found") from None


def _current_plan(child: Child, user, *, counts: bool = False) -> Plan | None:
    """The child's plan in their open proceedings (the most recently received set that has
    one), with `user`'s access facts, and with the task list's counts if asked. One query."""
    plans = _plans(child, user).filter(proceedings__closed_on__isnull=True)
    if counts:
        plans = plans.annotate(**_counts(timezone.localdate()))
    return _own(plans.order_by("-proceedings__received_on", "-id").first(), child, user)


def plan_for_child_or_none(child: Child) -> Plan | None:
    """The child's plan in their open proceedings, for a child already fetched with access."""
    return _own(
        _plans(child)
        .filter(proceedings__closed_on__isnull=True)
        .order_by("-proceedings__received_on", "-id")
        .first(),
        child,
    )


def words_for_child_latest(child: Child) -> str:
    """The words for the child from their most recent plan (open or ended proceedings), for
    the ending letter; empty if none were written."""
    return (
        Plan.objects.filter(child=child)
        .exclude(words_for_child="")
        .order_by("-proceedings__received_on", "-id")
        .values_list("words_for_child", flat=True)
        .first()
        or ""
    )


def brother_sister_plans(child: Child) -> list[Plan]:
    """Plans of other children in the same open proceedings, to start this child's plan from."""
    proceedings_ids = Proceedings.objects.filter(
        child_links__child=child, closed_on__isnull=True
    ).values("pk")
    return list(
        Plan.objects.filter(proceedings__in=proceedings_ids)
        .exclude(child=child)
        .select_related("child", "proceedings")
        .order_by("child__preferred_name")
    )


def plan_harms(plan: Plan) -> list[PlanHarm]:
    return list(plan.harms.all())


def plan_comments(plan: Plan) -> list[PlanComment]:
    return list(plan.comments.select_related("by"))


def plan_activities(plan: Plan) -> list[Activity]:
    return list(plan.activities.select_related("who"))


def plan_recommendations(plan: Plan) -> list:
    return list(plan.recommendations.prefetch_related("rests_on_harms"))


def child_meetings(child: Child) -> list[Meeting]:
    return list(child_meetings_qs(child))


def overdue_q(today=None) -> Q:
    today = today or timezone.localdate()
    return Q(done_on__isnull=True, due_on__lt=today)


def plan_summaries_for_children(child_ids) -> dict[int, dict]:
    """For each child (by id) with a plan in open proceedings: the plan's status and how many
    activities in its plan of work are overdue. One query."""
    today = timezone.localdate()
    plans = (
        Plan.objects.filter(child_id__in=list(child_ids), proceedings__closed_on__isnull=True)
        .annotate(
            overdue=Count(
                "activities",
                filter=Q(activities__done_on__isnull=True, activities__due_on__lt=today),
            )
        )
        .order_by("proceedings__received_on", "id")
        .values("child_id", "status", "overdue", "uuid")
    )
    labels = dict(PlanStatus.choices)
    result: dict[int, dict] = {}
    # Ordered oldest first, so a child in two open sets shows the newest plan.
    for row in plans:
        result[row["child_id"]] = {
            "status": PlanStatus(row["status"]),
            "status_label": labels[row["status"]],
            "overdue_activities": row["overdue"],
            "plan_uuid": row["uuid"],
        }
    return result


def plan_annotations_for_links(today=None) -> dict:
    """For a query of children in proceedings (ProceedingsChild rows): the status and uuid of
    the child's plan in those proceedings and how many activities in its plan of work are
    overdue, as annotations (so "My children" learns them in its own query). Without `today`,
    "overdue" is against the database's date (core.queries)."""
    today = database_today() if today is None else today
    plan = Plan.objects.filter(
        child_id=OuterRef("child_id"), proceedings_id=OuterRef("proceedings_id")
    ).order_by("-id")
    overdue = (
        Activity.objects.filter(
            plan__child_id=OuterRef("child_id"),
            plan__proceedings_id=OuterRef("proceedings_id"),
            done_on__isnull=True,
            due_on__lt=today,
        )
        .order_by()
        .values("plan__child_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return {
        "plan_status": Subquery(plan.values("status")[:1]),
        "plan_overdue": Subquery(overdue[:1], output_field=IntegerField()),
    }


def overdue_activities_for_user(user) -> list[Activity]:
    """Activities in the plans of `user`'s allocated open proceedings that are overdue."""
    return list(
        Activity.objects.filter(
            overdue_q(),
            plan__proceedings__allocations__fca=user,
            plan__proceedings__allocations__ended_at__isnull=True,
            plan__proceedings__closed_on__isnull=True,
        )
        .select_related("plan__child", "who")
        .order_by("due_on")
    )


def team_staff(plan: Plan) -> list:
    """Who may be named on the plan of work: the allocated FCA and the staff of the team holding
    the proceedings."""
    from together.accounts.models import User

    proceedings = plan.proceedings
    return list(
        User.objects.filter(is_active=True)
        .filter(
            Q(
                team_memberships__team_id=proceedings.team_id,
                team_memberships__ended_on__isnull=True,
            )
            | Q(allocations__proceedings=proceedings, allocations__ended_at__isnull=True)
        )
        .distinct()
        .order_by("given_name", "family_name")
    )


def _count(model, condition: str = "", params=()) -> RawSQL:
    """How many rows of `model` belong to the plan, as a correlated subquery. Plain SQL
    (SQLite and PostgreSQL): Django takes longer to build six Subquery(Count) expressions than
    the database takes to answer them, and the task list asks on every visit."""
    quote = connection.ops.quote_name
    # Only table names (from the models) and fixed conditions go into the text; values are
    # parameters.
    return RawSQL(  # noqa: S611
        f"SELECT COUNT(*) FROM {quote(model._meta.db_table)} i "  # noqa: S608
        f"WHERE i.plan_id = {quote(Plan._meta.db_table)}.id{condition}",
        params,
        output_field=IntegerField(),
    )


def _counts(today) -> dict:
    from .models import PlanShare, ProfessionalContact, Recommendation

    return {
        "harms_count": _count(PlanHarm),
        "contacts_count": _count(ProfessionalContact),
        "recommendations_count": _count(Recommendation),
        "activities_count": _count(Activity),
        "shares_count": _count(PlanShare),
        "overdue_count": _count(Activity, " AND i.done_on IS NULL AND i.due_on < %s", (today,)),
    }


def plan_with_counts(child: Child, user=None) -> Plan | None:
    """The child's current plan with how many items each section holds (for the task list), and
    what `user` may do with it, in one query."""
    return _current_plan(child, user, counts=True)


def child_meetings_qs(child: Child):
    """The times the child was met, which their wishes and feelings can come from (a record
    that the service did not meet them cannot)."""
    return Meeting.objects.filter(child=child, outcome=Meeting.Outcome.MET).order_by("-occurred_at")
