"""Who may read, write, comment on and agree a child's plan.

Reading follows the child's file (children.rules). Writing belongs to the FCA allocated to the
plan's proceedings, or, while no one is allocated, to the service manager holding it on duty.
The team's practice supervisor agrees the plan; supervisors and the area's service manager
comment on it, as do the writers.

What a person may do with one plan rests on three facts about its proceedings: whether they are
allocated to it, whether anyone is, and whether they supervise its team. The selectors (and the
services, when they read a plan under lock) fetch all three with the plan, in the same query
(`access_annotations`); any other plan answers them in one query the first time it is asked,
and keeps the answer on the plan object for that person (`plan_access`), so may_write,
may_comment and may_agree cost nothing after the first.
"""

from django.db import connection
from django.db.models import BooleanField
from django.db.models.expressions import RawSQL

from together.accounts.models import Role
from together.organisation.models import TeamMembership
from together.proceedings.models import Allocation, Proceedings

from .models import Plan, PlanStatus

# The name of the annotations access_annotations adds, and of the attribute caching them.
_FACTS = ("access_fca_allocated", "access_anyone_allocated", "access_supervises")
_CACHE = "_plan_access"


def _active(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


is_active = _active


def _table(model) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def access_annotations(user) -> dict:
    """Annotations that answer, in the query fetching plans, the three facts a plan's access
    rests on for `user` (see plan_access).

    Written as SQL (RawSQL) rather than as Exists(...) expressions: they are asked on every page
    of the plan and in every change, and Django takes longer to build three Exists expressions
    than the database takes to answer them. Plain SQL that SQLite and PostgreSQL both read."""
    pk = user.pk if _active(user) else None
    # Only table names (from the models) are put into the text; the person is a parameter.
    plan, allocation = _table(Plan), _table(Allocation)
    membership, proceedings = _table(TeamMembership), _table(Proceedings)
    open_allocation = (
        f"SELECT 1 FROM {allocation} a WHERE a.proceedings_id = {plan}.proceedings_id "  # noqa: S608
        "AND a.ended_at IS NULL"
    )
    supervises = (
        f"SELECT 1 FROM {membership} m INNER JOIN {proceedings} p ON p.team_id = m.team_id "  # noqa: S608
        f"WHERE p.id = {plan}.proceedings_id AND m.user_id = %s AND m.ended_on IS NULL"
    )
    boolean = BooleanField()
    return {
        "access_fca_allocated": RawSQL(  # noqa: S611
            f"EXISTS({open_allocation} AND a.fca_id = %s)", (pk,), output_field=boolean
        ),
        "access_anyone_allocated": RawSQL(f"EXISTS({open_allocation})", (), output_field=boolean),  # noqa: S611
        "access_supervises": RawSQL(f"EXISTS({supervises})", (pk,), output_field=boolean),  # noqa: S611
    }


def remember_access(plan: Plan, user) -> Plan:
    """Keep the annotations a query added (access_annotations) as `user`'s access to `plan`."""
    facts = {name.removeprefix("access_"): bool(getattr(plan, name)) for name in _FACTS}
    setattr(plan, _CACHE, (user.pk, facts))
    return plan


def plan_access(user, plan: Plan) -> dict:
    """The three facts {fca_allocated, anyone_allocated, supervises} for `user` and `plan`'s
    proceedings: from the plan's own query when it was annotated for this user, otherwise one
    query, kept on the plan object."""
    cached = getattr(plan, _CACHE, None)
    if cached is not None and cached[0] == user.pk:
        return cached[1]
    if plan.pk is None:  # not saved yet: ask about its proceedings directly
        proceedings = plan.proceedings
        facts = {
            "fca_allocated": is_allocated_fca(user, proceedings),
            "anyone_allocated": Allocation.objects.filter(
                proceedings=proceedings, ended_at__isnull=True
            ).exists(),
            "supervises": proceedings.team_id is not None
            and user.team_memberships.filter(
                team_id=proceedings.team_id, ended_on__isnull=True
            ).exists(),
        }
        return facts
    row = (
        Plan.objects.filter(pk=plan.pk).annotate(**access_annotations(user)).values(*_FACTS).first()
    ) or dict.fromkeys(_FACTS, False)
    facts = {name.removeprefix("access_"): bool(row[name]) for name in _FACTS}
    setattr(plan, _CACHE, (user.pk, facts))
    return facts


def forget_access(plan: Plan) -> None:
    """Drop what plan_access kept (after a change to allocations or teams)."""
    if hasattr(plan, _CACHE):
        delattr(plan, _CACHE)


def is_allocated_fca(user, proceedings) -> bool:
    return Allocation.objects.filter(
        proceedings=proceedings, fca_id=user.pk, ended_at__isnull=True
    ).exists()


def _on_duty(user, proceedings, anyone_allocated) -> bool:
    """A service manager holds open proceedings in their area while no FCA is allocated.
    `anyone_allocated` is asked only when the rest holds (it may be a query)."""
    return (
        user.role == Role.SERVICE_MANAGER
        and user.service_area_id is not None
        and user.service_area_id == proceedings.service_area_id
        and proceedings.is_open
        and not anyone_allocated()
    )


def holds_on_duty(user, proceedings) -> bool:
    """A service manager holds open proceedings in their area while no FCA is allocated."""
    return _on_duty(
        user,
        proceedings,
        lambda: Allocation.objects.filter(proceedings=proceedings, ended_at__isnull=True).exists(),
    )


def supervises_team_of(user, proceedings) -> bool:
    return (
        user.role == Role.PRACTICE_SUPERVISOR
        and proceedings.team_id is not None
        and user.team_memberships.filter(
            team_id=proceedings.team_id, ended_on__isnull=True
        ).exists()
    )


def manages_area_of(user, proceedings) -> bool:
    return (
        user.role == Role.SERVICE_MANAGER
        and user.service_area_id is not None
        and user.service_area_id == proceedings.service_area_id
    )


def may_start_plan(user, proceedings) -> bool:
    if not (_active(user) and proceedings.is_open):
        return False
    return is_allocated_fca(user, proceedings) or holds_on_duty(user, proceedings)


def may_write_plan(user, plan: Plan) -> bool:
    if not _active(user) or not plan.proceedings.is_open:
        return False
    facts = plan_access(user, plan)
    return facts["fca_allocated"] or _on_duty(
        user, plan.proceedings, lambda: facts["anyone_allocated"]
    )


def may_edit_sections(user, plan: Plan) -> bool:
    """A final plan is not changed; one waiting for review is held until it is agreed or sent
    back, so the supervisor reviews what they see."""
    return plan.status in {
        PlanStatus.DRAFT,
        PlanStatus.AGREED,
        PlanStatus.SHARED,
    } and may_write_plan(user, plan)


def _supervises(user, plan: Plan) -> bool:
    return (
        user.role == Role.PRACTICE_SUPERVISOR
        and plan.proceedings.team_id is not None
        and plan_access(user, plan)["supervises"]
    )


def may_comment_on_plan(user, plan: Plan) -> bool:
    if not _active(user):
        return False
    return (
        _supervises(user, plan)
        or manages_area_of(user, plan.proceedings)
        or may_write_plan(user, plan)
    )


def may_agree_plan(user, plan: Plan) -> bool:
    return _active(user) and _supervises(user, plan)
