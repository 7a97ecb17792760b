from django.apps import AppConfig


class FeedbackConfig(AppConfig):
    name = "together.feedback"
    verbose_name = "Feedback"
