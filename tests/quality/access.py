"""Addresses of quality assurance, and who may open them (tested in test_access.py).

Audits are about staff as well as children: the FCA audited sees their own, the auditor theirs,
supervisors and managers those of the people they manage, national roles all; anyone else gets
a 404, as for an audit that does not exist.
"""

from together.accounts.models import Role

LOCAL_ROUTES = [
    "/quality/",
    "/quality/audits/start/",
    "/quality/audits/<uuid:audit_id>/",
    "/quality/audits/<uuid:audit_id>/evidence/",
    "/quality/audits/<uuid:audit_id>/self-assessment/",
    "/quality/audits/<uuid:audit_id>/family/",
    "/quality/audits/<uuid:audit_id>/grades/",
    "/quality/audits/<uuid:audit_id>/agree/",
    "/quality/audits/<uuid:audit_id>/actions/add/",
    "/quality/audits/<uuid:audit_id>/add/",
    "/quality/actions/",
    "/quality/actions/<uuid:action_id>/done/",
    "/quality/moderation/",
    "/quality/moderation/<uuid:moderation_id>/",
    "/quality/observations/",
    "/quality/observations/record/",
    "/quality/observations/<uuid:observation_id>/",
    "/quality/compliance/",
    "/quality/themes/",
    "/quality/themes/over-time/",
]

# By relationship to the world's audit (of fca_allocated's work, by supervisor_team).
USES_QUALITY = {
    "fca_allocated",
    "fca_same_team",
    "fca_other_area",
    "supervisor_team",
    "supervisor_other_team",
    "manager_area",
    "manager_other_area",
    "head_region",
    "head_other_region",
    "director_region",
    "national",
}
AUDITS = {"supervisor_team", "supervisor_other_team", "manager_area", "manager_other_area"}
SEES_AUDIT = {
    "fca_allocated",
    "supervisor_team",
    "manager_area",
    "head_region",
    "director_region",
    "national",
}


ANONYMOUS = "anonymous"

# --- National case quality audits (natquality; tested in test_national_access.py) -----------
# National leadership runs the rounds; the national quality report is read nationally and by
# region; an auditor opens only the files assigned to them (by relationship, in
# test_national_access.py). Anyone else: 404 (ADR 0002).
NATIONAL_ONLY = {
    ANONYMOUS: 302,
    **dict.fromkeys(Role.values, 404),
    Role.NATIONAL_PERFORMANCE: 200,
}
NATIONAL_ROUTES = {
    "/quality/national/": NATIONAL_ONLY,
    "/quality/national/new/": NATIONAL_ONLY,
    "/quality/national/<uuid:round_id>/": NATIONAL_ONLY,
    # Everyone signed in has a list of the files given to them (most have none).
    "/quality/national/assigned/": {**dict.fromkeys(Role.values, 200), ANONYMOUS: 302},
    "/quality/national/report/": {
        ANONYMOUS: 302,
        **dict.fromkeys(Role.values, 404),
        Role.NATIONAL_PERFORMANCE: 200,
        Role.HEAD_OF_PRACTICE: 200,
        Role.ASSISTANT_DIRECTOR: 200,
    },
}
# The letters spotlight: assistant directors (their region) and national leadership.
NATIONAL_ROUTES["/quality/national/spotlight/"] = {
    ANONYMOUS: 302,
    **dict.fromkeys(Role.values, 404),
    Role.NATIONAL_PERFORMANCE: 200,
    Role.ASSISTANT_DIRECTOR: 200,
}
# One spotlight and one of its letters: by relationship, in test_national_spotlight.py.
SPOTLIGHT_PAGES = [
    "/quality/national/spotlight/<uuid:spotlight_id>/",
    "/quality/national/spotlight/letters/<uuid:item_id>/",
]
# The report as a PDF: the same people as the page.
NATIONAL_ROUTES["/quality/national/report/pdf/"] = NATIONAL_ROUTES["/quality/national/report/"]
# Posts only (a GET is 405): national leadership, otherwise 404.
NATIONAL_POSTS = [
    "/quality/national/<uuid:round_id>/draw/",
    "/quality/national/<uuid:round_id>/assign/",
    "/quality/national/<uuid:round_id>/close/",
]
NATIONAL_FILE = "/quality/national/files/<uuid:file_id>/"
# National leadership chooses a file's auditor (tested in test_national_audits.py).
NATIONAL_FILE_AUDITOR = "/quality/national/files/<uuid:file_id>/auditor/"
# National leadership moderates an audited file marked for it (a POST; test_national_moderation.py).
NATIONAL_FILE_MODERATE = "/quality/national/files/<uuid:file_id>/moderate/"
# --- end of national case quality audits ------------------------------------------------------

ROUTES = [
    *LOCAL_ROUTES,
    *NATIONAL_ROUTES,
    *NATIONAL_POSTS,
    NATIONAL_FILE,
    NATIONAL_FILE_AUDITOR,
    NATIONAL_FILE_MODERATE,
    *SPOTLIGHT_PAGES,
]
