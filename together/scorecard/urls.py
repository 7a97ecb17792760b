from django.urls import path

from . import views

app_name = "scorecard"

urlpatterns = [
    path("scorecard/", views.scorecard, name="scorecard"),
]
