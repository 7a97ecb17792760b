from django.urls import path

from . import views

app_name = "feedback"

urlpatterns = [
    path("f/<str:token>", views.form, name="form"),
    path("f/<str:token>/thanks", views.thanks, name="thanks"),
    path("feedback/", views.dashboard, name="dashboard"),
    path("feedback/download/", views.download, name="download"),
]
