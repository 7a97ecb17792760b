"""The plan's sharing, comparison and print pages (tested in test_outputs_access.py)."""

# Pages anyone who may see the child's file may open (printing is logged with a reason).
OUTPUT_READ_PAGES = [
    "/children/<uuid:child_id>/plan/sharing/",
    "/children/<uuid:child_id>/plan/changes/",
    "/children/<uuid:child_id>/plan/print/child/",
    "/children/<uuid:child_id>/plan/print/child.pdf",
    "/children/<uuid:child_id>/plan/print/professional.pdf",
]
# Pages that record sharing and responses: only the plan's writer.
OUTPUT_WRITE_PAGES = [
    "/children/<uuid:child_id>/plan/sharing/record/",
    "/children/<uuid:child_id>/plan/sharing/<uuid:share_id>/response/",
]

ROUTES = [*OUTPUT_READ_PAGES, *OUTPUT_WRITE_PAGES]
