from django.urls import path

from . import views

app_name = "scorecard"

urlpatterns = [
    path("scorecard/", views.scorecard, name="scorecard"),
    path("scorecard/on-duty/", views.on_duty, name="on-duty"),
    path("scorecard/over-ceiling/", views.over_ceiling, name="over-ceiling"),
    path("scorecard/not-seen/", views.not_seen, name="not-seen"),
]
