"""Addresses of a child's file, and who may open them (tested in test_access_file.py)."""

# Pages every member of staff with the right to see the child may open.
FILE_PAGES = [
    "/children/<uuid:child_id>/",
    "/children/<uuid:child_id>/family/",
    "/children/<uuid:child_id>/proceedings/",
    "/children/<uuid:child_id>/meetings/",
    "/children/<uuid:child_id>/timeline/",
]
# Pages that change the file: only those who work with the child, never by breaking the glass.
EDIT_PAGES = [
    "/children/<uuid:child_id>/about/edit/",
    "/children/<uuid:child_id>/family/add/",
    "/children/<uuid:child_id>/family/professionals/add/",
    "/children/<uuid:child_id>/meetings/add/",
    "/children/<uuid:child_id>/meetings/not-met/",
]
# Changing a record of a meeting: the same people as the other changes to the file.
MEETING_CHANGE_PAGE = "/children/<uuid:child_id>/meetings/<uuid:meeting_id>/change/"
ADDRESS_PAGE = "/children/<uuid:child_id>/family/<uuid:person_id>/address/"
SEARCH_ROUTES = [
    "/children/",
    "/children/opened-without-everyday-reason/",
    "/children/<uuid:child_id>/break-glass/",
]

ROUTES = [*FILE_PAGES, *EDIT_PAGES, MEETING_CHANGE_PAGE, ADDRESS_PAGE, *SEARCH_ROUTES]

# Who may change the file and see a confidential address, by relationship (see conftest.world).
EDITS = {"fca_allocated", "supervisor_team", "manager_area", "business_area"}
SEES_CONFIDENTIAL_ADDRESS = {"fca_allocated", "supervisor_team", "manager_area"}
