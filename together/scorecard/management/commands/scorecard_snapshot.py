"""Keep the scorecard's figures of a day, or of many days, as snapshots (scorecard.snapshots).

python manage.py scorecard_snapshot                      # yesterday
python manage.py scorecard_snapshot --date 2026-06-30
python manage.py scorecard_snapshot --rebuild-days 730   # every day not yet kept, resumable
python manage.py scorecard_snapshot --enqueue            # yesterday, by the background worker
python manage.py scorecard_snapshot --today --enqueue    # today so far (every 10 minutes)
"""

import datetime
import time

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from together.scorecard.snapshots import snapshot_take, snapshots_fill
from together.scorecard.tasks import scorecard_snapshot_nightly, scorecard_snapshots_rebuild


class Command(BaseCommand):
    help = "Keep the scorecard's figures of a day (default yesterday), or of the last N days."

    def add_arguments(self, parser):
        parser.add_argument("--date", help="The day to keep, as YYYY-MM-DD (default yesterday).")
        parser.add_argument(
            "--rebuild-days",
            type=int,
            help="Keep each of the last N days not yet kept (an interrupted run resumes).",
        )
        parser.add_argument(
            "--again", action="store_true", help="With --rebuild-days: take kept days again."
        )
        parser.add_argument(
            "--today",
            action="store_true",
            help="Keep today's figures as they stand now (run every few minutes, so today's "
            "scorecard reads them).",
        )
        parser.add_argument(
            "--enqueue", action="store_true", help="Leave the work to the background worker."
        )

    def handle(self, *args, date=None, rebuild_days=None, again=False, enqueue=False, **options):
        today = timezone.localdate()
        if options.get("today"):
            date = today.isoformat()
        verbosity = options.get("verbosity", 1)
        if rebuild_days is not None:
            if rebuild_days < 1:
                raise CommandError("--rebuild-days must be 1 or more")
            if enqueue:
                scorecard_snapshots_rebuild.enqueue(rebuild_days)
                self.stdout.write(f"Queued a rebuild of the last {rebuild_days} days.")
                return
            days = [today - datetime.timedelta(days=n) for n in range(rebuild_days, 0, -1)]
            started = time.monotonic()

            def progress(done, total, day, took):
                if verbosity and (took or done == total):
                    seconds = time.monotonic() - started
                    self.stdout.write(
                        f"{done} of {total} days ({day.isoformat()}"
                        f"{'' if took else ', already kept'}), {seconds:.0f} seconds"
                    )

            taken = snapshots_fill(days, again=again, progress=progress)
            self.stdout.write(f"Kept {taken} days.")
            return
        try:
            day = datetime.date.fromisoformat(date) if date else today - datetime.timedelta(1)
        except ValueError as error:
            raise CommandError(f"--date {date}: write the date as YYYY-MM-DD") from error
        if day > today:
            raise CommandError(f"--date {date}: the day must be today or in the past")
        if enqueue:
            scorecard_snapshot_nightly.enqueue(day.isoformat())
            self.stdout.write(f"Queued the snapshot of {day.isoformat()}.")
            return
        started = time.monotonic()
        rows = snapshot_take(day)
        seconds = time.monotonic() - started
        self.stdout.write(f"Kept {rows} figures of {day.isoformat()} in {seconds:.1f} seconds.")
