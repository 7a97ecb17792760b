"""The children behind each figure of the oversight page, a page at a time."""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef, Q, Subquery
from django.http import Http404
from django.utils import timezone

from together.children.models import Child
from together.children.rules import everyday_access_q
from together.proceedings.models import ProceedingsChild

from .. import rules
from ..models import Kind, Letter, Status
from ..selectors import ENDING_LOOKBACK_DAYS
from .common import NO_TEAM, _OnTime, _scope_q, _where

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
