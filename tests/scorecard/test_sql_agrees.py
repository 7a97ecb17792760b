"""The second computation of the national figures in plain SQL (bench/scorecard_sql.py) agrees
with the service's scorecard, on the small service whose answers are known, at every date."""

import datetime
import importlib.util
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection

from together.scorecard.selectors import scorecard_figures

from .folders import EXPECTED, service, write_folder

_spec = importlib.util.spec_from_file_location(
    "scorecard_sql", Path(__file__).resolve().parents[2] / "bench" / "scorecard_sql.py"
)
scorecard_sql = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(scorecard_sql)

NATIONAL_DATES = [day for day, area in EXPECTED if area is None]


@pytest.mark.parametrize("day", NATIONAL_DATES)
def test_the_plain_sql_gives_the_known_answers_and_agrees_with_the_service(db, tmp_path, day):
    call_command("import_service", str(write_folder(tmp_path / "s", service())), verbosity=0)
    day = datetime.date.fromisoformat(day)
    sql = scorecard_sql.national_figures(connection, day)
    assert scorecard_sql.disagreements(EXPECTED[(day.isoformat(), None)], sql) == []
    assert scorecard_sql.disagreements(scorecard_figures(day), sql) == []


def test_a_disagreement_is_named(db):
    figures = scorecard_figures(datetime.date(2026, 6, 30))
    changed = {**figures, "open_children": figures["open_children"] + 1}
    assert scorecard_sql.disagreements(figures, changed) == [
        f"open_children: service {figures['open_children']}, SQL {figures['open_children'] + 1}"
    ]


def test_the_day_in_london_is_taken_for_days_to_allocation_in_summer_and_winter(db, tmp_path):
    """A lead named on a summer day starts at midnight in London, 23:00 the day before in UTC:
    the days count from the London day, as the service counts them (winter: P1 and P2)."""
    files = service()
    files["proceedings.csv"].append(
        {
            **files["proceedings.csv"][0],
            "proceedings_id": "PS",
            "court_number": "NE-PS",
            "received_on": "2026-06-20",
            "first_hearing_on": "",
        }
    )
    files["proceedings_children.csv"].append({"proceedings_id": "PS", "child_id": "C1"})
    files["allocations.csv"].append(
        {"proceedings_id": "PS", "staff_id": "F4", "kind": "lead", "started_on": "2026-06-25"}
    )
    call_command("import_service", str(write_folder(tmp_path / "s", files)), verbosity=0)
    day = datetime.date(2026, 6, 30)
    sql = scorecard_sql.national_figures(connection, day)
    assert sql["days_to_allocation_avg_last_90_days"] == (60 + 5) / 2
    assert scorecard_sql.disagreements(scorecard_figures(day), sql) == []
