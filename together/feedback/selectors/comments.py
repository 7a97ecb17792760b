"""The written comments a member of staff may see, one page at a time, newest first."""

import datetime
from dataclasses import dataclass
from html import escape  # as django.utils.html.escape writes it, without the lazy-text check

from django.core.paginator import Page, Paginator
from django.db.models import F, Q, Sum
from django.utils import timezone
from django.utils.safestring import mark_safe

from .. import rules
from ..models import CHILD_AUDIENCES, Audience
from .figures import LONDON, area_summary_for, responses_for, summary_for

COMMENTS_PER_PAGE = 20
_CHILDREN = sorted(CHILD_AUDIENCES)

_COMMENT_FIELDS = (
    "pk",
    "answered_at",
    "audience",
    "do_better",
    "anything_else",
    "fca__given_name",
    "fca__family_name",
    "team__name",
)


def _with_breaks(text: str) -> str:
    """As the linebreaksbr filter writes it: escaped, each line break a <br>."""
    return escape(text.replace("\r\n", "\n").replace("\r", "\n")).replace("\n", "<br>")


_AUDIENCE_LABELS = {audience.value: str(audience.label) for audience in Audience}


@dataclass(frozen=True)
class Comment:
    """One written comment as the page shows it, its words already escaped, with line breaks
    (worked out here once: in the template, twenty cards cost more than all the figures)."""

    pk: int
    heading: str
    do_better: str
    anything_else: str

    @classmethod
    def of(
        cls, pk, answered_at, audience, do_better, anything_else, given, family, team, *, own_only
    ) -> "Comment":
        heading = escape(f"{_AUDIENCE_LABELS[audience]}, {timezone.localtime(answered_at):%B %Y}")
        if not own_only:
            heading = f"{heading} &ndash; about {escape(given)} {escape(family)}"
            if team:
                heading += f" ({escape(team)})"
        return cls(
            pk=pk,
            heading=mark_safe(heading),  # noqa: S308 (every part escaped above)
            do_better=mark_safe(_with_breaks(do_better)),  # noqa: S308
            anything_else=mark_safe(_with_breaks(anything_else)),  # noqa: S308
        )


def _next_month(day: datetime.date) -> datetime.date:
    return datetime.date(day.year + day.month // 12, day.month % 12 + 1, 1)


class _ByMonth:
    """The comments to page through, newest first, as the sliceable sequence Paginator takes:
    its length and a slice of it.

    The summary says how many comments each month holds, so the comments are counted from it,
    never one by one; and a page is read from only the months it falls in, so the newest-first
    index covers a month or two of answers, not a whole region's year of them."""

    def __init__(self, comments, *, per_month: list[tuple[datetime.date, int]], own_only: bool):
        self.comments = comments
        # Newest month first, leaving out empty ones.
        self.per_month = sorted(((m, n) for m, n in per_month if n > 0), reverse=True)
        self.own_only = own_only

    def __len__(self) -> int:
        return sum(n for _, n in self.per_month)

    def __getitem__(self, page: slice) -> list[Comment]:
        bottom, top = page.start, page.stop
        newest = oldest = None
        skipped = before = 0
        for month, n in self.per_month:
            if newest is None and before + n > bottom:
                newest, skipped = month, bottom - before
            before += n
            if newest is not None and before >= top:
                oldest = month
                break
        if newest is None or oldest is None:
            return []
        window = self.comments.filter(
            answered_at__gte=datetime.datetime.combine(oldest, datetime.time(), tzinfo=LONDON),
            answered_at__lt=datetime.datetime.combine(
                _next_month(newest), datetime.time(), tzinfo=LONDON
            ),
        )
        return [
            Comment.of(*values, own_only=self.own_only)
            for values in window[skipped : skipped + top - bottom]
        ]


def comments_for(user, *, area=None, team=None, audience="", month="", page=1) -> Page:
    """One page of written comments `user` may see, newest first, with the filters applied."""
    responses = responses_for(user).filter(~Q(do_better="") | ~Q(anything_else=""))
    if area is not None:
        responses = responses.filter(service_area=area)
    if team is not None:
        responses = responses.filter(team=team)
    audiences = _CHILDREN if audience == "children" else [audience] if audience else []
    if audiences:
        responses = responses.filter(audience__in=audiences)
    # How many comments each month holds, from the coarse summary if it can answer.
    cells = area_summary_for(user, area=area, team=team)
    if cells is None:
        cells = summary_for(user)
        if area is not None:
            cells = cells.filter(service_area=area)
        if team is not None:
            cells = cells.filter(team=team)
    columns = [F(f"commented_{a}") for a in audiences or Audience]
    if month:
        start = datetime.datetime.strptime(month, "%Y-%m").replace(tzinfo=LONDON)
        end = (start + datetime.timedelta(days=32)).replace(day=1)
        responses = responses.filter(answered_at__gte=start, answered_at__lt=end)
        cells = cells.filter(month=start.date())
    # Plain values, not records: a page is twenty of them, each shown once.
    responses = responses.values_list(*_COMMENT_FIELDS)
    per_month = cells.values("month").annotate(n=Sum(sum(columns[1:], columns[0]))).order_by()
    comments = _ByMonth(
        responses.order_by("-answered_at", "-id"),
        per_month=[(row["month"], row["n"] or 0) for row in per_month],
        own_only=rules.sees_only_own_feedback(user),
    )
    return Paginator(comments, COMMENTS_PER_PAGE).get_page(page)


def comments_page(comments: list[Comment], number: int, count: int) -> Page:
    """Page `number` of `count` comments, showing `comments`: a page kept in the cache, with the
    same links to the pages around it (Paginator works those out from the count alone)."""
    page = Paginator(range(count), COMMENTS_PER_PAGE).page(number)
    page.object_list = comments
    return page
