"""Addresses of the organisation app that this app's tests request (test_access.py), and who
may open them. The page of staff changes is in the project's matrix (tests/test_access_matrix.py).

Everyone who works with children or runs a place records their own leave and training; service
managers and practice supervisors see and record the absence of the people they manage. Anyone
else gets 404 (ADR 0002); someone not signed in is sent to sign in.
"""

from together.accounts.models import Role

ANONYMOUS = "anonymous"

ROUTES = [
    "/absence/",
    "/absence/new/",
    "/absence/team/",
    "/absence/team/sickness/",
    "/absence/team/<uuid:absence_id>/back/",
    # A proceedings page built on absence, tested in test_hearings_lead_away.py.
    "/allocation/hearings-lead-away/",
    # Pages about pressure and prioritisation under /scorecard/, built on the organisation's
    # thresholds and decisions (tested here and in test_prioritisation.py).
    "/scorecard/pressure/",
    "/scorecard/prioritisation/",
    "/scorecard/prioritisation/<uuid:area_id>/",
    "/scorecard/prioritisation/<uuid:area_id>/change/",
    "/scorecard/prioritisation/<uuid:area_id>/thresholds/",
]

# Routes for one record: who may open them depends on the record as well as the role
# (test_prioritisation.py walks an area's in and out of each person's places, test_absence.py
# a sickness's for its manager and others).
AREA_ROUTES = [route for route in ROUTES if "<uuid:" in route]

_SCORECARD_READERS = {
    ANONYMOUS: 302,
    **dict.fromkeys(Role.values, 404),
    Role.NATIONAL_PERFORMANCE: 200,
    Role.HEAD_OF_PRACTICE: 200,
    Role.ASSISTANT_DIRECTOR: 200,
    Role.SERVICE_MANAGER: 200,
}

_OWN = {
    ANONYMOUS: 302,
    **dict.fromkeys(Role.values, 200),
    Role.SYSTEM_ADMINISTRATOR: 404,
}
_MANAGERS = {
    ANONYMOUS: 302,
    **dict.fromkeys(Role.values, 404),
    Role.SERVICE_MANAGER: 200,
    Role.PRACTICE_SUPERVISOR: 200,
}

EXPECTED = {
    "/absence/": _OWN,
    "/absence/new/": _OWN,
    "/absence/team/": _MANAGERS,
    "/absence/team/sickness/": _MANAGERS,
    "/allocation/hearings-lead-away/": {
        ANONYMOUS: 302,
        **dict.fromkeys(Role.values, 404),
        Role.SERVICE_MANAGER: 200,
        Role.HEAD_OF_PRACTICE: 200,
        Role.ASSISTANT_DIRECTOR: 200,
    },
    "/scorecard/pressure/": _SCORECARD_READERS,
    "/scorecard/prioritisation/": _SCORECARD_READERS,
}
