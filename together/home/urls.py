from django.conf import settings
from django.urls import path

from . import views

app_name = "home"

urlpatterns = [
    path("", views.home, name="home"),
    path("workspace/plans/<uuid:child_id>/", views.plan_review, name="plan-review"),
]

if settings.TOGETHER_BENCH_ROUTES:
    urlpatterns += [
        path("bench/floor/", views.layout_floor, name="floor"),
        path("bench/floor.pdf", views.document_floor, name="floor_pdf"),
    ]
