"""The demo's scorecard has every figure to show, and the plain SQL agrees with it there too."""

import datetime
import importlib.util
from pathlib import Path

from django.core.management import call_command
from django.db import connection

from together.quality.models import Audit
from together.scorecard.models import SnapshotFillState
from together.scorecard.selectors import figures_for, scorecard_figures
from together.scorecard.snapshots import snapshot_read, trend

TODAY = datetime.date(2026, 11, 1)

_spec = importlib.util.spec_from_file_location(
    "scorecard_sql", Path(__file__).resolve().parents[2] / "bench" / "scorecard_sql.py"
)
scorecard_sql = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(scorecard_sql)


def test_the_demo_service_has_audits_and_a_full_scorecard(db):
    call_command("demo_data", "--size=small", "--today=2026-11-01", verbosity=0)
    assert Audit.objects.exists()

    figures = scorecard_figures(TODAY)
    assert figures["open_proceedings"] > 0
    for key in ("audits_good_or_better_share_last_12_months", "children_seen_share"):
        assert 0 < figures[key] < 1, key
    sql = scorecard_sql.national_figures(connection, TODAY)
    assert scorecard_sql.disagreements(figures, sql) == []

    # Two years of month-ends kept, so the trends show; each as the records give it.
    kept = list(SnapshotFillState.objects.filter(state="done").order_by("day"))
    assert len(kept) == 24
    assert kept[-1].day == datetime.date(2026, 10, 31) and kept[0].day == datetime.date(
        2024, 11, 30
    )
    assert snapshot_read(kept[-1].day, "area")[0] == figures_for(kept[-1].day)[None]
    months = trend("area", None, today=TODAY)
    assert sum(found is not None for _, found in months) == 24
    assert sum(bool(found["open_proceedings"]) for _, found in months) >= 20
