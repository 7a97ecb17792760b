"""Addresses of quality assurance, and who may open them (tested in test_access.py).

Audits are about staff as well as children: the FCA audited sees their own, the auditor theirs,
supervisors and managers those of the people they manage, national roles all; anyone else gets
a 404, as for an audit that does not exist.
"""

ROUTES = [
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
