from django.apps import AppConfig


class StoryboardsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "together.storyboards"
    verbose_name = "Family storyboards"

    def ready(self):
        # Who may keep the words the language check found in a storyboard (language.rules).
        from together.language.rules import document_writer_register

        from .models import Storyboard
        from .rules import may_write_storyboard

        document_writer_register(Storyboard, may_write_storyboard)
