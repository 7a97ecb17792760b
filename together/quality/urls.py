from django.urls import path

from . import views

app_name = "quality"

AUDIT = "quality/audits/<uuid:audit_id>/"

urlpatterns = [
    path("quality/", views.home, name="home"),
    path("quality/audits/start/", views.audit_start, name="audit-start"),
    path(AUDIT, views.audit_detail, name="audit"),
    path(f"{AUDIT}evidence/", views.audit_evidence, name="audit-evidence"),
    path(f"{AUDIT}self-assessment/", views.audit_self_assessment, name="audit-self-assessment"),
    path(f"{AUDIT}family/", views.audit_family, name="audit-family"),
    path(f"{AUDIT}grades/", views.audit_grades, name="audit-grades"),
    path(f"{AUDIT}agree/", views.audit_agree, name="audit-agree"),
    path(f"{AUDIT}actions/add/", views.audit_action_add, name="audit-action-add"),
    path(f"{AUDIT}add/", views.audit_addendum, name="audit-addendum"),
    path("quality/moderation/", views.moderation, name="moderation"),
    path(
        "quality/moderation/<uuid:moderation_id>/",
        views.moderation_detail,
        name="moderation-detail",
    ),
    path("quality/observations/", views.observations, name="observations"),
    path("quality/observations/record/", views.observation_record, name="observation-record"),
    path(
        "quality/observations/<uuid:observation_id>/",
        views.observation_detail,
        name="observation",
    ),
    path("quality/compliance/", views.compliance, name="compliance"),
    path("quality/themes/", views.themes, name="themes"),
    path("quality/themes/over-time/", views.themes_over_time, name="themes-over-time"),
    path("quality/actions/", views.actions, name="actions"),
    path("quality/actions/<uuid:action_id>/done/", views.action_done, name="action-done"),
]
