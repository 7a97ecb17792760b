from django.urls import path

from . import absent, views

app_name = "proceedings"

urlpatterns = [
    path("proceedings/new/", views.new, name="new"),
    path("proceedings/new/children/", views.new_children, name="new-children"),
    path("proceedings/new/check/", views.new_check, name="new-check"),
    path("proceedings/<uuid:proceedings_id>/", views.detail, name="detail"),
    path("proceedings/<uuid:proceedings_id>/hearings/new/", views.hearing_add, name="hearing-add"),
    path("allocation/", views.duty_list, name="duty-list"),
    path(
        "allocation/hearings-lead-away/",
        absent.hearings_lead_away,
        name="hearings-lead-away",
    ),
    path("children-not-seen/", views.children_not_seen, name="children-not-seen"),
    path("allocation/<uuid:proceedings_id>/allocate/", views.allocate, name="allocate"),
]
