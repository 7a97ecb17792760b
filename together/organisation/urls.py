from django.urls import path

from . import views

app_name = "organisation"

urlpatterns = [
    path("organisation/changes/", views.staff_changes, name="staff-changes"),
]
