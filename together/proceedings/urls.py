from django.urls import path  # noqa: F401

app_name = "proceedings"

# /proceedings/<uuid>/, /proceedings/new/, /allocation/ ... (being built: see issue 3)
urlpatterns: list = []
