from django.conf import settings
from django.urls import path

from . import views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("accessibility/", views.accessibility, name="accessibility"),
    path("privacy/", views.privacy, name="privacy"),
]

if settings.TOGETHER_BENCH_ROUTES:
    urlpatterns += [
        path("bench/floor/", views.layout_floor, name="floor"),
        path("bench/floor.pdf", views.document_floor, name="floor_pdf"),
    ]
