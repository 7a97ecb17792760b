"""Who may see and change a set of proceedings: one policy, as query filters and predicates.

A set of proceedings is visible to whoever may see at least one child in it (the policy for a
child's file lives in children.rules). Allocation belongs to the service manager of the area,
new applications to business services in the area.

"Allocated to" is stated here, once, because allocations belong to proceedings: a member of
staff holds a current allocation on the proceedings (one whose ended_at is empty).
`allocated_to_q` and `allocated_q` are filters for any query that reaches a set of proceedings:
`prefix` is the path from the model queried to the proceedings ("" on Proceedings,
"proceedings__" from a plan). Other apps' rules (plans.rules) compose them. children.rules
cannot import them (children sits below proceedings), so it says the same thing through lookups
on Child; tests/children/test_rules.py holds the two statements to the same answers.
"""

from django.db.models import Exists, OuterRef, Q

from together.accounts.models import REGION_ROLES, Role
from together.children.models import Child
from together.children.rules import everyday_access_q, visible_children

from .models import Allocation, Proceedings, ProceedingsChild

# Roles who record what happens in proceedings (oversight roles read only).
RECORDS_HEARINGS = frozenset(
    {Role.FCA, Role.PRACTICE_SUPERVISOR, Role.SERVICE_MANAGER, Role.BUSINESS_SERVICES}
)


def _active(user) -> bool:
    return user.is_authenticated and user.is_active


def current_allocations(prefix: str = ""):
    """The current allocations (not ended) of the proceedings at `prefix` in the outer query."""
    return Allocation.objects.filter(proceedings=OuterRef(f"{prefix}pk"), ended_at__isnull=True)


def allocated_to_q(user, prefix: str = "") -> Q:
    """Proceedings (at `prefix`) on which `user` holds a current allocation."""
    return Q(Exists(current_allocations(prefix).filter(fca_id=user.pk)))


def allocated_q(prefix: str = "") -> Q:
    """Proceedings (at `prefix`) with a current lead FCA (not on duty). Someone holding them on
    duty or in a hub has access to them (`allocated_to_q`) but is not their lead."""
    return Q(Exists(current_allocations(prefix).filter(kind=Allocation.Kind.LEAD)))


def is_allocated_to(user, proceedings: Proceedings) -> bool:
    return Proceedings.objects.filter(allocated_to_q(user), pk=proceedings.pk).exists()


def visible_proceedings(user):
    """Proceedings `user` may open: those with at least one child whose file they may see."""
    if not _active(user):
        return Proceedings.objects.none()
    children = ProceedingsChild.objects.filter(
        proceedings=OuterRef("pk"), child__in=visible_children(user)
    )
    return Proceedings.objects.filter(Exists(children))


def may_record_hearing(user, proceedings: Proceedings) -> bool:
    """Those who work with the children every day, not oversight roles or by breaking the glass."""
    if not (_active(user) and user.role in RECORDS_HEARINGS):
        return False
    return Child.objects.filter(
        everyday_access_q(user), proceedings_links__proceedings=proceedings
    ).exists()


def may_view_duty_list(user) -> bool:
    """Service managers hold the duty list; heads of practice and directors may read theirs."""
    if not _active(user):
        return False
    if user.role == Role.SERVICE_MANAGER:
        return user.service_area_id is not None
    return user.role in REGION_ROLES and user.region_id is not None


def may_view_children_not_seen(user) -> bool:
    """Whoever holds or reads a duty list sees which children in their area's (or region's) open
    proceedings have not been seen, and why: the same people, for the same places."""
    return may_view_duty_list(user)


def may_allocate(user, proceedings: Proceedings) -> bool:
    return (
        _active(user)
        and user.role == Role.SERVICE_MANAGER
        and user.service_area_id is not None
        and user.service_area_id == proceedings.service_area_id
        and proceedings.is_open
    )


def may_allocate_in_area(user) -> bool:
    """Offer the allocate links on the duty list (each allocation is checked again)."""
    return _active(user) and user.role == Role.SERVICE_MANAGER


def may_create_proceedings(user) -> bool:
    """Business services create the records for new applications in their own service area."""
    return (
        _active(user) and user.role == Role.BUSINESS_SERVICES and user.service_area_id is not None
    )
