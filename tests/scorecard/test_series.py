"""The figures of many days at once (scorecard.series), for rebuilding the snapshots, equal the
hand-worked answers (folders.EXPECTED) and each day's own figures at every level, and a rebuild
keeps the same rows as taking each day on its own."""

import datetime

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from together.organisation.models import Region, ServiceArea, Team
from together.scorecard.models import ScorecardSnapshot, SnapshotFillState
from together.scorecard.selectors import KEYS, figures_for
from together.scorecard.series import figures_for_days
from together.scorecard.snapshots import snapshot_take, snapshots_fill, snapshots_take

from .folders import EXPECTED, service, write_folder

DAY = datetime.timedelta(days=1)
# The hand-worked days, each with the day before and after (closings, ends of allocations and
# windows fall on them), and a month and a year before the last.
DAYS = sorted(
    {datetime.date.fromisoformat(day) + n * DAY for day, _ in EXPECTED for n in (-1, 0, 1)}
    | {datetime.date(2026, 5, 30), datetime.date(2025, 6, 30)}
)


@pytest.fixture
def imported(db, tmp_path):
    call_command("import_service", str(write_folder(tmp_path / "service", service())), verbosity=0)


def test_many_days_at_once_give_the_hand_worked_answers(imported):
    areas = {area.code: area.pk for area in ServiceArea.objects.all()}
    nation = figures_for_days(DAYS)
    by_area = figures_for_days(DAYS, "area", tuple(areas.values()), each=True)
    for (day, area), expected in EXPECTED.items():
        day = datetime.date.fromisoformat(day)
        found = nation[day][None] if area is None else by_area[day][areas[area]]
        assert {key: found[key] for key in expected} == expected, (day, area)


@pytest.mark.parametrize("level", ["nation", "region", "area", "team"])
def test_many_days_at_once_equal_each_day_alone_with_their_bases(imported, level):
    model = {"region": Region, "area": ServiceArea, "team": Team}.get(level)
    ids = None if model is None else tuple(model.objects.values_list("pk", flat=True))
    at_once = figures_for_days(DAYS, "area" if ids is None else level, ids, each=ids is not None)
    for day in DAYS:
        alone = figures_for(day, "area" if ids is None else level, ids, each=ids is not None)
        assert at_once[day] == alone, day


def test_many_days_take_the_same_queries_as_two(imported):
    def count(days):
        with CaptureQueriesContext(connection) as queries:
            figures_for_days(days)
        return len(queries)

    assert count(DAYS) == count(DAYS[:2])


def test_a_rebuild_keeps_the_same_rows_as_each_day_taken_alone(imported):
    days = DAYS[:4]
    for day in days:
        snapshot_take(day)

    def kept():
        return sorted(
            ScorecardSnapshot.objects.values_list(
                "day", "level", "place_id", "measure", "value", "base"
            ),
            key=lambda row: tuple(str(v) for v in row),
        )

    one_by_one = kept()
    assert {measure for *_, measure, _v, _b in one_by_one} >= set(KEYS)
    ScorecardSnapshot.objects.all().delete()
    SnapshotFillState.objects.all().delete()
    assert snapshots_take(days) == len(one_by_one)
    assert kept() == one_by_one
    assert set(SnapshotFillState.objects.values_list("state", flat=True)) == {"done"}


def test_a_rebuild_takes_the_days_in_runs_and_reports_each_day(imported):
    seen = []
    taken = snapshots_fill(DAYS[:5], progress=lambda *step: seen.append(step), run=2)
    assert taken == 5
    assert [done for done, *_ in seen] == [1, 2, 3, 4, 5]
    assert SnapshotFillState.objects.filter(state="done").count() == 5
