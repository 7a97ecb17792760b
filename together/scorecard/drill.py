"""The lists behind the scorecard's figures, at a day and in a place: the proceedings held on duty,
the FCAs over the caseload ceiling, the children not seen.

Every row that names a child follows the child's file rules (together.children.rules): a set of
proceedings is listed only if the reader may see every child in it, and a child only if the reader
may see them, so a list never tells anyone a name they may not see. Each list is one page of
PER_PAGE rows in a fixed number of queries.
"""

import datetime
from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import Count, Exists, OuterRef, Q

from together.accounts.models import Role
from together.children.models import Meeting
from together.children.rules import visible_children
from together.proceedings.models import Proceedings, ProceedingsChild

from .dates import end_of
from .rules import Place
from .selectors import (
    CEILING_AFTER_FIRST_HEARING,
    CEILING_BEFORE_FIRST_HEARING,
    Scope,
    after_first_hearing_q,
    before_first_hearing_q,
    leads_at,
    open_q,
)

PER_PAGE = 25
AFTER, BEFORE = "after", "before"
CEILINGS = {AFTER: CEILING_AFTER_FIRST_HEARING, BEFORE: CEILING_BEFORE_FIRST_HEARING}


def _scope(place: Place, day: datetime.date) -> Scope:
    return Scope(day=day, ids=place.ids, level=place.level)


def _hidden_child_in(user) -> Exists:
    """A set of proceedings with a child in it the reader may not see."""
    return Exists(
        ProceedingsChild.objects.filter(proceedings=OuterRef("pk")).exclude(
            child__in=visible_children(user)
        )
    )


@dataclass(frozen=True)
class OnDuty:
    court_number: str
    received_on: datetime.date
    days_waiting: int
    law: str
    area: str
    children: str
    url: str


def on_duty(
    user, place: Place, day: datetime.date, page=None, per_page=PER_PAGE
) -> tuple[Page, list[OnDuty]]:
    """Open proceedings at `day` with no lead FCA, longest waiting first: those the reader may see
    every child of."""
    scope = _scope(place, day)
    has_lead = leads_at(day).filter(proceedings=OuterRef("pk"))
    found = (
        Proceedings.objects.filter(open_q(day), scope.proceedings())
        .exclude(Exists(has_lead))
        .exclude(_hidden_child_in(user))
        .select_related("service_area")
        .order_by("received_on", "pk")
    )
    got = Paginator(found, per_page).get_page(page)
    ids = [p.pk for p in got.object_list]
    names = {}
    for link in (
        ProceedingsChild.objects.filter(proceedings__in=ids)
        .select_related("child")
        .order_by("child__preferred_name", "pk")
    ):
        child = link.child
        names.setdefault(link.proceedings_id, []).append(
            f"{child.preferred_name} {child.legal_family_name}".strip()
        )
    rows = [
        OnDuty(
            p.court_number,
            p.received_on,
            (day - p.received_on).days,
            p.get_law_display(),
            p.service_area.name,
            ", ".join(names.get(p.pk, [])),
            f"/proceedings/{p.uuid}/",
        )
        for p in got.object_list
    ]
    return got, rows


@dataclass(frozen=True)
class OverCeiling:
    name: str
    held: int


def over_ceiling(place: Place, day: datetime.date, stage: str, page=None, per_page=PER_PAGE):
    """FCAs leading more open proceedings at `day` (in the place) of the stage than its ceiling
    (25 after the first hearing, 40 before), most first. Names of staff, no children."""
    scope = _scope(place, day)
    stage_q = (after_first_hearing_q if stage == AFTER else before_first_hearing_q)(
        day, "proceedings__"
    )
    found = (
        leads_at(day)
        .filter(
            open_q(day, "proceedings__"),
            scope.proceedings("proceedings__"),
            stage_q,
            fca__role=Role.FCA,
        )
        .values("fca_id", "fca__given_name", "fca__family_name")
        .annotate(held=Count("proceedings_id", distinct=True))
        .filter(held__gt=CEILINGS[stage])
        .order_by("-held", "fca__family_name", "fca__given_name", "fca_id")
    )
    got = Paginator(found, per_page).get_page(page)
    rows = [
        OverCeiling(f"{r['fca__given_name']} {r['fca__family_name']}".strip(), r["held"])
        for r in got.object_list
    ]
    return got, rows


@dataclass(frozen=True)
class NotSeen:
    child: str
    child_url: str
    court_number: str
    received_on: datetime.date
    area: str


def not_seen(user, place: Place, day: datetime.date, page=None, per_page=PER_PAGE):
    """Children in open proceedings at `day` with no meeting in those proceedings on or before
    it, longest waiting first: only children the reader may see."""
    scope = _scope(place, day)
    met = Meeting.objects.filter(
        child=OuterRef("child_id"),
        proceedings=OuterRef("proceedings_id"),
        outcome=Meeting.Outcome.MET,
        occurred_at__lt=end_of(day),
    )
    found = (
        ProceedingsChild.objects.filter(
            open_q(day, "proceedings__"),
            scope.proceedings("proceedings__"),
            Q(child__in=visible_children(user)),
        )
        .exclude(Exists(met))
        .select_related("child", "proceedings__service_area")
        .order_by("proceedings__received_on", "proceedings_id", "child__preferred_name", "pk")
    )
    got = Paginator(found, per_page).get_page(page)
    rows = [
        NotSeen(
            f"{link.child.preferred_name} {link.child.legal_family_name}".strip(),
            f"/children/{link.child.uuid}/",
            link.proceedings.court_number,
            link.proceedings.received_on,
            link.proceedings.service_area.name,
        )
        for link in got.object_list
    ]
    return got, rows
