from django.urls import path

from . import views

app_name = "organisation"

urlpatterns = [
    path("organisation/changes/", views.staff_changes, name="staff-changes"),
    path("absence/", views.my_absence, name="my-absence"),
    path("absence/new/", views.my_absence_add, name="my-absence-add"),
    path("absence/team/", views.team_absence, name="team-absence"),
    path("absence/team/sickness/", views.sickness_add, name="sickness-add"),
    path("absence/team/<uuid:absence_id>/back/", views.sickness_end, name="sickness-end"),
]
