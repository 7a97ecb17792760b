"""Who may see and record supervision. One statement of each rule.

- A group supervision session is seen by those who were there (the facilitator and those who
  attended), by the practice supervisors of the session's team and of any attendee's team, and by
  the managers of the team's service area (organisation.rules).
- What a session records about a child shows only to those who may see that child
  (children.rules.may_see_child / visible_children): being in a session, or seeing it, gives no
  access to a child's file, and a child from another area discussed shows to nobody there who
  may not see them.
- Sessions are recorded by the team's own people (its FCAs and practice supervisors); what was
  said in them is added by those who were there or supervise the team.
- An action is marked done by its owner or by someone who may add to the session.
- One-to-one supervision is seen only by the supervisor, the FCA supervised and the
  supervisor's managers (its wellbeing part included); it is recorded by a practice supervisor
  for an FCA in a team they supervise, and added to by that supervisor.
- Participation (who came to group supervision each month, and one-to-one supervision within
  the expected interval) is seen by the managers of an area, for its teams.
- Appreciative inquiry: any FCA, practice supervisor or service manager records what worked
  (about a child only with everyday access to the child); everyone who works with children reads the
  "What works" library, where the child's details are left out.
- A solution circle is seen with its session; one about a child only by those who may also see
  that child. It is run by those who may add to the session.
"""

from django.db.models import Q

from together.accounts.models import REGION_ROLES, TEAM_ROLES, Role
from together.children.rules import has_everyday_access, may_see_child
from together.organisation.models import TeamMembership
from together.organisation.rules import (
    NOTHING,
    is_member_of_team,
    manages_area_q,
    supervises_team_q,
)

from .models import Action, GroupSession, OneToOne, SolutionCircle


def _active(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def attended_q(user, prefix: str = "") -> Q:
    """Sessions `user` was at: as facilitator or among those attending."""
    return Q(**{f"{prefix}facilitator": user.pk}) | Q(
        **{
            f"{prefix}pk__in": GroupSession.attendees.through.objects.filter(user=user.pk).values(
                "groupsession_id"
            )
        }
    )


def supervises_attendee_q(user, prefix: str = "") -> Q:
    """Sessions attended by someone in a team `user` supervises now."""
    teams = supervises_team_q(user, "")
    if teams == NOTHING:
        return NOTHING
    members = TeamMembership.objects.filter(teams, ended_on__isnull=True).values("user_id")
    attended = GroupSession.attendees.through.objects.filter(user__in=members)
    return Q(**{f"{prefix}pk__in": attended.values("groupsession_id")})


def session_visible_q(user, prefix: str = "") -> Q:
    """Sessions `user` may see, as a filter on GroupSession (at `prefix`)."""
    if not _active(user):
        return NOTHING
    return (
        attended_q(user, prefix)
        | supervises_team_q(user, prefix)
        | supervises_attendee_q(user, prefix)
        | manages_area_q(user, f"{prefix}team__")
    )


def visible_sessions(user):
    return GroupSession.objects.filter(session_visible_q(user))


def may_see_session(user, session: GroupSession) -> bool:
    return visible_sessions(user).filter(pk=session.pk).exists()


def may_record_group_session(user, team) -> bool:
    """The team's own FCAs and practice supervisors record its group supervision."""
    return _active(user) and user.role in TEAM_ROLES and is_member_of_team(user, team)


def sessions_added_to_by(user):
    """Those who were there, and the team's practice supervisors, record what was said."""
    if not _active(user):
        return GroupSession.objects.none()
    return GroupSession.objects.filter(attended_q(user) | supervises_team_q(user))


def may_add_to_session(user, session: GroupSession) -> bool:
    return sessions_added_to_by(user).filter(pk=session.pk).exists()


def may_change_action(user, action: Action) -> bool:
    """The owner marks their action done; so may anyone who may add to its session."""
    if not _active(user):
        return False
    if action.owner_id == user.pk:
        return True
    if action.one_to_one_id is not None:
        return may_add_to_one_to_one(user, action.one_to_one)
    return action.discussion_id is not None and may_add_to_session(user, action.discussion.session)


def may_see_circle(user, circle: SolutionCircle) -> bool:
    if not may_see_session(user, circle.session):
        return False
    return circle.discussion_id is None or may_see_child(user, circle.discussion.child)


def may_run_circle(user, circle: SolutionCircle) -> bool:
    return may_add_to_session(user, circle.session)


def one_to_one_visible_q(user, prefix: str = "") -> Q:
    """One-to-ones `user` may see: their own (either side), and those given by a supervisor in
    an area they manage."""
    if not _active(user):
        return NOTHING
    return (
        Q(**{f"{prefix}supervisor": user.pk})
        | Q(**{f"{prefix}supervisee": user.pk})
        | manages_area_q(user, f"{prefix}supervisor__")
    )


def visible_one_to_ones(user):
    return OneToOne.objects.filter(one_to_one_visible_q(user))


def may_supervise(user, supervisee) -> bool:
    """A practice supervisor gives one-to-one supervision to the FCAs in the teams they
    supervise."""
    if not (_active(user) and supervisee.is_active):
        return False
    return TeamMembership.objects.filter(
        supervises_team_q(user), user=supervisee.pk, ended_on__isnull=True
    ).exists()


def may_add_to_one_to_one(user, one_to_one: OneToOne) -> bool:
    """The supervisor who gave it records what it covered."""
    return (
        _active(user)
        and one_to_one.supervisor_id == user.pk
        and may_supervise(user, one_to_one.supervisee)
    )


def may_see_participation(user) -> bool:
    return _active(user) and (user.role == Role.SERVICE_MANAGER or user.role in REGION_ROLES)


def participation_teams_q(user) -> Q:
    """Teams whose participation `user` sees, as a filter on TeamMembership."""
    return manages_area_q(user, "team__")


def may_record_appreciation(user, child=None) -> bool:
    if not (_active(user) and (user.role in TEAM_ROLES or user.role == Role.SERVICE_MANAGER)):
        return False
    # About a child: only with everyday access to them, never by breaking the glass.
    return user.service_area_id is not None and (child is None or has_everyday_access(user, child))


def may_read_what_works(user) -> bool:
    return _active(user) and user.role != Role.SYSTEM_ADMINISTRATOR
