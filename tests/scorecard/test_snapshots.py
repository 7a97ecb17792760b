"""Each day's figures kept as snapshots: the same as computed live, read back for a past day so it
stays as reported, taken by a command (resumable, with progress) and by a background task."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from together.accounts.models import Role
from together.organisation.models import Region, ServiceArea, Team
from together.proceedings.models import Proceedings
from together.scorecard.models import ScorecardSnapshot, SnapshotFillState
from together.scorecard.selectors import KEPT, figures_for
from together.scorecard.snapshots import (
    figures_at,
    month_ends,
    snapshot_read,
    snapshot_take,
    snapshots_fill,
)
from together.scorecard.tasks import scorecard_snapshot_nightly

from .folders import service, write_folder

DAY = datetime.date(2026, 6, 30)
NUMERIC = "govuk-table__cell govuk-table__cell--numeric"


@pytest.fixture
def imported(db, tmp_path):
    call_command("import_service", str(write_folder(tmp_path / "service", service())), verbosity=0)


def test_a_snapshot_holds_the_live_figures_of_every_place(imported):
    snapshot_take(DAY)
    assert snapshot_read(DAY, "area")[0] == figures_for(DAY)[None]
    for level, model in (("region", Region), ("area", ServiceArea), ("team", Team)):
        ids = tuple(model.objects.values_list("pk", flat=True))
        assert snapshot_read(DAY, level, ids) == figures_for(DAY, level, ids, each=True), level


def test_a_past_day_reads_as_it_was_reported(client, make_user, imported):
    snapshot_take(DAY)
    Proceedings.objects.filter(court_number="NE-P5").update(closed_on=datetime.date(2026, 6, 2))
    assert figures_for(DAY)[None]["open_proceedings"] == 29  # the records have changed since
    assert figures_at(DAY)[None]["open_proceedings"] == 30  # the kept figure
    client.force_login(make_user(Role.NATIONAL_PERFORMANCE))
    page = client.get("/scorecard/", {"date_day": "30", "date_month": "6", "date_year": "2026"})
    html = page.content.decode()
    row = html[html.index('id="figure-open_proceedings"') :]
    assert ">30</td>" in row[: row.index("</tr>")]


def on(client, day):
    return client.get(
        "/scorecard/", {"date_day": day.day, "date_month": day.month, "date_year": day.year}
    )


def figure(page, key: str) -> str:
    html = page.content.decode()
    row = html[html.index(f'id="figure-{key}"') :]
    return row[: row.index("</tr>")]


def test_a_kept_day_is_read_from_its_snapshots_alone_in_the_same_few_queries(
    client, make_user, imported
):
    from tests.organisation.factories import ServiceAreaFactory, TeamFactory
    from together.scorecard.views import month_before, year_before

    days = (DAY, month_before(DAY), year_before(DAY))
    for day in days:
        snapshot_take(day)
    client.force_login(make_user(Role.NATIONAL_PERFORMANCE))
    on(client, DAY)  # the first request after signing in also saves the session
    with CaptureQueriesContext(connection) as few:
        page = on(client, DAY)
    assert ">30</td>" in figure(page, "open_proceedings")
    assert "No figures were kept" not in page.content.decode()
    # Neither the figures, the places below, the pressure nor the audits and observations done
    # read the records themselves.
    read = " ".join(q["sql"] for q in few.captured_queries)
    for table in ("proceedings_proceedings", "proceedings_allocation", "children_meeting"):
        assert table not in read
    for table in ("quality_audit", "quality_observation", "organisation_teammembership"):
        assert table not in read
    for _ in range(4):
        TeamFactory(service_area=ServiceAreaFactory())
    for day in days:
        snapshot_take(day)
    with CaptureQueriesContext(connection) as more:
        on(client, DAY)
    assert len(more) == len(few)


def test_today_is_read_from_the_figures_kept_a_few_minutes_ago_and_says_when(
    client, make_user, imported
):
    from django.utils import timezone

    today = timezone.localdate()
    client.force_login(make_user(Role.NATIONAL_PERFORMANCE))
    live = on(client, today)
    assert 'id="as-at"' not in live.content.decode()  # nothing kept yet: worked out now
    call_command("scorecard_snapshot", "--today", stdout=StringIO())
    state = SnapshotFillState.objects.get(day=today)
    page = on(client, today)
    html = page.content.decode()
    stamp = timezone.localtime(state.last_modified)
    assert f"as the records stood at {stamp:%H:%M} on {stamp.day} {stamp:%B %Y}" in html
    assert figure(page, "open_proceedings") == figure(live, "open_proceedings")
    # A set of proceedings closed since is counted when the figures are next kept.
    Proceedings.objects.filter(closed_on__isnull=True).update(closed_on=today)
    assert figure(on(client, today), "open_proceedings") == figure(live, "open_proceedings")
    call_command("scorecard_snapshot", "--today", stdout=StringIO())
    assert figure(on(client, today), "open_proceedings") != figure(live, "open_proceedings")


def reads(captured) -> int:
    return sum(q["sql"].lstrip().upper().startswith("SELECT") for q in captured.captured_queries)


def test_a_snapshot_takes_the_same_number_of_queries_however_many_teams(imported):
    from tests.organisation.factories import TeamFactory

    snapshot_take(DAY)  # each run below takes the day again, replacing what was kept
    with CaptureQueriesContext(connection) as few:
        snapshot_take(DAY)
    for _ in range(6):
        TeamFactory()
    with CaptureQueriesContext(connection) as more:
        snapshot_take(DAY)
    # The figures are read in the same queries; only the bulk INSERT may take more batches.
    assert reads(more) == reads(few)
    assert (
        ScorecardSnapshot.objects.filter(day=DAY, level="team").count()
        == len(KEPT) * Team.objects.count()
    )


def test_a_rebuild_resumes_where_it_stopped(imported):
    days = [DAY - datetime.timedelta(days=n) for n in range(3)]
    snapshot_take(days[0])
    SnapshotFillState.objects.create(day=days[1], state=SnapshotFillState.State.STARTED)
    seen = []
    taken = snapshots_fill(days, progress=lambda *step: seen.append(step))
    assert taken == 2  # the one started and never finished, and the one never started
    assert [took for *_, took in seen] == [True, True, False]
    assert set(SnapshotFillState.objects.values_list("state", flat=True)) == {"done"}


def test_the_command_prints_its_progress(imported):
    out = StringIO()
    call_command("scorecard_snapshot", "--rebuild-days", "3", stdout=out)
    text = out.getvalue()
    assert "1 of 3 days" in text and "3 of 3 days" in text and "Kept 3 days." in text
    out = StringIO()
    call_command("scorecard_snapshot", "--rebuild-days", "3", stdout=out)
    assert "Kept 0 days." in out.getvalue()
    out = StringIO()
    call_command("scorecard_snapshot", "--date", "2026-06-30", stdout=out)
    assert "figures of 2026-06-30" in out.getvalue()


@pytest.fixture
def immediate_tasks(settings):
    """Run background tasks at once, in the test."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    return settings


def test_the_nightly_task_keeps_a_day(imported, immediate_tasks):
    result = scorecard_snapshot_nightly.enqueue("2026-06-30")
    assert result.return_value > 0
    assert SnapshotFillState.objects.get(day=DAY).state == "done"


def test_the_month_ends_of_two_years():
    ends = month_ends(datetime.date(2026, 7, 1), 24)
    assert len(ends) == 24
    assert ends[-1] == datetime.date(2026, 6, 30) and ends[0] == datetime.date(2024, 7, 31)
    ends = month_ends(datetime.date(2026, 7, 15), 3)
    assert ends == [
        datetime.date(2026, 5, 31),
        datetime.date(2026, 6, 30),
        datetime.date(2026, 7, 14),
    ]


def test_the_trends_are_drawn_from_the_snapshots_with_a_table_beside_each(
    client, make_user, imported
):
    from django.utils import timezone

    ends = month_ends(timezone.localdate(), 24)
    for day in ends[-3:]:
        snapshot_take(day)
    client.force_login(make_user(Role.NATIONAL_PERFORMANCE))
    html = client.get("/scorecard/").content.decode()
    start = html.index('id="trend-open_proceedings"')
    chart = html[start : html.index("</details>", start)]
    assert 'role="img"' in chart and "<title" in chart and "<desc" in chart
    assert chart.count("<polyline") == 1  # three months kept, joined by one line
    assert "Not kept" in chart  # the 21 months before
    expected = figures_for(ends[-1])[None]["open_proceedings"]
    assert f'{ends[-1]:%-d %B %Y}</th><td class="{NUMERIC}">{expected}' in chart
    response = client.get("/scorecard/", {"download": "trends"})
    lines = response.content.decode().strip().splitlines()
    assert len(lines) == 1 + 24 and lines[0].startswith("month_end,open_proceedings")
