"""Reading feedback: the link behind a token (public.py); the figures (figures.py) and the
comments (comments.py) a manager may see, and both as kept in the cache for a while (kept.py)."""

from .comments import COMMENTS_PER_PAGE, Comment, comments_for
from .figures import (
    LONDON,
    MONTHS,
    SMALLEST_FIGURE,
    Dashboard,
    Month,
    Row,
    Share,
    Table,
    area_summary_for,
    areas_for,
    dashboard_for,
    month_starts,
    responses_for,
    summary_for,
    teams_for,
)
from .kept import comments_kept_for, dashboard_kept_for, figures_changed
from .public import (
    _ANSWER_FIELDS,
    code_of,
    invitation_for_token,
    looks_like_code,
    response_of,
    stage_now,
    token_for_code,
)

__all__ = [
    "COMMENTS_PER_PAGE",
    "LONDON",
    "MONTHS",
    "SMALLEST_FIGURE",
    "_ANSWER_FIELDS",
    "Comment",
    "Dashboard",
    "Month",
    "Row",
    "Share",
    "Table",
    "area_summary_for",
    "code_of",
    "areas_for",
    "comments_for",
    "comments_kept_for",
    "dashboard_for",
    "dashboard_kept_for",
    "figures_changed",
    "invitation_for_token",
    "looks_like_code",
    "month_starts",
    "response_of",
    "responses_for",
    "stage_now",
    "summary_for",
    "teams_for",
    "token_for_code",
]
