"""Addresses of thinking together, and who may see what (tested in test_access.py)."""

SESSIONS = "/supervision/"
SESSION_NEW = "/supervision/sessions/new/"
SESSION = "/supervision/sessions/<uuid:session_id>/"
DISCUSSION_ADD = "/supervision/sessions/<uuid:session_id>/discuss/"
DISCUSSION_CHANGE = "/supervision/discussions/<uuid:discussion_id>/change/"
ACTION_ADD = "/supervision/discussions/<uuid:discussion_id>/actions/add/"
MY_ACTIONS = "/supervision/actions/"
ACTION_DONE = "/supervision/actions/<uuid:action_id>/done/"
CHILD = "/children/<uuid:child_id>/supervision/"
WHAT_WORKS = "/supervision/what-works/"
APPRECIATION_NEW = "/supervision/what-works/new/"
PARTICIPATION = "/supervision/participation/"
ONE_TO_ONES = "/supervision/one-to-one/"
ONE_TO_ONE_NEW = "/supervision/one-to-one/new/"
ONE_TO_ONE = "/supervision/one-to-one/<uuid:one_to_one_id>/"
ONE_TO_ONE_CHILD_ADD = "/supervision/one-to-one/<uuid:one_to_one_id>/children/add/"
ONE_TO_ONE_ACTION_ADD = "/supervision/one-to-one/<uuid:one_to_one_id>/actions/add/"
CIRCLE_NEW = "/supervision/sessions/<uuid:session_id>/circles/new/"
CIRCLE = "/supervision/circles/<uuid:circle_id>/"
CIRCLE_IDEA_ADD = "/supervision/circles/<uuid:circle_id>/ideas/add/"
CIRCLE_OUTCOME = "/supervision/circles/<uuid:circle_id>/outcome/"

ROUTES = [
    SESSIONS,
    SESSION_NEW,
    SESSION,
    DISCUSSION_ADD,
    DISCUSSION_CHANGE,
    ACTION_ADD,
    MY_ACTIONS,
    ACTION_DONE,
    CHILD,
    WHAT_WORKS,
    APPRECIATION_NEW,
    PARTICIPATION,
    ONE_TO_ONES,
    ONE_TO_ONE_NEW,
    ONE_TO_ONE,
    ONE_TO_ONE_CHILD_ADD,
    ONE_TO_ONE_ACTION_ADD,
    CIRCLE_NEW,
    CIRCLE,
    CIRCLE_IDEA_ADD,
    CIRCLE_OUTCOME,
]

# By relationship in conftest.world, for the team's session facilitated by `supervisor_team`
# with `fca_allocated` attending: those who were there, the team's supervisor and the managers
# of the team's area (a service manager, the region's head of practice and director).
SEES_SESSION = {
    "fca_allocated",
    "supervisor_team",
    "manager_area",
    "head_region",
    "director_region",
}
# Those who add what was said: those who were there and the team's supervisor.
ADDS_TO_SESSION = {"fca_allocated", "supervisor_team"}
# The team's own FCAs and practice supervisors record its sessions.
RECORDS_SESSIONS = {"fca_allocated", "fca_same_team", "supervisor_team"}

# The supervisor's read-through of a plan waiting for their review (a page of home, listed here
# with the workspace it belongs to): only a supervisor of the plan's team.
PLAN_REVIEW = "/workspace/plans/<uuid:child_id>/"
ROUTES.append(PLAN_REVIEW)
REVIEWS_PLANS = {"supervisor_team"}

# One-to-one supervision given by `supervisor_team` to `fca_allocated`: the two of them and the
# supervisor's managers; only the supervisor adds to it.
SEES_ONE_TO_ONE = {
    "fca_allocated",
    "supervisor_team",
    "manager_area",
    "head_region",
    "director_region",
}
ADDS_TO_ONE_TO_ONE = {"supervisor_team"}

# Participation: the managers of an area (a service manager, the region's head and director).
SEES_PARTICIPATION = {
    "manager_area",
    "manager_other_area",
    "head_region",
    "head_other_region",
    "director_region",
}
