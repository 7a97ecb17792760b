"""Load as people feel it: gunicorn with production settings, many people at once.

    .venv/bin/python bench/load.py                        # the small demo, var/bench.sqlite3
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/together_national \\
        BENCH_SIZE=national .venv/bin/python bench/load.py --seconds 20

Starts gunicorn (2 sync workers by default, as on a 2-core machine) with TOGETHER_ENV=production
on loopback, signs in 16 Family Court Advisers (spread across the range of caseloads, so the
median and the 90th percentile are both in the mix) and 8 service managers, then sends, at 1, 4,
8 and 16 clients at once, for a bounded time each:

    40% "My children" (an FCA's home page)
    40% a page of one of that FCA's own children's files (About me, family, proceedings,
        meetings, timeline, plan, letters)
    10% a search for a child by part of a family name (posted, as the page does)
    10% the duty list (a service manager)

and in the same run, at the same number of clients, the bare page (the base layout, signed in).
With --servers 2, two gunicorn servers on one database share the clients out between them (as
behind a load balancer, issue 21); --documents adds PDF downloads of the FCAs' letters (5%).
It prints requests a second, median, p95 and p99 in milliseconds and the errors (any answer but
200, or a failed connection). wrk sends the requests where it is installed (bench/load_wrk.py:
Debian's `wrk`, in C, so the client takes almost none of the cores the server is measured on);
otherwise, or with --driver python, this script's threads do, and print each kind's median too.
The budget (issue 13): at least 170 requests a second at
saturation on 2 cores, p95 under 80 ms at 8 clients, no errors.

Every loop is bounded in time and count and talks only to 127.0.0.1.
"""

import argparse
import contextlib
import http.client
import os
import random
import secrets
import statistics
import subprocess
import sys
import threading
import time
from importlib import import_module
from urllib.parse import urlencode

# The server and this process sign sessions with the same key (set before Django starts).
os.environ["DJANGO_SECRET_KEY"] = secrets.token_urlsafe(64)

import load_wrk  # noqa: E402
from common import ROOT, free_port, gunicorn, prepare_database  # noqa: E402
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.db.models import Count, Q

from together.accounts.models import Role, User
from together.children.models import Child

FILE_SECTIONS = ("", "family/", "proceedings/", "meetings/", "timeline/", "plan/", "letters/")
MIX = (("my_children", 40), ("file", 40), ("search", 10), ("duty", 10))
CSRF_SECRET = secrets.token_hex(16)  # 32 characters: an unmasked token, as Django keeps it


def session_cookie(user: User) -> str:
    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.save()
    return (
        f"{settings.SESSION_COOKIE_NAME}={store.session_key}; "
        f"{settings.CSRF_COOKIE_NAME}={CSRF_SECRET}"
    )


def current_children(user: User) -> list[str]:
    """The children an FCA holds a current allocation for (their caseload)."""
    return [
        str(uuid)
        for uuid in Child.objects.filter(
            proceedings_links__proceedings__allocations__fca=user,
            proceedings_links__proceedings__allocations__ended_at__isnull=True,
        )
        .values_list("uuid", flat=True)
        .distinct()
    ]


def choose_people(rng: random.Random):
    """16 FCAs spread over the caseloads (by children held), and 8 service managers."""
    fcas = list(
        User.objects.filter(role=Role.FCA, is_active=True)
        .annotate(
            held=Count(
                "allocations__proceedings__children",
                filter=Q(allocations__ended_at__isnull=True),
                distinct=True,
            )
        )
        .filter(held__gt=0)
        .order_by("held", "pk")
        .values_list("pk", "held")
    )
    loads = [held for _, held in fcas]
    median, p90 = statistics.median(loads), loads[int(0.9 * (len(loads) - 1))]
    picked = [fcas[round(i * (len(fcas) - 1) / 15)] for i in range(16)]
    managers = list(
        User.objects.filter(role=Role.SERVICE_MANAGER, is_active=True)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    managers = rng.sample(managers, min(8, len(managers)))
    print(f"FCAs with children: {len(fcas)}; children held: median {median}, 90th percentile {p90}")
    print(f"FCAs in the load: children held {[held for _, held in picked]}")
    return [User.objects.get(pk=pk) for pk, _ in picked], list(User.objects.filter(pk__in=managers))


class Target:
    """One kind of request, for one signed-in person."""

    def __init__(self, kind, cookie, path, body=None):
        self.kind, self.cookie, self.path, self.body = kind, cookie, path, body


def build_targets(rng: random.Random, documents: bool = False):
    fcas, managers = choose_people(rng)
    family_names = list(
        Child.objects.order_by("pk").values_list("legal_family_name", flat=True)[:200]
    )
    targets = {kind: [] for kind, _ in MIX}
    for fca in fcas:
        cookie = session_cookie(fca)
        targets["my_children"].append(Target("my_children", cookie, "/"))
        for child in current_children(fca):
            for section in FILE_SECTIONS:
                targets["file"].append(Target("file", cookie, f"/children/{child}/{section}"))
        for name in rng.sample(family_names, 5):
            body = urlencode({"q": name[:4], "csrfmiddlewaretoken": CSRF_SECRET})
            targets["search"].append(Target("search", cookie, "/children/", body))
    for manager in managers:
        targets["duty"].append(Target("duty", session_cookie(manager), "/allocation/"))
    if documents:
        from together.letters.models import Letter

        targets["pdf"] = []
        for fca in fcas:
            cookie = session_cookie(fca)
            letters = Letter.objects.filter(
                fca=fca, child__uuid__in=current_children(fca)
            ).select_related("child")[:5]
            for letter in letters:
                path = f"/children/{letter.child.uuid}/letters/{letter.uuid}/pdf/"
                targets["pdf"].append(Target("pdf", cookie, path))
    floor = [Target("floor", session_cookie(fca), "/bench/floor/") for fca in fcas]
    return targets, floor


def production_env(port: int, *more_ports: int) -> dict:
    origins = ",".join(f"https://127.0.0.1:{p}" for p in (port, *more_ports))
    return {
        **os.environ,
        "TOGETHER_ENV": "production",
        "DJANGO_DEBUG": "false",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_CSRF_TRUSTED_ORIGINS": origins,
        "TOGETHER_BENCH_ROUTES": "1",
        "EMAIL_URL": "consolemail://",  # production needs a mail server or says it has none
    }


def request(conn, target: Target, port: int) -> bool:
    headers = {
        "Cookie": target.cookie,
        "Host": f"127.0.0.1:{port}",
        "X-Forwarded-Proto": "https",  # as the TLS-terminating proxy says
        "X-Forwarded-For": "127.0.0.1",
    }
    if target.body is None:
        conn.request("GET", target.path, headers=headers)
    else:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        headers["Origin"] = f"https://127.0.0.1:{port}"
        conn.request("POST", target.path, body=target.body, headers=headers)
    response = conn.getresponse()
    response.read()
    return response.status == 200


def check_targets(port, targets):
    """Keep only the requests that answer 200 before the timing starts (a child with no plan yet
    answers its plan page with a redirect to start one, which is not the page being timed)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    for kind, items in targets.items():
        kept = [t for t in items if request(conn, t, port)]
        if len(kept) < len(items):
            print(f"  {kind}: {len(items) - len(kept)} of {len(items)} addresses not 200, left out")
        targets[kind] = kept
    return targets


def run(ports, pick, clients: int, seconds: float, max_requests: int):
    """`clients` threads, each with its own connection, for `seconds` or `max_requests` in all.
    With several servers (`ports`), the clients are shared out between them in turn."""
    if isinstance(ports, int):
        ports = [ports]
    times: list[list[float]] = [[] for _ in range(clients)]
    kinds: list[list[tuple[str, float]]] = [[] for _ in range(clients)]
    errors = [0] * clients
    deadline = time.perf_counter() + seconds
    per_client = max_requests // clients

    def client(i):
        rng = random.Random(i)
        port = ports[i % len(ports)]
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        while time.perf_counter() < deadline and len(times[i]) + errors[i] < per_client:
            target = pick(rng)
            start = time.perf_counter()
            try:
                ok = request(conn, target, port)
            except (OSError, http.client.HTTPException):
                ok = False
                conn.close()
            if ok:
                times[i].append((time.perf_counter() - start) * 1000)
                kinds[i].append((target.kind, times[i][-1]))
            else:
                errors[i] += 1

    started = time.perf_counter()
    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - started
    done = sorted(t for ts in times for t in ts)
    if not done:
        return {"rps": 0, "median": 0, "p95": 0, "p99": 0, "errors": sum(errors), "n": 0}
    by_kind: dict[str, list[float]] = {}
    for kind, ms in (pair for pairs in kinds for pair in pairs):
        by_kind.setdefault(kind, []).append(ms)
    return {
        "by_kind": {kind: statistics.median(ms) for kind, ms in sorted(by_kind.items())},
        "rps": len(done) / elapsed,
        "median": statistics.median(done),
        "p95": done[int(0.95 * (len(done) - 1))],
        "p99": done[int(0.99 * (len(done) - 1))],
        "errors": sum(errors),
        "n": len(done),
    }


def cpu_by_program() -> dict[str, float]:
    """CPU seconds used so far by every process on the machine, summed by program name (from
    /proc; Linux only): where a level's CPU went, the servers' and the database's and ours."""
    ticks = os.sysconf("SC_CLK_TCK")
    used: dict[str, float] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as stat:
                fields = stat.read().rsplit(")", 1)
            name = fields[0].split("(", 1)[1]
            utime, stime = (int(x) for x in fields[1].split()[11:13])
        except (OSError, IndexError, ValueError):
            continue  # a process that ended while being read
        if entry == str(os.getpid()):
            name = "load generator"
        elif name.startswith("python") or name == "gunicorn":
            name = "gunicorn"
        used[name] = used.get(name, 0) + (utime + stime) / ticks
    return used


def cpu_share(before: dict, after: dict, seconds: float) -> str:
    spent = {name: after.get(name, 0) - before.get(name, 0) for name in after}
    top = sorted(((cpu, name) for name, cpu in spent.items() if cpu > 0.01), reverse=True)[:5]
    return ", ".join(f"{name} {cpu / seconds:.2f} cores" for cpu, name in top)


def row(label, s):
    return (
        f"  {label:<24} {s['rps']:7.1f} req/s  median {s['median']:6.1f} ms  "
        f"p95 {s['p95']:6.1f} ms  p99 {s['p99']:6.1f} ms  errors {s['errors']}  ({s['n']} requests)"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=15, help="for each level of load")
    parser.add_argument("--clients", default="1,4,8,16")
    parser.add_argument("--workers", type=int, default=2, help="for each server")
    parser.add_argument(
        "--servers", type=int, default=1, help="app servers on one database, clients shared out"
    )
    parser.add_argument(
        "--documents",
        action="store_true",
        help="add PDF downloads of the FCAs' children's letters (5%% of requests)",
    )
    parser.add_argument("--max-requests", type=int, default=20000, help="at each level")
    parser.add_argument(
        "--driver",
        choices=("wrk", "python", "both"),
        default="wrk" if load_wrk.available() else "python",
        help="what sends the requests: wrk (in C, the default where installed) or this "
        "script's Python threads; both: each level with each, in turn",
    )
    args = parser.parse_args()

    prepare_database(os.environ.get("BENCH_SIZE", "small"))
    rng = random.Random(2026)
    targets, floor = build_targets(rng, documents=args.documents)
    ports = [free_port() for _ in range(args.servers)]
    env = production_env(*ports)
    subprocess.run(  # noqa: S603 (our own manage.py, fixed arguments)
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v", "0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    # The servers' logs (a JSON line a request, as in production) go to a file.
    log_path = ROOT / "var" / "load-server.log"
    with log_path.open("w") as log, contextlib.ExitStack() as servers:
        for port in ports:
            servers.enter_context(gunicorn(env=env, workers=args.workers, port=port, output=log))
        from django.db import connection

        print(
            f"\n{args.servers} server{'s' if args.servers > 1 else ''} of gunicorn, "
            f"{args.workers} sync workers each, production settings, "
            f"{connection.vendor}, {os.environ.get('BENCH_SIZE', 'small')} data"
        )
        targets = check_targets(ports[0], targets)
        mix = MIX + ((("pdf", 5),) if args.documents else ())
        weights = [weight if targets.get(kind) else 0 for kind, weight in mix]
        kinds = [kind for kind, _ in mix]

        def mixed(r):
            return r.choice(targets[r.choices(kinds, weights)[0]])

        def bare(r):
            return r.choice(floor)

        run(ports, mixed, 2 * len(ports), 3, 200)  # warm every worker
        drivers = ["wrk", "python"] if args.driver == "both" else [args.driver]
        if "wrk" in drivers and (args.servers > 1 or not load_wrk.available()):
            print("  (wrk sends to one server; the Python threads send instead)")
            drivers = ["python"]
        script = ROOT / "var" / "load-wrk.lua"
        weighted = [(weight, targets.get(kind, [])) for kind, weight in mix]
        for clients in (int(c) for c in args.clients.split(",")):
            print(f"{clients} client{'s' if clients > 1 else ''} at once, {args.seconds:g} s each:")
            for driver in drivers:
                label = f" (sent by {driver})" if len(drivers) > 1 or driver == "wrk" else ""
                before, started = cpu_by_program(), time.perf_counter()
                if driver == "wrk":
                    result = load_wrk.run(ports[0], weighted, clients, args.seconds, script)
                else:
                    result = run(ports, mixed, clients, args.seconds, args.max_requests)
                used = cpu_share(before, cpu_by_program(), time.perf_counter() - started)
                print(row("mixed pages" + label, result))
                print(f"    CPU: {used}")
                if "by_kind" in result:
                    print(
                        "    median by kind: "
                        + ", ".join(f"{kind} {ms:.1f} ms" for kind, ms in result["by_kind"].items())
                    )
                if driver == "wrk":
                    bare_result = load_wrk.run(
                        ports[0], [(1, floor)], clients, args.seconds / 2, script
                    )
                else:
                    bare_result = run(ports, bare, clients, args.seconds / 2, args.max_requests)
                print(row("bare page" + label, bare_result))
        print(f"\nThe servers' log: {log_path}")


if __name__ == "__main__":
    main()
