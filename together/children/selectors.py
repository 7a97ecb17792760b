"""Reading children's files. Every read of one child goes through child_get_for_user."""

import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from django.db.models import Exists, OuterRef, Subquery
from django.http import Http404
from django.utils import timezone

from together.accounts.models import REGION_ROLES, User
from together.core.prepared import PreparedQuery, model_from_values
from together.proceedings.models import Allocation, Hearing, Proceedings, ProceedingsChild

from . import rules
from .models import BreakGlass, Child, ChildConnection, Meeting, TimelineEntry

# A child not seen for this long is flagged on "My children".
NOT_SEEN_AFTER = timedelta(weeks=6)
# A child not yet seen this long after allocation is flagged too.
FIRST_MEETING_WITHIN = timedelta(days=10)


def _child_with_access(shape, *, child_uuid, user_id, service_area_id=None, region_id=None):
    """The query behind child_get_for_user, for a user of the role and state in `shape`."""
    role, is_active = shape
    asking = User(
        pk=user_id,
        role=role,
        is_active=is_active,
        service_area_id=service_area_id,
        region_id=region_id,
    )
    return Child.objects.annotate(
        everyday_access=rules.everyday_access_annotation(asking), **_summary_annotations()
    ).filter(uuid=child_uuid)


_CHILD_WITH_ACCESS = PreparedQuery(_child_with_access)


def child_get_for_user(*, user, child_id) -> Child:
    """The child, if `user` may see their file; otherwise 404, exactly as if there were no child."""
    # The child's own query answers the everyday question (its SQL is compiled once per role:
    # every page of a file asks it). Only someone without an everyday reason is asked a second
    # question: did they open the file by giving a reason? The same 404 follows whether there is
    # no child or no right to see.
    try:
        child_uuid = child_id if isinstance(child_id, uuid.UUID) else uuid.UUID(str(child_id))
    except ValueError:
        raise Http404("No child found") from None
    values = {"child_uuid": child_uuid, "user_id": user.pk}
    if user.role in rules.SEES_AREA:
        values["service_area_id"] = user.service_area_id
    elif user.role in REGION_ROLES:
        values["region_id"] = user.region_id
    found = _CHILD_WITH_ACCESS.get((user.role, user.is_active), **values)
    if not found:
        raise Http404("No child found")
    child = found[0]
    child.glass_broken = False
    if not child.everyday_access:
        child.glass_broken = BreakGlass.objects.filter(
            child=child, user_id=user.pk, expires_at__gt=timezone.now()
        ).exists()
        if not child.glass_broken:
            raise Http404("No child found")
    child.everyday_access_user_id = user.pk  # whose answer child.everyday_access is
    return child


def child_get_for_break_glass(*, user, child_id) -> Child:
    """Any child, for the break-the-glass question. Only offered to roles that may ask."""
    if not rules.may_break_glass(user):
        raise Http404("No child found")
    try:
        return Child.objects.get(uuid=child_id)
    except (Child.DoesNotExist, ValueError):
        raise Http404("No child found") from None


@dataclass(frozen=True)
class FileSummary:
    in_open_proceedings: bool
    seen: bool
    seen_in_person: bool
    last_meeting: Meeting | None
    everyday_access: bool


def _summary_annotations() -> dict:
    """The facts at the top of every page of a child's file, as annotations on the child's row
    (see child_file_summary)."""

    def earliest_open(child):
        return (
            Proceedings.objects.filter(child_links__child=child, closed_on__isnull=True)
            .order_by("received_on")
            .values("received_on")[:1]
        )

    meetings = Meeting.objects.filter(child=OuterRef("pk"))
    last = meetings.order_by("-occurred_at")
    # Meetings on or after the day (in London) the earliest open proceedings were received.
    since = meetings.filter(
        occurred_at__date__gte=Subquery(earliest_open(OuterRef(OuterRef("pk"))))
    )
    return {
        "summary_earliest_open": Subquery(earliest_open(OuterRef("pk"))),
        "summary_last_at": Subquery(last.values("occurred_at")[:1]),
        "summary_last_method": Subquery(last.values("method")[:1]),
        "summary_seen": Exists(since),
        "summary_seen_in_person": Exists(since.filter(method=Meeting.Method.IN_PERSON)),
    }


_SUMMARY_FIELDS = tuple(_summary_annotations())


def _file_summary_query(shape, *, child_id):
    return Child.objects.filter(pk=child_id).values(**_summary_annotations())


_FILE_SUMMARY = PreparedQuery(_file_summary_query)


def child_file_summary(*, user, child: Child) -> FileSummary:
    """What the top of every page of a child's file shows: whether the child is in open
    proceedings and has been seen (and seen in person) since they began, and their last meeting.
    One query, compiled once: every page of the file asks it."""
    # A child read by child_get_for_user carries the summary already (one query fewer on every
    # page of the file); a child read another way (with a plan, say) asks for it.
    if hasattr(child, "summary_seen"):
        row = {name: getattr(child, name) for name in _SUMMARY_FIELDS}
    else:
        (row,) = _FILE_SUMMARY.get("summary", child_id=child.pk)
    in_open = row["summary_earliest_open"] is not None
    last = None
    if row["summary_last_at"] is not None:
        last = Meeting(
            child=child, occurred_at=row["summary_last_at"], method=row["summary_last_method"]
        )
    return FileSummary(
        in_open_proceedings=in_open,
        seen=in_open and bool(row["summary_seen"]),
        seen_in_person=in_open and bool(row["summary_seen_in_person"]),
        last_meeting=last,
        everyday_access=rules.has_everyday_access(user, child),
    )


def latest_open_proceedings(child: Child) -> Proceedings | None:
    """The most recently received open proceedings the child is in, if any."""
    return (
        Proceedings.objects.filter(child_links__child=child, closed_on__isnull=True)
        .select_related("lead_fca", "service_area")
        .order_by("-received_on")
        .first()
    )


# The reads behind each page of the file, compiled once (ADR 0010): every page view asks one.
_CONNECTIONS = PreparedQuery(
    lambda shape, *, child_id: (
        ChildConnection.objects.filter(child_id=child_id)
        .select_related("person")
        .order_by("person__kind", "relationship", "person__given_name")
    )
)


def connections_for_child(child: Child) -> list[ChildConnection]:
    return _CONNECTIONS.get("all", child_id=child.pk)


def _parties(shape, *, child_id):
    from together.proceedings.models import Party

    return Party.objects.filter(proceedings__child_links__child_id=child_id).select_related(
        "proceedings"
    )


_PARTIES = PreparedQuery(_parties)


def parties_by_person(child: Child) -> dict[int, list]:
    """Each family member's part in the child's proceedings, keyed by the person's id."""
    result: dict[int, list] = {}
    for party in _PARTIES.get("all", child_id=child.pk):
        result.setdefault(party.person_id, []).append(party)
    return result


_PROCEEDINGS = PreparedQuery(
    lambda shape, *, child_id: (
        Proceedings.objects.filter(child_links__child_id=child_id)
        .select_related("lead_fca", "service_area")
        .order_by("closed_on", "-received_on")
    )
)
_HEARINGS = PreparedQuery(
    lambda shape, *, child_id: Hearing.objects.filter(
        proceedings__child_links__child_id=child_id
    ).order_by("proceedings_id", "starts_at", "pk")
)


def proceedings_for_child(child: Child) -> list[Proceedings]:
    """Every set of proceedings the child has been in, open ones first, each with its hearings
    in date order as `hearing_list`. Two queries."""
    found = _PROCEEDINGS.get("all", child_id=child.pk)
    hearings: dict[int, list[Hearing]] = {}
    for hearing in _HEARINGS.get("all", child_id=child.pk):
        hearings.setdefault(hearing.proceedings_id, []).append(hearing)
    for proceedings in found:
        proceedings.hearing_list = hearings.get(proceedings.pk, [])
    return found


_MEETINGS = PreparedQuery(
    lambda shape, *, child_id: Meeting.objects.filter(child_id=child_id).select_related(
        "recorded_by", "proceedings"
    )
)


def meetings_for_child(child: Child) -> list[Meeting]:
    return _MEETINGS.get("all", child_id=child.pk)


TIMELINE_LIMIT = 200
_TIMELINE = PreparedQuery(
    lambda shape, *, child_id: TimelineEntry.objects.filter(child_id=child_id).select_related(
        "actor"
    )[:TIMELINE_LIMIT]
)


def timeline_for_child(child: Child, kind: str | None = None) -> list[TimelineEntry]:
    """The newest entries on the file (all of them, or of one kind)."""
    if not kind:
        return _TIMELINE.get("all", child_id=child.pk)
    entries = TimelineEntry.objects.filter(child=child, kind=kind).select_related("actor")
    return list(entries[:TIMELINE_LIMIT])


def _provenance(shape, *, child_id):
    return (
        Child.history.filter(id=child_id)
        .order_by("history_date", "history_id")
        .values(
            *_about_fields(),
            "history_date",
            "history_user__given_name",
            "history_user__family_name",
        )
    )


_PROVENANCE = PreparedQuery(_provenance)


def about_me_provenance(child: Child) -> dict[str, tuple]:
    """Who last recorded each About me field and when, from the file's history. Reads plain
    values rather than history objects: a file's history can be long, and only names are shown."""
    fields = _about_fields()
    provenance: dict[str, tuple] = {}
    previous = None
    for record in _PROVENANCE.get("all", child_id=child.pk):
        given, family = record["history_user__given_name"], record["history_user__family_name"]
        who = Recorder(f"{given or ''} {family or ''}".strip()) if given or family else None
        values = [record[field] for field in fields]
        for index, field in enumerate(fields):
            if previous is None or previous[index] != values[index]:
                provenance[field] = (who, record["history_date"])
        previous = values
    return provenance


@dataclass(frozen=True)
class Recorder:
    """Who recorded a detail, as the page names them."""

    full_name: str


# About me as the page shows it: groups of (field, label), in the order a person reads them.
ABOUT_ME_LAYOUT = [
    (
        "Their name",
        [
            ("preferred_name", "The name they use"),
            ("name_spelling", "How to spell it"),
            ("name_pronunciation", "How to say it"),
            ("pronouns", "Pronouns"),
            ("date_of_birth", "Date of birth"),
        ],
    ),
    (
        "Language and how they want to talk with us",
        [
            ("first_language", "First language"),
            ("preferred_language", "Language they prefer"),
            ("needs_interpreter", "Needs an interpreter"),
            ("needs_translated_documents", "Needs documents translated"),
            ("communication", "How they want to talk with us"),
            ("communication_needs", "What helps them read or take part"),
        ],
    ),
    (
        "Who they are",
        [
            ("special_and_unique", "What is special and unique about them"),
            ("enjoys", "What they enjoy"),
            ("school", "School or nursery"),
        ],
    ),
    (
        "The parts of who they are they want us to know",
        [
            ("identity_culture", "Culture"),
            ("identity_faith", "Faith"),
            ("identity_language", "Language"),
            ("identity_disability", "Disability"),
            ("identity_gender", "Gender identity"),
            ("identity_other", "Anything else"),
        ],
    ),
]
_OWN_WORDS_GROUP = {
    "special_and_unique": "special_and_unique",
    "enjoys": "enjoys",
    **{
        f"identity_{part}": "identity"
        for part in ("culture", "faith", "language", "disability", "gender", "other")
    },
}


@dataclass(frozen=True)
class AboutRow:
    field: str
    label: str
    value: object
    own_words: bool
    recorded_by: object
    recorded_at: datetime | None


def about_me_rows(child: Child) -> list[tuple[str, list[AboutRow]]]:
    """About me, field by field, with who recorded each and when (one query, on history)."""
    from .models import Communication, CommunicationNeed

    provenance = about_me_provenance(child)
    labels = {**dict(Communication.choices), **dict(CommunicationNeed.choices)}
    groups = []
    for heading, fields in ABOUT_ME_LAYOUT:
        rows = []
        for field, label in fields:
            value = getattr(child, field)
            if isinstance(value, list):
                value = ", ".join(str(labels.get(v, v)) for v in value)
            elif isinstance(value, bool):
                value = "Yes" if value else "No"
            by, at = provenance.get(field, (None, None))
            own = _OWN_WORDS_GROUP.get(field) in child.own_words
            rows.append(AboutRow(field, label, value, own, by, at))
        groups.append((heading, rows))
    return groups


def _about_fields():
    from .services import ABOUT_ME_FIELDS

    return ABOUT_ME_FIELDS


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


# What a row of "My children" shows of the child and of the proceedings (the rest is deferred).
MY_CHILDREN_CHILD = ("id", "uuid", "preferred_name", "legal_family_name", "date_of_birth")
MY_CHILDREN_PROCEEDINGS = ("id", "uuid", "kind", "court_number")


def my_children_links(*, user_id, now):
    """The query behind "My children": one row (as a dict) per child in each open set of
    proceedings led by the user, with their last meeting, next hearing and allocation."""
    last_meeting = Meeting.objects.filter(child=OuterRef("child_id")).order_by("-occurred_at")
    next_hearing = Hearing.objects.filter(
        proceedings=OuterRef("proceedings_id"), starts_at__gte=now
    ).order_by("starts_at")
    allocated = Allocation.objects.filter(
        proceedings=OuterRef("proceedings_id"), fca_id=user_id, ended_at__isnull=True
    ).order_by("-started_at")
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


_MY_CHILDREN = PreparedQuery(
    lambda shape, *, user_id, now: my_children_links(user_id=user_id, now=now)
)


def my_children(user, today: date | None = None) -> list[MyChild]:
    """Every child in the open proceedings allocated to `user`, most urgent first. One query,
    compiled once: every FCA's home page asks it."""
    now = timezone.now()
    rows = _MY_CHILDREN.get("my children", user_id=user.pk, now=now)
    return my_children_rows(rows, now=now, today=today or timezone.localdate())


def my_children_rows(rows, *, now, today) -> list[MyChild]:
    """Rows of "My children" from my_children_links, with what is overdue, most urgent first."""
    result = []
    methods = dict(Meeting.Method.choices)
    for row in rows:
        child = model_from_values(
            Child, {name: row[f"child__{name}"] for name in MY_CHILDREN_CHILD}
        )
        proceedings = model_from_values(
            Proceedings, {name: row[f"proceedings__{name}"] for name in MY_CHILDREN_PROCEEDINGS}
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


def break_glass_for_managers(user, limit: int = 100) -> list[BreakGlass]:
    """Files opened by breaking the glass, for the managers of the children's areas."""
    visible = rules.everyday_access_q(user)
    return list(
        BreakGlass.objects.filter(Exists(Child.objects.filter(visible, pk=OuterRef("child_id"))))
        .select_related("user", "child")
        .order_by("-opened_at")[:limit]
    )
