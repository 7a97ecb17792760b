"""Addresses of national case quality audits, under /quality/national/."""

from django.urls import path

from . import national_views as views

app_name = "quality-national"

urlpatterns = [
    path("", views.rounds, name="rounds"),
    path("new/", views.round_new, name="round-new"),
    path("assigned/", views.assigned, name="assigned"),
    path("report/", views.report, name="report"),
    path("report/pdf/", views.report_pdf, name="report-pdf"),
    path("<uuid:round_id>/", views.round_detail, name="round"),
    path("<uuid:round_id>/draw/", views.round_draw, name="round-draw"),
    path("<uuid:round_id>/assign/", views.round_assign, name="round-assign"),
    path("<uuid:round_id>/close/", views.round_close, name="round-close"),
    path("files/<uuid:file_id>/", views.file_audit, name="file-audit"),
    path("files/<uuid:file_id>/auditor/", views.file_assign, name="file-assign"),
    path("files/<uuid:file_id>/moderate/", views.file_moderate, name="file-moderate"),
    path("spotlight/", views.spotlights, name="spotlights"),
    path("spotlight/<uuid:spotlight_id>/", views.spotlight_detail, name="spotlight"),
    path("spotlight/letters/<uuid:item_id>/", views.spotlight_letter, name="spotlight-letter"),
]
