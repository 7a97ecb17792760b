"""Who may do what with the work for the court. Reading follows the child's file; the police
and local authority check results are restricted like a confidential address.

One statement of the restricted rule (`check_results_q`): those who see confidential addresses
(children.rules.SEES_CONFIDENTIAL: the Family Court Adviser, the practice supervisor, the service
manager), through these proceedings themselves: allocated to them, held by a team they
supervise, or in the area they manage. Never an oversight role, never through a broken glass
(a broken glass gives no allocation), and never on anything a party receives: what was found
leaves the file only as the safeguarding letter quotes it.
"""

from django.db.models import Q

from together.accounts.models import REGION_ROLES, Role
from together.children import rules as children_rules
from together.organisation.rules import NOTHING, manages_area_q, supervises_team_q
from together.proceedings.models import Law, Proceedings
from together.proceedings.rules import allocated_to_q


def _active(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def check_results_q(user, prefix: str = "") -> Q:
    """Proceedings (at `prefix`) whose police and local authority check results `user` may see:
    the allocated FCA and their managers."""
    if not (_active(user) and user.role in children_rules.SEES_CONFIDENTIAL):
        return NOTHING
    if user.role == Role.FCA:
        return allocated_to_q(user, prefix)
    if user.role == Role.PRACTICE_SUPERVISOR:
        return allocated_to_q(user, prefix) | supervises_team_q(user, prefix)
    return manages_area_q(user, prefix)


def may_see_check_results(user, proceedings: Proceedings) -> bool:
    return Proceedings.objects.filter(check_results_q(user), pk=proceedings.pk).exists()


def may_make_enquiries(user, proceedings: Proceedings) -> bool:
    """Record checks and conversations, and write the safeguarding letter: the same people who
    see the check results, for private law proceedings still open."""
    return (
        proceedings.law == Law.PRIVATE
        and proceedings.is_open
        and may_see_check_results(user, proceedings)
    )


def may_write_safeguarding_letter(user, letter) -> bool:
    """The same, asked of the letter (the language check asks it of the document it checks)."""
    return may_make_enquiries(user, letter.proceedings)


def letters_due_q(user) -> Q:
    """Proceedings whose safeguarding letters `user` oversees: a practice supervisor their teams',
    a service manager their area's, a head of practice or assistant director their region's."""
    if not _active(user):
        return NOTHING
    if user.role == Role.PRACTICE_SUPERVISOR:
        return supervises_team_q(user)
    return manages_area_q(user)


def may_see_letters_due(user) -> bool:
    return _active(user) and (
        user.role in (Role.PRACTICE_SUPERVISOR, Role.SERVICE_MANAGER) or user.role in REGION_ROLES
    )
