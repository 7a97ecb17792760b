from django.apps import AppConfig


class StoryboardsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "together.storyboards"
    verbose_name = "Family storyboards"
