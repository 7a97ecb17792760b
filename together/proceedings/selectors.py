"""Reading proceedings. Every read of one set of proceedings checks access as it reads."""

import difflib
import math
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from django.db.models import (
    Case,
    Count,
    DateField,
    Exists,
    F,
    IntegerField,
    Model,
    OuterRef,
    Prefetch,
    Subquery,
    When,
    Window,
)
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import timezone

from together.accounts.models import REGION_ROLES, Role, User
from together.children.models import Child, Meeting
from together.children.rules import (
    everyday_access_annotation,
    may_see_court_number_outside_access,
)
from together.children.seen import SeenStatus, seen_status
from together.core.links import link_maker
from together.core.queries import database_now
from together.organisation.models import Team, TeamMembership
from together.organisation.rules import manages_area_q

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


# Caseloads, for choosing whom to allocate


def scaled_ceiling(full_time: int, fte: Decimal) -> int:
    """A ceiling for someone working `fte` of full time: 25 x 0.6 = 15. As a whole number of
    sets of proceedings, rounded up (12.5 is 13), so "at or over the ceiling" means the same as
    against the exact line."""
    return math.ceil(Decimal(full_time) * Decimal(fte))


@dataclass(frozen=True)
class StageLoad:
    """An FCA's open proceedings at one stage against their ceiling for it."""

    proceedings: int
    children: int
    ceiling: int

    @property
    def at_ceiling(self) -> bool:
        return self.proceedings >= self.ceiling

    def adding(self, children: int) -> "StageLoad":
        """The load once one more set of proceedings, with `children`, is added."""
        return replace(self, proceedings=self.proceedings + 1, children=self.children + children)


@dataclass(frozen=True)
class Caseload:
    fca: User
    team: Team
    after_first_hearing: int
    before_first_hearing: int
    children_after: int = 0
    children_before: int = 0

    @property
    def fte(self) -> Decimal:
        return self.fca.fte

    @property
    def full_time(self) -> bool:
        return self.fca.fte >= 1

    @property
    def hours(self) -> str:
        """Their working hours as a share of full time, as written: "0.6"."""
        return f"{Decimal(self.fca.fte).normalize():f}"

    @property
    def ceiling_after(self) -> int:
        return scaled_ceiling(CEILING_AFTER_FIRST_HEARING, self.fca.fte)

    @property
    def ceiling_before(self) -> int:
        return scaled_ceiling(CEILING_BEFORE_FIRST_HEARING, self.fca.fte)

    @property
    def after(self) -> StageLoad:
        return StageLoad(self.after_first_hearing, self.children_after, self.ceiling_after)

    @property
    def before(self) -> StageLoad:
        return StageLoad(self.before_first_hearing, self.children_before, self.ceiling_before)

    @property
    def at_ceiling_after(self) -> bool:
        return self.after.at_ceiling

    @property
    def at_ceiling_before(self) -> bool:
        return self.before.at_ceiling

    @property
    def at_ceiling(self) -> bool:
        return self.at_ceiling_after or self.at_ceiling_before

    def at_stage(self, stage: str) -> StageLoad:
        """The load that proceedings at `stage` count against (before the first hearing, or
        after it)."""
        return self.before if stage == Stage.BEFORE_FIRST_HEARING else self.after


def _open_lead(stage: str):
    return Proceedings.objects.filter(
        lead_fca_id=OuterRef("user_id"), closed_on__isnull=True, stage=stage
    ).order_by()


def _open_lead_count(stage: str):
    counts = _open_lead(stage).values("lead_fca_id").annotate(n=Count("pk")).values("n")[:1]
    return Coalesce(Subquery(counts, output_field=IntegerField()), 0)


def _open_lead_children(stage: str):
    """How many children are in the open proceedings at `stage` the FCA leads (a child in two
    of them counted once)."""
    counts = (
        ProceedingsChild.objects.filter(
            proceedings__lead_fca_id=OuterRef("user_id"),
            proceedings__closed_on__isnull=True,
            proceedings__stage=stage,
        )
        .order_by()
        .values("proceedings__lead_fca_id")
        .annotate(n=Count("child_id", distinct=True))
        .values("n")[:1]
    )
    return Coalesce(Subquery(counts, output_field=IntegerField()), 0)


def fca_caseloads(service_area) -> list[Caseload]:
    """The FCAs working in the area's teams now, each with the open proceedings they lead, and
    the children in them, by stage; their ceilings follow their working hours. One query; an
    FCA in two of the area's teams is listed once, with their newest team."""
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
            children_after=_open_lead_children(Stage.AFTER_FIRST_HEARING),
            children_before=_open_lead_children(Stage.BEFORE_FIRST_HEARING),
        )
        .order_by("user__family_name", "user__given_name", "user_id", "-started_on")
    )
    rows: dict[int, Caseload] = {}
    for m in memberships:
        if m.user_id not in rows:
            rows[m.user_id] = Caseload(
                m.user, m.team, m.after, m.before, m.children_after, m.children_before
            )
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
class PartyDetails:
    """A person named on a new application, and their part in it."""

    given_name: str
    family_name: str
    relationship: str  # to the children (children.models.Relationship)
    role: str  # PartyRole


@dataclass(frozen=True)
class PossibleMatch:
    """A child who may be the child on the application, with only what it takes to decide: the
    court numbers of proceedings in the user's own area, and for a file held by another area
    only that area's name (no court numbers, no addresses: ADR 0017)."""

    child: Child
    court_numbers: list[str] = field(default_factory=list)
    # The service areas holding the child's file, when the user has no everyday access to it:
    # linking them needs a reason, listed for those areas' managers.
    held_by: list[str] = field(default_factory=list)

    @property
    def held_elsewhere(self) -> bool:
        return bool(self.held_by)


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
        .annotate(everyday_access=everyday_access_annotation(user))
        .prefetch_related(
            Prefetch(
                "proceedings",
                queryset=Proceedings.objects.only(
                    "id", "court_number", "service_area_id", "service_area__name"
                )
                .select_related("service_area")
                .order_by("received_on", "pk"),
            )
        )
        .order_by("preferred_name", "pk")
    )
    return [
        [_possible_match(user, child) for child in candidates if is_possible_match(details, child)]
        for details in children
    ]


def _possible_match(user, child: Child) -> PossibleMatch:
    found = list(child.proceedings.all())
    # The court's numbers shown are those search shows too: of the user's own area only.
    ours = [
        p.court_number
        for p in found
        if may_see_court_number_outside_access(user, p.service_area_id)
    ]
    held_by = []
    if found and not child.everyday_access:
        held_by = sorted({p.service_area.name for p in found})
    return PossibleMatch(child, ours, held_by)


def court_number_holder(*, user, court_number: str) -> tuple[bool, Proceedings | None]:
    """Whether any proceedings already have this court's number, and, if `user` may see them,
    which (so the page can name them; otherwise it says only that the number is in use)."""
    number = normalise_court_number(court_number)
    holders = list(Proceedings.objects.filter(court_number=number).order_by("pk")[:1])
    if not holders:
        return False, None
    visible = rules.visible_proceedings(user).filter(court_number=number).order_by("pk").first()
    return True, visible


def normalise_court_number(number: str) -> str:
    """Upper case without spaces at either end, as courts write them (and as they are stored)."""
    return (number or "").strip().upper()


# --- My children -------------------------------------------------------------------------------

# When a child is overdue a meeting is said once, in children.seen, with the status every page
# shows.


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
    seen: SeenStatus | None = None  # the one seen status, as the child's file says it


# What a row of "My children" shows of the child and of the proceedings.
MY_CHILDREN_CHILD = ("id", "uuid", "preferred_name", "legal_family_name", "date_of_birth")
MY_CHILDREN_PROCEEDINGS = ("id", "uuid", "kind", "court_number")


def my_children_links(*, user_id=None, now=None):
    """The query behind "My children": one row (as a dict) per child in each open set of
    proceedings led by the user (by every lead FCA when `user_id` is None, for a query built once
    and refined with .filter(proceedings__lead_fca_id=...)), with their last meeting, next hearing
    and when the lead FCA's current allocation began. Other apps add their own annotations on
    child_id and proceedings_id (see home.selectors). Without `now`, the next hearing is read
    against the database's clock (core.queries)."""
    now = database_now() if now is None else now
    last_meeting = Meeting.objects.filter(
        child=OuterRef("child_id"), outcome=Meeting.Outcome.MET
    ).order_by("-occurred_at")
    next_hearing = Hearing.objects.filter(
        proceedings=OuterRef("proceedings_id"), starts_at__gte=now
    ).order_by("starts_at")
    allocated = (
        rules.current_allocations("proceedings__")
        .filter(fca_id=OuterRef("proceedings__lead_fca_id"))
        .order_by("-started_at")
    )
    rows = ProceedingsChild.objects.filter(proceedings__closed_on__isnull=True)
    if user_id is not None:
        rows = rows.filter(proceedings__lead_fca_id=user_id)
    return (
        rows.order_by("id")
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


def _loaded(model, row: dict, prefix: str, names) -> Model:
    """An instance of `model` holding only the named fields, as a queryset's .only() would load
    it (Model.from_db: the other fields are deferred rather than set to their defaults, which
    for a child's forty fields took most of the time of a row)."""
    fields = [f.attname for f in model._meta.concrete_fields if f.attname in names]
    return model.from_db(None, fields, [row[prefix + name] for name in fields])


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
        child = _loaded(Child, row, "child__", MY_CHILDREN_CHILD)
        proceedings = _loaded(Proceedings, row, "proceedings__", MY_CHILDREN_PROCEEDINGS)
        last_seen, allocated_at = row["last_seen"], row["allocated_at"]
        next_hearing = row["next_hearing"]
        seen = seen_status(
            last_seen=last_seen,
            method=row["last_seen_method"],
            now=now,
            waiting_since=allocated_at,
        )
        overdue = [seen.needs] if seen.needs else []
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
                seen=seen,
            )
        )
    return sorted(result, key=lambda row: row.urgency)


# --- Children not seen -------------------------------------------------------------------------

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
