"""Addresses of the work for the court, and who may open them.

Each part of the app keeps its own block; together they make ROUTES."""

# --- Reports to the court and after a hearing (tested in test_report_access.py) ---------------

REPORT = "/children/<uuid:child_id>/court/reports/<uuid:report_id>/"
# Pages anyone who may see the child's file may read (each view logged as a view of the file).
REPORT_READ_PAGES = [
    "/children/<uuid:child_id>/court/reports/",
    REPORT,
    f"{REPORT}section/<slug:key>/",
    f"{REPORT}download/<slug:fmt>/",
]
# Pages that change a report: only its writer (the FCA allocated to the proceedings).
REPORT_WRITE_PAGES = [
    "/children/<uuid:child_id>/court/reports/new/",
    f"{REPORT}direction/",
    f"{REPORT}recommendations/add/",
    f"{REPORT}recommendations/<uuid:item_id>/",
]
REPORT_MOVE_PAGE = f"{REPORT}move/<slug:to>/"
REPORT_COMMENT_PAGE = f"{REPORT}comment/"
# After a hearing: the outcome (those who record hearings), telling the child (the writer).
PROCEEDINGS_REPORTS_PAGE = "/proceedings/<uuid:proceedings_id>/court-work/"
OUTCOME_PAGE = "/proceedings/<uuid:proceedings_id>/hearings/<uuid:hearing_id>/outcome/"
TOLD_PAGE = "/children/<uuid:child_id>/court/told/<uuid:telling_id>/"
# Service managers (their area), heads of practice and directors (their region).
REPORTS_DUE_PAGE = "/reports/due/"

REPORT_ROUTES = [
    *REPORT_READ_PAGES,
    *REPORT_WRITE_PAGES,
    REPORT_MOVE_PAGE,
    REPORT_COMMENT_PAGE,
    PROCEEDINGS_REPORTS_PAGE,
    OUTCOME_PAGE,
    TOLD_PAGE,
    REPORTS_DUE_PAGE,
]
# By relationship to the child in conftest.world (the proceedings are allocated).
REPORT_WRITES = {"fca_allocated"}
REPORT_AGREES = {"supervisor_team"}
REPORT_COMMENTS = {"fca_allocated", "supervisor_team", "manager_area"}
RECORDS_OUTCOMES = {"fca_allocated", "supervisor_team", "manager_area", "business_area"}
SEES_REPORTS_DUE = {
    "manager_area",
    "manager_other_area",
    "head_region",
    "head_other_region",
    "director_region",
}

# --- end of reports ----------------------------------------------------------------------------

ROUTES = [*REPORT_ROUTES]
