"""Addresses of the plan's sharing, comparison and print pages (added to plans/urls.py)."""

from django.urls import path

from . import views

PLAN = "children/<uuid:child_id>/plan/"

urlpatterns = [
    path(f"{PLAN}sharing/", views.sharing_page, name="sharing"),
    path(f"{PLAN}sharing/record/", views.share_record, name="share_record"),
    path(
        f"{PLAN}sharing/<uuid:share_id>/response/",
        views.response_record,
        name="response_record",
    ),
    path(f"{PLAN}changes/", views.compare, name="compare"),
    path(f"{PLAN}print/child/", views.print_child, name="print"),
    path(f"{PLAN}print/child.pdf", views.print_pdf, {"which": "child"}, name="print_child_pdf"),
    path(
        f"{PLAN}print/professional.pdf",
        views.print_pdf,
        {"which": "professional"},
        name="print_professional_pdf",
    ),
]
