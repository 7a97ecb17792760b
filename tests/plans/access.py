"""Addresses of the plan's pages, and who may do what with a plan (tested in test_access.py)."""

from .access_outputs import ROUTES as OUTPUT_ROUTES

# Pages anyone who may see the child's file may read.
READ_PAGES = [
    "/children/<uuid:child_id>/plan/",
    "/children/<uuid:child_id>/plan/section/<slug:key>/",
]
# Pages that change the plan: only its writer (the allocated FCA, or the manager on duty).
WRITE_PAGES = [
    "/children/<uuid:child_id>/plan/start/",
    "/children/<uuid:child_id>/plan/items/<slug:kind>/add/",
    "/children/<uuid:child_id>/plan/items/<slug:kind>/<uuid:item_id>/",
    "/children/<uuid:child_id>/plan/items/<slug:kind>/<uuid:item_id>/remove/",
]
MOVE_PAGE = "/children/<uuid:child_id>/plan/move/<slug:to>/"
COMMENT_PAGE = "/children/<uuid:child_id>/plan/comment/"
# What was copied from a brother's or sister's plan: read by anyone who sees the file, confirmed
# by the writer.
COPIED_PAGE = "/children/<uuid:child_id>/plan/copied/"

ROUTES = [*READ_PAGES, *WRITE_PAGES, MOVE_PAGE, COMMENT_PAGE, COPIED_PAGE, *OUTPUT_ROUTES]

# By relationship to the child in conftest.world (the proceedings are allocated).
WRITES = {"fca_allocated"}
COMMENTS = {"fca_allocated", "supervisor_team", "manager_area"}
AGREES = {"supervisor_team"}
