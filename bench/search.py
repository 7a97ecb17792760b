"""Searching for a child by name among a million children, against a floor measured in the same
run: reading one child by primary key through the ORM.

Standalone: it makes its own database (var/bench_search.sqlite3, or, when DATABASE_URL names a
PostgreSQL database, a database beside it called <name>_bench_search), migrates it and fills it
the first time with a million synthetic children, each in a set of proceedings. Then it times
searches of varied names (beginnings of names, full names, near-miss spellings) through
children.search.children_search, as a national-role user (sees every child) and as a Family
Court Adviser (sees only the children allocated to them).

    .venv/bin/python bench/search.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/together bench/search.py
"""

import os
import random
import sys
import time
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
CHILDREN = int(os.environ.get("BENCH_CHILDREN", "1000000"))
SEARCHES = int(os.environ.get("BENCH_SEARCHES", "200"))
SEED = 20261122


def _own_database() -> None:
    """Point DATABASE_URL at this benchmark's own database, creating it on PostgreSQL."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        os.environ["DATABASE_URL"] = f"sqlite:///{ROOT / 'var' / 'bench_search.sqlite3'}"
        (ROOT / "var").mkdir(exist_ok=True)
        return
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/") + "_bench_search"
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')
    os.environ["DATABASE_URL"] = urlunsplit(parts._replace(path="/" + name))


_own_database()
sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import print_row, summary  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from together.accounts.models import Role, User  # noqa: E402
from together.audit.models import Action  # noqa: E402
from together.audit.services import audit_event_record  # noqa: E402
from together.children.models import Child  # noqa: E402
from together.children.search import SearchTerms, children_search  # noqa: E402
from together.children.services import search_text_for  # noqa: E402
from together.organisation.models import Region, ServiceArea, Team, TeamMembership  # noqa: E402
from together.proceedings.models import (  # noqa: E402
    Allocation,
    Kind,
    Law,
    Proceedings,
    ProceedingsChild,
    Stage,
)

CHUNK = int(os.environ.get("BENCH_CHUNK", "20000"))
# About the number of FCAs in the national service: each holds about 35 open proceedings.
FCAS = 1700


def name_pools(rng: random.Random) -> tuple[list[str], list[str]]:
    """First and last names from Faker's en_GB lists, drawn once with a fixed seed."""
    from faker import Faker

    faker = Faker("en_GB")
    faker.seed_instance(SEED)
    firsts = sorted({faker.first_name() for _ in range(20_000)})
    lasts = sorted({faker.last_name() for _ in range(20_000)})
    return firsts, lasts


def fill(firsts: list[str], lasts: list[str]) -> None:
    """A million children, one to three to a set of proceedings, each allocated to an FCA."""
    have = Child.objects.count()
    if have >= CHILDREN:
        return
    print(f"Adding {CHILDREN - have:,} children (once; later runs reuse them)...", flush=True)
    rng = random.Random(SEED + have)
    region, _ = Region.objects.get_or_create(code="BENCH", defaults={"name": "Bench region"})
    area, _ = ServiceArea.objects.get_or_create(
        code="BENCH", defaults={"name": "Bench area", "region": region}
    )
    team, _ = Team.objects.get_or_create(
        service_area=area, name="Bench team", defaults={"kind": Team.Kind.POST_FIRST_HEARING}
    )
    fcas = list(User.objects.filter(role=Role.FCA, email__endswith="@bench.example.org"))
    if not fcas:
        fcas = [
            User(
                email=f"fca{n}@bench.example.org",
                given_name="Bench",
                family_name=f"Adviser {n}",
                role=Role.FCA,
                service_area=area,
            )
            for n in range(FCAS)
        ]
        User.objects.bulk_create(fcas)
        fcas = list(User.objects.filter(role=Role.FCA, email__endswith="@bench.example.org"))
        TeamMembership.objects.bulk_create(
            TeamMembership(user=u, team=team, started_on="2024-04-01") for u in fcas
        )
    started = time.perf_counter()
    made = have
    while made < CHILDREN:
        n = min(CHUNK, CHILDREN - made)
        children = []
        for _ in range(n):
            given = rng.choice(firsts)
            if rng.random() < 0.3:
                given += " " + rng.choice(firsts)
            family = rng.choice(lasts)
            if rng.random() < 0.05:
                family += "-" + rng.choice(lasts)
            preferred = given.split()[0]
            if rng.random() < 0.1:
                preferred = rng.choice(firsts)
            child = Child(
                legal_given_names=given,
                legal_family_name=family,
                preferred_name=preferred,
                date_of_birth=f"{rng.randint(2007, 2025)}-{rng.randint(1, 12):02d}-"
                f"{rng.randint(1, 28):02d}",
            )
            child.search_text = search_text_for(child)
            children.append(child)
        with transaction.atomic():
            # Both databases return the new ids from a bulk insert (SQLite since 3.35).
            Child.objects.bulk_create(children, batch_size=2000)
            _put_in_proceedings([c.pk for c in children], area, team, fcas, rng, made)
        made += n
        rate = (made - have) / (time.perf_counter() - started)
        print(f"  {made:>9,} children ({rate:,.0f} a second)", flush=True)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def _put_in_proceedings(child_ids, area, team, fcas, rng, made) -> None:
    groups, i = [], 0
    while i < len(child_ids):
        size = rng.choice((1, 1, 1, 2, 2, 3))
        groups.append(child_ids[i : i + size])
        i += size
    proceedings = [
        Proceedings(
            service_area=area,
            team=team,
            court="Family Court at Leeds",
            court_number=f"BN{(made // 1000) % 100:02d}C{made + n:07d}",
            law=Law.PUBLIC,
            kind=Kind.CARE_S31,
            stage=Stage.AFTER_FIRST_HEARING,
            received_on="2026-01-05",
            closed_on=None if rng.random() < 0.1 else "2026-06-01",
        )
        for n in range(len(groups))
    ]
    Proceedings.objects.bulk_create(proceedings, batch_size=2000)
    links, allocations = [], []
    for proc, group in zip(proceedings, groups, strict=True):
        links += [ProceedingsChild(proceedings=proc, child_id=c) for c in group]
        # Closed proceedings' allocations have ended; open ones are held by their FCA now.
        ended = _END if proc.closed_on else None
        allocations.append(
            Allocation(
                proceedings=proc,
                fca=rng.choice(fcas),
                team=team,
                started_at=_START,
                ended_at=ended,
            )
        )
    ProceedingsChild.objects.bulk_create(links, batch_size=5000)
    Allocation.objects.bulk_create(allocations, batch_size=5000)


_START = "2026-01-10T09:00:00+00:00"
_END = "2026-06-01T12:00:00+00:00"


def searchers() -> dict[str, User]:
    national, _ = User.objects.get_or_create(
        email="national@bench.example.org",
        defaults={
            "given_name": "Bench",
            "family_name": "National",
            "role": Role.NATIONAL_PERFORMANCE,
        },
    )
    fca = User.objects.filter(role=Role.FCA, email__endswith="@bench.example.org").first()
    return {"national role (sees every child)": national, "Family Court Adviser": fca}


def search_terms(firsts: list[str], lasts: list[str]) -> dict[str, list[SearchTerms]]:
    """Varied searches, the same every run: beginnings of names, full names, near-miss spellings,
    and a name with a date of birth."""
    rng = random.Random(SEED)
    per = SEARCHES // 5

    def misspell(name: str) -> str:
        word = name.lower()
        i = rng.randrange(1, len(word) - 1)
        return word[:i] + rng.choice("aeiouy") + word[i + 1 :]

    def born() -> date:
        return date(rng.randint(2007, 2025), rng.randint(1, 12), rng.randint(1, 28))

    long_firsts = [f for f in firsts if len(f) > 4]
    return {
        "beginning of a first name (3 to 5 letters)": [
            SearchTerms(name=rng.choice(firsts)[: rng.randint(3, 5)]) for _ in range(per)
        ],
        "beginning of a family name (2 to 4 letters)": [
            SearchTerms(name=rng.choice(lasts)[: rng.randint(2, 4)]) for _ in range(per)
        ],
        "first and family name": [
            SearchTerms(name=f"{rng.choice(firsts)} {rng.choice(lasts)}") for _ in range(per)
        ],
        "near-miss spelling of a first and family name": [
            SearchTerms(name=f"{misspell(rng.choice(long_firsts))} {rng.choice(lasts)}")
            for _ in range(per)
        ],
        "first name and date of birth": [
            SearchTerms(name=rng.choice(firsts), date_of_birth=born())
            for _ in range(SEARCHES - 4 * per)
        ],
    }


def timed(call) -> tuple[float, int]:
    with CaptureQueriesContext(connection) as captured:
        start = time.perf_counter()
        call()
        elapsed = (time.perf_counter() - start) * 1000
    return elapsed, len(captured.captured_queries)


def _audit_only(user) -> None:
    with transaction.atomic():
        audit_event_record(by=user, action=Action.CHILDREN_SEARCHED, detail={"bench": True})


def run(firsts, lasts) -> None:
    ids = list(Child.objects.values_list("pk", flat=True)[:: max(1, CHILDREN // 2000)])
    rng = random.Random(SEED)
    for pk in ids[:50]:
        Child.objects.get(pk=pk)
    floor_times = [timed(lambda pk=pk: Child.objects.get(pk=pk))[0] for pk in rng.sample(ids, 500)]
    floor = summary(floor_times)
    count = Child.objects.count()
    print(f"\nSearching {count:,} children by name ({connection.vendor}), {SEARCHES} searches:")
    print_row("floor: one child by primary key (ORM)", floor, None, 1)
    # Every search writes an audit event and commits; this is that part of the time on its own.
    national = searchers()["national role (sees every child)"]
    audit = [timed(lambda: _audit_only(national)) for _ in range(100)][20:]
    print_row(
        "part of every search: its audit event, committed",
        summary([ms for ms, _ in audit]),
        floor,
        audit[-1][1],
    )
    terms = search_terms(firsts, lasts)
    for who, user in searchers().items():
        for term in (t for group in terms.values() for t in group[:5]):  # warm up
            children_search(by=user, terms=term)
        every, counts = [], set()
        print(f" as {who}:")
        for label, group in terms.items():
            times = []
            for term in group:
                elapsed, queries = timed(lambda t=term, u=user: children_search(by=u, terms=t))
                times.append(elapsed)
                counts.add(queries)
            every += times
            print_row(f"  {label}", summary(times), floor)
        queries = "/".join(str(n) for n in sorted(counts))
        print_row(f"  all {len(every)} searches ({queries} queries each)", summary(every), floor)


if __name__ == "__main__":
    if not str(connection.settings_dict["NAME"]).endswith(("bench_search", "bench_search.sqlite3")):
        # Django was set up before this file ran (bench/run.py): it would fill the wrong database.
        sys.exit("Run bench/search.py on its own: it fills a database of its own.")
    call_command("migrate", verbosity=0, interactive=False)
    firsts, lasts = name_pools(random.Random(SEED))
    fill(firsts, lasts)
    run(firsts, lasts)
