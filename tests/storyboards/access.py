"""Addresses of the storyboards app, and who may open them (tested in test_access.py)."""

# Pages of a child's file: whoever may see the file (a download is logged as a print).
READ_PAGES = [
    "/children/<uuid:child_id>/storyboards/",
    "/children/<uuid:child_id>/storyboards/<uuid:storyboard_id>/",
    "/children/<uuid:child_id>/storyboards/<uuid:storyboard_id>/pdf/",
    "/children/<uuid:child_id>/storyboards/<uuid:storyboard_id>/versions/",
]
# A picture the child drew: read like the file, not logged as a page of its own.
DRAWING = "/children/<uuid:child_id>/storyboards/<uuid:storyboard_id>/pictures/<uuid:drawing_id>/"
# Pages that write: those who may change the child's file, never by breaking the glass.
WRITE_PAGES = [
    "/children/<uuid:child_id>/storyboards/new/",
    "/children/<uuid:child_id>/storyboards/<uuid:storyboard_id>/panels/<uuid:panel_id>/",
    "/children/<uuid:child_id>/storyboards/<uuid:storyboard_id>/panels/<uuid:panel_id>/remove/",
    "/children/<uuid:child_id>/storyboards/<uuid:storyboard_id>/panels/<uuid:panel_id>/pictures/",
    "/children/<uuid:child_id>/storyboards/<uuid:storyboard_id>/panels/<uuid:panel_id>/upload/",
    "/children/<uuid:child_id>/storyboards/<uuid:storyboard_id>/pictures/<uuid:drawing_id>/remove/",
    "/children/<uuid:child_id>/storyboards/<uuid:storyboard_id>/share/",
    "/children/<uuid:child_id>/storyboards/<uuid:storyboard_id>/shared/<uuid:share_id>/response/",
    "/children/<uuid:child_id>/storyboards/<uuid:storyboard_id>/reflect/",
]
# Buttons that only post.
POST_ONLY = [
    "/children/<uuid:child_id>/storyboards/<uuid:storyboard_id>/panels/add/",
    "/children/<uuid:child_id>/storyboards/<uuid:storyboard_id>/panels/<uuid:panel_id>/move/",
]
REFLECTIONS = "/storyboards/reflections/"
PUBLIC_PAGES = ["/l/s/<str:token>", "/l/s/<str:token>/pictures/<uuid:drawing_id>"]

ROUTES = [*READ_PAGES, DRAWING, *WRITE_PAGES, *POST_ONLY, REFLECTIONS, *PUBLIC_PAGES]

# Who may write storyboards, by relationship to the child in conftest.world.
WRITES = {"fca_allocated", "supervisor_team", "manager_area", "business_area"}
