"""Who may read, write, comment on and agree a child's plan.

Reading follows the child's file (children.rules). Writing belongs to the FCA allocated to the
plan's proceedings, or, while no one is allocated, to the service manager holding it on duty.
The team's practice supervisor agrees the plan; supervisors and the area's service manager
comment on it, as do the writers.
"""

from together.accounts.models import Role
from together.proceedings.models import Allocation

from .models import Plan, PlanStatus


def _active(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def is_allocated_fca(user, proceedings) -> bool:
    return Allocation.objects.filter(
        proceedings=proceedings, fca_id=user.pk, ended_at__isnull=True
    ).exists()


def holds_on_duty(user, proceedings) -> bool:
    """A service manager holds open proceedings in their area while no FCA is allocated."""
    return (
        user.role == Role.SERVICE_MANAGER
        and user.service_area_id is not None
        and user.service_area_id == proceedings.service_area_id
        and proceedings.is_open
        and not Allocation.objects.filter(proceedings=proceedings, ended_at__isnull=True).exists()
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
    return is_allocated_fca(user, plan.proceedings) or holds_on_duty(user, plan.proceedings)


def may_edit_sections(user, plan: Plan) -> bool:
    """A final plan is not changed; one waiting for review is held until it is agreed or sent
    back, so the supervisor reviews what they see."""
    return plan.status in {
        PlanStatus.DRAFT,
        PlanStatus.AGREED,
        PlanStatus.SHARED,
    } and may_write_plan(user, plan)


def may_comment_on_plan(user, plan: Plan) -> bool:
    if not _active(user):
        return False
    return (
        supervises_team_of(user, plan.proceedings)
        or manages_area_of(user, plan.proceedings)
        or may_write_plan(user, plan)
    )


def may_agree_plan(user, plan: Plan) -> bool:
    return _active(user) and supervises_team_of(user, plan.proceedings)
