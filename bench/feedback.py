"""Feedback against the floor, in the same run: the public form under load through gunicorn, and
the dashboard on a large number of answers.

    .venv/bin/python bench/feedback.py
    BENCH_FEEDBACK_ANSWERS=60000 BENCH_REQUESTS=300 .venv/bin/python bench/feedback.py
    BENCH_SIZE=national DATABASE_URL=sqlite:////work/main/var/national.sqlite3 \
        BENCH_FEEDBACK_FORM=0 .venv/bin/python bench/feedback.py

1. The public form (GET /f/<token>, and a bounded number of POSTs to fresh links) is driven by a
   small load generator (threads and http.client, in this process) against gunicorn started on a
   free loopback port in a second process. The floor is the bare signed-in page /bench/floor/,
   driven by the same load generator at the same concurrency in the same run. POSTs stay under
   the form's rate limit (30 a minute from one address, per gunicorn worker).
   (wrk is not needed; `apt-get install -y wrk` would work here if a heavier load is wanted.)
2. The dashboard, through the Django test client, for the national, regional (head of
   practice), service manager and FCA demo accounts, each timed in turns with the floor (the bare
   page /bench/floor/, common.time_against_floor) so both see the same machine, with query
   counts, this process's CPU time, how many summary rows the figures read and which tables
   their queries read (each summary, and never the answers themselves). The answers are
   made directly in bulk (BENCH_FEEDBACK_ANSWERS, default 60,000, spread over every FCA of the
   demo organisation over the last year) rather than by the demo generator at national size, to
   keep the run short; the summaries the dashboard reads are then rebuilt from them (timed).
   "first view" is one request straight after the rebuild (it also reads and compiles the
   page's templates, once per process); "cold" views start each request by forgetting the kept
   figures and comments, as saving an answer does, so they count from the summaries; "warm"
   views find them kept in the cache.
   BENCH_FEEDBACK_FORM=0 leaves out part 1.

BENCH_SIZE=national reads the national dataset and writes nothing to it: no migrate, no answers
made, no rebuild (its summary is the one the demo generator made), sessions kept in signed
cookies rather than the database, and every connection set to refuse writes (SQLite: PRAGMA
query_only; PostgreSQL: default_transaction_read_only for the session). If a SQLite database
predates migration feedback 0003 (summaries counted in columns, and the coarse summary by
service area), the run makes both from its old summary, as the migration would, in TEMP tables
of this connection only: SQLite keeps those apart from the file. A PostgreSQL database must be
migrated first (`manage.py migrate`). Part 1 writes, so it is left out there.
"""

import datetime
import http.client
import os
import random
import re
import sys
import threading
import time

from common import (
    gunicorn,
    prepare_database,
    print_row,
    summary,
    time_against_floor,
)
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.signed_cookies import SessionStore as SignedCookieSession
from django.db import connection
from django.db.backends.signals import connection_created
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from floor import session_cookie

from together.accounts.models import Role, User
from together.children.models import Child
from together.demo.generator import bulk_create
from together.demo.organisation import DEMO_ACCOUNTS
from together.feedback.models import (
    CODE_ALPHABET,
    CODE_LENGTH,
    Audience,
    FeedbackAreaMonthSummary,
    FeedbackInvitation,
    FeedbackMonthSummary,
    FeedbackResponse,
    Source,
)
from together.feedback.selectors import area_summary_for, figures_changed, summary_for
from together.feedback.services import _area_rows, feedback_summary_rebuild, new_code, new_token
from together.organisation.models import Team, TeamMembership

N = int(os.environ.get("BENCH_REQUESTS", "300"))
SIZE = os.environ.get("BENCH_SIZE", "small")
ANSWERS = int(os.environ.get("BENCH_FEEDBACK_ANSWERS", "60000"))
THREADS = 4
POSTS = 20


def _code(rng, taken: set) -> str:
    """A short code not given yet, without a query for each (as new_code asks)."""
    while True:
        code = "".join(rng.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        if code not in taken:
            taken.add(code)
            return code


def make_answers(target: int) -> None:
    """Top the database up to `target` answers, spread over every FCA, in bulk."""
    have = FeedbackResponse.objects.count()
    if have >= target:
        print(f"  ({have:,} answers already in the database)")
        return
    rng = random.Random(2026)
    fcas = list(
        TeamMembership.objects.filter(ended_on__isnull=True, user__role=Role.FCA).values_list(
            "user_id", "team_id", "team__service_area_id"
        )
    )
    children = list(Child.objects.values_list("pk", flat=True)[:5000])
    area_bias = {area: rng.gauss(0, 0.6) for _, _, area in fcas}
    now = timezone.now()
    started = time.perf_counter()
    audiences = list(Audience)
    codes = set(FeedbackInvitation.objects.values_list("code", flat=True))
    for start in range(have, target, 10_000):
        invitations, responses = [], []
        for _ in range(min(10_000, target - start)):
            fca, team, area = rng.choice(fcas)
            created = now - datetime.timedelta(seconds=rng.random() * 360 * 86400)
            invitations.append(
                FeedbackInvitation(
                    token=new_token(),
                    code=_code(rng, codes),
                    audience=rng.choice(audiences),
                    source=Source.LETTER,
                    source_id=rng.getrandbits(128).to_bytes(16, "big").hex(),
                    child_id=rng.choice(children),
                    fca_id=fca,
                    team_id=team,
                    service_area_id=area,
                    created_at=created,
                    opened_at=created,
                    expires_at=created + datetime.timedelta(days=120),
                )
            )
        FeedbackInvitation.objects.bulk_create(invitations, batch_size=2000)
        if invitations[0].pk is None:
            ids = dict(
                FeedbackInvitation.objects.filter(
                    token__in=[i.token for i in invitations]
                ).values_list("token", "pk")
            )
            for invitation in invitations:
                invitation.pk = ids[invitation.token]
        for invitation in invitations:
            mood = 3.9 + area_bias[invitation.service_area_id] + rng.gauss(0, 1)
            answer = {
                name: 0 if rng.random() < 0.05 else max(1, min(5, round(mood + rng.gauss(0, 0.5))))
                for name in (
                    "listened",
                    "respected",
                    "explained",
                    "understood_reasons",
                    "could_say",
                )
            }
            responses.append(
                FeedbackResponse(
                    invitation_id=invitation.pk,
                    audience=invitation.audience,
                    fca_id=invitation.fca_id,
                    team_id=invitation.team_id,
                    service_area_id=invitation.service_area_id,
                    answered_at=invitation.created_at + datetime.timedelta(hours=3),
                    do_better="Tell me sooner what is happening." if rng.random() < 0.3 else "",
                    **answer,
                )
            )
        bulk_create(FeedbackResponse, responses, batch_size=2000)
    print(
        f"  made {target - have:,} answers in {time.perf_counter() - started:.1f} s "
        f"(now {FeedbackResponse.objects.count():,})"
    )


def fetch(client, url):
    response = client.get(url)
    assert response.status_code == 200, f"{url} answered {response.status_code}"


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        fetch(client, url)
    return len(captured.captured_queries)


def rebuild_summary() -> None:
    started, started_cpu = time.perf_counter(), time.process_time()
    rows = feedback_summary_rebuild()
    print(
        f"  summaries rebuilt from {FeedbackResponse.objects.count():,} answers: {rows:,} rows "
        f"by FCA and month in {time.perf_counter() - started:.2f} s "
        f"(cpu {time.process_time() - started_cpu:.2f} s)"
    )
    assert rows == FeedbackMonthSummary.objects.count()


ROLES = (Role.NATIONAL_PERFORMANCE, Role.HEAD_OF_PRACTICE, Role.SERVICE_MANAGER, Role.FCA)


def read_only() -> None:
    """Make every connection of this run unable to write to the database (BENCH_SIZE=national).

    Sessions go in signed cookies. A SQLite database without the coarse summary gets it as a
    TEMP table, added up from the fine summary: SQLite keeps TEMP tables apart from the file."""
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.signed_cookies"
    connection_created.connect(_refuse_writes)
    connection.close()
    connection.ensure_connection()


def _old_cells_in_columns() -> str:
    """SQL for the fine summary as migration feedback 0003 turns it into columns, read from a
    database still holding the old cells (one row per audience, feeling and comment)."""
    sums = ["SUM(answers) AS answers"]
    for group, audiences in (
        ("children", "'younger_child', 'older_child'"),
        ("parents", "'parent_carer'"),
        ("professionals", "'professional'"),
    ):
        sums.append(
            f"SUM(CASE WHEN audience IN ({audiences}) AND listened = 'yes' THEN answers ELSE 0 "
            f"END) AS {group}_yes"
        )
        sums.append(
            f"SUM(CASE WHEN audience IN ({audiences}) AND listened != 'dont_know' THEN answers "
            f"ELSE 0 END) AS {group}_counted"
        )
    for audience in Audience:
        sums.append(
            f"SUM(CASE WHEN audience = '{audience.value}' AND commented THEN answers ELSE 0 END) "
            f"AS commented_{audience.value}"
        )
    return (
        "CREATE TEMP TABLE feedback_feedbackmonthsummary AS "  # noqa: S608 (our own names)
        f"SELECT NULL AS id, month, service_area_id, team_id, fca_id, {', '.join(sums)} "
        "FROM main.feedback_feedbackmonthsummary GROUP BY month, service_area_id, team_id, fca_id"
    )


def _refuse_writes(sender, connection, **kwargs):
    if connection.vendor == "postgresql":
        _refuse_writes_on_postgresql(connection)
    else:
        _refuse_writes_on_sqlite(connection)


def _refuse_writes_on_postgresql(connection) -> None:
    fine = FeedbackMonthSummary._meta.db_table
    coarse = FeedbackAreaMonthSummary._meta.db_table
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
        columns = [c.name for c in connection.introspection.get_table_description(cursor, fine)]
        if coarse not in tables or "children_yes" not in columns:
            sys.exit(
                "This PostgreSQL database predates migration feedback 0003: run "
                "`manage.py migrate` on it first (the run itself writes nothing)."
            )
        # Every transaction of this session from now on is read-only: a write is an error.
        cursor.execute("SET SESSION default_transaction_read_only = on")


def _refuse_writes_on_sqlite(connection) -> None:
    fine = FeedbackMonthSummary._meta.db_table
    coarse = FeedbackAreaMonthSummary._meta.db_table
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
        columns = [c.name for c in connection.introspection.get_table_description(cursor, fine)]
        if "children_yes" not in columns:
            # A database from before migration feedback 0003: its summary, turned into columns
            # as that migration does, in a TEMP table of this connection (TEMP tables live
            # apart from the database file, and are found before the file's own tables).
            cursor.execute(_old_cells_in_columns())
            tables = [t for t in tables if t not in (fine, coarse)]
        if coarse not in tables:
            # The coarse summary added up from the fine one as the rebuild does, the same way.
            names = [f.column for f in FeedbackAreaMonthSummary._meta.concrete_fields][1:]
            cursor.execute(
                f"CREATE TEMP TABLE {coarse} (id INTEGER PRIMARY KEY, {', '.join(names)})"
            )
            rows = list(_area_rows())
            cursor.executemany(
                f"INSERT INTO {coarse} ({', '.join(names)}) "  # noqa: S608 (our own names)
                f"VALUES ({', '.join('%s' for _ in names)})",
                [[row[name] for name in names] for row in rows],
            )
            print(
                f"  (summaries made before migration feedback 0003: {len(rows)} coarse rows "
                "added up into TEMP tables of this connection; `manage.py migrate` makes them "
                "for real)"
            )
        for model in (FeedbackMonthSummary, FeedbackAreaMonthSummary):
            # TEMP tables made here get the indexes the migrations would make, in the same TEMP
            # schema (a TEMP table's index always goes there).
            table = model._meta.db_table
            if table in tables:
                continue
            for index in model._meta.indexes:
                columns = [model._meta.get_field(f).column for f in index.fields]
                cursor.execute(f"CREATE INDEX {index.name} ON {table} ({', '.join(columns)})")
        cursor.execute("PRAGMA query_only = ON")


def signed_in(role) -> Client:
    client = Client(HTTP_HOST="127.0.0.1")
    user = User.objects.get(email=DEMO_ACCOUNTS[role])
    if SIZE == "national":
        # A signed-cookie session made here, as force_login would make one but without its
        # sign-in receivers (which write the last sign-in time and an audit entry).
        store = SignedCookieSession()
        store[SESSION_KEY] = str(user.pk)
        store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        store[HASH_SESSION_KEY] = user.get_session_auth_hash()
        store.save()
        client.cookies[settings.SESSION_COOKIE_NAME] = store.session_key
    else:
        client.force_login(user)
    return client


def rows_read(role) -> str:
    """How many rows of each summary the figures of the unfiltered page are added up from."""
    user = User.objects.get(email=DEMO_ACCOUNTS[role])
    coarse = area_summary_for(user)
    fine = 0
    if role not in (Role.NATIONAL_PERFORMANCE, Role.HEAD_OF_PRACTICE):
        fine = summary_for(user).count()
    coarse_rows = coarse.count() if coarse is not None else 0
    return (
        f"{coarse_rows:,} rows of the coarse summary (area x month), "
        f"{fine:,} of the fine one (FCA x team x month)"
    )


def tables_read(client, url: str = "/feedback/") -> str:
    """Which tables a cold view's figures are added up from (its queries with SUM), from their
    SQL: each summary, and the answers themselves, which the figures should never read. A
    printed figure rather than a test, since it reads the ORM's SQL text."""
    figures_changed()
    with CaptureQueriesContext(connection) as captured:
        fetch(client, url)
    adding_up = [q["sql"] for q in captured.captured_queries if "SUM(" in q["sql"]]
    tables = [
        ("coarse summary", FeedbackAreaMonthSummary._meta.db_table),
        ("fine summary", FeedbackMonthSummary._meta.db_table),
        ("answers", FeedbackResponse._meta.db_table),
    ]
    counts = [f"{name} {sum(table in sql for sql in adding_up)}" for name, table in tables]
    many = f"{len(adding_up)} {'query adds' if len(adding_up) == 1 else 'queries add'}"
    return f"{many} up figures, reading: {', '.join(counts)}"


def dashboard_figures() -> None:
    print(
        f"\nFeedback dashboard, {N} requests each, in turns with the floor ({connection.vendor}):"
    )
    if SIZE == "national":
        read_only()
    else:
        make_answers(ANSWERS)
        rebuild_summary()
    print(
        f"  {FeedbackResponse.objects.count():,} answers; summaries: "
        f"{FeedbackMonthSummary.objects.count():,} fine rows, "
        f"{FeedbackAreaMonthSummary.objects.count():,} coarse rows"
    )
    clients = {}
    for role in ROLES:
        clients[role] = signed_in(role)
        # A new session's first request costs 150-300 ms of CPU on any page (the floor too), so
        # each client has had one before the dashboard's first view is timed.
        fetch(clients[role], "/bench/floor/")
    floor_client = signed_in(Role.FCA)
    fetch(floor_client, "/bench/floor/")  # the process is warm: templates read, URLs loaded
    first = {}
    for role in ROLES:  # the very first view of each after the rebuild: nothing kept yet
        start, start_cpu = time.perf_counter(), time.process_time()
        fetch(clients[role], "/feedback/")
        first[role] = (
            (time.perf_counter() - start) * 1000,
            (time.process_time() - start_cpu) * 1000,
        )

    def floor_call():
        fetch(floor_client, "/bench/floor/")

    print_row(
        "floor: bare page in the base layout",
        summary(time_against_floor(floor_call, floor_call, 20, 5)[0]),
        None,
        queries(floor_client, "/bench/floor/"),
    )
    n = max(20, N // 5)
    for role in ROLES:
        client = clients[role]
        wall, cpu = first[role]
        print(f"  {role.label}: reads {rows_read(role)}")
        print(f"    {tables_read(client)}")
        if role == Role.SERVICE_MANAGER:  # choosing a team needs the fine summary throughout
            manager = User.objects.get(email=DEMO_ACCOUNTS[role])
            team = Team.objects.filter(service_area_id=manager.service_area_id).first()
            if team is not None:
                chosen = tables_read(client, f"/feedback/?team={team.uuid}")
                print(f"    with a team chosen: {chosen}")
        floor, _ = time_against_floor(floor_call, floor_call, 20, 0)
        floor = summary(floor)
        print(
            f"  {'  first view: ' + role.label:<52} {wall:7.2f} ms ({wall / floor['median']:5.2f}x "
            f"floor)  cpu {cpu:6.2f} ms ({cpu / floor['cpu_median']:4.2f}x)"
        )

        def cold(c=client):
            figures_changed()  # as after any answer is saved: the figures are counted again
            fetch(c, "/feedback/")

        floor, page = time_against_floor(floor_call, cold, n, 3)
        figures_changed()
        print_row(
            f"  cold (after a save): {role.label}",
            summary(page),
            summary(floor),
            queries(client, "/feedback/"),
        )
        floor, page = time_against_floor(floor_call, lambda c=client: fetch(c, "/feedback/"), n, 3)
        print_row(
            f"  warm (figures kept): {role.label}",
            summary(page),
            summary(floor),
            queries(client, "/feedback/"),
        )
        url = "/feedback/?page=50"
        floor, page = time_against_floor(floor_call, lambda c=client, u=url: fetch(c, u), n, 3)
        print_row(
            f"  warm, comments page 50: {role.label}",
            summary(page),
            summary(floor),
            queries(client, url),
        )


def _drive(port, path, headers, n, threads=THREADS) -> dict:
    """`n` GETs of `path` from `threads` clients at once; per-request times and the total rate."""
    times, lock = [], threading.Lock()
    per_thread = n // threads

    def worker():
        conn = http.client.HTTPConnection("127.0.0.1", port)
        mine = []
        for _ in range(per_thread):
            start = time.perf_counter()
            conn.request("GET", path, headers=headers)
            response = conn.getresponse()
            response.read()
            assert response.status == 200, f"{path} answered {response.status}"
            mine.append((time.perf_counter() - start) * 1000)
        with lock:
            times.extend(mine)

    for _ in range(2):  # warm up each worker process
        worker()
    times.clear()
    started = time.perf_counter()
    pool = [threading.Thread(target=worker) for _ in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    elapsed = time.perf_counter() - started
    stats = summary(times)
    stats["rps"] = len(times) / elapsed  # the total rate, all clients together
    return stats


def _post_answers(port, path) -> float:
    conn = http.client.HTTPConnection("127.0.0.1", port)
    conn.request("GET", path)
    response = conn.getresponse()
    page = response.read().decode()
    cookie = response.getheader("Set-Cookie").split(";")[0]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    body = (
        f"csrfmiddlewaretoken={token}&listened=5&respected=4&explained=0"
        "&understood_reasons=3&could_say=5&do_better=Sooner+please&anything_else="
    )
    start = time.perf_counter()
    conn.request(
        "POST",
        path,
        body=body,
        headers={"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"},
    )
    answer = conn.getresponse()
    answer.read()
    assert answer.status == 303, f"POST {path} answered {answer.status}"
    return (time.perf_counter() - start) * 1000


def form_under_load() -> None:
    fca = User.objects.get(email=DEMO_ACCOUNTS[Role.FCA])
    child = Child.objects.first()
    links = []
    for _ in range(POSTS + 1):
        links.append(
            FeedbackInvitation.objects.create(
                token=new_token(),
                code=new_code(),
                opened_at=timezone.now(),
                audience=Audience.YOUNGER_CHILD,
                source=Source.LETTER,
                source_id="00000000-0000-4000-8000-000000000000",
                child=child,
                fca=fca,
                expires_at=timezone.now() + datetime.timedelta(days=1),
            )
        )
    connection.close()  # let gunicorn's processes have the SQLite file to themselves
    workers = 2
    env = {**os.environ, "TOGETHER_ENV": "development", "DJANGO_DEBUG": "false"}
    with gunicorn(env=env, workers=workers) as port:
        cookie = session_cookie()
        print(
            f"\nPublic feedback form through gunicorn on loopback ({workers} sync workers), "
            f"{N} GETs each, {THREADS} clients at once:"
        )
        floor = _drive(port, "/bench/floor/", {"Cookie": cookie}, N)
        print_row("floor: bare signed-in page", floor)
        form = _drive(port, links[0].get_absolute_url(), {}, N)
        print_row("GET /f/<token> (younger child's form)", form, floor)
        posts = [_post_answers(port, link.get_absolute_url()) for link in links[1:]]
        print_row(f"POST /f/<token>, {POSTS} fresh links, one at a time", summary(posts), floor)


def main() -> None:
    if SIZE != "national":  # migrating writes; the national dataset is only read
        prepare_database()
    dashboard_figures()
    if SIZE != "national" and os.environ.get("BENCH_FEEDBACK_FORM", "1") != "0":
        form_under_load()


if __name__ == "__main__":
    main()
