"""Reading letters. One letter for a user goes through letter_get_for_user (404 if they may not
see the child's file). The oversight page's figures and lists are read in letters.oversight."""

from __future__ import annotations

import uuid
from dataclasses import replace

from django.db.models import Exists, OuterRef
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from together.accounts.models import Role
from together.children import selectors as children_selectors
from together.children.models import Child, ChildConnection, FamilyMember
from together.children.readers import child_reader
from together.children.selectors import child_get_for_user
from together.feedback.models import FeedbackInvitation, FeedbackResponse, Source
from together.language.readers import Reader
from together.proceedings.models import Proceedings

from .models import Kind, Letter, LetterBatch, LetterTemplate, Status

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
