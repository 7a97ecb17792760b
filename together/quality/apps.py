from django.apps import AppConfig


class QualityConfig(AppConfig):
    name = "together.quality"
    verbose_name = "Quality assurance"
