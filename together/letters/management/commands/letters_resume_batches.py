"""`manage.py letters_resume_batches`: start again the batches of letters whose worker died.

`make serve` runs it (with --stale-minutes 0) before starting its one worker; where several
workers run, run it every few minutes (cron, a systemd timer) with the default.
"""

from datetime import timedelta

from django.core.management.base import BaseCommand

from together.letters.tasks import batches_resume


class Command(BaseCommand):
    help = "Start again every batch of letters whose worker stopped saying it was making it."

    def add_arguments(self, parser):
        parser.add_argument(
            "--stale-minutes",
            type=int,
            default=10,
            help="How long a batch may go without progress before it is started again "
            "(0 when no worker is running, as when the only one is starting)",
        )

    def handle(self, *args, stale_minutes, **options):
        started = batches_resume(stale_after=timedelta(minutes=stale_minutes))
        if started or options["verbosity"] > 1:
            self.stdout.write(f"Started {started} batch{'es' if started != 1 else ''} again.")
