from django.apps import AppConfig


class LettersConfig(AppConfig):
    name = "together.letters"
    verbose_name = "Letters"
