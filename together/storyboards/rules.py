"""Who may do what with storyboards. A storyboard is part of the child's file: reading it follows
seeing the file; writing, sharing and reflecting follow changing it."""

from django.db.models import Q

from together.accounts.models import REGION_ROLES, Role
from together.children import rules as children_rules


def may_see_storyboards(user, child) -> bool:
    return children_rules.may_see_child(user, child)


def may_write_storyboards(user, child) -> bool:
    """Start, change and share a child's storyboards, and reflect on them: those who may change
    the file (the allocated FCA first of all), never by breaking the glass."""
    return children_rules.may_edit_child(user, child)


def may_read_reflections(user) -> bool:
    """Reflections hold no child's details, so colleagues learn from each other's: any active
    member of staff who works with children or leads those who do."""
    return bool(user.is_authenticated and user.is_active and user.role != Role.SYSTEM_ADMINISTRATOR)


def reflections_visible_q(user) -> Q:
    """The reflections `user` reads: their own service area's; a region's for region roles;
    every one for a national role."""
    if user.role == Role.NATIONAL_PERFORMANCE:
        return Q()
    if user.role in REGION_ROLES:
        return Q(service_area__region_id=user.region_id)
    return Q(service_area_id=user.service_area_id) if user.service_area_id else Q(pk__in=[])


def may_write_storyboard(user, storyboard) -> bool:
    """The same, asked of one storyboard (the language check asks it of the document it checks)."""
    return may_write_storyboards(user, storyboard.child)
