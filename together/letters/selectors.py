"""Reading letters. One letter for a user goes through letter_get_for_user (404 if they may not
see the child's file); the oversight figures take a fixed number of queries at any size."""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass, field, replace

from django.db import connection
from django.db.models import Exists, F, OuterRef, Q
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from together.accounts.models import REGION_ROLES, Role
from together.children import selectors as children_selectors
from together.children.models import Child, ChildConnection, FamilyMember
from together.children.readers import child_reader
from together.children.selectors import child_get_for_user
from together.feedback.models import FeedbackInvitation, FeedbackResponse, Source
from together.language.readers import Reader
from together.proceedings.models import Proceedings, ProceedingsChild

from . import rules
from .models import Kind, Letter, LetterBatch, LetterTemplate, Status
from .workingdays import add_working_days

# An introductory letter counts as on time when sent within this many working days of allocation.
INTRODUCTORY_WITHIN_WORKING_DAYS = 10
# Ending letters are counted for children whose proceedings closed in this many days.
ENDING_LOOKBACK_DAYS = 365


# --- one child's letters ----------------------------------------------------------------------


def letters_for_child(child: Child) -> list[Letter]:
    """The child's letters with whether feedback came back, in two queries."""
    letters = list(
        Letter.objects.filter(child=child)
        .select_related("recipient", "fca")
        .order_by("-started_at")
    )
    answered = _answered_letters([letter.uuid for letter in letters])
    for letter in letters:
        letter.feedback_given = letter.uuid in answered
    return letters


def _answered_letters(letter_uuids) -> set:
    if not letter_uuids:
        return set()
    return set(
        FeedbackResponse.objects.filter(
            invitation__source=Source.LETTER, invitation__source_id__in=letter_uuids
        ).values_list("invitation__source_id", flat=True)
    )


def letter_get_for_user(*, user, child_id, letter_id) -> tuple[Child, Letter]:
    """The child and their letter, or 404 for a letter that is missing or not for this user."""
    child = child_get_for_user(user=user, child_id=child_id)
    if not isinstance(letter_id, uuid.UUID):
        try:
            letter_id = uuid.UUID(str(letter_id))
        except ValueError:
            raise Http404("No letter found") from None
    letter = (
        Letter.objects.select_related("recipient", "fca", "template")
        .filter(uuid=letter_id, child=child)
        .first()
    )
    if letter is None:
        raise Http404("No letter found")
    letter.child = child
    return child, letter


def parents_and_carers(child: Child) -> list[FamilyMember]:
    """Who may get a welcome or ending letter as the child's parent or carer."""
    connections = ChildConnection.objects.filter(child=child).parents_and_carers()
    return [c.person for c in connections.select_related("person")]


def confidential_addresses(child: Child) -> list[str]:
    return list(
        FamilyMember.objects.filter(connections__child=child, address_confidential=True)
        .exclude(address="")
        .values_list("address", flat=True)
    )


def open_proceedings_for(child: Child) -> Proceedings | None:
    return children_selectors.latest_open_proceedings(child)


def template_for(*, kind: str, style: str, service_area=None) -> LetterTemplate | None:
    """The current template: the service area's own if it has one, else the national one."""
    current = LetterTemplate.objects.filter(kind=kind, style=style, is_current=True)
    if service_area is not None:
        own = current.filter(service_area=service_area).order_by("-created_at").first()
        if own:
            return own
    return current.filter(service_area__isnull=True).order_by("-created_at").first()


def reader_for(letter: Letter) -> Reader:
    """Who reads the letter, for the language check: the child, or an adult in the family."""
    child = letter.child
    # The adviser signs the letter: their name is never a word to flag.
    signed = (letter.fca.given_name, letter.fca.family_name)
    if letter.to_child:
        reader = child_reader(child)
        return replace(reader, names=tuple(dict.fromkeys([*reader.names, *signed])))
    names = [child.preferred_name, *child.legal_given_names.split(), child.legal_family_name]
    if letter.recipient:
        names += [letter.recipient.given_name, letter.recipient.family_name]
    names += [letter.fca.given_name, letter.fca.family_name]
    return Reader.for_family(names=names)


def language_needs(child: Child) -> list[str]:
    """What About me says about language, for the FCA to act on (interpreter, translation)."""
    needs = []
    language = child.preferred_language or child.first_language
    if child.needs_interpreter:
        needs.append(f"{child.preferred_name} needs an interpreter ({language}).")
    if child.needs_translated_documents:
        needs.append(f"{child.preferred_name} needs documents translated into {language}.")
    labels = {"large_print": "large print", "easy_read": "easy read", "audio": "audio"}
    for need in child.communication_needs or []:
        if need in labels:
            needs.append(f"{child.preferred_name} reads best with {labels[need]}.")
    return needs


# --- the secure link --------------------------------------------------------------------------


def invitation_for(letter: Letter):
    """The letter's feedback link (the latest, if it was ever made again), or None."""
    return (
        FeedbackInvitation.objects.filter(source=Source.LETTER, source_id=letter.uuid)
        .order_by("-created_at", "-id")
        .first()
    )


def web_link(invitation) -> str:
    """The web version of the letter, behind the same secret as the feedback link."""
    return invitation.short_link.replace(
        invitation.get_absolute_url(), reverse("letters:web", args=[invitation.token])
    )


def letter_for_token(token: str) -> tuple[Letter, object] | None:
    """The letter a live feedback link was sent with; None for an unknown or expired link, and
    for a letter not yet sent (its link opens when it is)."""
    now = timezone.now()
    invitation = (
        FeedbackInvitation.objects.filter(
            token=token, source=Source.LETTER, expires_at__gt=now, opened_at__lte=now
        )
        .select_related("child")
        .first()
    )
    if invitation is None:
        return None
    letter = (
        Letter.objects.filter(uuid=invitation.source_id)
        .select_related("child", "fca", "recipient")
        .first()
    )
    if letter is None:
        return None
    return letter, invitation


# --- "My children" ----------------------------------------------------------------------------


def children_with_introductory_letter(child_ids) -> set[int]:
    """Of these children (ids), those who have been sent an introductory letter. One query."""
    return set(
        Letter.objects.filter(
            child_id__in=list(child_ids), kind=Kind.INTRODUCTORY_CHILD, status=Status.SENT
        )
        .values_list("child_id", flat=True)
        .distinct()
    )


def introduced_annotation() -> Exists:
    """For a query of rows with a child_id: whether the child has been sent an introductory
    letter (the same question as children_with_introductory_letter, inside another query)."""
    return Exists(
        Letter.objects.filter(
            child_id=OuterRef("child_id"), kind=Kind.INTRODUCTORY_CHILD, status=Status.SENT
        )
    )


# --- oversight --------------------------------------------------------------------------------


@dataclass
class TeamFigures:
    name: str
    allocated: int = 0
    introduced_on_time: int = 0
    introduced_late: int = 0
    closed: int = 0
    ended_with_letter: int = 0

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

    def team(team_id):
        if team_id not in figures:
            figures[team_id] = TeamFigures("")
        return figures[team_id]

    # Children allocated at the same time share a deadline: work each out once.
    deadlines: dict[str, datetime.date] = {}
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
        deadline = deadlines.get(allocated_at)
        if deadline is None:
            deadline = deadlines[allocated_at] = add_working_days(
                local_date(allocated_at), INTRODUCTORY_WITHIN_WORKING_DAYS
            )
        if local_date(first_sent) <= deadline:
            row.introduced_on_time += children
        else:
            row.introduced_late += children
    names = dict(
        Team.objects.filter(pk__in=[k for k in figures if k is not None]).values_list("pk", "name")
    )
    oversight = Oversight(where=_where(user))
    for team_id, row in figures.items():
        row.name = names.get(team_id, "No team yet")
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


# --- batches ----------------------------------------------------------------------------------

# The most letters one batch makes.
BATCH_LIMIT = 500


def letters_for_batch(*, user, scope: str) -> list[int]:
    """The letters a batch would make: a service manager's area's introductory letters not yet
    printed, or an FCA's own letters not yet printed. At most BATCH_LIMIT, oldest first."""
    letters = Letter.objects.filter(first_printed_at__isnull=True)
    if scope == LetterBatch.Scope.AREA_INTRODUCTORY and user.role == Role.SERVICE_MANAGER:
        letters = letters.filter(service_area_id=user.service_area_id, kind=Kind.INTRODUCTORY_CHILD)
    elif scope == LetterBatch.Scope.MY_LETTERS and user.role == Role.FCA:
        letters = letters.filter(fca=user)
    else:
        raise Http404("No letters found")
    from together.children.rules import everyday_access_q

    letters = letters.filter(child__in=Child.objects.filter(everyday_access_q(user)))
    return list(letters.order_by("started_at", "pk").values_list("pk", flat=True)[:BATCH_LIMIT])


def batch_lookups(letters: list[Letter]) -> tuple[dict, dict]:
    """For many letters at once (two queries): each letter's feedback link, by letter uuid, and
    each child's family's confidential addresses, by child id."""
    rows = FeedbackInvitation.objects.filter(
        source=Source.LETTER, source_id__in=[letter.uuid for letter in letters]
    ).order_by("created_at")
    invitations = {row.source_id: row for row in rows}  # the newest wins
    addresses: dict = {letter.child_id: [] for letter in letters}
    for child_id, address in (
        ChildConnection.objects.filter(
            child_id__in=list(addresses), person__address_confidential=True
        )
        .exclude(person__address="")
        .values_list("child_id", "person__address")
    ):
        addresses[child_id].append(address)
    return invitations, addresses


def batch_get_for_user(*, user, batch_id) -> LetterBatch:
    try:
        return LetterBatch.objects.defer("zip_file").get(uuid=batch_id, requested_by=user)
    except (LetterBatch.DoesNotExist, ValueError):
        raise Http404("No batch found") from None


def batch_zip(batch: LetterBatch) -> bytes | None:
    value = LetterBatch.objects.filter(pk=batch.pk).values_list("zip_file", flat=True).first()
    return bytes(value) if value else None
