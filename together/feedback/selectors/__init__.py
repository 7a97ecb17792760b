"""Reading feedback: the link behind a token (public.py), and the figures and comments a manager
may see (dashboard.py)."""

from .dashboard import (
    COMMENTS_PER_PAGE,
    LONDON,
    MONTHS,
    SMALLEST_FIGURE,
    Dashboard,
    Month,
    Row,
    Share,
    Table,
    areas_for,
    comments_for,
    dashboard_for,
    export_rows,
    month_starts,
    responses_for,
    teams_for,
)
from .public import _ANSWER_FIELDS, invitation_for_token, response_of

__all__ = [
    "COMMENTS_PER_PAGE",
    "LONDON",
    "MONTHS",
    "SMALLEST_FIGURE",
    "_ANSWER_FIELDS",
    "Dashboard",
    "Month",
    "Row",
    "Share",
    "Table",
    "areas_for",
    "comments_for",
    "dashboard_for",
    "export_rows",
    "invitation_for_token",
    "month_starts",
    "response_of",
    "responses_for",
    "teams_for",
]
