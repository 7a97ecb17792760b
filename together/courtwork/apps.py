from django.apps import AppConfig


class CourtworkConfig(AppConfig):
    name = "together.courtwork"
    verbose_name = "Work for the court"

    def ready(self):
        from together.children.views.file import family_notes_register
        from together.language.rules import document_writer_register
        from together.proceedings.views import proceedings_links_register

        from .models import SafeguardingLetter
        from .report_selectors import proceedings_links
        from .rules import may_write_safeguarding_letter
        from .selectors import family_notes

        # Those who may write the letter keep the words its language check found.
        document_writer_register(SafeguardingLetter, may_write_safeguarding_letter)
        # Each safeguarding conversation shows against the person on the family page.
        family_notes_register(family_notes)
        # The proceedings page links to the work for the court, and each hearing that has
        # happened to what the court decided (or to recording it).
        proceedings_links_register(proceedings_links)
