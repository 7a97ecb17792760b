"""Who may see a child's file: one policy, as a query filter and as yes-or-no questions.

Staff see a child's file when they hold an allocation on proceedings the child is in, supervise
the team or manage the service area (or region) holding those proceedings, or have a national
role. Anyone else must break the glass: give a reason, which is logged and shown to managers.

How the policy is written. The file is reached through the proceedings the child is in, but
`children` sits below `proceedings` and imports nothing from it, so every rule here is a lookup on
Child, through the child's proceedings (`proceedings__...`), inside one EXISTS per child:

- "supervises the team" and "manages the area" are organisation.rules' statements
  (supervises_team_q, manages_area_q, works_in_area_q), given the path to the proceedings;
- "allocated to" belongs to proceedings.rules.allocated_to_q (allocations are its data). Here it
  is the same rule as a lookup on Child (`allocated_to_q` below: a current allocation, ended_at
  empty), stated once for this app; tests/children/test_rules.py holds the two to the same answers.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Exists, OuterRef, Q, Value
from django.utils import timezone

from together.accounts.models import REGION_ROLES, Role
from together.organisation.rules import manages_area_q, supervises_team_q, works_in_area_q

from .models import BreakGlass, Child, TemporaryAccess

# Roles that see every child's file without giving a reason.
SEES_EVERY_CHILD = frozenset({Role.NATIONAL_PERFORMANCE})
# Roles that see the children in their service area's proceedings.
SEES_AREA = frozenset({Role.SERVICE_MANAGER, Role.BUSINESS_SERVICES})
# From a child to the proceedings they are in (a child may be in several).
PROCEEDINGS = "proceedings__"


def allocated_to_q(user) -> Q:
    """Children in proceedings on which `user` holds a current allocation (a filter on Child)."""
    return Q(
        **{
            f"{PROCEEDINGS}allocations__fca": user.pk,
            f"{PROCEEDINGS}allocations__ended_at__isnull": True,
        }
    )


def _through_proceedings(user) -> Q | None:
    """What gives `user` everyday access to a child through the proceedings they are in, as a
    filter on Child, or None for a role that has none."""
    if user.role == Role.FCA:
        return allocated_to_q(user)
    if user.role == Role.PRACTICE_SUPERVISOR:
        return allocated_to_q(user) | supervises_team_q(user, PROCEEDINGS)
    if user.role == Role.SERVICE_MANAGER or user.role in REGION_ROLES:
        return manages_area_q(user, PROCEEDINGS)
    if user.role == Role.BUSINESS_SERVICES:
        return works_in_area_q(user, PROCEEDINGS)
    return None


def _everyday_links(user) -> bool | Exists:
    """True (every child), False (none) or, per child, whether the proceedings they are in give
    `user` everyday access to them."""
    if not (user.is_authenticated and user.is_active):
        return False
    if user.role in SEES_EVERY_CHILD:
        return True
    through = _through_proceedings(user)
    if through is None:
        return False
    # One EXISTS per child, so a child in several proceedings is counted once.
    return Exists(Child.objects.filter(through, pk=OuterRef("pk")))


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


def temporary_access_annotation(user) -> Exists:
    """Whether `user` holds live read access to the child's file given by a service for a while
    (children.models.TemporaryAccess: a file assigned for a national audit, ADR 0026). It reads
    the file only: it is not everyday access, so it changes nothing and shows no confidential
    address."""
    now = timezone.now()
    return Exists(
        TemporaryAccess.objects.filter(
            child=OuterRef("pk"), user_id=user.pk, starts_at__lte=now, ends_at__gt=now
        )
    )


def temporary_access_q(user) -> Q:
    return Q(temporary_access_annotation(user))


def visible_children(user):
    return Child.objects.filter(
        everyday_access_q(user) | broken_glass_q(user) | temporary_access_q(user)
    )


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


def may_see_court_number_outside_access(user, service_area_id: int | None) -> bool:
    """Of a child outside `user`'s everyday access ("Search all children"), the court's number of
    their proceedings is shown only for proceedings in `user`'s own service area; for any other
    area, only the area's name (ADR 0021)."""
    return user.service_area_id is not None and service_area_id == user.service_area_id


def may_edit_child(user, child: Child) -> bool:
    """Change the file: those with everyday access who work with children, not by breaking glass."""
    return user.role in {
        Role.FCA,
        Role.PRACTICE_SUPERVISOR,
        Role.SERVICE_MANAGER,
        Role.BUSINESS_SERVICES,
    } and has_everyday_access(user, child)


# Roles who see confidential addresses: those working with the child, not oversight roles.
SEES_CONFIDENTIAL = frozenset({Role.FCA, Role.PRACTICE_SUPERVISOR, Role.SERVICE_MANAGER})


@dataclass(frozen=True)
class ConfidentialView:
    """Which confidential addresses of a child's people someone may see: none, all, or (when
    their only everyday access is through proceedings the child was linked to from another
    area) those recorded since the link."""

    any: bool
    since: datetime | None = None

    def shows(self, person) -> bool:
        return self.any and (self.since is None or person.added_at >= self.since)


def confidential_addresses_visible(user, child: Child) -> ConfidentialView:
    """A confidential address is for the people working with the child, not for oversight roles
    and never through breaking the glass. Through proceedings a child was linked to from
    another area (ProceedingsChild.confidential_from), only what was recorded from then on: the
    addresses the other area holds stay with the people who already had them (ADR 0017)."""
    if not (user.is_authenticated and user.is_active and user.role in SEES_CONFIDENTIAL):
        return ConfidentialView(False)
    if not has_everyday_access(user, child):
        return ConfidentialView(False)
    # The same statement of "everyday access through proceedings", asked of each of the child's
    # links to proceedings (the lookups read the same from a link as from the child).
    through = _through_proceedings(user)
    starts = set(
        child.proceedings_links.filter(through).values_list("confidential_from", flat=True)
    )
    if not starts or None in starts:
        return ConfidentialView(True)
    return ConfidentialView(True, since=min(starts))


def may_see_confidential_address(user, child: Child, person=None) -> bool:
    """Whether `user` may see the confidential address of `person` (one of the child's people),
    or, with no person, whether they may see any confidential address of the child's."""
    view = confidential_addresses_visible(user, child)
    return view.shows(person) if person is not None else view.any
