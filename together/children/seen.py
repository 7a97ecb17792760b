"""When a child was last seen, said one way everywhere: the child's file, My children, and any
page that tells whether a child has been seen. Pure: it takes what a page already read.

"Last seen 8 October, by phone, 8 weeks ago", in a warning style once it is overdue.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.utils import timezone

# A child not seen for this long is overdue a meeting.
NOT_SEEN_AFTER = timedelta(weeks=6)
# A child not yet seen this long after allocation is overdue their first meeting.
FIRST_MEETING_WITHIN = timedelta(days=10)

# How each way of meeting reads after "Last seen 8 October,".
HOW = {"in_person": "in person", "video": "by video call", "phone": "by phone"}


@dataclass(frozen=True)
class SeenStatus:
    text: str  # the one sentence every page shows
    overdue: bool  # shown in a warning style
    needs: str | None  # what "Needs doing" says on My children, if anything
    last_seen: datetime | None
    method: str | None


def _ago(days: int) -> str:
    if days <= 0:
        return "today"
    if days == 1:
        return "yesterday"
    if days < 14:
        return f"{days} days ago"
    return f"{days // 7} weeks ago"


def _day(moment: datetime, now: datetime) -> str:
    # "4 March", or "4 March 2025" in another year: the service writes in English only, so the
    # month's name comes straight from the date (Django's date_format, which looks it up in the
    # translations, took most of the time of My children's rows).
    local, today = timezone.localtime(moment), timezone.localtime(now)
    return f"{local.day} {local:%B}" if local.year == today.year else f"{local.day} {local:%B %Y}"


def seen_status(
    *,
    last_seen: datetime | None,
    method: str | None,
    now: datetime | None = None,
    waiting_since: datetime | None = None,
    in_open_proceedings: bool = True,
) -> SeenStatus:
    """The child's seen status from their last meeting (when and how), as of `now`.

    `waiting_since` is when the clock for a first meeting started (the current allocation);
    a child in no open proceedings is never overdue."""
    now = now or timezone.now()
    if last_seen is None:
        if not in_open_proceedings:
            return SeenStatus("No meeting recorded", False, None, None, None)
        if waiting_since is not None and now - waiting_since > FIRST_MEETING_WITHIN:
            text = f"Not seen yet, {(now - waiting_since).days} days after allocation"
            return SeenStatus(text, True, text, None, None)
        return SeenStatus("Not seen yet", False, "Not seen yet", None, None)
    days = (timezone.localdate(now) - timezone.localdate(last_seen)).days
    how = HOW.get(method or "", "")
    text = f"Last seen {_day(last_seen, now)}{', ' + how if how else ''}, {_ago(days)}"
    overdue = in_open_proceedings and now - last_seen > NOT_SEEN_AFTER
    needs = f"Not seen for {(now - last_seen).days // 7} weeks" if overdue else None
    return SeenStatus(text, overdue, needs, last_seen, method)
