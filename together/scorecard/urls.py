from django.urls import path

from . import pressure_views, views

app_name = "scorecard"

urlpatterns = [
    path("scorecard/", views.scorecard, name="scorecard"),
    path("scorecard/on-duty/", views.on_duty, name="on-duty"),
    path("scorecard/over-ceiling/", views.over_ceiling, name="over-ceiling"),
    path("scorecard/not-seen/", views.not_seen, name="not-seen"),
    path("scorecard/pressure/", pressure_views.pressure, name="pressure"),
    path("scorecard/prioritisation/", pressure_views.prioritisation, name="prioritisation"),
    path(
        "scorecard/prioritisation/<uuid:area_id>/",
        pressure_views.prioritisation_area,
        name="prioritisation-area",
    ),
    path(
        "scorecard/prioritisation/<uuid:area_id>/change/",
        pressure_views.prioritisation_change,
        name="prioritisation-change",
    ),
    path(
        "scorecard/prioritisation/<uuid:area_id>/thresholds/",
        pressure_views.prioritisation_thresholds,
        name="prioritisation-thresholds",
    ),
]
