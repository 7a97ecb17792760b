from django.urls import path

from .views import file, search

app_name = "children"

urlpatterns = [
    path("children/", search.search, name="search"),
    path(
        "children/opened-without-everyday-reason/", search.break_glass_log, name="break-glass-log"
    ),
    path("children/<uuid:child_id>/", file.about, name="about"),
    path("children/<uuid:child_id>/about/edit/", file.about_edit, name="about-edit"),
    path("children/<uuid:child_id>/family/", file.family, name="family"),
    path("children/<uuid:child_id>/family/add/", file.family_add, name="family-add"),
    path(
        "children/<uuid:child_id>/family/professionals/add/",
        file.professional_add,
        name="professional-add",
    ),
    path(
        "children/<uuid:child_id>/family/<uuid:person_id>/address/",
        file.family_address,
        name="family-address",
    ),
    path("children/<uuid:child_id>/proceedings/", file.proceedings, name="proceedings"),
    path("children/<uuid:child_id>/meetings/", file.meetings, name="meetings"),
    path("children/<uuid:child_id>/meetings/add/", file.meeting_add, name="meeting-add"),
    path(
        "children/<uuid:child_id>/meetings/not-met/",
        file.meeting_not_met,
        name="meeting-not-met",
    ),
    path(
        "children/<uuid:child_id>/meetings/<uuid:meeting_id>/change/",
        file.meeting_change,
        name="meeting-change",
    ),
    path("children/<uuid:child_id>/timeline/", file.timeline, name="timeline"),
    path("children/<uuid:child_id>/break-glass/", search.break_glass, name="break-glass"),
]
