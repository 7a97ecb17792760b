from django.apps import AppConfig


class LanguageConfig(AppConfig):
    name = "together.language"
    verbose_name = "Plain language"
