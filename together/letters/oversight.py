"""Oversight of letters to children, for managers: how many children were sent an introductory
letter within 10 working days of allocation, and an ending letter when their proceedings closed,
by team; and the children behind each of those figures. Each page takes a fixed number of
queries at any size."""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import connection
from django.db.models import Exists, F, OuterRef, Q, Subquery
from django.http import Http404
from django.utils import timezone

from together.accounts.models import REGION_ROLES, Role
from together.children.models import Child
from together.children.rules import everyday_access_q
from together.proceedings.models import ProceedingsChild

from . import rules
from .models import Kind, Letter, Status
from .selectors import ENDING_LOOKBACK_DAYS, INTRODUCTORY_WITHIN_WORKING_DAYS
from .workingdays import add_working_days

# --- the figures ------------------------------------------------------------------------------


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


def _scope_q(user, prefix: str) -> Q:
    if user.role == Role.NATIONAL_PERFORMANCE:
        return Q()
    if user.role in REGION_ROLES:
        return Q(**{f"{prefix}service_area__region_id": user.region_id})
    return Q(**{f"{prefix}service_area_id": user.service_area_id})


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


class _OnTime:
    """Whether a first introductory letter sent on one day was on time for an allocation on
    another. Children allocated on the same day share a deadline: each is worked out once."""

    def __init__(self):
        self.deadlines: dict[datetime.date, datetime.date] = {}

    def deadline(self, allocated_on: datetime.date) -> datetime.date:
        found = self.deadlines.get(allocated_on)
        if found is None:
            found = self.deadlines[allocated_on] = add_working_days(
                allocated_on, INTRODUCTORY_WITHIN_WORKING_DAYS
            )
        return found

    def __call__(self, allocated_on: datetime.date, sent_on: datetime.date) -> bool:
        return sent_on <= self.deadline(allocated_on)


# --- the children behind each figure ----------------------------------------------------------

# The figures of the oversight page that list the children behind them, as the address names
# them, with the heading of their list.
OVERSIGHT_FIGURES = {
    "allocated": "Children allocated",
    "on-time": "Introduced on time",
    "late": "Introduced late",
    "no-letter": "No introductory letter yet",
    "closed": "Children whose proceedings closed",
    "ending-letter": "Sent an ending letter",
    "no-ending-letter": "No ending letter",
}
_CLOSED_FIGURES = {"closed", "ending-letter", "no-ending-letter"}
# The team of proceedings that have none yet, in an address.
NO_TEAM = "none"
OVERSIGHT_CHILDREN_PAGE_SIZE = 50


@dataclass(frozen=True)
class OversightChild:
    """One child behind a figure: a row of the list."""

    child_uuid: uuid.UUID
    name: str
    court_number: str
    team: str
    lead_fca: str
    allocated_on: datetime.date | None = None
    due_by: datetime.date | None = None
    sent_on: datetime.date | None = None
    closed_on: datetime.date | None = None
    overdue: bool = False  # no introductory letter, and the 10 working days have passed


@dataclass
class OversightChildren:
    figure: str
    title: str
    where: str
    team: str  # as the address gives it: a team's uuid, NO_TEAM, or empty for all teams
    team_name: str
    rows: list[OversightChild]
    total: int
    number: int = 1
    pages: int = 1

    @property
    def closed(self) -> bool:
        return self.figure in _CLOSED_FIGURES


def _oversight_team(user, team: str | None):
    """The filter for the team asked for, and its name; 404 for a team outside the user's part
    of the service or an address that names no team."""
    from together.organisation.models import Team

    if not team:
        return Q(), "All teams"
    if team == NO_TEAM:
        return Q(proceedings__team__isnull=True), "No team yet"
    try:
        found = Team.objects.filter(_scope_q(user, "")).get(uuid=team)
    except (Team.DoesNotExist, ValueError, ValidationError):
        raise Http404("No team found") from None
    return Q(proceedings__team=found), found.name


def letters_oversight_children(
    *,
    user,
    figure: str,
    team: str | None = None,
    page=1,
    today: datetime.date | None = None,
    per_page: int = OVERSIGHT_CHILDREN_PAGE_SIZE,
) -> OversightChildren:
    """The children behind one figure of the oversight page, for one team or all of them, a
    page at a time: the most overdue (the longest since allocation, or since closing) first.

    Every row is a child whose file the user may see (children.rules), in the user's part of
    the service, counted as the page counts them: a child in two sets of proceedings is listed
    for each. Three queries at most whatever the size: the team named, every child behind the
    figure with the dates that place them, then the page's children in full."""
    if not rules.may_see_letters_oversight(user) or figure not in OVERSIGHT_FIGURES:
        raise Http404("No page found")
    today = today or timezone.localdate()
    in_team, team_name = _oversight_team(user, team)
    visible = Child.objects.filter(everyday_access_q(user))
    links = ProceedingsChild.objects.filter(
        _scope_q(user, "proceedings__"), in_team, child__in=visible
    ).order_by()
    closed = figure in _CLOSED_FIGURES
    if closed:
        since = today - datetime.timedelta(days=ENDING_LOOKBACK_DAYS)
        ending = Letter.objects.filter(
            child_id=OuterRef("child_id"), kind=Kind.ENDING_CHILD, status=Status.SENT
        )
        found = links.filter(proceedings__closed_on__gte=since).values_list(
            "pk", "proceedings__closed_on", Exists(ending)
        )
        keep = {
            "closed": lambda sent: True,
            "ending-letter": lambda sent: sent,
            "no-ending-letter": lambda sent: not sent,
        }[figure]
        chosen = sorted((day, pk) for pk, day, sent in found if keep(sent))
    else:
        first_sent = (
            Letter.objects.filter(
                child_id=OuterRef("child_id"), kind=Kind.INTRODUCTORY_CHILD, status=Status.SENT
            )
            .order_by("sent_at")
            .values("sent_at")[:1]
        )
        found = links.filter(
            proceedings__closed_on__isnull=True, proceedings__first_allocated_at__isnull=False
        ).values_list("pk", "proceedings__first_allocated_at", Subquery(first_sent))
        on_time = _OnTime()
        chosen = []
        for pk, allocated_at, sent_at in found:
            allocated_on = timezone.localdate(allocated_at)
            if sent_at is None:
                which = "no-letter"
            elif on_time(allocated_on, timezone.localdate(sent_at)):
                which = "on-time"
            else:
                which = "late"
            if figure in ("allocated", which):
                chosen.append((allocated_at, pk))
        chosen.sort()

    total = len(chosen)
    pages = max(-(-total // per_page), 1)
    number = min(max(_page_number(page), 1), pages)
    start = (number - 1) * per_page
    ids = [pk for _, pk in chosen[start : start + per_page]]
    rows = _oversight_rows(ids, today) if ids else []
    return OversightChildren(
        figure=figure,
        title=OVERSIGHT_FIGURES[figure],
        where=_where(user),
        team=team or "",
        team_name=team_name,
        rows=rows,
        total=total,
        number=number,
        pages=pages,
    )


def _page_number(page) -> int:
    try:
        return int(page)
    except (TypeError, ValueError):
        return 1


def _oversight_rows(ids: list[int], today: datetime.date) -> list[OversightChild]:
    """The page's children in full, in the order given, in one query."""
    first_sent = (
        Letter.objects.filter(
            child_id=OuterRef("child_id"), kind=Kind.INTRODUCTORY_CHILD, status=Status.SENT
        )
        .order_by("sent_at")
        .values("sent_at")[:1]
    )
    ending_sent = (
        Letter.objects.filter(
            child_id=OuterRef("child_id"), kind=Kind.ENDING_CHILD, status=Status.SENT
        )
        .order_by("sent_at")
        .values("sent_at")[:1]
    )
    found = {
        link.pk: link
        for link in ProceedingsChild.objects.filter(pk__in=ids)
        .select_related("child", "proceedings", "proceedings__team", "proceedings__lead_fca")
        .annotate(first_sent=Subquery(first_sent), ending_sent=Subquery(ending_sent))
    }
    on_time = _OnTime()
    rows = []
    for pk in ids:
        link = found[pk]
        child, proceedings = link.child, link.proceedings
        closed_on = proceedings.closed_on
        allocated = proceedings.first_allocated_at
        allocated_on = timezone.localdate(allocated) if allocated else None
        sent = link.ending_sent if closed_on else link.first_sent
        due_by = None if closed_on or not allocated_on else on_time.deadline(allocated_on)
        rows.append(
            OversightChild(
                child_uuid=child.uuid,
                name=f"{child.preferred_name} {child.legal_family_name}",
                court_number=proceedings.court_number,
                team=proceedings.team.name if proceedings.team else "No team yet",
                lead_fca=proceedings.lead_fca.full_name if proceedings.lead_fca else "",
                allocated_on=allocated_on,
                due_by=due_by,
                sent_on=timezone.localdate(sent) if sent else None,
                closed_on=closed_on,
                overdue=sent is None and due_by is not None and due_by < today,
            )
        )
    return rows


class _LocalDates:
    """The local date of a time given as text in ISO format: with its offset (PostgreSQL), or
    without one in the database's time zone (SQLite, as Django stores it). Each text is read
    once: an area has thousands of children but far fewer distinct times."""

    def __init__(self):
        self.stored_in = connection.timezone
        self.zone = timezone.get_current_timezone()
        self.known: dict[str, datetime.date] = {}

    def __call__(self, text: str) -> datetime.date:
        day = self.known.get(text)
        if day is None:
            moment = datetime.datetime.fromisoformat(text)
            if timezone.is_naive(moment):
                moment = timezone.make_aware(moment, self.stored_in)
            day = self.known[text] = moment.astimezone(self.zone).date()
        return day


def _where(user) -> str:
    if user.role == Role.NATIONAL_PERFORMANCE:
        return "the whole service"
    if user.role in REGION_ROLES:
        return str(user.region)
    return str(user.service_area)
