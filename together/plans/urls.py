"""Addresses of the Assessment and Child's Plan, all under the child's file."""

from django.urls import path

from . import views
from .outputs import urls as outputs_urls

app_name = "plans"

PLAN = "children/<uuid:child_id>/plan/"

urlpatterns = [
    path(PLAN, views.plan, name="plan"),
    path(f"{PLAN}start/", views.start, name="start"),
    path(f"{PLAN}section/<slug:key>/", views.section, name="section"),
    path(f"{PLAN}items/<slug:kind>/add/", views.item, name="item-add"),
    path(f"{PLAN}items/<slug:kind>/<uuid:item_id>/", views.item, name="item-edit"),
    path(
        f"{PLAN}items/<slug:kind>/<uuid:item_id>/remove/",
        views.item_remove,
        name="item-remove",
    ),
    path(f"{PLAN}move/<slug:to>/", views.move, name="move"),
    path(f"{PLAN}comment/", views.comment, name="comment"),
    path(f"{PLAN}copied/", views.copied, name="copied"),
]

urlpatterns += outputs_urls.urlpatterns
