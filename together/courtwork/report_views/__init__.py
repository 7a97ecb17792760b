"""Pages for reports to the court (lists.py, writing.py, signing_off.py), hearing outcomes and
telling the child what the judge decided (hearings.py)."""

from .common import FILE_SECTION, MOVES
from .hearings import child_told, hearing_outcome
from .lists import child_reports, proceedings_reports, reports_due
from .signing_off import comment, download, move
from .writing import direction, quotes, recommendation, report, report_new, section

__all__ = [
    "FILE_SECTION",
    "MOVES",
    "child_reports",
    "child_told",
    "comment",
    "direction",
    "download",
    "hearing_outcome",
    "move",
    "proceedings_reports",
    "quotes",
    "recommendation",
    "report",
    "report_new",
    "reports_due",
    "section",
]
