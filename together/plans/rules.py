"""Who may read, write, comment on and agree a child's plan.

Reading follows the child's file (children.rules). Writing belongs to the FCA allocated to the
plan's proceedings, or, while no one is allocated, to the service manager holding it on duty.
The team's practice supervisor agrees the plan; supervisors and the area's service manager
comment on it, as do the writers.

Nothing is stated here that belongs to another app: each fact a plan's access rests on is a
filter from the app that owns its data, reached from the plan through its proceedings
(`proceedings__`) and composed here as ORM expressions:

- allocated to them, allocated to anyone: proceedings.rules.allocated_to_q, allocated_q;
- supervises the team, manages the area: organisation.rules.supervises_team_q, manages_area_q.

The selectors (and the services, when they read a plan under lock) fetch the four facts with the
plan, in the same query (`access_annotations`); any other plan answers them in one query the
first time it is asked, and keeps the answer on the plan object for that person
(`plan_access`), so may_write, may_comment and may_agree cost nothing after the first.
"""

from django.db.models import BooleanField, ExpressionWrapper

from together.accounts.models import Role
from together.organisation.rules import NOTHING, manages_area_q, supervises_team_q
from together.proceedings.models import Proceedings
from together.proceedings.rules import allocated_q, allocated_to_q, is_allocated_to

from .models import Plan, PlanStatus

# From a plan to its proceedings.
PROCEEDINGS = "proceedings__"
# The facts (see plan_access); access_annotations names them "access_<fact>". The attribute
# keeping them on a plan.
_FACTS = ("fca_allocated", "anyone_allocated", "supervises", "manages_area")
_CACHE = "_plan_access"


def _active(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


is_active = _active


def _facts(user, prefix: str, name: str = "{}") -> dict:
    """The facts about the proceedings at `prefix` for `user`, as annotations named
    `name.format(fact)`."""
    if _active(user):
        facts = {
            "fca_allocated": allocated_to_q(user, prefix),
            "anyone_allocated": allocated_q(prefix),
            "supervises": supervises_team_q(user, prefix),
            "manages_area": manages_area_q(user, prefix),
        }
    else:
        facts = dict.fromkeys(_FACTS, NOTHING)
    return {
        name.format(fact): ExpressionWrapper(facts[fact], output_field=BooleanField())
        for fact in _FACTS
    }


def access_annotations(user) -> dict:
    """Annotations for a query of plans that answer, in that query, the facts a plan's access
    rests on for `user` (see plan_access)."""
    return _facts(user, PROCEEDINGS, "access_{}")


def _proceedings_facts(user, proceedings_id) -> dict:
    """The facts for proceedings not reached through a plan: one query."""
    row = Proceedings.objects.filter(pk=proceedings_id).values(**_facts(user, "")).first()
    return {fact: bool(row and row[fact]) for fact in _FACTS}


def _keep(plan: Plan, user, facts: dict) -> dict:
    setattr(plan, _CACHE, (user.pk, facts))
    return facts


def remember_access(plan: Plan, user) -> Plan:
    """Keep the annotations a query added (access_annotations) as `user`'s access to `plan`."""
    _keep(plan, user, {name: bool(getattr(plan, f"access_{name}")) for name in _FACTS})
    return plan


def plan_access(user, plan: Plan) -> dict:
    """The facts {fca_allocated, anyone_allocated, supervises, manages_area} for `user` and
    `plan`'s proceedings: from the plan's own query when it was annotated for this user,
    otherwise one query, kept on the plan object."""
    cached = getattr(plan, _CACHE, None)
    if cached is not None and cached[0] == user.pk:
        return cached[1]
    if plan.pk is None:  # not saved yet: ask about its proceedings directly, and keep nothing
        return _proceedings_facts(user, plan.proceedings_id)
    row = Plan.objects.filter(pk=plan.pk).values(**access_annotations(user)).first() or {}
    return _keep(plan, user, {fact: bool(row.get(f"access_{fact}")) for fact in _FACTS})


def forget_access(plan: Plan) -> None:
    """Drop what plan_access kept (after a change to allocations or teams)."""
    if hasattr(plan, _CACHE):
        delattr(plan, _CACHE)


def is_allocated_fca(user, proceedings) -> bool:
    return is_allocated_to(user, proceedings)


def _on_duty(user, proceedings, facts) -> bool:
    """A service manager holds open proceedings in their area while no FCA is allocated.
    (Heads of practice and directors manage the area too, but do not hold its duty list.)"""
    return (
        user.role == Role.SERVICE_MANAGER
        and proceedings.is_open
        and facts["manages_area"]
        and not facts["anyone_allocated"]
    )


def holds_on_duty(user, proceedings) -> bool:
    """A service manager holds open proceedings in their area while no FCA is allocated."""
    if not (user.role == Role.SERVICE_MANAGER and proceedings.is_open):
        return False
    return _on_duty(user, proceedings, _proceedings_facts(user, proceedings.pk))


def supervises_team_of(user, proceedings) -> bool:
    return Proceedings.objects.filter(supervises_team_q(user), pk=proceedings.pk).exists()


def manages_area_of(user, proceedings) -> bool:
    """The service manager of the proceedings' area."""
    return (
        user.role == Role.SERVICE_MANAGER
        and Proceedings.objects.filter(manages_area_q(user), pk=proceedings.pk).exists()
    )


def may_start_plan(user, proceedings) -> bool:
    if not (_active(user) and proceedings.is_open):
        return False
    return is_allocated_fca(user, proceedings) or holds_on_duty(user, proceedings)


def may_write_plan(user, plan: Plan) -> bool:
    if not _active(user) or not plan.proceedings.is_open:
        return False
    facts = plan_access(user, plan)
    return facts["fca_allocated"] or _on_duty(user, plan.proceedings, facts)


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
    facts = plan_access(user, plan)
    return (
        facts["supervises"]
        or (user.role == Role.SERVICE_MANAGER and facts["manages_area"])
        or may_write_plan(user, plan)
    )


def may_agree_plan(user, plan: Plan) -> bool:
    return _active(user) and plan_access(user, plan)["supervises"]
