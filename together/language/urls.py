from django.urls import path

from . import views

app_name = "language"

urlpatterns = [
    path("language/check/", views.check, name="check"),
    path("api/language/check", views.api_check, name="api-check"),
]
