"""Children not seen since their proceedings were received, for the areas a manager manages."""

from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import Count, Exists, F, OuterRef, Subquery, Window
from django.http import Http404
from django.utils import timezone

from together.accounts.models import REGION_ROLES
from together.children.models import Meeting
from together.core.links import link_maker
from together.organisation.rules import manages_area_q

from .. import rules
from ..models import ProceedingsChild

# The longest-waiting children the page lists; a count says how many there are in all.
NOT_SEEN_LIMIT = 200


@dataclass(frozen=True)
class NotSeenRow:
    """A child in open proceedings with no meeting since the proceedings were received, and the
    newest record saying why not, if there is one."""

    child_name: str
    file_url: str
    court_number: str
    proceedings_url: str
    received_on: date
    days_since: int
    lead_fca: str  # "" while the proceedings are on the duty list
    area_name: str
    not_met: str | None  # "We tried but did not meet", "We decided not to meet yet"
    not_met_on: datetime | None
    reason: str


@dataclass(frozen=True)
class NotSeenPage:
    rows: list[NotSeenRow]
    total: int
    place_name: str


def children_not_seen(*, user, today: date | None = None, limit: int = NOT_SEEN_LIMIT):
    """Every child in the open proceedings of the areas `user` manages who has not been met
    since the proceedings were received, oldest proceedings first, each with the newest record
    of not meeting them (and its reason) since then. One query; 404 for anyone else."""
    if not rules.may_view_children_not_seen(user):
        raise Http404("No list")
    since = {
        "child": OuterRef("child_id"),
        "occurred_at__date__gte": OuterRef("proceedings__received_on"),
    }
    met = Meeting.objects.filter(outcome=Meeting.Outcome.MET, **since)
    not_met = (
        Meeting.objects.filter(**since)
        .exclude(outcome=Meeting.Outcome.MET)
        .order_by("-occurred_at", "-pk")
    )
    in_region = user.role in REGION_ROLES
    place = "proceedings__service_area__" + ("region__name" if in_region else "name")
    found = list(
        ProceedingsChild.objects.filter(
            manages_area_q(user, prefix="proceedings__"), proceedings__closed_on__isnull=True
        )
        .exclude(Exists(met))
        .order_by("proceedings__received_on", "proceedings_id", "child__preferred_name", "pk")
        .values(
            "child__uuid",
            "child__preferred_name",
            "child__legal_family_name",
            "proceedings__uuid",
            "proceedings__court_number",
            "proceedings__received_on",
            "proceedings__service_area__name",
            "proceedings__lead_fca__given_name",
            "proceedings__lead_fca__family_name",
        )
        .annotate(
            not_met=Subquery(not_met.values("outcome")[:1]),
            not_met_on=Subquery(not_met.values("occurred_at")[:1]),
            reason=Subquery(not_met.values("not_met_reason")[:1]),
            total=Window(Count("pk")),
            place_name=F(place),
        )[:limit]
    )
    today = today or timezone.localdate()
    outcomes = dict(Meeting.Outcome.choices)
    file_url, detail_url = link_maker("children:about"), link_maker("proceedings:detail")
    rows = [
        NotSeenRow(
            child_name=f"{row['child__preferred_name']} {row['child__legal_family_name']}",
            file_url=file_url(row["child__uuid"]),
            court_number=row["proceedings__court_number"],
            proceedings_url=detail_url(row["proceedings__uuid"]),
            received_on=row["proceedings__received_on"],
            days_since=(today - row["proceedings__received_on"]).days,
            lead_fca=" ".join(
                part
                for part in (
                    row["proceedings__lead_fca__given_name"],
                    row["proceedings__lead_fca__family_name"],
                )
                if part
            ),
            area_name=row["proceedings__service_area__name"],
            not_met=outcomes.get(row["not_met"]),
            not_met_on=row["not_met_on"],
            reason=row["reason"] or "",
        )
        for row in found
    ]
    if found:
        total, place_name = found[0]["total"], found[0]["place_name"]
    else:
        total, place_name = 0, (user.region if in_region else user.service_area).name
    return NotSeenPage(rows=rows, total=total, place_name=place_name)
