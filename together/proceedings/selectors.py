"""Reading proceedings. Every read of one set of proceedings checks access as it reads."""

import difflib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from django.db.models import Count, F, IntegerField, OuterRef, Prefetch, Subquery, Window
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import timezone

from together.accounts.models import REGION_ROLES, Role, User
from together.children.models import Child, Meeting
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
    """The current lead allocation, if the proceedings have a lead FCA."""
    return (
        Allocation.objects.filter(
            proceedings=proceedings, ended_at__isnull=True, kind=Allocation.Kind.LEAD
        )
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


# --- My children -------------------------------------------------------------------------------

# A child not seen for this long is flagged on "My children".
NOT_SEEN_AFTER = timedelta(weeks=6)
# A child not yet seen this long after allocation is flagged too.
FIRST_MEETING_WITHIN = timedelta(days=10)


@dataclass(frozen=True)
class MyChild:
    child: Child
    age: int
    proceedings: Proceedings
    next_hearing: datetime | None
    last_seen: datetime | None
    last_seen_method: str | None
    allocated_at: datetime | None
    overdue: list[str]
    urgency: tuple


# What a row of "My children" shows of the child and of the proceedings.
MY_CHILDREN_CHILD = ("id", "uuid", "preferred_name", "legal_family_name", "date_of_birth")
MY_CHILDREN_PROCEEDINGS = ("id", "uuid", "kind", "court_number")


def my_children_links(*, user_id, now):
    """The query behind "My children": one row (as a dict) per child in each open set of
    proceedings led by the user, with their last meeting, next hearing and when the user's
    current allocation began. Other apps add their own annotations on child_id and
    proceedings_id (see home.selectors)."""
    last_meeting = Meeting.objects.filter(child=OuterRef("child_id")).order_by("-occurred_at")
    next_hearing = Hearing.objects.filter(
        proceedings=OuterRef("proceedings_id"), starts_at__gte=now
    ).order_by("starts_at")
    allocated = (
        rules.current_allocations("proceedings__").filter(fca_id=user_id).order_by("-started_at")
    )
    return (
        ProceedingsChild.objects.filter(
            proceedings__lead_fca_id=user_id, proceedings__closed_on__isnull=True
        )
        .order_by("id")
        .values(
            *(f"child__{name}" for name in MY_CHILDREN_CHILD),
            *(f"proceedings__{name}" for name in MY_CHILDREN_PROCEEDINGS),
        )
        .annotate(
            last_seen=Subquery(last_meeting.values("occurred_at")[:1]),
            last_seen_method=Subquery(last_meeting.values("method")[:1]),
            next_hearing=Subquery(next_hearing.values("starts_at")[:1]),
            allocated_at=Subquery(allocated.values("started_at")[:1]),
        )
    )


def my_children(user, today: date | None = None) -> list[MyChild]:
    """Every child in the open proceedings led by `user`, most urgent first. One query."""
    now = timezone.now()
    rows = my_children_links(user_id=user.pk, now=now)
    return my_children_rows(rows, now=now, today=today or timezone.localdate())


def my_children_rows(rows, *, now, today) -> list[MyChild]:
    """Rows of "My children" from my_children_links, with what is overdue, most urgent first.

    Each row's child and proceedings are made from the values the row carries (those in
    MY_CHILDREN_CHILD and MY_CHILDREN_PROCEEDINGS; the rest keep their defaults): the page shows
    nothing else of them."""
    result = []
    methods = dict(Meeting.Method.choices)
    for row in rows:
        child = Child(**{name: row[f"child__{name}"] for name in MY_CHILDREN_CHILD})
        proceedings = Proceedings(
            **{name: row[f"proceedings__{name}"] for name in MY_CHILDREN_PROCEEDINGS}
        )
        last_seen, allocated_at = row["last_seen"], row["allocated_at"]
        next_hearing = row["next_hearing"]
        overdue = []
        if last_seen is None:
            if allocated_at and now - allocated_at > FIRST_MEETING_WITHIN:
                overdue.append(f"Not seen yet, {(now - allocated_at).days} days after allocation")
            else:
                overdue.append("Not seen yet")
        elif now - last_seen > NOT_SEEN_AFTER:
            overdue.append(f"Not seen for {(now - last_seen).days // 7} weeks")
        seen_since_allocation = last_seen is not None and (
            allocated_at is None or last_seen >= allocated_at
        )
        hearing_soon = next_hearing and next_hearing - now <= timedelta(days=14)
        if hearing_soon and not seen_since_allocation:
            overdue.append("Hearing within 2 weeks, not seen since allocation")
        # Soonest need first: flagged children, then the nearest hearing, then the longest unseen.
        urgency = (
            0 if overdue else 1,
            next_hearing or datetime.max.replace(tzinfo=UTC),
            last_seen or datetime.min.replace(tzinfo=UTC),
        )
        result.append(
            MyChild(
                child=child,
                age=child.age_on(today),
                proceedings=proceedings,
                next_hearing=next_hearing,
                last_seen=last_seen,
                last_seen_method=methods.get(row["last_seen_method"]),
                allocated_at=allocated_at,
                overdue=overdue,
                urgency=urgency,
            )
        )
    return sorted(result, key=lambda row: row.urgency)
