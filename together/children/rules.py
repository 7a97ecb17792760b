"""Who may see a child's file: one policy, as a query filter and as yes-or-no questions.

Staff see a child's file when they hold an allocation on proceedings the child is in, supervise
the team or manage the service area (or region) holding those proceedings, or have a national
role. Anyone else must break the glass: give a reason, which is logged and shown to managers.
"""

from django.db.models import Exists, OuterRef, Q, Value
from django.utils import timezone

from together.accounts.models import REGION_ROLES, Role

from .models import BreakGlass, Child

# Roles that see every child's file without giving a reason.
SEES_EVERY_CHILD = frozenset({Role.NATIONAL_PERFORMANCE})
# Roles that see the children in their service area's proceedings.
SEES_AREA = frozenset({Role.SERVICE_MANAGER, Role.BUSINESS_SERVICES})


def _everyday_links(user) -> bool | Exists:
    """True (every child), False (none) or, per child, whether a link to proceedings gives
    `user` everyday access to them."""
    from together.proceedings.models import ProceedingsChild

    if not (user.is_authenticated and user.is_active):
        return False
    if user.role in SEES_EVERY_CHILD:
        return True
    links = ProceedingsChild.objects.filter(child=OuterRef("pk"))
    if user.role == Role.FCA:
        links = links.filter(
            proceedings__allocations__fca=user, proceedings__allocations__ended_at__isnull=True
        )
    elif user.role == Role.PRACTICE_SUPERVISOR:
        teams = user.team_memberships.filter(ended_on__isnull=True).values("team_id")
        links = links.filter(
            Q(proceedings__team__in=teams)
            | Q(
                proceedings__allocations__fca=user,
                proceedings__allocations__ended_at__isnull=True,
            )
        )
    elif user.role in SEES_AREA:
        links = links.filter(proceedings__service_area_id=user.service_area_id)
    elif user.role in REGION_ROLES:
        links = links.filter(proceedings__service_area__region_id=user.region_id)
    else:
        return False
    return Exists(links)


def everyday_access_q(user) -> Q:
    """Children `user` may see without giving a reason, as a filter on Child."""
    links = _everyday_links(user)
    if links is True:
        return Q(pk__isnull=False)  # not Q(): an empty Q vanishes when OR-ed with another
    if links is False:
        return Q(pk__in=[])
    return Q(links)


def everyday_access_annotation(user):
    """The same question as an annotation, so a page fetching the child learns the answer in the
    same query (see selectors.child_get_for_user and has_everyday_access)."""
    links = _everyday_links(user)
    return Value(links) if isinstance(links, bool) else links


def broken_glass_annotation(user) -> Exists:
    """Whether `user` opened the child's file by giving a reason, while that permission lasts."""
    return Exists(
        BreakGlass.objects.filter(
            child=OuterRef("pk"), user_id=user.pk, expires_at__gt=timezone.now()
        )
    )


def broken_glass_q(user) -> Q:
    """Children `user` opened by giving a reason, while that permission lasts."""
    return Q(broken_glass_annotation(user))


def visible_children(user):
    return Child.objects.filter(everyday_access_q(user) | broken_glass_q(user))


def may_see_child(user, child: Child) -> bool:
    return visible_children(user).filter(pk=child.pk).exists()


def has_everyday_access(user, child: Child) -> bool:
    # A child fetched by child_get_for_user already carries the answer for the user who asked.
    if getattr(child, "everyday_access_user_id", None) == user.pk:
        return child.everyday_access
    return Child.objects.filter(everyday_access_q(user), pk=child.pk).exists()


def may_break_glass(user) -> bool:
    """Any active member of staff may ask to open a file, by giving a reason."""
    return user.is_authenticated and user.is_active and user.role != Role.SYSTEM_ADMINISTRATOR


def may_edit_child(user, child: Child) -> bool:
    """Change the file: those with everyday access who work with children, not by breaking glass."""
    return user.role in {
        Role.FCA,
        Role.PRACTICE_SUPERVISOR,
        Role.SERVICE_MANAGER,
        Role.BUSINESS_SERVICES,
    } and has_everyday_access(user, child)


def may_see_confidential_address(user, child: Child) -> bool:
    """A confidential address is for the people working with the child, not for oversight roles
    and never through breaking the glass."""
    return user.role in {
        Role.FCA,
        Role.PRACTICE_SUPERVISOR,
        Role.SERVICE_MANAGER,
    } and has_everyday_access(user, child)
