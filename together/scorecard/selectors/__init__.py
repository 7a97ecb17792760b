"""The scorecard's figures at a date, for the nation or some service areas, from the records.

Each figure is the board's definition (issue 16; each function's docstring repeats it), read
with the ORM's aggregates and `Exists`, one or two queries a figure. A date D is a day in London:
a time recorded "on or before D" is before the first moment of the next day (scorecard.dates).

Shares are fractions between 0 and 1 and averages are unrounded; a share or an average with
nothing to count is None (`null` in JSON). Counts are whole numbers, 0 when there is nothing.

The package by concern: keys.py (thresholds, windows and the keys of the figures), scope.py
(where the figures are for, the conditions of a date, the helpers), board.py (the board's
figures part by part), framework.py (compliance with the quality framework) and figures.py (the
public entry points).
"""

from .board import (
    audits,
    caseload_figures,
    caseloads,
    children,
    days_to_allocation,
    feedback,
    open_proceedings,
)
from .figures import (
    BOARD_PARTS,
    PARTS,
    areas_by_region,
    figures_for,
    figures_rolled_up,
    scorecard_figures,
    scorecard_figures_by_area,
    scorecard_figures_by_team,
)
from .framework import MEMBERSHIP_FIELDS, compliance, compliance_for_days
from .keys import (
    AUDITED_RECENTLY_WINDOW,
    AUDITS_WINDOW,
    BASE,
    CEILING_AFTER_FIRST_HEARING,
    CEILING_BEFORE_FIRST_HEARING,
    COMPLIANCE_KEYS,
    DAYS_TO_ALLOCATION_WINDOW,
    FEEDBACK_WINDOW,
    KEPT,
    KEYS,
)
from .scope import (
    LEVEL_FIELDS,
    Scope,
    _aggregate,
    _bases,
    _grouped,
    _mean,
    after_first_hearing_q,
    before_first_hearing_q,
    leads_at,
    open_q,
    share,
)

__all__ = [
    "AUDITED_RECENTLY_WINDOW",
    "AUDITS_WINDOW",
    "BASE",
    "BOARD_PARTS",
    "CEILING_AFTER_FIRST_HEARING",
    "CEILING_BEFORE_FIRST_HEARING",
    "COMPLIANCE_KEYS",
    "DAYS_TO_ALLOCATION_WINDOW",
    "FEEDBACK_WINDOW",
    "KEPT",
    "KEYS",
    "LEVEL_FIELDS",
    "MEMBERSHIP_FIELDS",
    "PARTS",
    "Scope",
    "_aggregate",
    "_bases",
    "_grouped",
    "_mean",
    "areas_by_region",
    "after_first_hearing_q",
    "audits",
    "before_first_hearing_q",
    "caseload_figures",
    "caseloads",
    "children",
    "compliance",
    "compliance_for_days",
    "days_to_allocation",
    "feedback",
    "figures_for",
    "figures_rolled_up",
    "leads_at",
    "open_proceedings",
    "open_q",
    "scorecard_figures",
    "scorecard_figures_by_area",
    "scorecard_figures_by_team",
    "share",
]
