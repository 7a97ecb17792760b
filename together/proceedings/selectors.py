"""Reading proceedings. Every read of one set of proceedings checks access as it reads."""

import difflib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, F, IntegerField, OuterRef, Prefetch, Subquery, Window
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import timezone

from together.accounts.models import REGION_ROLES, Role, User
from together.children.models import Child
from together.core.links import link_maker
from together.organisation.models import Team, TeamMembership

from . import rules
from .models import Allocation, Hearing, Party, PartyRole, Proceedings, ProceedingsChild, Stage

# Caseload ceilings: not a hard limit, a line the service watches (DESIGN.md, section 3).
CEILING_AFTER_FIRST_HEARING = 25
CEILING_BEFORE_FIRST_HEARING = 40

# How alike two names must be (difflib's ratio) to ask whether two children are the same child.
CLOSE_SPELLING = 0.8


def _get(queryset, proceedings_id) -> Proceedings:
    try:
        return queryset.get(uuid=proceedings_id)
    except (Proceedings.DoesNotExist, ValueError):
        raise Http404("No proceedings found") from None


def proceedings_get_for_user(*, user, proceedings_id) -> Proceedings:
    """The proceedings, if `user` may see a child in them; otherwise 404, as if there were none."""
    return _get(
        rules.visible_proceedings(user).select_related("service_area", "team", "lead_fca"),
        proceedings_id,
    )


def proceedings_get_for_allocation(*, user, proceedings_id) -> Proceedings:
    """Open proceedings in the service manager's own area; 404 for anyone else."""
    if not rules.may_allocate_in_area(user):
        raise Http404("No proceedings found")
    proceedings = _get(
        Proceedings.objects.filter(
            service_area_id=user.service_area_id, closed_on__isnull=True
        ).select_related("service_area", "team", "lead_fca"),
        proceedings_id,
    )
    if not rules.may_allocate(user, proceedings):
        raise Http404("No proceedings found")
    return proceedings


def proceedings_get_for_hearing(*, user, proceedings_id) -> Proceedings:
    """The proceedings, if `user` may record their hearings; otherwise 404."""
    proceedings = proceedings_get_for_user(user=user, proceedings_id=proceedings_id)
    if not rules.may_record_hearing(user, proceedings):
        raise Http404("No proceedings found")
    return proceedings


@dataclass(frozen=True)
class ProceedingsDetail:
    proceedings: Proceedings
    children: list[Child]
    parties: list[Party]
    hearings: list[Hearing]
    allocations: list[Allocation]
    days_waiting: int | None


_PARTY_ORDER = {role: n for n, role in enumerate(PartyRole.values)}


def proceedings_detail(proceedings: Proceedings, today: date | None = None) -> ProceedingsDetail:
    """Everything the proceedings page shows, in four queries whatever the numbers."""
    children = list(
        Child.objects.filter(proceedings_links__proceedings=proceedings).order_by(
            "preferred_name", "legal_family_name", "pk"
        )
    )
    parties = sorted(
        Party.objects.filter(proceedings=proceedings).select_related("person"),
        key=lambda p: (_PARTY_ORDER.get(p.role, 99), str(p.person).lower()),
    )
    hearings = list(Hearing.objects.filter(proceedings=proceedings).order_by("starts_at", "pk"))
    allocations = list(
        Allocation.objects.filter(proceedings=proceedings)
        .select_related("fca", "team", "allocated_by")
        .order_by("-started_at", "-pk")
    )
    waiting = None
    if proceedings.on_duty:
        waiting = ((today or timezone.localdate()) - proceedings.received_on).days
    return ProceedingsDetail(proceedings, children, parties, hearings, allocations, waiting)


def current_allocation(proceedings: Proceedings) -> Allocation | None:
    return (
        Allocation.objects.filter(proceedings=proceedings, ended_at__isnull=True)
        .select_related("fca", "allocated_by")
        .first()
    )


# The duty list


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

    @property
    def in_allocation_hub(self) -> bool:
        return self.team_kind == Team.Kind.ALLOCATION_HUB


# A duty list longer than this is shown a page at a time, longest waiting first.
DUTY_LIST_PAGE_SIZE = 25

# What a row of the duty list shows of its proceedings, their team and service area (the rest
# of each record is left unread: a page of the list reads a few hundred values, not a few hundred
# whole records).
_DUTY_FIELDS = (
    "uuid",
    "court_number",
    "kind",
    "received_on",
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


def _waiting(user):
    """Open proceedings with no lead FCA that `user` holds on duty, oldest first."""
    if not rules.may_view_duty_list(user):
        raise Http404("No duty list")
    waiting = Proceedings.objects.filter(lead_fca__isnull=True, closed_on__isnull=True)
    if user.role in REGION_ROLES:
        waiting = waiting.filter(service_area__region_id=user.region_id)
    else:
        waiting = waiting.filter(service_area_id=user.service_area_id)
    return waiting.order_by("received_on", "pk")


def _duty_fields(waiting):
    return waiting.select_related("team", "service_area").only(*_DUTY_FIELDS)


def _duty_rows(found: list[Proceedings], today) -> list[DutyRow]:
    names: dict[int, list[str]] = {}
    links = (
        ProceedingsChild.objects.filter(
            proceedings_id__in=[proceedings.pk for proceedings in found]
        )
        .order_by("child__preferred_name", "child__pk")
        .values_list("proceedings_id", "child__preferred_name", "child__legal_family_name")
    )
    for proceedings_id, preferred, family in links:
        names.setdefault(proceedings_id, []).append(f"{preferred} {family}")
    detail_url, allocate_url = link_maker("proceedings:detail"), link_maker("proceedings:allocate")
    rows = []
    for proceedings in found:
        team = proceedings.team
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
            )
        )
    return rows


def duty_list(*, user, today: date | None = None) -> list[DutyRow]:
    """Open proceedings with no lead FCA in the user's service area (or region), oldest first.

    Two queries whatever the number of rows. 404 for anyone who holds no duty list.
    """
    return _duty_rows(list(_duty_fields(_waiting(user))), today or timezone.localdate())


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
    in_region = user.role in REGION_ROLES
    place = "service_area__region__name" if in_region else "service_area__name"
    waiting = _duty_fields(_waiting(user)).annotate(total=Window(Count("pk")), place_name=F(place))

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
        rows=_duty_rows(found, today or timezone.localdate()),
        total=total,
        number=number,
        pages=pages,
        first=first,
        last=first + len(found) - 1 if found else 0,
        place_name=place_name,
    )


# Caseloads, for choosing whom to allocate


@dataclass(frozen=True)
class Caseload:
    fca: User
    team: Team
    after_first_hearing: int
    before_first_hearing: int

    @property
    def at_ceiling_after(self) -> bool:
        return self.after_first_hearing >= CEILING_AFTER_FIRST_HEARING

    @property
    def at_ceiling_before(self) -> bool:
        return self.before_first_hearing >= CEILING_BEFORE_FIRST_HEARING

    @property
    def at_ceiling(self) -> bool:
        return self.at_ceiling_after or self.at_ceiling_before

    @property
    def ceiling_after(self) -> int:
        return CEILING_AFTER_FIRST_HEARING

    @property
    def ceiling_before(self) -> int:
        return CEILING_BEFORE_FIRST_HEARING


def _open_lead_count(stage: str):
    counts = (
        Proceedings.objects.filter(
            lead_fca_id=OuterRef("user_id"), closed_on__isnull=True, stage=stage
        )
        .order_by()
        .values("lead_fca_id")
        .annotate(n=Count("pk"))
        .values("n")[:1]
    )
    return Coalesce(Subquery(counts, output_field=IntegerField()), 0)


def fca_caseloads(service_area) -> list[Caseload]:
    """The FCAs working in the area's teams now, each with the open proceedings they lead by
    stage. One query; an FCA in two of the area's teams is listed once, with their newest team."""
    memberships = (
        TeamMembership.objects.filter(
            team__service_area=service_area,
            ended_on__isnull=True,
            user__role=Role.FCA,
            user__is_active=True,
        )
        .select_related("user", "team")
        .annotate(
            after=_open_lead_count(Stage.AFTER_FIRST_HEARING),
            before=_open_lead_count(Stage.BEFORE_FIRST_HEARING),
        )
        .order_by("user__family_name", "user__given_name", "user_id", "-started_on")
    )
    rows: dict[int, Caseload] = {}
    for m in memberships:
        if m.user_id not in rows:
            rows[m.user_id] = Caseload(m.user, m.team, m.after, m.before)
    return list(rows.values())


# Possible duplicates, before a new child's record is made


@dataclass(frozen=True)
class ChildDetails:
    """A child as written on a new application, before any record exists."""

    legal_given_names: str
    legal_family_name: str
    preferred_name: str
    date_of_birth: date


@dataclass(frozen=True)
class PossibleMatch:
    child: Child
    court_numbers: list[str] = field(default_factory=list)


def _norm(text: str) -> str:
    return " ".join((text or "").lower().split())


def _names(given: str, preferred: str) -> set[str]:
    given = _norm(given)
    names = {given, _norm(preferred)}
    if given:
        names.add(given.split()[0])
    return names - {""}


def is_possible_match(details: ChildDetails, child: Child) -> bool:
    """Same date of birth, and the same family name or a close spelling of a first name."""
    if details.date_of_birth != child.date_of_birth:
        return False
    if _norm(details.legal_family_name) == _norm(child.legal_family_name):
        return True
    ours = _names(details.legal_given_names, details.preferred_name)
    theirs = _names(child.legal_given_names, child.preferred_name)
    return any(
        difflib.SequenceMatcher(None, a, b).ratio() >= CLOSE_SPELLING for a in ours for b in theirs
    )


def possible_duplicates(*, user, children: Sequence[ChildDetails]) -> list[list[PossibleMatch]]:
    """For each child on an application, the existing children who may be the same child.

    Searches the whole country (a child moves between areas), so only those who add
    applications may ask, and the answer is kept to what it takes to tell children apart.
    Looks only among children born on the same days (an indexed lookup), then compares names in
    Python. Two queries whatever the number of children.
    """
    if not rules.may_create_proceedings(user):
        raise Http404("No children found")
    births = {c.date_of_birth for c in children}
    if not births:
        return [[] for _ in children]
    candidates = list(
        Child.objects.filter(date_of_birth__in=births)
        .prefetch_related(
            Prefetch(
                "proceedings",
                queryset=Proceedings.objects.only("id", "court_number").order_by("received_on"),
            )
        )
        .order_by("preferred_name", "pk")
    )
    return [
        [
            PossibleMatch(child, [p.court_number for p in child.proceedings.all()])
            for child in candidates
            if is_possible_match(details, child)
        ]
        for details in children
    ]
