from django.apps import AppConfig


class ProceedingsConfig(AppConfig):
    name = "together.proceedings"
    verbose_name = "Proceedings"
