"""Who may see and do what in quality assurance: the whole policy of the quality app.

Audits and observations are about staff as well as children. An FCA sees their own; a practice
supervisor those of the people in the teams they supervise; a service manager, head of practice
or assistant director those of the people in the areas they manage; national roles all. Whoever
made an audit or an observation, or moderates an audit, sees it too. Anyone else gets a 404.
"""

from django.db.models import Q

from together.accounts.models import NATIONAL_ROLES, REGION_ROLES, Role, User
from together.organisation.rules import (
    NOTHING,
    manages_area_q,
    manages_service_area,
    supervises_team_q,
)

from .models import Moderation

# Roles whose work quality assurance is part of (others get a 404 at /quality/).
USES_QUALITY = frozenset(
    {
        Role.FCA,
        Role.PRACTICE_SUPERVISOR,
        Role.SERVICE_MANAGER,
        Role.HEAD_OF_PRACTICE,
        Role.ASSISTANT_DIRECTOR,
        Role.NATIONAL_PERFORMANCE,
    }
)
# Roles that audit and observe the work of the people they manage.
AUDITS = frozenset({Role.PRACTICE_SUPERVISOR, Role.SERVICE_MANAGER})
# Roles that moderate the audits of the areas they manage.
MODERATES = frozenset({Role.SERVICE_MANAGER, *REGION_ROLES})


def _active(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def may_use_quality(user) -> bool:
    return _active(user) and user.role in USES_QUALITY


def sees_everyone(user) -> bool:
    return _active(user) and user.role in NATIONAL_ROLES and user.role in USES_QUALITY


def managed_staff(user):
    """The people `user` manages: those with a current membership of a team they supervise, or
    of a team in an area they manage (organisation.rules says which)."""
    if not (_active(user) and (user.role in AUDITS or user.role in REGION_ROLES)):
        return User.objects.none()
    through_team = supervises_team_q(user, "team_memberships__") | manages_area_q(
        user, "team_memberships__team__"
    )
    # One filter() call, so the current membership and the team are the same row.
    return User.objects.filter(through_team & Q(team_memberships__ended_on__isnull=True))


def manages_person(user, person) -> bool:
    return _active(user) and managed_staff(user).filter(pk=person.pk).exists()


def audit_scope_q(user) -> Q:
    """The audits `user` may see, as a filter on Audit."""
    if not may_use_quality(user):
        return NOTHING
    if sees_everyone(user):
        return Q(pk__isnull=False)
    return (
        Q(fca=user.pk)
        | Q(auditor=user.pk)
        | Q(fca__in=managed_staff(user).values("pk"))
        | Q(pk__in=Moderation.objects.filter(moderator=user.pk).values("audit_id"))
    )


def observation_scope_q(user) -> Q:
    """The observations `user` may see, as a filter on Observation."""
    if not may_use_quality(user):
        return NOTHING
    if sees_everyone(user):
        return Q(pk__isnull=False)
    return Q(fca=user.pk) | Q(observer=user.pk) | Q(fca__in=managed_staff(user).values("pk"))


def may_audit(user, fca) -> bool:
    """Start an audit of, or observe, `fca`'s work: a practice supervisor or service manager
    who manages them, never their own work."""
    return (
        _active(user)
        and user.role in AUDITS
        and fca.pk != user.pk
        and fca.role == Role.FCA
        and manages_person(user, fca)
    )


def may_self_assess(user, audit) -> bool:
    """The FCA records their self-assessment first, in a collaborative audit."""
    return _active(user) and audit.fca_id == user.pk and audit.stage == audit.Stage.SELF_ASSESSMENT


def may_grade(user, audit) -> bool:
    """The auditor grades an audit in progress, attaches the family's voice and finishes it."""
    return _active(user) and audit.auditor_id == user.pk and audit.stage == audit.Stage.IN_PROGRESS


def may_add_to(user, audit) -> bool:
    """A finished audit is added to, never rewritten: by its auditor or the FCA audited."""
    return _active(user) and audit.is_finished and user.pk in {audit.auditor_id, audit.fca_id}


def may_add_action(user, audit) -> bool:
    """The auditor sets actions once the FCA's self-assessment (if any) is in."""
    return (
        _active(user) and audit.auditor_id == user.pk and audit.stage != audit.Stage.SELF_ASSESSMENT
    )


def may_mark_action_done(user, action) -> bool:
    return _active(user) and action.owner_id == user.pk and action.done_on is None


def may_moderate(user) -> bool:
    return _active(user) and user.role in MODERATES


def sees_moderation(user) -> bool:
    """Moderators, and national roles who see how moderation goes everywhere."""
    return may_moderate(user) or sees_everyone(user)


def may_moderate_area(user, area) -> bool:
    return may_moderate(user) and area is not None and manages_service_area(user, area)


def moderates(user, moderation) -> bool:
    return _active(user) and moderation.moderator_id == user.pk


def first_grades_hidden(user, pending_moderations) -> bool:
    """A moderator does not see an audit's grades while their own grading of it is to do."""
    return any(m.moderator_id == user.pk for m in pending_moderations)


def may_edit_themes(user) -> bool:
    return _active(user) and user.role == Role.NATIONAL_PERFORMANCE


def sees_compliance(user) -> bool:
    """Who sees which FCAs are short of audits and observations: those who manage teams."""
    return _active(user) and (user.role in AUDITS or user.role in REGION_ROLES)
