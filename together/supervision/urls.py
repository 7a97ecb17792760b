"""Addresses of thinking together, and the supervision section of a child's file."""

from django.urls import path

from . import views

app_name = "supervision"

urlpatterns = [
    path("supervision/", views.sessions, name="sessions"),
    path("supervision/sessions/new/", views.session_new, name="session-new"),
    path("supervision/sessions/<uuid:session_id>/", views.session, name="session"),
    path(
        "supervision/sessions/<uuid:session_id>/discuss/",
        views.discussion_add,
        name="discussion-add",
    ),
    path(
        "supervision/discussions/<uuid:discussion_id>/change/",
        views.discussion_change,
        name="discussion-change",
    ),
    path(
        "supervision/discussions/<uuid:discussion_id>/actions/add/",
        views.action_add,
        name="action-add",
    ),
    path(
        "supervision/sessions/<uuid:session_id>/circles/new/",
        views.circle_new,
        name="circle-new",
    ),
    path("supervision/circles/<uuid:circle_id>/", views.circle, name="circle"),
    path(
        "supervision/circles/<uuid:circle_id>/ideas/add/",
        views.circle_idea_add,
        name="circle-idea-add",
    ),
    path(
        "supervision/circles/<uuid:circle_id>/outcome/",
        views.circle_outcome,
        name="circle-outcome",
    ),
    path("supervision/one-to-one/", views.one_to_ones, name="one-to-ones"),
    path("supervision/one-to-one/new/", views.one_to_one_new, name="one-to-one-new"),
    path("supervision/one-to-one/<uuid:one_to_one_id>/", views.one_to_one, name="one-to-one"),
    path(
        "supervision/one-to-one/<uuid:one_to_one_id>/children/add/",
        views.one_to_one_child_add,
        name="one-to-one-child-add",
    ),
    path(
        "supervision/one-to-one/<uuid:one_to_one_id>/actions/add/",
        views.one_to_one_action_add,
        name="one-to-one-action-add",
    ),
    path("supervision/participation/", views.participation, name="participation"),
    path("supervision/what-works/", views.what_works_library, name="what-works"),
    path("supervision/what-works/new/", views.appreciation_new, name="appreciation-new"),
    path("supervision/actions/", views.my_actions, name="my-actions"),
    path("supervision/actions/<uuid:action_id>/done/", views.action_done, name="action-done"),
    path("children/<uuid:child_id>/supervision/", views.child_supervision, name="child"),
]
