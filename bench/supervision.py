"""The practice supervisor's workspace against the bare page and against My children, measured
in the same run, with the supervision pages beside them. Uses the small demo data
(BENCH_SIZE=national for the national dataset); supervision is added if the database's demo data
has none yet."""

import os
import time

from common import prepare_database, print_row, summary, time_against_floor, time_calls
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext

from together.accounts.models import Role, User
from together.demo.organisation import DEMO_ACCOUNTS

N = int(os.environ.get("BENCH_REQUESTS", "200"))
SIZE = os.environ.get("BENCH_SIZE", "small")


def ok(response, status=200):
    assert response.status_code == status, f"answered {response.status_code}"
    return response


def queries(call) -> int:
    with CaptureQueriesContext(connection) as captured:
        call()
    return len(captured.captured_queries)


def ensure_supervision() -> None:
    """The demo's supervision, if the demo data was made before supervision was part of it."""
    from datetime import date

    from together.demo import supervision as demo_supervision
    from together.demo.generator import SIZES, Context
    from together.supervision.models import GroupSession

    if GroupSession.objects.exists():
        return
    started = time.perf_counter()
    ctx = Context(seed=2026, size=SIZES[SIZE], today=date(2026, 11, 1), password_hash="")
    with transaction.atomic():
        demo_supervision.generate(ctx)
    print(
        f"  (made {ctx.counts.get('group supervision sessions', 0):,} demo sessions "
        f"in {time.perf_counter() - started:.1f} s)"
    )


def client_for(role) -> Client:
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(User.objects.get(email=DEMO_ACCOUNTS[role]))
    return client


def main():
    prepare_database(SIZE)
    ensure_supervision()
    from together.supervision.models import GroupSession

    supervisor, fca = client_for(Role.PRACTICE_SUPERVISOR), client_for(Role.FCA)
    manager = client_for(Role.SERVICE_MANAGER)
    session = (
        GroupSession.objects.filter(attendees__email=DEMO_ACCOUNTS[Role.PRACTICE_SUPERVISOR])
        .order_by("-held_on")
        .first()
        or GroupSession.objects.order_by("-held_on").first()
    )

    print(f"\nThinking together ({SIZE} demo data, {N} requests each)")

    def floor_call():
        ok(supervisor.get("/bench/floor/"))

    floor = summary(time_calls(floor_call, N))
    print_row("floor: bare page in the base layout", floor, None, queries(floor_call))
    print("  (each page is timed in turns with the floor; its ratio is to that floor)")
    pages = [
        ("My children (the FCA's home page)", lambda: ok(fca.get("/"))),
        ("the supervisor's workspace (their home page)", lambda: ok(supervisor.get("/"))),
        ("group supervision sessions", lambda: ok(supervisor.get("/supervision/"))),
        (
            "one group supervision session",
            lambda: ok(supervisor.get(f"/supervision/sessions/{session.uuid}/")),
        ),
        ("participation (service manager)", lambda: ok(manager.get("/supervision/participation/"))),
        ("the FCA's actions from supervision", lambda: ok(fca.get("/supervision/actions/"))),
    ]
    for label, call in pages:
        floor_times, times = time_against_floor(floor_call, call, N)
        print_row(label, summary(times), summary(floor_times), queries(call))


if __name__ == "__main__":
    main()
