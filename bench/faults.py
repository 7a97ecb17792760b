"""PostgreSQL restarted under load (issue 21): what people see while it is down, how soon the
service is back by itself, and that nothing is left half-written.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/together_bench \\
        .venv/bin/python bench/faults.py --seconds 20 --restart-at 6

Starts gunicorn (2 sync workers, production settings) on the benchmark database (the small
demo, made the first time), sends the load of bench/load.py (FCAs' own children's files, My
children, search, the duty list) from 8 clients for a bounded time, and restarts PostgreSQL once
in the middle (`--restart-command`, by default Debian's pg_ctlcluster). It prints every answer's
status by second, how many were not 200 and what they were, how long from the restart until
pages answered again, and then checks what must hold after any failure:

- every plan's current version has its snapshot, and no snapshot is empty;
- every letter marked sent says when and how it was sent;
- every record of a view of a child's file names a child that exists.

PostgreSQL only; it restarts the server, so run it on a machine of its own, never beside tests.
"""

import argparse
import os
import random
import subprocess
import sys
import threading
import time
from collections import Counter

if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
    sys.exit("bench/faults.py restarts PostgreSQL: set DATABASE_URL to a PostgreSQL database")

# load first: it sets the secret key the server and this process sign sessions with, before
# common starts Django.
from load import build_targets, check_targets, production_env  # noqa: E402, I001
from common import ROOT, free_port, gunicorn, prepare_database  # noqa: E402, I001

RESTART = "pg_ctlcluster --skip-systemctl-redirect {version} main restart"


def default_restart() -> str:
    versions = sorted(os.listdir("/etc/postgresql")) if os.path.isdir("/etc/postgresql") else []
    return RESTART.format(version=versions[-1] if versions else "15")


def load(port, targets, *, clients, seconds, restart_at, restart_command):
    import http.client

    answers: list[tuple[float, int]] = []
    lock = threading.Lock()
    start = time.perf_counter()
    deadline = start + seconds
    kinds = [kind for kind in targets if targets[kind]]
    restarted = {}

    def client(i):
        rng = random.Random(i)
        while time.perf_counter() < deadline:
            target = rng.choice(targets[rng.choice(kinds)])
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            try:
                status = request_status(conn, target, port)
            except (OSError, http.client.HTTPException):
                status = 0  # no answer at all
            finally:
                conn.close()
            with lock:
                answers.append((time.perf_counter() - start, status))

    def restarter():
        time.sleep(restart_at)
        began = time.perf_counter() - start
        done = subprocess.run(restart_command, shell=True, capture_output=True, text=True)  # noqa: S602
        restarted.update(began=began, ended=time.perf_counter() - start, rc=done.returncode)

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    threads.append(threading.Thread(target=restarter))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sorted(answers), restarted


def request_status(conn, target, port) -> int:
    # load.request answers whether it was a 200; here the status itself is wanted.
    headers = {
        "Cookie": target.cookie,
        "Host": f"127.0.0.1:{port}",
        "X-Forwarded-Proto": "https",
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
    return response.status


def invariants() -> dict[str, int]:
    from django.db import connection
    from django.db.models import Max

    from together.audit.models import Action, AuditEvent
    from together.children.models import Child
    from together.letters.models import Letter, Status
    from together.plans.models import Plan, PlanVersion

    connection.close()  # the restart ended this process's connection too
    latest = Plan.objects.annotate(latest=Max("versions__number"))
    return {
        "plans whose current version has no snapshot": sum(
            1
            for version, latest_number in latest.values_list("version", "latest")
            if latest_number != version
        ),
        "plan versions with an empty snapshot": PlanVersion.objects.filter(snapshot={}).count(),
        "letters marked sent without when or how": Letter.objects.filter(status=Status.SENT)
        .filter(sent_at__isnull=True)
        .count()
        + Letter.objects.filter(status=Status.SENT, sent_how="").count(),
        "views of a file naming no child": AuditEvent.objects.filter(action=Action.CHILD_VIEWED)
        .exclude(child_id__in=Child.objects.values("uuid"))
        .count(),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--restart-at", type=float, default=6)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--restart-command", default=default_restart())
    args = parser.parse_args()

    prepare_database(os.environ.get("BENCH_SIZE", "small"))
    targets, _ = build_targets(random.Random(2026))
    port = free_port()
    env = production_env(port)
    subprocess.run(  # noqa: S603 (our own manage.py, fixed arguments)
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v", "0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    with gunicorn(env=env, workers=2, port=port, output=subprocess.DEVNULL):
        targets = check_targets(port, targets)
        answers, restarted = load(
            port,
            targets,
            clients=args.clients,
            seconds=args.seconds,
            restart_at=args.restart_at,
            restart_command=args.restart_command,
        )
    print(
        f"\nPostgreSQL restarted at {restarted['began']:.1f} s "
        f"(the command took {restarted['ended'] - restarted['began']:.1f} s, "
        f"exit {restarted['rc']})"
    )
    by_second: dict[int, Counter] = {}
    for at, status in answers:
        by_second.setdefault(int(at), Counter())[status] += 1
    for second, counts in sorted(by_second.items()):
        said = ", ".join(f"{status or 'no answer'}: {n}" for status, n in sorted(counts.items()))
        print(f"  {second:3d} s  {said}")
    statuses = Counter(status for _, status in answers)
    failed = [(at, status) for at, status in answers if status != 200]
    print(
        f"\n{len(answers)} requests: " + ", ".join(f"{s}: {n}" for s, n in sorted(statuses.items()))
    )
    if failed:
        first, last = failed[0][0], failed[-1][0]
        print(f"Not 200 from {first:.1f} s to {last:.1f} s ({len(failed)} requests)")
        print(f"Back by itself {last - restarted['ended']:.1f} s after the restart ended")
    print(f"500s (a stack trace's page): {statuses.get(500, 0)}")
    print("\nAfter the restart:")
    for name, count in invariants().items():
        print(f"  {name}: {count}")


if __name__ == "__main__":
    main()
