"""Drawing a national quality audit's sample of 200 children's files: the time it takes, against
the 2-second goal (issue 17), for a round of all files and a round focused on domestic abuse.

    .venv/bin/python bench/quality_sample.py
    BENCH_SIZE=small DATABASE_URL=postgres://postgres@127.0.0.1:5432/h_natquality \
        .venv/bin/python bench/quality_sample.py
    BENCH_SIZE=national DATABASE_URL=postgres://postgres@127.0.0.1:5432/together \
        .venv/bin/python bench/quality_sample.py

The draw reads only (quality.national.national_sample on a round that is never saved): two
queries, the size of each stratum and the files numbered within it. At BENCH_SIZE=small the
benchmark database is filled with demo data the first time (bench/common.py); at national size
it is used as it is, and nothing is written to it. Each draw is timed with a different seed
(the database cannot answer from a cache of the last one); the median and the slowest are shown.
"""

import datetime
import os
import statistics
import sys
import time

from common import prepare_database
from django.db import connection

SIZE = os.environ.get("BENCH_SIZE", "small")
DRAWS = int(os.environ.get("BENCH_DRAWS", "7"))
GOAL_MS = 2000


def main() -> int:
    if SIZE != "national":
        prepare_database(SIZE)
    from together.children.models import Child
    from together.quality.national import national_sample, sample_population
    from together.quality.national_models import NationalAuditRound

    today = datetime.date.fromisoformat(sys.argv[1]) if len(sys.argv) > 1 else datetime.date.today()
    children = Child.objects.count()
    print(f"{connection.vendor}, {SIZE} data: {children:,} children's records; rounds from {today}")
    failed = False
    for focus in NationalAuditRound.Focus:
        timings, drawn = [], []
        for seed in range(1, DRAWS + 1):
            round_ = NationalAuditRound(
                title="Benchmark", focus=focus, starts_on=today, ends_on=today, seed=seed * 7919
            )
            started = time.perf_counter()
            drawn = national_sample(round_)
            timings.append((time.perf_counter() - started) * 1000)
        population = sample_population(round_).count()
        median, slowest = statistics.median(timings), max(timings)
        verdict = "within" if slowest < GOAL_MS else "OVER"
        failed |= slowest >= GOAL_MS
        print(
            f"  {focus.label}: {len(drawn)} drawn from {population:,} files; median "
            f"{median:.0f} ms, slowest {slowest:.0f} ms of {DRAWS} draws ({verdict} the "
            f"{GOAL_MS} ms goal)"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
