"""Shared parts of the benchmarks: setting up Django and a database, timing, printing."""

import contextlib
import os
import socket
import statistics
import subprocess
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
    call_command("createcachetable", verbosity=0)
    call_command("demo_data", f"--size={size}", "--if-empty", "--today=2026-11-01", verbosity=0)


class Timings(list):
    """Wall-clock milliseconds of each call, with the process's own CPU milliseconds in .cpu.

    CPU time counts only this process's work, so on a machine busy with other things it moves
    far less than wall time does; the ratio of CPU medians is the steadier figure then."""

    def __init__(self):
        super().__init__()
        self.cpu: list[float] = []


def time_calls(call, n: int, warmup: int = 20) -> Timings:
    """Milliseconds for each of n calls, after some warm-up calls."""
    for _ in range(warmup):
        call()
    times = Timings()
    for _ in range(n):
        start, start_cpu = time.perf_counter(), time.process_time()
        call()
        times.append((time.perf_counter() - start) * 1000)
        times.cpu.append((time.process_time() - start_cpu) * 1000)
    return times


def time_against_floor(floor_call, call, n: int, warmup: int = 20) -> tuple[Timings, Timings]:
    """Milliseconds for n calls of the floor and of the page, taken in turns.

    Taking them in turns means both see the same machine: a burst of other work slows both
    rather than only whichever was being measured then, so the ratio stays meaningful."""
    for _ in range(warmup):
        floor_call()
        call()
    floor, page = Timings(), Timings()
    for _ in range(n):
        for target, times in ((floor_call, floor), (call, page)):
            start, start_cpu = time.perf_counter(), time.process_time()
            target()
            times.append((time.perf_counter() - start) * 1000)
            times.cpu.append((time.process_time() - start_cpu) * 1000)
    return floor, page


def summary(times_ms: list[float]) -> dict:
    ordered = sorted(times_ms)
    result = {
        "median": statistics.median(ordered),
        "p95": ordered[int(0.95 * (len(ordered) - 1))],
        "rps": 1000 / statistics.mean(ordered),
    }
    if getattr(times_ms, "cpu", None):
        result["cpu_median"] = statistics.median(times_ms.cpu)
    return result


def print_row(label: str, stats: dict, floor: dict | None = None, queries: int | None = None):
    ratio = f"{stats['median'] / floor['median']:5.2f}x floor" if floor else "   (the floor)"
    q = f"{queries:3d} queries" if queries is not None else ""
    cpu = ""
    if "cpu_median" in stats:
        cpu = f"  cpu {stats['cpu_median']:6.2f} ms"
        if floor and "cpu_median" in floor:
            cpu += f" ({stats['cpu_median'] / floor['cpu_median']:4.2f}x)"
    print(
        f"  {label:<52} median {stats['median']:7.2f} ms  p95 {stats['p95']:7.2f} ms  "
        f"{stats['rps']:8.1f} req/s  {ratio}{cpu}  {q}"
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def gunicorn(*, env: dict, workers: int = 2, port: int | None = None, output=None):
    """gunicorn serving the project on loopback (a free port unless one is given) with `env`,
    once it answers connections; stopped on leaving. Yields the port. Its output (logs) goes to
    `output`, an open file, when given; otherwise to this terminal."""
    port = port or free_port()
    server = subprocess.Popen(  # noqa: S603 (our own gunicorn, fixed arguments)
        [
            sys.executable,
            "-m",
            "gunicorn",
            "together.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
        stdout=output,
        stderr=output,
    )
    try:
        for _ in range(200):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        yield port
    finally:
        server.terminate()
        server.wait(timeout=10)
