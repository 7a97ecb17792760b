"""Time the demo-data generator at national size, into a fresh database.

    .venv/bin/python bench/generate.py          # into a new var/bench-generate.sqlite3
    .venv/bin/python bench/generate.py --size small
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/together_bench \\
        .venv/bin/python bench/generate.py              # an empty PostgreSQL database you made

Prints how long migrating and generating took, the rows in each table, and the database's size.
The target (DESIGN.md section 4): national size in under 30 minutes on two cores.
"""

import argparse
import logging
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SQLITE = ROOT / "var" / "bench-generate.sqlite3"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="national")
    parser.add_argument("--seed", default="2026")
    parser.add_argument("--today", default="2026-11-01")
    args = parser.parse_args()

    if "DATABASE_URL" not in os.environ:
        SQLITE.parent.mkdir(exist_ok=True)
        for leftover in SQLITE.parent.glob(SQLITE.name + "*"):  # the file and its -wal, -shm
            leftover.unlink()
        os.environ["DATABASE_URL"] = f"sqlite:///{SQLITE}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "together.settings")
    sys.path.insert(0, str(ROOT))

    import django

    django.setup()
    # The generator says how far it has got, once a simulated year (through the root handler).
    logging.getLogger("together.demo").setLevel(logging.INFO)
    from django.apps import apps
    from django.core.management import call_command
    from django.db import connection

    print(f"Database: {connection.vendor} ({connection.settings_dict['NAME']})")
    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    # The feedback figures are kept in the shared cache (the database cache unless CACHE_URL
    # names Redis), and the generator tells it when the answers change.
    call_command("createcachetable", verbosity=0)
    migrated = time.perf_counter()
    print(f"  migrate                {migrated - started:8.1f} s")
    cpu = time.process_time()
    call_command("demo_data", f"--size={args.size}", f"--seed={args.seed}", f"--today={args.today}")
    generated = time.perf_counter()
    cpu = time.process_time() - cpu
    minutes, seconds = divmod(generated - migrated, 60)
    print(
        f"  demo_data --size {args.size:<8} {generated - migrated:8.1f} s "
        f"({minutes:.0f} min {seconds:.0f} s)"
    )
    # On a busy machine the wall time above grows; this process's own CPU time does not.
    print(f"  of which this process's CPU {cpu:8.1f} s")

    print("Rows:")
    for label in (
        "accounts.User",
        "organisation.Team",
        "proceedings.Proceedings",
        "proceedings.ProceedingsChild",
        "proceedings.Party",
        "proceedings.Hearing",
        "proceedings.Allocation",
        "children.Child",
        "children.FamilyMember",
        "children.ChildConnection",
        "children.Meeting",
        "children.TimelineEntry",
    ):
        model = apps.get_model(label)
        print(f"  {label:<30} {model.objects.count():>12,}")
    Proceedings = apps.get_model("proceedings.Proceedings")
    open_proceedings = Proceedings.objects.filter(closed_on__isnull=True)
    open_children = (
        apps.get_model("children.Child")
        .objects.filter(proceedings_links__proceedings__closed_on__isnull=True)
        .distinct()
        .count()
    )
    print(f"  open sets of proceedings       {open_proceedings.count():>12,}")
    print(f"  children in open proceedings   {open_children:>12,}")
    print(f"  on duty                        {open_proceedings.filter(lead_fca=None).count():>12,}")
    if connection.vendor == "sqlite":
        print(f"Size: {Path(connection.settings_dict['NAME']).stat().st_size / 2**20:,.0f} MB")
    else:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_database_size(current_database())")
            print(f"Size: {cursor.fetchone()[0] / 2**20:,.0f} MB")


if __name__ == "__main__":
    main()
