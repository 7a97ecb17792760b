"""Addresses of reports to the court and of what happens after a hearing."""

from django.urls import path

from . import report_views as views

app_name = "reports"

COURT = "children/<uuid:child_id>/court/"
REPORT = f"{COURT}reports/<uuid:report_id>/"

urlpatterns = [
    path(f"{COURT}reports/", views.child_reports, name="child-reports"),
    path(f"{COURT}reports/new/", views.report_new, name="new"),
    path(REPORT, views.report, name="report"),
    path(f"{REPORT}direction/", views.direction, name="direction"),
    path(f"{REPORT}section/<slug:key>/", views.section, name="section"),
    path(f"{REPORT}recommendations/add/", views.recommendation, name="recommendation-add"),
    path(
        f"{REPORT}recommendations/<uuid:item_id>/",
        views.recommendation,
        name="recommendation-edit",
    ),
    path(f"{REPORT}professionals/", views.quotes, name="quotes"),
    path(f"{REPORT}move/<slug:to>/", views.move, name="move"),
    path(f"{REPORT}comment/", views.comment, name="comment"),
    path(f"{REPORT}download/<slug:fmt>/", views.download, name="download"),
    path(f"{COURT}told/<uuid:telling_id>/", views.child_told, name="told"),
    path(
        "proceedings/<uuid:proceedings_id>/court-work/",
        views.proceedings_reports,
        name="proceedings-reports",
    ),
    path(
        "proceedings/<uuid:proceedings_id>/hearings/<uuid:hearing_id>/outcome/",
        views.hearing_outcome,
        name="outcome",
    ),
    path("reports/due/", views.reports_due, name="due"),
]
