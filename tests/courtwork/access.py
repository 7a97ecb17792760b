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

ROUTES = [
    *SAFEGUARDING_ROUTES,
]
