"""Reading letters. One letter for a user goes through letter_get_for_user (404 if they may not
see the child's file); the oversight figures take a fixed number of queries at any size."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field, replace

from django.db.models import Exists, Min, OuterRef, Q, Subquery
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from together.accounts.models import REGION_ROLES, Role
from together.children import selectors as children_selectors
from together.children.models import Child, ChildConnection, FamilyMember
from together.children.selectors import child_get_for_user
from together.language.readers import Reader
from together.language.selectors import reader_for_child
from together.proceedings.models import Proceedings, ProceedingsChild

from . import rules
from .models import Kind, Letter, LetterBatch, LetterTemplate, Status
from .workingdays import add_working_days

# Relationships that make someone a parent or carer, who may get a welcome or ending letter.
PARENT_OR_CARER = ("mother", "father", "step_parent", "foster_carer")
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
    try:
        from together.feedback.models import FeedbackResponse, Source
    except ImportError:
        return set()
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
    try:
        letter = Letter.objects.select_related("recipient", "fca", "template").get(
            uuid=letter_id, child=child
        )
    except (Letter.DoesNotExist, ValueError):
        raise Http404("No letter found") from None
    letter.child = child
    return child, letter


def parents_and_carers(child: Child) -> list[FamilyMember]:
    connections = ChildConnection.objects.filter(
        child=child, relationship__in=PARENT_OR_CARER, person__kind=FamilyMember.Kind.ADULT
    ).select_related("person")
    return [c.person for c in connections]


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
        reader = reader_for_child(child)
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
    try:
        from together.feedback.models import FeedbackInvitation, Source
    except ImportError:
        return None
    return (
        FeedbackInvitation.objects.filter(source=Source.LETTER, source_id=letter.uuid)
        .order_by("-created_at")
        .first()
    )


def web_link(invitation) -> str:
    """The web version of the letter, behind the same secret as the feedback link."""
    return invitation.short_link.replace(
        invitation.get_absolute_url(), reverse("letters:web", args=[invitation.token])
    )


def letter_for_token(token: str) -> tuple[Letter, object] | None:
    """The letter a live feedback link was sent with; None for an unknown or expired link."""
    try:
        from together.feedback.models import FeedbackInvitation, Source
    except ImportError:
        return None
    invitation = (
        FeedbackInvitation.objects.filter(
            token=token, source=Source.LETTER, expires_at__gt=timezone.now()
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
    Three queries, whatever the size."""
    if not rules.may_see_letters_oversight(user):
        raise Http404("No page found")
    from together.organisation.models import Team

    today = today or timezone.localdate()
    scope = _scope_q(user, "proceedings__")
    first_intro = (
        Letter.objects.filter(
            child=OuterRef("child_id"), kind=Kind.INTRODUCTORY_CHILD, status=Status.SENT
        )
        .values("child_id")
        .annotate(first=Min("sent_at"))
        .values("first")
    )
    open_rows = (
        ProceedingsChild.objects.filter(
            scope,
            proceedings__closed_on__isnull=True,
            proceedings__first_allocated_at__isnull=False,
        )
        .annotate(intro_sent=Subquery(first_intro[:1]))
        .values_list("proceedings__team_id", "proceedings__first_allocated_at", "intro_sent")
    )
    ending = Letter.objects.filter(
        child=OuterRef("child_id"), kind=Kind.ENDING_CHILD, status=Status.SENT
    )
    closed_rows = (
        ProceedingsChild.objects.filter(
            scope,
            proceedings__closed_on__gte=today - datetime.timedelta(days=ENDING_LOOKBACK_DAYS),
        )
        .annotate(has_ending=Exists(ending))
        .values_list("proceedings__team_id", "has_ending")
    )
    figures: dict[int | None, TeamFigures] = {}

    def team(team_id):
        if team_id not in figures:
            figures[team_id] = TeamFigures("")
        return figures[team_id]

    for team_id, allocated_at, intro_sent in open_rows:
        row = team(team_id)
        row.allocated += 1
        if intro_sent is not None:
            allocated_on = timezone.localtime(allocated_at).date()
            deadline = add_working_days(allocated_on, INTRODUCTORY_WITHIN_WORKING_DAYS)
            if timezone.localtime(intro_sent).date() <= deadline:
                row.introduced_on_time += 1
            else:
                row.introduced_late += 1
    for team_id, has_ending in closed_rows:
        row = team(team_id)
        row.closed += 1
        row.ended_with_letter += bool(has_ending)
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
    invitations: dict = {}
    try:
        from together.feedback.models import FeedbackInvitation, Source
    except ImportError:
        pass
    else:
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
