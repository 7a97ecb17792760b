"""The figures of the nation and of each region put together from their service areas' tallies
(selectors.figures_rolled_up, which the live scorecard page and each day's snapshot use) equal
the figures worked out for each level on its own, on the days the board's definitions turn on."""

import datetime

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from together.organisation.models import ServiceArea
from together.scorecard.selectors import BASE, areas_by_region, figures_for, figures_rolled_up

from .folders import EXPECTED, _proceedings, service, write_folder

DAY = datetime.timedelta(days=1)
DAYS = sorted(
    {datetime.date.fromisoformat(day) + n * DAY for day, _ in EXPECTED for n in (-1, 0, 1)}
    | {datetime.date(2025, 6, 30), datetime.date(2026, 5, 30)}
)


def with_a_child_in_two_areas() -> dict:
    """The hand-worked service, and C1 (in P1, Tyneside) also in P7 in Wearside from February
    2026, led by F1, who leads in both areas from April (P4): one child of the region and the
    nation, two of the areas; one FCA of the region, whose caseload is the two areas' together."""
    files = service()
    files["proceedings.csv"].append(
        _proceedings("P7", "NE2", "private", "s7", "2026-02-01", "2026-02-20")
    )
    files["proceedings_children.csv"].append({"proceedings_id": "P7", "child_id": "C1"})
    files["allocations.csv"].append(
        {"proceedings_id": "P7", "staff_id": "F1", "kind": "lead", "started_on": "2026-02-05"}
    )
    files["meetings.csv"].append(
        {"child_id": "C1", "proceedings_id": "P7", "met_on": "2026-03-01", "method": "video"}
    )
    return files


@pytest.fixture
def imported(db, tmp_path):
    folder = write_folder(tmp_path / "service", with_a_child_in_two_areas())
    call_command("import_service", str(folder), verbosity=0)


@pytest.mark.parametrize("day", DAYS, ids=str)
def test_the_nation_and_regions_from_their_areas_equal_each_level_worked_out_alone(imported, day):
    places = areas_by_region()
    areas = tuple(area for ids in places.values() for area in ids)
    rolled = figures_rolled_up(day, places, nation=True)
    assert rolled["nation"] == figures_for(day)
    assert rolled["region"] == figures_for(day, "region", tuple(places), each=True)
    assert rolled["area"] == figures_for(day, "area", areas, each=True)


def test_a_child_in_two_areas_is_one_child_of_the_region_and_the_nation(imported):
    day = datetime.date(2026, 3, 20)
    rolled = figures_rolled_up(day, areas_by_region(), nation=True)
    by_area = {ServiceArea.objects.get(pk=pk).code: found for pk, found in rolled["area"].items()}
    (region,) = rolled["region"].values()
    in_areas = by_area["NE1"]["open_children"] + by_area["NE2"]["open_children"]
    assert region["open_children"] == rolled["nation"][None]["open_children"] == in_areas - 1
    # F1 leads P1 and P2 in Tyneside and P7 in Wearside: one FCA of the region, not two.
    fcas = f"{BASE}caseload_post_first_hearing_avg"
    assert region[fcas] == by_area["NE1"][fcas] + by_area["NE2"][fcas] - 1


def test_a_region_alone_is_put_together_from_its_areas(imported):
    day = datetime.date(2026, 6, 30)
    (region, areas), *_ = areas_by_region().items()
    rolled = figures_rolled_up(day, {region: areas})
    assert "nation" not in rolled
    assert rolled["region"] == figures_for(day, "region", (region,), each=True)


def test_putting_the_levels_together_reads_fewer_queries_than_each_level_alone(imported):
    day = datetime.date(2026, 6, 30)
    places = areas_by_region()
    areas = tuple(area for ids in places.values() for area in ids)
    with CaptureQueriesContext(connection) as together:
        figures_rolled_up(day, places, nation=True)
    with CaptureQueriesContext(connection) as alone:
        figures_for(day)
        figures_for(day, "region", tuple(places), each=True)
        figures_for(day, "area", areas, each=True)
    assert len(together) < len(alone) / 2 + 3
