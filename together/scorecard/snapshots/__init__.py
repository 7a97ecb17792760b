"""Each day's figures kept (models.ScorecardSnapshot), and read back.

A snapshot of a day stores every figure, with its base, for the nation, each region, each service
area and each team: the selectors' own figures (figures_for), in a fixed number of queries
whatever the size of the service, written in one transaction with the day's fill state. A run
over many days (a rebuild) does the days not yet DONE, so a run that stops part way resumes.

The page reads a past day from its snapshot when the day is DONE (a past month's figures stay as
they were reported); today, and a day never snapshotted, are computed live.

Taking snapshots is in taking.py, reading them back for the pages in reading.py, and how the kept
rows are keyed in keys.py.
"""

from .keys import DONE, NATION_ID, PRESSURE, PRESSURE_COUNTS, SUPERVISOR, WAIT
from .reading import (
    TODAY_REFRESH_MINUTES,
    PageFigures,
    figures_at,
    kept_days,
    month_ends,
    page_figures,
    snapshot_done,
    snapshot_read,
    trend,
)
from .taking import RUN, snapshot_take, snapshots_fill, snapshots_take

__all__ = [
    "DONE",
    "NATION_ID",
    "PRESSURE",
    "PRESSURE_COUNTS",
    "PageFigures",
    "RUN",
    "SUPERVISOR",
    "TODAY_REFRESH_MINUTES",
    "WAIT",
    "figures_at",
    "kept_days",
    "month_ends",
    "page_figures",
    "snapshot_done",
    "snapshot_read",
    "snapshot_take",
    "snapshots_fill",
    "snapshots_take",
    "trend",
]
