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
from together.scorecard.selectors import figures_for
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
        ScorecardSnapshot.objects.filter(day=DAY, level="team").count() == 16 * Team.objects.count()
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
