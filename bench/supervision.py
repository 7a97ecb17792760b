"""The practice supervisor's workspace against the bare page and against My children, measured
in the same run, with the supervision pages beside them.

With the small demo data (the default), supervision is added if the demo data has none yet.

With BENCH_SIZE=national, against the national dataset (DATABASE_URL=postgres://.../
together_national), which holds no supervision: the benchmark picks a practice supervisor with a
typical team (the median number of FCAs), and the smallest and largest teams beside it, makes a
year of thinking together for those three teams with the demo generator, measures, and rolls it
all back: everything it writes, the sign-ins and the audit of each page seen included, is in one
transaction that never commits, so the database is left as it was (a migration of this branch
the national data lacks is applied in that transaction, and rolled back with it).
The workspace's number of queries is shown for all three supervisors: it must not move with the
size of the team.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/together_national BENCH_SIZE=national \\
        BENCH_REQUESTS=50 .venv/bin/python bench/supervision.py
"""

import os
import statistics
import time
from datetime import date

from common import prepare_database, print_row, summary, time_against_floor, time_calls
from django.db import connection, transaction
from django.db.models import Count, Q
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

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


def p90(times: list[float]) -> float:
    return statistics.quantiles(times, n=10)[-1]


def make_supervision(team_ids=None) -> None:
    """A year of the demo's thinking together: for every team, or for the teams given."""
    from together.demo import supervision as demo_supervision
    from together.demo.generator import SIZES, Context

    started = time.perf_counter()
    today = date(2026, 11, 1) if team_ids is None else timezone.localdate()
    ctx = Context(seed=2026, size=SIZES[SIZE], today=today, password_hash="")
    demo_supervision.generate(ctx, team_ids=team_ids)
    made = ", ".join(f"{n:,} {what}" for what, n in ctx.counts.items())
    print(f"  (made {made} in {time.perf_counter() - started:.1f} s)")


def ensure_supervision() -> None:
    """The demo's supervision, if the demo data was made before supervision was part of it."""
    from together.supervision.models import GroupSession

    if not GroupSession.objects.exists():
        with transaction.atomic():
            make_supervision()


def client_for(user) -> Client:
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    return client


def supervisors_by_team_size() -> list[tuple[str, User, int]]:
    """Practice supervisors of the smallest, the median and the largest team (by current FCAs,
    among teams with a supervisor), each with their team's number of FCAs. Two queries."""
    from together.organisation.models import Team, TeamMembership

    now = Q(memberships__ended_on__isnull=True, memberships__user__is_active=True)
    teams = list(
        Team.objects.annotate(
            fcas=Count("memberships", filter=now & Q(memberships__user__role=Role.FCA)),
            supervisors=Count(
                "memberships", filter=now & Q(memberships__user__role=Role.PRACTICE_SUPERVISOR)
            ),
        )
        .filter(supervisors__gt=0, fcas__gt=0)
        .order_by("fcas", "pk")
        .values_list("pk", "fcas")
    )
    chosen = {"smallest": teams[0], "typical": teams[len(teams) // 2], "largest": teams[-1]}
    found = {
        m.team_id: m.user
        for m in TeamMembership.objects.filter(
            team_id__in=[pk for pk, _n in chosen.values()],
            ended_on__isnull=True,
            user__is_active=True,
            user__role=Role.PRACTICE_SUPERVISOR,
        )
        .select_related("user")
        .order_by("-pk")
    }
    print(
        f"  ({len(teams):,} teams with a practice supervisor; FCAs a team: smallest "
        f"{teams[0][1]}, median {chosen['typical'][1]}, largest {teams[-1][1]})"
    )
    return [(label, found[pk], fcas) for label, (pk, fcas) in chosen.items()]


def fca_of(supervisor) -> User:
    """An FCA in the supervisor's team who leads open proceedings (for My children)."""
    from together.organisation.models import TeamMembership
    from together.proceedings.models import Proceedings

    team_ids = TeamMembership.objects.filter(user=supervisor, ended_on__isnull=True).values(
        "team_id"
    )
    leads = Proceedings.objects.filter(closed_on__isnull=True).values("lead_fca_id")
    return (
        User.objects.filter(
            role=Role.FCA,
            is_active=True,
            pk__in=leads,
            team_memberships__team_id__in=team_ids,
            team_memberships__ended_on__isnull=True,
        )
        .distinct()
        .order_by("pk")
        .first()
    )


def measure(supervisor, fca, manager, others=()) -> None:
    from together.supervision.models import GroupSession

    session = (
        GroupSession.objects.filter(attendees=supervisor).order_by("-held_on").first()
        or GroupSession.objects.order_by("-held_on").first()
    )
    as_supervisor, as_fca, as_manager = client_for(supervisor), client_for(fca), client_for(manager)

    print(f"\nThinking together ({SIZE} data, {N} requests each)")

    def floor_call():
        ok(as_supervisor.get("/bench/floor/"))

    floor = summary(time_calls(floor_call, N))
    print_row("floor: bare page in the base layout", floor, None, queries(floor_call))
    print("  (each page is timed in turns with the floor; its ratio is to that floor)")
    pages = [
        ("My children (the FCA's home page)", lambda: ok(as_fca.get("/"))),
        ("the supervisor's workspace (their home page)", lambda: ok(as_supervisor.get("/"))),
        ("group supervision sessions", lambda: ok(as_supervisor.get("/supervision/"))),
        (
            "one group supervision session",
            lambda: ok(as_supervisor.get(f"/supervision/sessions/{session.uuid}/")),
        ),
        (
            "participation (service manager)",
            lambda: ok(as_manager.get("/supervision/participation/")),
        ),
        ("the FCA's actions from supervision", lambda: ok(as_fca.get("/supervision/actions/"))),
    ]
    for label, call in pages:
        floor_times, times = time_against_floor(floor_call, call, N)
        print_row(label, summary(times), summary(floor_times), queries(call))
        if "workspace" in label:
            print(
                f"  {'':<52} median {statistics.median(times):7.2f} ms  "
                f"p90 {p90(times):7.2f} ms  (the workspace, wall clock)"
            )
    for label, person, fcas in others:
        client = client_for(person)
        ok(client.get("/"))  # once first, as every page above was warmed up
        print(
            f"  the workspace for the supervisor of the {label} team ({fcas} FCAs): "
            f"{queries(lambda client=client: ok(client.get('/')))} queries"
        )


def main_small():
    prepare_database(SIZE)
    ensure_supervision()
    people = {role: User.objects.get(email=DEMO_ACCOUNTS[role]) for role in DEMO_ACCOUNTS}
    measure(people[Role.PRACTICE_SUPERVISOR], people[Role.FCA], people[Role.SERVICE_MANAGER])


def main_national():
    """Everything inside one transaction that is rolled back: the supervision made for three
    teams, the sign-ins and each page's audit event."""
    from django.core.management import call_command
    from django.db.migrations.executor import MigrationExecutor

    from together.organisation.models import TeamMembership

    with transaction.atomic():
        # This branch's migrations that the national data lacks are applied inside the
        # transaction too (PostgreSQL rolls back a change of schema like any other).
        executor = MigrationExecutor(connection)
        pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
        if pending:
            call_command("migrate", verbosity=0, interactive=False)
            names = ", ".join(f"{m.app_label}.{m.name}" for m, _backwards in pending)
            print(f"  (applied {names} for this run only)")
        chosen = supervisors_by_team_size()
        team_ids = list(
            TeamMembership.objects.filter(
                user__in=[person for _label, person, _n in chosen], ended_on__isnull=True
            ).values_list("team_id", flat=True)
        )
        make_supervision(team_ids)
        supervisor = next(person for label, person, _n in chosen if label == "typical")
        managers = User.objects.filter(role=Role.SERVICE_MANAGER, is_active=True).order_by("pk")
        manager = (
            managers.filter(service_area_id=supervisor.service_area_id).first() or managers.first()
        )
        measure(supervisor, fca_of(supervisor), manager, others=chosen)
        transaction.set_rollback(True)
    print("  (rolled back: the national data is as it was)")


if __name__ == "__main__":
    main_national() if SIZE == "national" else main_small()
