"""The scorecard's speed (issue 16), in one run:

- the national scorecard page for today, computed live (median of 10), with its query count;
- each part of the national figures against the hand-written SQL of bench/scorecard_sql.py, timed
  in turns in this run (and the two must agree);
- a past month's page read from the snapshots (median of 10);
- one day's snapshot (every figure of the nation, each region, area and team, and each area's
  pressure), and what two years of them would take at that rate;
- a rebuild's run of 31 days taken at once (scorecard.series), and two years at that rate;
- the national page for today worked out live, then read from today's figures kept minutes
  before (as `scorecard_snapshot --today` keeps them every 10 minutes), with the time to keep
  them. (It puts aside any figures kept for today first, so the live page is live.)

    BENCH_SIZE=small .venv/bin/python bench/scorecard.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/NAME BENCH_SIZE=small \
        .venv/bin/python bench/scorecard.py

The page for today compares each figure with a month and a year before. Those days come from the
nightly snapshots in a running service (the page reads no other way); the benchmark takes the two
snapshots first, as the nightly run would have (the demo keeps month-ends only).

The benchmark writes scorecard snapshots (of the last 31 days, today and the days compared
with) and nothing else.
"""

import datetime
import os
import sys
import time

import scorecard_sql
from common import prepare_database, print_row, summary, time_calls
from django.db import connection
from django.test import Client
from django.utils import timezone

from together.accounts.models import Role, User
from together.demo.organisation import DEMO_ACCOUNTS
from together.scorecard.models import ScorecardSnapshot, SnapshotFillState
from together.scorecard.selectors import scorecard_figures
from together.scorecard.snapshots import (
    RUN,
    TODAY_REFRESH_MINUTES,
    month_ends,
    snapshot_take,
    snapshots_take,
)
from together.scorecard.views import month_before, year_before

SIZE = os.environ.get("BENCH_SIZE", "small")
N = 10


def fetch(client, url):
    response = client.get(url)
    assert response.status_code == 200, f"{url} answered {response.status_code}"


def page(client, url) -> tuple[dict, int]:
    fetch(client, url)
    sent = []
    with connection.execute_wrapper(
        lambda execute, sql, *args: sent.append(sql) or execute(sql, *args)
    ):
        fetch(client, url)
    if os.environ.get("BENCH_SHOW_QUERIES"):
        slowest = []

        def timed(execute, sql, *args):
            start = time.perf_counter()
            try:
                return execute(sql, *args)
            finally:
                slowest.append(((time.perf_counter() - start) * 1000, sql[:150]))

        with connection.execute_wrapper(timed):
            fetch(client, url)
        for ms, sql in sorted(slowest, reverse=True)[:8]:
            print(f"    {ms:7.1f} ms  {sql}")
    return summary(time_calls(lambda: fetch(client, url), N, warmup=2)), len(sent)


def on(day: datetime.date) -> str:
    return f"/scorecard/?date_day={day.day}&date_month={day.month}&date_year={day.year}"


def main() -> int:
    prepare_database(SIZE)
    today = timezone.localdate()
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(User.objects.get(email=DEMO_ACCOUNTS[Role.NATIONAL_PERFORMANCE]))
    print(f"Scorecard, {connection.vendor}, BENCH_SIZE={SIZE}, today {today}")

    # The SQL and the service agree, then each part is timed against its query.
    wrong = scorecard_sql.disagreements(
        scorecard_figures(today), scorecard_sql.national_figures(connection, today)
    )
    print("The service and the SQL agree on every figure" if not wrong else "THEY DISAGREE:")
    for line in wrong:
        print("  " + line)
    print("Each part of today's national figures against its SQL (median of 10, ms):")
    for part, sql_ms, part_ms, ratio in scorecard_sql.timed_parts(connection, today):
        flag = "" if ratio <= 1.5 else "  over 1.5x"
        print(f"  {part:<22} SQL {sql_ms:9.2f}  service {part_ms:9.2f}  ratio {ratio:5.2f}{flag}")

    # One day's snapshot: yesterday's, timed once (it replaces the day if it was kept).
    yesterday = today - datetime.timedelta(days=1)
    started = time.perf_counter()
    rows = snapshot_take(yesterday)
    one_day = time.perf_counter() - started
    print(f"One day's snapshot ({yesterday}): {one_day:.2f} s, {rows:,} figures kept")
    print(f"  two years of days one at a time: {one_day * 730 / 60:.1f} minutes")

    # A rebuild's run of days at once (scorecard.series): the 31 days to yesterday, timed once.
    run = [today - datetime.timedelta(days=n) for n in range(RUN, 0, -1)]
    started = time.perf_counter()
    rows = snapshots_take(run)
    at_once = time.perf_counter() - started
    print(
        f"A rebuild's run of {len(run)} days ({run[0]} to {run[-1]}): {at_once:.1f} s, "
        f"{rows:,} figures kept, {at_once / len(run):.2f} s a day"
    )
    print(f"  two years of days in runs of {RUN}: {at_once * 730 / len(run) / 60:.1f} minutes")

    # The days today is compared with, kept as the nightly run keeps them.
    for day in (month_before(today), year_before(today)):
        if not SnapshotFillState.objects.filter(day=day, state="done").exists():
            snapshot_take(day)
    # Today, worked out live: the figures kept for today (if a run left some) put aside first.
    ScorecardSnapshot.objects.filter(day=today).delete()
    SnapshotFillState.objects.filter(day=today).delete()
    stats, queries = page(client, on(today))
    print_row("national scorecard page, today (live)", stats, queries=queries)
    # Today, read from the figures kept a few minutes ago (scorecard_snapshot --today).
    started = time.perf_counter()
    snapshot_take(today)
    print(f"Keeping today's figures (every {TODAY_REFRESH_MINUTES} minutes): "
          f"{time.perf_counter() - started:.2f} s")  # fmt: skip
    stats, queries = page(client, on(today))
    print_row("national scorecard page, today (kept minutes ago)", stats, queries=queries)

    # A past month, read from its snapshots (and those of its month and year before).
    past = month_ends(today, 3)[0]
    for day in (past, month_before(past), year_before(past)):
        if not SnapshotFillState.objects.filter(day=day, state="done").exists():
            snapshot_take(day)
    stats, queries = page(client, on(past))
    print_row(f"national scorecard page, {past} (from snapshots)", stats, queries=queries)
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
