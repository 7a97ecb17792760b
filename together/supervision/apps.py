from django.apps import AppConfig


class SupervisionConfig(AppConfig):
    name = "together.supervision"
    verbose_name = "Thinking together"
