"""Timing `manage.py import_service` on a synthetic national service written as CSV files.

Standalone: it writes a folder of import files (var/bench_import/, made afresh each run) for
BENCH_IMPORT_CHILDREN children (default 1,000,000) in about 0.6 sets of proceedings each, with
allocations, meetings, audits and feedback in the national proportions of DESIGN.md section 4,
makes its own empty database (var/bench_import.sqlite3, or, when DATABASE_URL names a PostgreSQL
database, <name>_bench_import beside it), and times the import, then a second run of the same
folder (which updates every record). It prints rows a second for each.

    BENCH_IMPORT_CHILDREN=100000 .venv/bin/python bench/import_service.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/together bench/import_service.py
"""

import csv
import os
import random
import shutil
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
CHILDREN = int(os.environ.get("BENCH_IMPORT_CHILDREN", "1000000"))
FOLDER = ROOT / "var" / "bench_import"
SEED = 20261205
TODAY = date(2026, 11, 1)


def _own_database() -> None:
    """Point DATABASE_URL at an empty database of this benchmark's own."""
    url = os.environ.get("DATABASE_URL", "")
    (ROOT / "var").mkdir(exist_ok=True)
    if not url.startswith(("postgres://", "postgresql://")):
        path = ROOT / "var" / "bench_import.sqlite3"
        path.unlink(missing_ok=True)
        os.environ["DATABASE_URL"] = f"sqlite:///{path}"
        return
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/") + "_bench_import"
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    os.environ["DATABASE_URL"] = urlunsplit(parts._replace(path="/" + name))


def write_files(folder: Path, children: int) -> dict[str, int]:
    """The synthetic service's files. Returns the number of rows in each."""
    rng = random.Random(SEED)
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    counts = {}

    def write(name, columns, rows):
        with (folder / name).open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(columns)
            n = 0
            for row in rows:
                writer.writerow(row)
                n += 1
        counts[name] = n

    areas = [(f"A{n:02d}", f"R{n % 5}") for n in range(19)]
    write("regions.csv", ["region_code", "name"], [(f"R{n}", f"Region {n}") for n in range(5)])
    write(
        "service_areas.csv",
        ["code", "name", "region_code"],
        [(code, f"Area {code}", region) for code, region in areas],
    )
    kinds = ["post_first_hearing"] * 3 + ["pre_first_hearing"] * 2
    teams = [(f"{code}T{t}", code, kinds[t]) for code, _ in areas for t in range(5)]
    write(
        "teams.csv",
        ["code", "name", "service_area_code", "kind"],
        [(code, f"Team {code}", area, kind) for code, area, kind in teams],
    )
    fcas_per_team = max(2, children * 1700 // 1_000_000 // len(teams))
    fcas = {area: [] for area, _ in areas}
    staff = []
    for code, area, _ in teams:
        for n in range(fcas_per_team):
            staff_id = f"{code}F{n}"
            fcas[area].append(staff_id)
            staff.append((staff_id, "fca", code))
        staff.append((f"{code}PS", "practice_supervisor", code))
    staff += [(f"{area}SM", "service_manager", area) for area, _ in areas]
    write(
        "staff.csv",
        ["staff_id", "given_name", "family_name", "email", "role", "team_code", "employment"]
        + ["fte"],
        [
            (s, "Sam", s, f"{s.lower()}@bench.example", role, team, "permanent", "1.00")
            for s, role, team in staff
        ],
    )
    write(
        "children.csv",
        ["child_id", "given_name", "family_name", "preferred_name", "date_of_birth"],
        (
            (f"C{n}", "Alex", f"Child{n}", "", TODAY - timedelta(days=rng.randint(0, 6500)))
            for n in range(children)
        ),
    )
    # Proceedings over ten years, one or two children each; those of the last year are open.
    proceedings, links, child = [], [], 0
    while child < children:
        received = TODAY - timedelta(days=rng.randint(0, 3650))
        area = areas[rng.randrange(len(areas))][0]
        first_hearing = received + timedelta(days=rng.randint(10, 60))
        first_hearing = first_hearing if first_hearing <= TODAY else None
        closed = received + timedelta(days=rng.randint(150, 500))
        closed = closed if closed <= TODAY else None
        pid = f"P{len(proceedings)}"
        proceedings.append((pid, area, received, first_hearing, closed))
        for _ in range(min(rng.choice((1, 1, 2)), children - child)):
            links.append((pid, f"C{child}"))
            child += 1
    write(
        "proceedings.csv",
        ["proceedings_id", "court", "court_number", "law", "kind", "received_on"]
        + ["first_hearing_on", "closed_on", "service_area_code"],
        (
            (pid, "Family Court", f"N{pid}", "public", "s31", r, fh or "", c or "", area)
            for pid, area, r, fh, c in proceedings
        ),
    )
    write("proceedings_children.csv", ["proceedings_id", "child_id"], links)
    allocations = []
    for pid, area, received, _, closed in proceedings:
        start = received + timedelta(days=rng.randint(0, 30))
        if start > TODAY:
            continue
        allocations.append((pid, rng.choice(fcas[area]), "lead", start, closed or ""))
    write(
        "allocations.csv",
        ["proceedings_id", "staff_id", "kind", "started_on", "ended_on"],
        allocations,
    )
    methods = ["in_person_home", "in_person_school", "video", "phone"]
    received_of = {pid: r for pid, _, r, _, _ in proceedings}
    write(
        "meetings.csv",
        ["child_id", "proceedings_id", "met_on", "method"],
        (
            (
                c,
                p,
                min(TODAY, received_of[p] + timedelta(days=rng.randint(5, 60))),
                rng.choice(methods),
            )
            for p, c in links
        ),
    )
    by_pid = {pid: (area, r) for pid, area, r, _, _ in proceedings}
    audited = rng.sample(links, min(len(links), children // 50))
    grades = ["outstanding", "good", "good", "requires_improvement", "inadequate"]
    write(
        "audits.csv",
        ["child_id", "proceedings_id", "auditor_staff_id", "fca_staff_id", "audited_on", "grade"],
        (
            (
                c,
                p,
                f"{by_pid[p][0]}SM",
                rng.choice(fcas[by_pid[p][0]]),
                min(TODAY, by_pid[p][1] + timedelta(days=90)),
                rng.choice(grades),
            )
            for p, c in audited
        ),
    )
    answered = rng.sample(proceedings, min(len(proceedings), children // 20))
    write(
        "feedback.csv",
        ["proceedings_id", "staff_id", "respondent", "submitted_on", "felt_listened_to"],
        (
            (
                pid,
                rng.choice(fcas[area]),
                rng.choice(["child", "parent_carer"]),
                min(TODAY, r + timedelta(days=120)),
                rng.choice(["yes", "partly", "no", "dont_know"]),
            )
            for pid, area, r, _, _ in answered
        ),
    )
    return counts


def main() -> int:
    _own_database()
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "together.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    started = time.perf_counter()
    counts = write_files(FOLDER, CHILDREN)
    rows = sum(counts.values())
    print(f"Wrote {rows:,} rows for {CHILDREN:,} children in {time.perf_counter() - started:.0f} s")
    call_command("migrate", verbosity=0, interactive=False)
    call_command("createcachetable", verbosity=0)
    for run in ("first import", "second import of the same files (nothing changes)"):
        started = time.perf_counter()
        call_command("import_service", str(FOLDER), verbosity=0)
        seconds = time.perf_counter() - started
        print(f"{run} on {connection.vendor}: {seconds:.1f} s, {rows / seconds:,.0f} rows a second")
    return 0


if __name__ == "__main__":
    sys.exit(main())
