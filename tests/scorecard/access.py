"""Addresses of the scorecard app, and who may open them (tested in test_access.py).

National leadership reads the nation's scorecard, heads of practice and assistant directors their
region's, service managers their area's, practice supervisors their teams' (a practice supervisor
with no team now gets 404: test_team_readers.py). Anyone else gets 404, as for any page not theirs
(docs/adr/0002); someone not signed in is sent to sign in.
"""

from together.accounts.models import Role

ANONYMOUS = "anonymous"

ROUTES = [
    "/scorecard/",
    # The lists behind the figures (each also a CSV download, with ?download=csv).
    "/scorecard/on-duty/",
    "/scorecard/over-ceiling/",
    "/scorecard/not-seen/",
]

READERS = {
    ANONYMOUS: 302,
    **dict.fromkeys(Role.values, 404),
    Role.NATIONAL_PERFORMANCE: 200,
    Role.HEAD_OF_PRACTICE: 200,
    Role.ASSISTANT_DIRECTOR: 200,
    Role.SERVICE_MANAGER: 200,
    Role.PRACTICE_SUPERVISOR: 200,
}

EXPECTED = dict.fromkeys(ROUTES, READERS)
