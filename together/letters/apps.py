from django.apps import AppConfig


class LettersConfig(AppConfig):
    name = "together.letters"
    verbose_name = "Letters"

    def ready(self):
        from together.language.rules import document_writer_register

        from .models import Letter
        from .rules import may_write_letter

        # Those who may write a letter keep the words its language check found (language.rules).
        document_writer_register(Letter, may_write_letter)
