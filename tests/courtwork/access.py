"""Addresses of the courtwork app, and who may open them (tested in test_safeguarding_access)."""

# --- safeguarding enquiries and the safeguarding letter ---------------------------------------

# The court section of the file: whoever may see the child's file.
COURT_PAGE = "/children/<uuid:child_id>/court/"
# The file's domestic abuse marker: whoever may change the child's file.
DOMESTIC_ABUSE_PAGE = "/children/<uuid:child_id>/court/domestic-abuse/"
MARKS = {"fca_allocated", "supervisor_team", "manager_area", "business_area"}
# Pages that record enquiries: the allocated FCA and their managers (rules.may_make_enquiries).
ENQUIRY_PAGES = [
    "/children/<uuid:child_id>/court/<uuid:proceedings_id>/checks/new/",
    "/children/<uuid:child_id>/court/checks/<uuid:check_id>/",
    "/children/<uuid:child_id>/court/<uuid:proceedings_id>/conversations/new/",
    "/children/<uuid:child_id>/court/<uuid:proceedings_id>/safeguarding-letter/file/",
]
# The letter and its PDF: while a draft, those who see the check results; once filed, whoever
# may see the child's file.
LETTER_PAGES = [
    "/children/<uuid:child_id>/court/<uuid:proceedings_id>/safeguarding-letter/",
    "/children/<uuid:child_id>/court/<uuid:proceedings_id>/safeguarding-letter/pdf/",
]

# The safeguarding letters not yet filed, for those who oversee them (supervisors, managers).
LETTERS_DUE_PAGE = "/court/safeguarding-letters/"
OVERSEES_LETTERS = {"supervisor_team", "supervisor_other_team", "manager_area",
                    "manager_other_area", "head_region", "head_other_region",
                    "director_region"}  # fmt: skip

# Who sees the check results and makes the enquiries, by relationship to the child in `world`.
SEES_RESULTS = {"fca_allocated", "supervisor_team", "manager_area"}

SAFEGUARDING_ROUTES = [
    COURT_PAGE,
    DOMESTIC_ABUSE_PAGE,
    *ENQUIRY_PAGES,
    *LETTER_PAGES,
    LETTERS_DUE_PAGE,
]

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
    f"{REPORT}professionals/",
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

ROUTES = [*SAFEGUARDING_ROUTES, *REPORT_ROUTES]
