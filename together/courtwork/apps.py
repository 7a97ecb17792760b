from django.apps import AppConfig


class CourtworkConfig(AppConfig):
    name = "together.courtwork"
    verbose_name = "Work for the court"
