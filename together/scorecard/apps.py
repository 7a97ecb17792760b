from django.apps import AppConfig


class ScorecardConfig(AppConfig):
    name = "together.scorecard"
    verbose_name = "Scorecard"
