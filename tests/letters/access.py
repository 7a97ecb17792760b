"""Addresses of the letters app, and who may open them (tested in test_access.py)."""

# Pages of a child's file: whoever may see the file (a download is logged as a print).
READ_PAGES = [
    "/children/<uuid:child_id>/letters/",
    "/children/<uuid:child_id>/letters/<uuid:letter_id>/",
    "/children/<uuid:child_id>/letters/<uuid:letter_id>/pdf/",
]
# Pages that write: those who may change the child's file, never by breaking the glass.
WRITE_PAGES = [
    "/children/<uuid:child_id>/letters/new/",
    "/children/<uuid:child_id>/letters/<uuid:letter_id>/send/",
]
# Anyone with a live link, signed in or not.
PUBLIC_PAGE = "/l/<str:token>"
OVERSIGHT_PAGE = "/letters/oversight/"
# The children behind each figure of the oversight page (?figure=...&team=...): the same people.
OVERSIGHT_CHILDREN_PAGE = "/letters/oversight/children/"
BATCH_PAGES = [
    "/letters/batches/new/",
    "/letters/batches/<uuid:batch_id>/",
    "/letters/batches/<uuid:batch_id>/zip/",
]

ROUTES = [
    *READ_PAGES,
    *WRITE_PAGES,
    PUBLIC_PAGE,
    OVERSIGHT_PAGE,
    OVERSIGHT_CHILDREN_PAGE,
    *BATCH_PAGES,
]

# Who may write letters, by relationship to the child in conftest.world.
WRITES = {"fca_allocated", "supervisor_team", "manager_area", "business_area"}
# Who sees the oversight page (for their own part of the service).
OVERSEES = {"manager_area", "manager_other_area", "head_region", "head_other_region",
            "director_region", "national"}  # fmt: skip
# Who may ask for a batch of letters.
BATCHES = {"fca_allocated", "fca_same_team", "fca_other_area", "manager_area",
           "manager_other_area"}  # fmt: skip
