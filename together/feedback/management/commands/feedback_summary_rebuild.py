"""Count the feedback dashboard's monthly summaries (by FCA, and by service area) again from every
answer.

Run after answers were loaded in bulk (the demo data does this itself), or to check nothing has
drifted: the answers are the record, the summary is only a faster way to add them up.
"""

from django.core.management.base import BaseCommand

from together.feedback.services import feedback_summary_rebuild


class Command(BaseCommand):
    help = "Count the feedback dashboard's monthly summaries again from every answer."

    def handle(self, *args, **options):
        rows = feedback_summary_rebuild()
        self.stdout.write(f"Feedback summaries rebuilt: {rows:,} rows by FCA and month.")
