"""The nightly snapshot of the scorecard, run in the background (django-tasks; `manage.py
db_worker` runs the tasks). A scheduler (cron, or the platform's) enqueues it each night after
midnight: `python manage.py scorecard_snapshot --enqueue`."""

import datetime

from django.utils import timezone
from django_tasks import task

from .snapshots import snapshot_take, snapshots_fill


@task()
def scorecard_snapshot_nightly(day: str | None = None) -> int:
    """Keep yesterday's figures (or `day`'s, as YYYY-MM-DD); returns the rows written."""
    when = datetime.date.fromisoformat(day) if day else timezone.localdate() - datetime.timedelta(1)
    return snapshot_take(when)


@task()
def scorecard_snapshots_rebuild(days: int) -> int:
    """Keep the figures of each of the last `days` days not yet kept, oldest first (resumes where
    an interrupted run stopped); returns how many days were taken."""
    today = timezone.localdate()
    return snapshots_fill(today - datetime.timedelta(days=n) for n in range(days, 0, -1))
