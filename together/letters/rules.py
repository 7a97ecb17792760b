"""Who may do what with letters. Reading follows the child's file; writing follows changing it."""

from together.accounts.models import REGION_ROLES, Role
from together.children import rules as children_rules
from together.organisation import rules as organisation_rules

# Roles that see the letters oversight page, for their own part of the service.
OVERSEES_LETTERS = frozenset({Role.SERVICE_MANAGER, *REGION_ROLES, Role.NATIONAL_PERFORMANCE})


def may_write_letters(user, child) -> bool:
    """Start, change and record the sending of a child's letters: those who may change the file
    (the allocated FCA first of all), never by breaking the glass."""
    return children_rules.may_edit_child(user, child)


def may_write_letter(user, letter) -> bool:
    """The same, asked of one letter (the language check asks it of the document it checks)."""
    return may_write_letters(user, letter.child)


def may_see_letters_oversight(user) -> bool:
    return user.is_authenticated and user.is_active and user.role in OVERSEES_LETTERS


def may_request_batch(user) -> bool:
    """A service manager for their area's introductory letters; an FCA for their own letters."""
    return (
        user.is_authenticated
        and user.is_active
        and user.role
        in {
            Role.SERVICE_MANAGER,
            Role.FCA,
        }
    )


def may_change_templates(user, service_area=None) -> bool:
    """Add to or change the letter templates: the national library (no service area) belongs to
    the national roles; a service area's own templates to those who manage that area."""
    if service_area is None:
        return organisation_rules.has_national_role(user)
    return organisation_rules.manages_service_area(user, service_area)
