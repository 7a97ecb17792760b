"""The duty list: open proceedings with no lead FCA, soonest needed first, a page at a time."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Case, Count, DateField, Exists, F, OuterRef, When, Window
from django.http import Http404
from django.utils import timezone

from together.accounts.models import REGION_ROLES
from together.core.links import link_maker
from together.organisation.models import Team

from .. import rules
from ..models import Party, Proceedings, ProceedingsChild


@dataclass(frozen=True)
class DutyRow:
    proceedings: Proceedings  # with only what the list shows; anything else is read if asked
    days_waiting: int
    children: list[str]  # names, as the list shows them
    team_name: str = ""
    team_kind: str = ""
    area_name: str = ""
    detail_url: str = ""
    allocate_url: str = ""
    # What the work is needed by: the first hearing still to come, or else the report's due date.
    needed_by: date | None = None
    needed_for: str = ""
    days_to_go: int | None = None
    # What changes who should take it.
    interpreter_needed: bool = False
    domestic_abuse_noted: bool = False
    # Marked on a child's own file (from the safeguarding enquiries or the plan).
    domestic_abuse_on_file: bool = False

    @property
    def in_allocation_hub(self) -> bool:
        return self.team_kind == Team.Kind.ALLOCATION_HUB

    @property
    def held(self) -> str:
        """Where the work waits: "On duty", or the allocation hub by its name (which usually
        says it is one: "Northumbria allocation hub")."""
        if not self.in_allocation_hub:
            return "On duty"
        if "allocation hub" in self.team_name.lower():
            return self.team_name
        return f"Allocation hub: {self.team_name}"

    @property
    def how_soon(self) -> str:
        """When the work is needed, from today, as people say it: "in 2 days", "3 days ago"."""
        days = self.days_to_go
        if days is None:
            return ""
        if days in (0, 1, -1):
            return {0: "today", 1: "tomorrow", -1: "yesterday"}[days]
        return f"in {days} days" if days > 0 else f"{-days} days ago"

    @property
    def flags(self) -> list[str]:
        return [
            label
            for label, on in (
                ("Interpreter needed", self.interpreter_needed),
                ("Domestic abuse noted", self.domestic_abuse_noted),
                ("Domestic abuse on a child's file", self.domestic_abuse_on_file),
            )
            if on
        ]


# A duty list longer than this is shown a page at a time, soonest needed first.
DUTY_LIST_PAGE_SIZE = 25

# What a row of the duty list shows of its proceedings, their team and service area (the rest
# of each record is left unread: a page of the list reads a few hundred values, not a few hundred
# whole records).
_DUTY_FIELDS = (
    "uuid",
    "court_number",
    "kind",
    "received_on",
    "first_hearing_on",
    "report_due_on",
    "domestic_abuse_noted",
    "team__name",
    "team__kind",
    "service_area__name",
)


@dataclass(frozen=True)
class DutyListPage:
    rows: list[DutyRow]
    total: int
    number: int
    pages: int
    first: int  # the positions of the first and last rows on this page in the whole list
    last: int
    place_name: str  # the service area (or region) the list is for


def _needed_by(today: date):
    """The date the work is needed by: the first hearing if it is still to come, otherwise the
    report's due date (None if neither is known)."""
    return Case(
        When(first_hearing_on__gte=today, then=F("first_hearing_on")),
        default=F("report_due_on"),
        output_field=DateField(),
    )


def _waiting(user, today: date):
    """Open proceedings with no lead FCA that `user` holds on duty, those needed soonest first
    (a date passed already first of all), then those with no date, each longest waiting first."""
    if not rules.may_view_duty_list(user):
        raise Http404("No duty list")
    waiting = Proceedings.objects.filter(lead_fca__isnull=True, closed_on__isnull=True)
    if user.role in REGION_ROLES:
        waiting = waiting.filter(service_area__region_id=user.region_id)
    else:
        waiting = waiting.filter(service_area_id=user.service_area_id)
    return waiting.annotate(needed_by=_needed_by(today)).order_by(
        F("needed_by").asc(nulls_last=True), "received_on", "pk"
    )


def _duty_fields(waiting):
    # Whether a party needs an interpreter, in the same query (the children's needs come with
    # their names).
    party_interpreter = Party.objects.filter(
        proceedings=OuterRef("pk"), person__needs_interpreter=True
    )
    return (
        waiting.select_related("team", "service_area")
        .only(*_DUTY_FIELDS)
        .annotate(party_needs_interpreter=Exists(party_interpreter))
    )


def _duty_rows(found: list[Proceedings], today) -> list[DutyRow]:
    names: dict[int, list[str]] = {}
    interpreter: set[int] = set()
    abuse: set[int] = set()
    links = (
        ProceedingsChild.objects.filter(
            proceedings_id__in=[proceedings.pk for proceedings in found]
        )
        .order_by("child__preferred_name", "child__pk")
        .values_list(
            "proceedings_id",
            "child__preferred_name",
            "child__legal_family_name",
            "child__needs_interpreter",
            "child__domestic_abuse",
        )
    )
    for proceedings_id, preferred, family, needs_interpreter, domestic_abuse in links:
        names.setdefault(proceedings_id, []).append(f"{preferred} {family}")
        if needs_interpreter:
            interpreter.add(proceedings_id)
        if domestic_abuse:
            abuse.add(proceedings_id)
    detail_url, allocate_url = link_maker("proceedings:detail"), link_maker("proceedings:allocate")
    rows = []
    for proceedings in found:
        team = proceedings.team
        needed_by = proceedings.needed_by
        rows.append(
            DutyRow(
                proceedings=proceedings,
                days_waiting=(today - proceedings.received_on).days,
                children=names.get(proceedings.pk, []),
                team_name=team.name if team else "",
                team_kind=team.kind if team else "",
                area_name=proceedings.service_area.name,
                detail_url=detail_url(proceedings.uuid),
                allocate_url=allocate_url(proceedings.uuid),
                needed_by=needed_by,
                needed_for=_needed_for(proceedings),
                days_to_go=None if needed_by is None else (needed_by - today).days,
                interpreter_needed=proceedings.pk in interpreter
                or proceedings.party_needs_interpreter,
                domestic_abuse_noted=proceedings.domestic_abuse_noted,
                domestic_abuse_on_file=proceedings.pk in abuse,
            )
        )
    return rows


def _needed_for(proceedings: Proceedings) -> str:
    if proceedings.needed_by is None:
        return ""
    if proceedings.needed_by == proceedings.first_hearing_on:
        return "First hearing"
    return "Report due"


def duty_list(*, user, today: date | None = None) -> list[DutyRow]:
    """Open proceedings with no lead FCA in the user's service area (or region), those needed
    soonest first (see _waiting).

    Two queries whatever the number of rows. 404 for anyone who holds no duty list.
    """
    today = today or timezone.localdate()
    return _duty_rows(list(_duty_fields(_waiting(user, today))), today)


def _page_number(page) -> int:
    try:
        return max(int(page), 1)
    except (TypeError, ValueError):
        return 1


def duty_list_page(
    *, user, page=1, today: date | None = None, per_page: int = DUTY_LIST_PAGE_SIZE
) -> DutyListPage:
    """One page of the duty list. A page number that is not a number, or is below 1, gives the
    first page; one past the end gives the last page.

    Two queries: the page, carrying how many are waiting in all and where (a window count and
    the area's or region's name on each row), then their children. Only a page past the end
    costs a count and a second read of the page."""
    number = _page_number(page)
    today = today or timezone.localdate()
    in_region = user.role in REGION_ROLES
    place = "service_area__region__name" if in_region else "service_area__name"
    waiting = _duty_fields(_waiting(user, today)).annotate(
        total=Window(Count("pk")), place_name=F(place)
    )

    def read(number):
        start = (number - 1) * per_page
        return list(waiting[start : start + per_page])

    found = read(number)
    if found:
        total, place_name = found[0].total, found[0].place_name
    else:
        total = waiting.count()
        if total and number > 1:
            number = -(-total // per_page)
            found = read(number)
        place_name = (user.region if in_region else user.service_area).name
    pages = max(-(-total // per_page), 1)
    first = (number - 1) * per_page + 1 if found else 0
    return DutyListPage(
        rows=_duty_rows(found, today),
        total=total,
        number=number,
        pages=pages,
        first=first,
        last=first + len(found) - 1 if found else 0,
        place_name=place_name,
    )
