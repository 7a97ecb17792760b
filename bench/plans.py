"""The plan's pages against floors measured in the same run: the task list, saving a section, the
child's PDF and "How our thinking changed" for a plan with 50 versions. Uses the small demo data
(BENCH_SIZE=national for the national dataset) with the demo plans; plans are added if the
database's demo data has none yet.

The child's PDF is measured two ways, each against a minimal WeasyPrint document made the same
way in the same run: rendering it (reading the plan, the template, WeasyPrint) against rendering
the minimal document; and downloading it (a signed-in POST that is logged) against downloading
the minimal document from a bare view. A third row shows the download against the minimal
document's rendering alone, which leaves the request's own cost on one side only."""

import os
import time

from common import prepare_database, print_row, summary, time_against_floor, time_calls
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext

from together.accounts.models import Role, User
from together.demo.organisation import DEMO_ACCOUNTS
from together.home.views import FLOOR_DOCUMENT as MINIMAL_PDF

N = int(os.environ.get("BENCH_REQUESTS", "200"))
N_PDF = int(os.environ.get("BENCH_PDFS", "20"))
SIZE = os.environ.get("BENCH_SIZE", "small")
VERSIONS = 50


def ok(response, status=200):
    assert response.status_code == status, f"answered {response.status_code}"
    return response


def queries(call) -> int:
    with CaptureQueriesContext(connection) as captured:
        call()
    return len(captured.captured_queries)


def ensure_plans() -> None:
    """The demo plans, if the demo data was made before plans were part of it."""
    from datetime import date

    from together.demo import plans as demo_plans
    from together.demo.generator import SIZES, Context
    from together.plans.models import Plan

    if Plan.objects.exists():
        return
    started = time.perf_counter()
    ctx = Context(seed=2026, size=SIZES[SIZE], today=date(2026, 11, 1), password_hash="")
    with transaction.atomic():
        demo_plans.generate(ctx)
    print(
        f"  (made {ctx.counts.get('plans', 0):,} demo plans "
        f"in {time.perf_counter() - started:.1f} s)"
    )


def draft_plans(fca):
    from together.plans.models import Plan, PlanStatus

    return list(
        Plan.objects.filter(
            proceedings__lead_fca=fca, proceedings__closed_on__isnull=True, status=PlanStatus.DRAFT
        )
        .select_related("child")
        .order_by("id")
    )


def with_versions(fca, plan, n: int):
    """Save sections of `plan` until it has at least n versions (as the FCA would)."""
    from together.plans import services

    plan.refresh_from_db()
    week = 0
    while plan.version < n:
        week += 1
        services.plan_section_save(
            by=fca,
            plan=plan,
            version=plan.version,
            section=("impact", "strengths")[week % 2],
            **{
                ("impact_on_child", "family_strengths")[week % 2]: (
                    f"Week {week}: {plan.child.preferred_name} is sleeping better and has "
                    "started to talk about what worries them at school."
                )
            },
        )
    return plan


def main():
    prepare_database(SIZE)
    ensure_plans()
    from together.documents.pdf import pdf_from_html

    fca = User.objects.get(email=DEMO_ACCOUNTS[Role.FCA])
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(fca)
    drafts = draft_plans(fca)
    assert len(drafts) >= 2, "the demo FCA needs two draft plans"
    saving, compared = drafts[0], with_versions(fca, drafts[1], VERSIONS)
    print(
        f"\nThe plan's pages, {N} requests each, {N_PDF} PDFs ({connection.vendor}, {SIZE} data; "
        f"comparison on a plan with {compared.version} versions):"
    )

    def floor_call():
        ok(client.get("/bench/floor/"))

    floor = summary(time_calls(floor_call, N))
    print_row("floor: bare page in the base layout", floor, None, queries(floor_call))
    print("  (each page is timed in turns with the floor; its ratio is to that floor)")

    def row(label, call):
        floor_times, times = time_against_floor(floor_call, call, N)
        print_row(label, summary(times), summary(floor_times), queries(call))

    # For comparison: another page of the child's file (the identity bar, sub-navigation and
    # logged view every such page pays for), with no plan in it.
    about = f"/children/{saving.child.uuid}/"
    row("About me (another page of the file)", lambda: ok(client.get(about)))
    task_list = f"/children/{saving.child.uuid}/plan/"
    row("plan task list", lambda: ok(client.get(task_list)))

    section = f"/children/{saving.child.uuid}/plan/section/strengths/"

    def save():
        saving.refresh_from_db(fields=["version"])
        data = {
            "family_strengths": f"Grandparents help every day (saved at version {saving.version}).",
            "complete": "no",
            "version": saving.version,
        }
        ok(client.post(section, data), 302)

    row("save a section (POST, then redirect)", save)
    changes = f"/children/{compared.child.uuid}/plan/changes/?from=1&to={compared.version}"
    row(f"how our thinking changed ({compared.version} versions)", lambda: ok(client.get(changes)))

    from together.documents.pdf import pdf_from_template
    from together.plans.documents import VERSIONS as PRINTED
    from together.plans.documents import child_version_context
    from together.plans.selectors import plan_get_for_user

    def minimal():
        pdf_from_html(MINIMAL_PDF)

    def render_child():
        # The plan read as the download reads it: the child with the access question, then the
        # child's current plan.
        plan = plan_get_for_user(user=fca, child_id=saving.child.uuid)
        pdf_from_template(PRINTED["child"][1], child_version_context(plan))

    pdf_floor = summary(time_calls(minimal, N_PDF, warmup=2))
    print_row("PDF floor: minimal WeasyPrint document", pdf_floor, None)
    print("  (each PDF is timed in turns with its floor; its ratio is to that floor)")
    floor_turns, render_turns = time_against_floor(minimal, render_child, N_PDF, warmup=2)
    print_row(
        "child's PDF rendered: plan read, template, WeasyPrint",
        summary(render_turns),
        summary(floor_turns),
        queries(render_child),
    )

    pdf = f"/children/{saving.child.uuid}/plan/print/child.pdf"

    def download():
        response = ok(client.post(pdf, {"reason": "child"}))
        assert response["Content-Type"] == "application/pdf"

    def download_floor():
        response = ok(client.get("/bench/floor.pdf"))
        assert response["Content-Type"] == "application/pdf"

    request_floor = summary(time_calls(download_floor, N_PDF, warmup=2))
    print_row(
        "download floor: bare view, minimal PDF",
        request_floor,
        None,
        queries(download_floor),
    )
    floor_turns, pdf_turns = time_against_floor(download_floor, download, N_PDF, warmup=2)
    print_row(
        "child's PDF downloaded (POST, logged)",
        summary(pdf_turns),
        summary(floor_turns),
        queries(download),
    )
    # The same download against the minimal document's rendering alone: the request's own work
    # (session, sign-in, access, the log) counts against the PDF here.
    floor_turns, pdf_turns = time_against_floor(minimal, download, N_PDF, warmup=2)
    print_row(
        "child's PDF downloaded, against the PDF floor",
        summary(pdf_turns),
        summary(floor_turns),
        queries(download),
    )


if __name__ == "__main__":
    main()
