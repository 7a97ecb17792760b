"""Reading children's files. Every read of one child goes through child_get_for_user.

This app sits below `proceedings` and imports nothing from it: what a page of the file shows
about the child's proceedings is read through the relations on Child (`child.proceedings`, the
`proceedings__...` lookups). Reads that are about proceedings first ("My children", the
children in the proceedings someone leads) live in proceedings.selectors.
"""

import uuid
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Exists, Max, Min, OuterRef, Q
from django.http import Http404
from django.utils import timezone

from together.audit.services import child_view_refused_record
from together.core import request_context

from . import rules
from .models import BreakGlass, Child, ChildConnection, Meeting, TimelineEntry
from .seen import SeenStatus, seen_status


def child_get_for_user(*, user, child_id) -> Child:
    """The child, if `user` may see their file; otherwise 404, exactly as if there were no child."""
    # The child's own query answers the everyday question. Only someone without an everyday
    # reason is asked a second question: did they open the file by giving a reason? The same 404
    # follows whether there is no child or no right to see.
    try:
        child_uuid = child_id if isinstance(child_id, uuid.UUID) else uuid.UUID(str(child_id))
    except ValueError:
        raise Http404("No child found") from None
    try:
        child = Child.objects.annotate(everyday_access=rules.everyday_access_annotation(user)).get(
            uuid=child_uuid
        )
    except Child.DoesNotExist:
        raise Http404("No child found") from None
    child.glass_broken = child.temporary_access = False
    if not child.everyday_access:
        # A file given to them for a while (a national audit) reads without breaking the glass.
        child.temporary_access = (
            Child.objects.filter(rules.temporary_access_q(user), pk=child.pk).exists()
            if user.is_authenticated
            else False
        )
        child.glass_broken = (
            not child.temporary_access
            and BreakGlass.objects.filter(
                child=child, user_id=user.pk, expires_at__gt=timezone.now()
            ).exists()
        )
        if not (child.glass_broken or child.temporary_access):
            # Looked the same to them as a missing record; the attempt itself is kept.
            child_view_refused_record(
                by=user, child_id=child.uuid, path=request_context.current().path
            )
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
    status: SeenStatus  # the one seen status, as My children says it too
    not_met: Meeting | None = None  # the newest record, when it says they did not meet


def child_file_summary(*, user, child: Child) -> FileSummary:
    """What the top of every page of a child's file shows: whether the child is in open
    proceedings and has been seen (and seen in person) since they began, their last meeting and
    the seen status made from it (children.seen, as My children says it), and the newest record
    if it says they did not meet. Two short queries: the child's meetings, and their open
    proceedings' dates.

    (Two plain queries rather than nine subqueries on the child's own row: Django builds and
    compiles a query on every request, and that cost more than the round trips; see
    bench/load.py.)"""
    records = list(
        Meeting.objects.filter(child=child)
        .order_by("-occurred_at", "-pk")
        .values_list("occurred_at", "method", "outcome", "not_met_reason")
    )
    # When the child's earliest open proceedings were received, and when the newest current
    # allocation of them began: the clock for a first meeting (read through the child's own
    # relations: children does not import proceedings).
    open_dates = child.proceedings.filter(closed_on__isnull=True).aggregate(
        earliest=Min("received_on"),
        allocated=Max("allocations__started_at", filter=Q(allocations__ended_at__isnull=True)),
    )
    earliest_open = open_dates["earliest"]
    in_open = earliest_open is not None
    met = [(at, method) for at, method, outcome, _ in records if outcome == Meeting.Outcome.MET]
    # Meetings on or after the day (in London) the earliest open proceedings were received.
    since = [method for at, method in met if in_open and timezone.localdate(at) >= earliest_open]
    last = Meeting(child=child, occurred_at=met[0][0], method=met[0][1]) if met else None
    not_met = None
    if records and records[0][2] != Meeting.Outcome.MET:
        at, _, outcome, reason = records[0]
        not_met = Meeting(child=child, outcome=outcome, occurred_at=at, not_met_reason=reason)
    return FileSummary(
        in_open_proceedings=in_open,
        seen=bool(since),
        seen_in_person=Meeting.Method.IN_PERSON in since,
        last_meeting=last,
        everyday_access=rules.has_everyday_access(user, child),
        status=seen_status(
            last_seen=last.occurred_at if last else None,
            method=last.method if last else None,
            waiting_since=open_dates["allocated"],
            in_open_proceedings=in_open,
        ),
        not_met=not_met,
    )


def latest_open_proceedings(child: Child):
    """The most recently received open proceedings the child is in, if any."""
    return (
        child.proceedings.filter(closed_on__isnull=True)
        .select_related("lead_fca", "service_area")
        .order_by("-received_on")
        .first()
    )


def connections_for_child(child: Child) -> list[ChildConnection]:
    return list(
        ChildConnection.objects.filter(child=child)
        .select_related("person")
        .order_by("person__kind", "relationship", "person__given_name")
    )


def professionals_for_child(child: Child) -> list:
    """The other professionals who know the child, with what they said (the family page)."""
    return list(child.professionals.order_by("role", "name", "pk"))


def parties_by_person(child: Child) -> dict[int, list]:
    """Each family member's part in the child's proceedings, keyed by the person's id. Two
    queries: the child's proceedings, and their parties (each knowing its proceedings)."""
    result: dict[int, list] = {}
    for proceedings in child.proceedings.order_by("pk").prefetch_related("parties"):
        for party in proceedings.parties.all():
            result.setdefault(party.person_id, []).append(party)
    return result


def proceedings_for_child(child: Child) -> list:
    """Every set of proceedings the child has been in, open ones first, each with its hearings
    in date order as `hearing_list`. Two queries."""
    found = list(
        child.proceedings.select_related("lead_fca", "service_area")
        .order_by("closed_on", "-received_on")
        .prefetch_related("hearings")
    )
    for proceedings in found:
        proceedings.hearing_list = sorted(
            proceedings.hearings.all(), key=lambda hearing: (hearing.starts_at, hearing.pk)
        )
    return found


def meetings_for_child(child: Child) -> list[Meeting]:
    """Every record of seeing the child, or of not meeting them, newest first."""
    return list(
        Meeting.objects.filter(child=child).select_related(
            "recorded_by", "changed_by", "proceedings"
        )
    )


def meeting_get_for_child(*, child: Child, meeting_id) -> Meeting:
    """One record of the child's meetings (a child already read for the user); 404 otherwise."""
    try:
        return Meeting.objects.select_related("recorded_by", "changed_by").get(
            child=child, uuid=meeting_id
        )
    except (Meeting.DoesNotExist, ValueError):
        raise Http404("No meeting found") from None


def meeting_versions(meeting: Meeting) -> list:
    """The meeting's saved versions, newest first, each with who saved it: one query."""
    return list(
        meeting.history.select_related("history_user").order_by("-history_date", "-history_id")
    )


TIMELINE_LIMIT = 200


def timeline_for_child(child: Child, kind: str | None = None) -> list[TimelineEntry]:
    """The newest entries on the file (all of them, or of one kind)."""
    entries = TimelineEntry.objects.filter(child=child).select_related("actor")
    if kind:
        entries = entries.filter(kind=kind)
    return list(entries[:TIMELINE_LIMIT])


def _provenance(child: Child):
    return (
        Child.history.filter(id=child.pk)
        .order_by("history_date", "history_id")
        .values(
            *_about_fields(),
            "history_date",
            "history_user__given_name",
            "history_user__family_name",
        )
    )


def about_me_provenance(child: Child) -> dict[str, tuple]:
    """Who last recorded each About me field and when, from the file's history. Reads plain
    values rather than history objects: a file's history can be long, and only names are shown."""
    fields = _about_fields()
    provenance: dict[str, tuple] = {}
    previous = None
    for record in _provenance(child):
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


def own_words_fields(marked) -> set[str]:
    """The About me fields that are in the child's own words, from the groups marked so
    (Child.own_words, or the form's own_words)."""
    marked = set(marked or [])
    return {field for field, group in _OWN_WORDS_GROUP.items() if group in marked}


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


def break_glass_for_managers(user, limit: int = 100) -> list[BreakGlass]:
    """Files opened by breaking the glass, and children linked to a new application in another
    area (ADR 0017), for the managers of the children's areas."""
    visible = rules.everyday_access_q(user)
    return list(
        BreakGlass.objects.filter(Exists(Child.objects.filter(visible, pk=OuterRef("child_id"))))
        .select_related("user", "user__service_area", "child")
        .order_by("-opened_at")[:limit]
    )
