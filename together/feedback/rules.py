"""Who may see which feedback: the whole policy of the feedback app on one screen."""

from django.db.models import Q

from together.accounts.models import REGION_ROLES, Role
from together.organisation.models import TeamMembership

# Staff whose work is not about children's feedback see a 404 at /feedback/.
NOT_FOR_FEEDBACK = frozenset({Role.BUSINESS_SERVICES, Role.SYSTEM_ADMINISTRATOR})
# Staff who see whole service areas: their figures can be added up a service area at a time.
_WHOLE_AREA_ROLES = frozenset({Role.NATIONAL_PERFORMANCE, Role.SERVICE_MANAGER, *REGION_ROLES})


def may_see_feedback(user) -> bool:
    return user.is_authenticated and user.is_active and user.role not in NOT_FOR_FEEDBACK


def sees_only_own_feedback(user) -> bool:
    return user.role == Role.FCA


def is_regional(user) -> bool:
    return user.role in REGION_ROLES


def sees_whole_service_areas(user) -> bool:
    """True when what `user` may see is whole service areas (national, regional and service
    manager roles), so their figures can be added up per service area rather than per FCA."""
    return user.role in _WHOLE_AREA_ROLES


def feedback_scope_q(user) -> Q:
    """The responses a member of staff may see, as a filter on FeedbackResponse (and on the
    summaries, which have the same fields; the coarse one only service_area).

    An FCA sees feedback about their own work; a practice supervisor their teams'; a service
    manager their service area's; a head of practice or assistant director their region's; the
    national leadership and performance team everyone's.
    """
    if not may_see_feedback(user):
        return Q(pk__in=[])
    if user.role == Role.FCA:
        return Q(fca=user)
    if user.role == Role.PRACTICE_SUPERVISOR:
        teams = TeamMembership.objects.filter(user=user, ended_on__isnull=True).values("team_id")
        return Q(team_id__in=teams) | Q(fca=user)
    if user.role == Role.SERVICE_MANAGER:
        return Q(service_area_id=user.service_area_id)
    if user.role in REGION_ROLES:
        return Q(service_area__region_id=user.region_id)
    return Q()  # national leadership and performance
