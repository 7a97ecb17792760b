"""The oversight figures: introductory and ending letters by team, in two queries."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import F, Q
from django.http import Http404
from django.utils import timezone

from together.proceedings.models import ProceedingsChild

from .. import rules
from ..models import Kind, Letter, Status
from ..selectors import ENDING_LOOKBACK_DAYS
from .common import NO_TEAM, _LocalDates, _OnTime, _scope_q, _where


@dataclass
class TeamFigures:
    name: str
    allocated: int = 0
    introduced_on_time: int = 0
    introduced_late: int = 0
    closed: int = 0
    ended_with_letter: int = 0
    # Which team, for the links to the children behind each figure: a team's uuid, NO_TEAM, or
    # empty for all teams together.
    team: str = ""

    @property
    def not_introduced(self) -> int:
        """Children allocated who have had no introductory letter yet."""
        return self.allocated - self.introduced_on_time - self.introduced_late

    @property
    def no_ending_letter(self) -> int:
        return self.closed - self.ended_with_letter

    @property
    def introduced_share(self) -> int | None:
        return round(100 * self.introduced_on_time / self.allocated) if self.allocated else None

    @property
    def ending_share(self) -> int | None:
        return round(100 * self.ended_with_letter / self.closed) if self.closed else None


@dataclass
class Oversight:
    where: str
    teams: list[TeamFigures] = field(default_factory=list)
    total: TeamFigures = field(default_factory=lambda: TeamFigures("All teams"))


def letters_oversight(*, user, today: datetime.date | None = None) -> Oversight:
    """For a manager's part of the service, by team: of the children in open proceedings with a
    lead FCA, how many were sent an introductory letter within 10 working days of allocation;
    of the children whose proceedings closed in the last year, how many got an ending letter.
    Two queries, whatever the size: the counts (_oversight_counts) and the teams' names."""
    if not rules.may_see_letters_oversight(user):
        raise Http404("No page found")
    from together.organisation.models import Team

    today = today or timezone.localdate()
    local_date = _LocalDates()
    figures: dict[int | None, TeamFigures] = {}
    on_time = _OnTime()

    def team(team_id):
        if team_id not in figures:
            figures[team_id] = TeamFigures("")
        return figures[team_id]

    for is_open, team_id, allocated_at, first_sent, children, sent in _oversight_counts(
        user, today
    ):
        row = team(team_id)
        if not is_open:
            row.closed += children
            row.ended_with_letter += sent
            continue
        row.allocated += children
        if first_sent is None:
            continue
        if on_time(local_date(allocated_at), local_date(first_sent)):
            row.introduced_on_time += children
        else:
            row.introduced_late += children
    names = {
        pk: (name, str(key))
        for pk, name, key in Team.objects.filter(
            pk__in=[k for k in figures if k is not None]
        ).values_list("pk", "name", "uuid")
    }
    oversight = Oversight(where=_where(user))
    for team_id, row in figures.items():
        row.name, row.team = names.get(team_id, ("No team yet", NO_TEAM))
        oversight.teams.append(row)
        for attr in ("allocated", "introduced_on_time", "introduced_late", "closed"):
            setattr(oversight.total, attr, getattr(oversight.total, attr) + getattr(row, attr))
        oversight.total.ended_with_letter += row.ended_with_letter
    oversight.teams.sort(key=lambda r: r.name)
    return oversight


def _oversight_counts(user, today: datetime.date) -> list[tuple]:
    """The children the oversight page counts, in one query, as rows of (open, team, first
    allocated at, first introductory letter sent at, children, children sent a letter).

    For open proceedings with a lead FCA: one row for each team, time of allocation and time the
    child's first introductory letter was sent (None if none was), with how many children share
    them. For proceedings closed in the last ENDING_LOOKBACK_DAYS: one row for each team, with
    how many children and how many of them were sent an ending letter. A child in two
    proceedings counts in each. Python makes the local dates, and the deadline (which knows the
    bank holidays), once for each distinct time. The times come as text (_LocalDates reads
    them): as datetimes, Django's loader for PostgreSQL, which is Python, took longer over the
    thousands of them than the query did.

    Most of the time goes in reading the area's proceedings (nothing indexes them by closing
    date), so open and closed are read in the one pass. Each child's letters are joined, not
    asked for by a subquery for each child: PostgreSQL prices a join's index reads as cached
    and a subquery's as not, and the subqueries made the query look dear enough to compile
    (JIT), which took longer than running it. The ORM cannot write that join (the kind of
    letter depends on the proceedings), so it is SQL around the ORM's query for the children,
    which keeps the access rule (_scope_q) in one place."""
    is_open = Q(proceedings__closed_on__isnull=True)
    since = today - datetime.timedelta(days=ENDING_LOOKBACK_DAYS)
    children = (
        ProceedingsChild.objects.filter(_scope_q(user, "proceedings__"))
        .filter(
            Q(is_open, proceedings__first_allocated_at__isnull=False)
            | Q(proceedings__closed_on__gte=since)
        )
        .annotate(
            team=F("proceedings__team_id"),
            allocated_at=F("proceedings__first_allocated_at"),
            closed_on=F("proceedings__closed_on"),
        )
        .values_list("id", "child_id", "team", "allocated_at", "closed_on")
        .order_by()
    )
    inner, params = children.query.sql_with_params()
    letter = connection.ops.quote_name(Letter._meta.db_table)
    # Grouped by "c.id + 0", not c.id: SQLite otherwise reads the whole table of links in the
    # order of its key to group them, rather than the area's proceedings.
    sql = (
        "SELECT is_open, team, allocated_at, CASE WHEN is_open THEN first_sent END,"  # noqa: S608
        " COUNT(*), COUNT(first_sent) FROM ("
        " SELECT c.team AS team, c.closed_on IS NULL AS is_open,"
        " CAST(CASE WHEN c.closed_on IS NULL THEN c.allocated_at END AS text) AS allocated_at,"
        " CAST(MIN(l.sent_at) AS text) AS first_sent"
        f" FROM ({inner}) c LEFT JOIN {letter} l"
        " ON l.child_id = c.child_id AND l.status = %s"
        " AND l.kind = CASE WHEN c.closed_on IS NULL THEN %s ELSE %s END"
        " GROUP BY c.id + 0, c.team, c.allocated_at, c.closed_on"
        ") g GROUP BY 1, 2, 3, 4"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, (*params, Status.SENT, Kind.INTRODUCTORY_CHILD, Kind.ENDING_CHILD))
        return cursor.fetchall()
