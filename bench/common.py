"""Shared parts of the benchmarks: setting up Django and a database, timing, printing."""

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'bench.sqlite3'}")
os.environ["TOGETHER_BENCH_ROUTES"] = "1"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "together.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402


def prepare_database(size: str = "small") -> None:
    """Migrate the benchmark database and fill it with demo data the first time (a database
    already holding demo data is used as it is, whatever its size)."""
    call_command("migrate", verbosity=0, interactive=False)
    call_command("demo_data", f"--size={size}", "--if-empty", "--today=2026-11-01", verbosity=0)


def time_calls(call, n: int, warmup: int = 20) -> list[float]:
    """Milliseconds for each of n calls, after some warm-up calls."""
    for _ in range(warmup):
        call()
    times = []
    for _ in range(n):
        start = time.perf_counter()
        call()
        times.append((time.perf_counter() - start) * 1000)
    return times


def summary(times_ms: list[float]) -> dict:
    ordered = sorted(times_ms)
    return {
        "median": statistics.median(ordered),
        "p95": ordered[int(0.95 * (len(ordered) - 1))],
        "rps": 1000 / statistics.mean(ordered),
    }


def print_row(label: str, stats: dict, floor: dict | None = None, queries: int | None = None):
    ratio = f"{stats['median'] / floor['median']:5.2f}x floor" if floor else "   (the floor)"
    q = f"{queries:3d} queries" if queries is not None else ""
    print(
        f"  {label:<52} median {stats['median']:7.2f} ms  p95 {stats['p95']:7.2f} ms  "
        f"{stats['rps']:8.1f} req/s  {ratio}  {q}"
    )
