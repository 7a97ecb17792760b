"""Writes for letters: the template library, starting a letter from a template, editing it,
recording that it was sent, printing it, and asking for a batch of letters' PDFs."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from together.audit.models import Action
from together.audit.services import audit_event_record
from together.children import rules as children_rules
from together.children.models import Child, FamilyMember, TimelineEntry
from together.children.naming import childs_names
from together.children.services import timeline_entry_add
from together.core import form_tokens
from together.core.exceptions import EditConflict
from together.core.permissions import require
from together.core.versioning import lock_at_version
from together.documents.services import document_print_record
from together.feedback.models import Audience, Source, Stage
from together.feedback.services import (
    audience_for_child,
    feedback_invitation_create,
    feedback_invitation_open,
)
from together.language.selectors import language_confirmation_require
from together.plans.selectors import words_for_child_latest

from . import rules, selectors
from .library import LIBRARY
from .models import (
    TO_CHILD,
    Kind,
    Letter,
    LetterBatch,
    LetterTemplate,
    SentHow,
    Status,
    Style,
)

# Placeholders a template may use, and where each one's words come from (see _fill_values).
PLACEHOLDERS = {
    "child_name": "the name the child uses",
    "fca_first_name": "your first name",
    "fca_full_name": "your full name",
    "fca_about_me": "the “about me” on your account page",
    "meeting_plan": "when and how you will meet",
    "how_to_reach_me": "how they can reach you",
    "parent_name": "the first name of the parent or carer",
    "feedback_link": "the link to tell us how it went",
}
PLACEHOLDER = re.compile(r"\{([^{}\s]{1,60})\}")

# The timeline has no kind for letters yet; until it does, letters are filed under the file.
TIMELINE_KIND = TimelineEntry.Kind.LETTER

# Why a change to a child's letters is refused (PermissionDenied) when rules.may_write_letters
# says no.
MAY_NOT_WRITE = "Only those working with the child every day may write and send their letters"
MAY_NOT_CHANGE_TEMPLATES = "You cannot change these letter templates"


class PlaceholderError(ValidationError):
    """A template uses a placeholder that cannot be filled: unknown, or with nothing to put in."""

    def __init__(self, name: str, message: str):
        super().__init__(message)
        self.name = name


class ConfidentialAddressError(ValidationError):
    """The letter would print an address that must be kept confidential."""


# --- the template library ---------------------------------------------------------------------


@transaction.atomic
def letter_library_seed() -> int:
    """Put the national library in place if it is missing (a fresh or emptied database).

    No actor and no check, by design: the service itself does this (the demo generator, a fresh
    database), and it adds only the library as shipped, never over templates already there."""
    if LetterTemplate.objects.filter(service_area__isnull=True).exists():
        return 0
    LetterTemplate.objects.bulk_create(
        [
            LetterTemplate(kind=kind, style=style, title=title, body=body)
            for kind, style, title, body in LIBRARY
        ]
    )
    return len(LIBRARY)


@transaction.atomic
def letter_template_create(
    *, by, kind: str, style: str, title: str, body: str, service_area=None
) -> LetterTemplate:
    """Add a template: to the national library (no service area) or to one service area's."""
    require(by, rules.may_change_templates, service_area, message=MAY_NOT_CHANGE_TEMPLATES)
    template = LetterTemplate(
        kind=kind, style=style, title=title, body=body, service_area=service_area, created_by=by
    )
    _check_placeholders_known(template.title + "\n" + template.body)
    template.full_clean()
    template.save()
    audit_event_record(
        by=by, action=Action.LETTER_TEMPLATE_CHANGED, obj=template, detail={"change": "added"}
    )
    return template


@transaction.atomic
def letter_template_update(
    *, by, template: LetterTemplate, title: str, body: str
) -> LetterTemplate:
    """Change a template by adding a new version; letters already started keep theirs."""
    require(by, rules.may_change_templates, template.service_area, message=MAY_NOT_CHANGE_TEMPLATES)
    # Not a version check: a template is never changed in place, so the one opened must still
    # be the current version of its family.
    locked = LetterTemplate.objects.select_for_update().get(pk=template.pk)
    if not locked.is_current:
        raise EditConflict(by=None, at=None)
    _check_placeholders_known(title + "\n" + body)
    LetterTemplate.objects.filter(pk=locked.pk).update(is_current=False)
    new = LetterTemplate(
        family=locked.family,
        version=locked.version + 1,
        kind=locked.kind,
        style=locked.style,
        service_area=locked.service_area,
        title=title,
        body=body,
        created_by=by,
    )
    new.full_clean()
    new.save()
    audit_event_record(
        by=by,
        action=Action.LETTER_TEMPLATE_CHANGED,
        obj=new,
        detail={"change": "new version", "version": new.version},
    )
    return new


def _check_placeholders_known(text: str) -> None:
    for name in PLACEHOLDER.findall(text):
        if name not in PLACEHOLDERS:
            raise PlaceholderError(name, _unknown_message(name))


def _unknown_message(name: str) -> str:
    return (
        f"The template uses {{{name}}}, which is not a placeholder we can fill. "
        "Ask whoever looks after the templates to correct it"
    )


# --- starting a letter ------------------------------------------------------------------------


@dataclass(frozen=True)
class Filling:
    """What the person starting a letter tells us that the file does not hold."""

    meeting_plan: str = ""
    how_to_reach_me: str = ""


def style_for(*, child: Child, kind: str, plain: bool = False) -> str:
    if plain:
        return Style.PLAIN
    if kind not in TO_CHILD:
        return Style.ADULT
    from .models import OLDER_FROM_AGE

    return Style.OLDER if child.age >= OLDER_FROM_AGE else Style.YOUNGER


def fill(text: str, values: dict[str, str]) -> str:
    """Replace each {placeholder}; a placeholder with no words is a PlaceholderError."""

    def one(match):
        name = match.group(1)
        if name not in PLACEHOLDERS:
            raise PlaceholderError(name, _unknown_message(name))
        value = (values.get(name) or "").strip()
        if not value:
            raise PlaceholderError(
                name,
                f"The letter needs {PLACEHOLDERS[name]} (the template's {{{name}}}), "
                "and there is nothing to put there yet",
            )
        return value

    return PLACEHOLDER.sub(one, text)


PLAN_WORDS_LEAD_IN = "Here is what I wrote for you in your plan, to explain my thinking:"


def with_plan_words(body: str, words: str) -> str:
    """The ending letter with the plan's words for the child before its last paragraph (the
    goodbye), so the child reads again how the FCA explained their recommendations."""
    words = words.strip()
    if not words:
        return body
    head, _, goodbye = body.rstrip().rpartition("\n\n")
    if not head:
        head, goodbye = goodbye, ""
    parts = [head, PLAN_WORDS_LEAD_IN, words]
    return "\n\n".join(part for part in [*parts, goodbye] if part)


def _fill_values(*, child, fca, recipient, filling: Filling, feedback_link: str) -> dict:
    return {
        "child_name": child.preferred_name,
        "fca_first_name": fca.given_name,
        "fca_full_name": fca.full_name,
        "fca_about_me": fca.about_me,
        "meeting_plan": filling.meeting_plan,
        "how_to_reach_me": filling.how_to_reach_me,
        "parent_name": recipient.given_name if recipient else "",
        "feedback_link": feedback_link,
    }


@transaction.atomic
def letter_start(
    *,
    by,
    child: Child,
    token: str | None,
    kind: str,
    recipient: FamilyMember | None = None,
    filling: Filling | None = None,
    plain: bool = False,
    template: LetterTemplate | None = None,
) -> Letter:
    """Start a letter from the template for the child's age (or the adult or plain-text one),
    with every placeholder filled. A placeholder that cannot be filled saves nothing. The same
    form sent twice (its one-time `token`, ADR 0016) starts one letter: the second time, the
    letter the first started is returned."""
    require(by, rules.may_write_letters, child, message=MAY_NOT_WRITE)
    claim = form_tokens.claim(token, by=by, model=Letter)
    if claim.earlier:
        return claim.earlier
    filling = filling or Filling()
    if kind in TO_CHILD:
        recipient = None
    elif recipient is None or recipient not in selectors.parents_and_carers(child):
        raise ValidationError({"recipient": "Choose the parent or carer the letter is to"})
    proceedings = selectors.open_proceedings_for(child)
    fca = (proceedings.lead_fca if proceedings and proceedings.lead_fca_id else None) or by
    style = style_for(child=child, kind=kind, plain=plain)
    template = template or selectors.template_for(
        kind=kind, style=style, service_area=proceedings.service_area if proceedings else None
    )
    if template is None:
        raise ValidationError("There is no template for this letter yet")
    letter = Letter(
        child=child,
        kind=kind,
        recipient=recipient,
        recipient_name=str(recipient) if recipient else child.preferred_name,
        fca=fca,
        proceedings=proceedings,
        service_area=proceedings.service_area if proceedings else by.service_area,
        template=template,
        template_version=template.version,
        style=style,
        started_by=by,
        updated_by=by,
    )
    # The link is made before the words so the words may carry it; all in one transaction, so a
    # placeholder that cannot be filled leaves neither behind.
    invitation = _feedback_invitation_for(by=by, letter=letter, fca=fca)
    values = _fill_values(
        child=child,
        fca=fca,
        recipient=recipient,
        filling=filling,
        feedback_link=invitation.typed_link if invitation else "",
    )
    if kind in TO_CHILD:
        # A letter to the child names people as the child does ("Auntie Deborah").
        named = childs_names(child, keep=[fca.given_name]).apply
        values["meeting_plan"] = named(values["meeting_plan"])
        values["how_to_reach_me"] = named(values["how_to_reach_me"])
    letter.body = fill(template.body, values)
    if kind == Kind.ENDING_CHILD:
        words = words_for_child_latest(child)
        letter.body = with_plan_words(letter.body, named(words))
    letter.full_clean()
    _refuse_confidential(letter)
    letter.save()
    audit_event_record(
        by=by,
        action=Action.LETTER_CREATED,
        obj=letter,
        child_id=child.uuid,
        detail={"kind": kind, "template": str(template.uuid), "version": template.version},
    )
    timeline_entry_add(
        child=child,
        kind=TIMELINE_KIND,
        summary=f"{letter.get_kind_display()} started, to {letter.recipient_name}",
        by=by,
    )
    claim.made(letter)
    return letter


# The questions a letter's feedback link starts with (feedback.questions): an introduction can
# only be asked about itself until the child is met; an ending about the whole of the work.
STAGE_OF_KIND = {
    Kind.INTRODUCTORY_CHILD: Stage.INTRODUCTION,
    Kind.WELCOME_PARENT: Stage.INTRODUCTION,
    Kind.ENDING_CHILD: Stage.ENDING,
    Kind.ENDING_PARENT: Stage.ENDING,
}


def _feedback_invitation_for(*, by, letter: Letter, fca):
    """The letter's feedback link. It works only once the letter is recorded as sent
    (letter_mark_sent opens it): a draft's link answers like an unknown one."""
    audience = audience_for_child(letter.child) if letter.to_child else Audience.PARENT_CARER
    return feedback_invitation_create(
        by=by,
        child=letter.child,
        audience=audience,
        source=Source.LETTER,
        source_id=letter.uuid,
        fca=fca,
        stage=STAGE_OF_KIND[letter.kind],
        open_now=False,
    )


# --- editing ----------------------------------------------------------------------------------


@transaction.atomic
def letter_update(
    *,
    by,
    letter: Letter,
    version: int,
    body: str,
    video_url: str = "",
    include_address: bool = False,
) -> Letter:
    """Save the letter's words. Refuses an edit made on an old version, and a sent letter."""
    require(by, rules.may_write_letters, letter.child, message=MAY_NOT_WRITE)
    locked = lock_at_version(
        Letter.objects.all(), pk=letter.pk, version=version, last_saved=_last_saved
    )
    if locked.is_sent:
        raise ValidationError("This letter has been sent. It cannot be changed now")
    locked.body = (body or "").replace("\r\n", "\n").strip()
    locked.video_url = (video_url or "").strip()
    locked.include_address = include_address
    locked.full_clean()
    _refuse_confidential(locked)
    locked.version += 1
    locked.updated_at = timezone.now()
    locked.updated_by = by
    locked.save()
    audit_event_record(by=by, action=Action.LETTER_UPDATED, obj=locked, child_id=locked.child.uuid)
    return locked


def _last_saved(letter: Letter):
    return letter.updated_by, letter.updated_at


# --- confidential addresses -------------------------------------------------------------------


def _needles(address: str) -> list[str]:
    """The parts of an address that identify it: lines with a number (street, postcode)."""
    return [
        _normal(line)
        for line in re.split(r"[\n,]", address or "")
        if re.search(r"\d", line) and len(_normal(line)) >= 5
    ]


def _normal(text: str) -> str:
    return " ".join(re.sub(r"[^\w]", " ", text.lower()).split())


def confidential_addresses_in(letter: Letter, addresses: list[str] | None = None) -> bool:
    """True when the letter's words hold any confidential address of the child's family
    (`addresses`, when the caller has read them already for many letters at once)."""
    haystack = _normal(" ".join([letter.body, letter.recipient_name, letter.sent_to]))
    if addresses is None:
        addresses = selectors.confidential_addresses(letter.child)
    needles = [needle for address in addresses for needle in _needles(address)]
    return any(needle in haystack for needle in needles)


def _refuse_confidential(letter: Letter, addresses: list[str] | None = None) -> None:
    if confidential_addresses_in(letter, addresses):
        raise ConfidentialAddressError(
            {
                "body": (
                    "The letter includes an address that must be kept confidential. "
                    "Take the address out of the letter"
                )
            }
        )


@dataclass(frozen=True)
class AddressBlock:
    lines: list[str]
    withheld: bool  # the recipient's address is confidential: hand it over or send it safely


def address_block(letter: Letter) -> AddressBlock:
    """The recipient's address for posting. A confidential address is never printed, on any
    letter: the letter goes without one, and the FCA is told to hand it over or send it by a safe
    route. Children's letters have no address block (the file holds no address for a child)."""
    person = letter.recipient
    if not letter.include_address or person is None:
        return AddressBlock([], withheld=False)
    if person.address_confidential:
        return AddressBlock([], withheld=True)
    lines = [line.strip() for line in (person.address or "").splitlines() if line.strip()]
    return AddressBlock([str(person), *lines] if lines else [], withheld=False)


_READ = object()


def letter_document(letter: Letter, *, invitation=_READ, addresses=None) -> dict:
    """What the printed and web versions of a letter show. Refuses a letter that would show a
    confidential address (ConfidentialAddressError). A batch passes the invitation and the
    family's confidential addresses, read for all its letters at once."""
    _refuse_confidential(letter, addresses)
    if invitation is _READ:
        invitation = selectors.invitation_for(letter)
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", letter.body) if p.strip()]
    return {
        "letter": letter,
        "paragraphs": [p.splitlines() for p in paragraphs],
        "address": address_block(letter),
        "invitation": invitation,
        # Printed for someone to type: the short code. The QR code carries the full link.
        "feedback_link": invitation.typed_link if invitation else "",
        "qr_link": invitation.short_link if invitation else "",
        "web_link": selectors.web_link(invitation) if invitation else "",
    }


def letter_link_read_record(*, letter: Letter, invitation) -> None:
    """Record that the web version of `letter` was read through the feedback link it was sent
    with (by whoever holds the link: nobody signed in). Every read of a child's letter is logged,
    as every view of their file is; the event names the link, never who read it."""
    audit_event_record(
        by=None,
        action=Action.LETTER_READ_BY_LINK,
        obj=letter,
        child_id=letter.child.uuid,
        actor_label="Someone with the feedback link",
        detail={"invitation": str(invitation.uuid)},
    )


def letter_pdf(letter: Letter, *, large_print: bool = False, **known) -> bytes:
    from together.documents.pdf import pdf_from_template
    from together.documents.qr import qr_data_uri

    context = letter_document(letter, **known)
    context["qr"] = qr_data_uri(context["qr_link"]) if context["qr_link"] else ""
    return pdf_from_template("letters/letter_pdf.html", context, large_print=large_print)


@transaction.atomic
def letter_print_record(*, by, letter: Letter, large_print: bool = False) -> None:
    """Log a download of the letter, and note when it was first printed. Anyone who may see the
    child's file may print their letters (reading follows the file: rules)."""
    require(by, children_rules.may_see_child, letter.child, message="You cannot print this letter")
    document_print_record(
        by=by,
        obj=letter,
        what=f"{letter.get_kind_display()}, {'large print' if large_print else 'standard print'}",
        child_id=letter.child.uuid,
        fmt="pdf",
    )
    Letter.objects.filter(pk=letter.pk, first_printed_at__isnull=True).update(
        first_printed_at=timezone.now()
    )


# --- sending ----------------------------------------------------------------------------------


def sent_at_for(day: datetime.date) -> datetime.datetime:
    """A sent date as a moment: now if today, else midday on that day (London time)."""
    if day == timezone.localdate():
        return timezone.now()
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12, 0)))


@transaction.atomic
def letter_mark_sent(
    *, by, letter: Letter, version: int, sent_on: datetime.date, sent_how: str, sent_to: str
) -> Letter:
    """Record how, when and to whom the letter went. The language check must find nothing left
    unconfirmed in the words (language_confirmation_require), or nothing is recorded."""
    require(by, rules.may_write_letters, letter.child, message=MAY_NOT_WRITE)
    locked = lock_at_version(
        Letter.objects.select_related("child"),
        pk=letter.pk,
        version=version,
        last_saved=_last_saved,
    )
    if locked.is_sent:
        raise ValidationError("This letter has already been recorded as sent")
    if sent_how not in SentHow.values:
        raise ValidationError({"sent_how": "Choose how the letter was sent"})
    language_confirmation_require(
        document=locked, text=locked.body, reader=selectors.reader_for(locked)
    )
    locked.status = Status.SENT
    locked.sent_at = sent_at_for(sent_on)
    locked.sent_how = sent_how
    locked.sent_to = (sent_to or "").strip() or locked.recipient_name
    locked.sent_recorded_by = by
    locked.version += 1
    locked.updated_at = timezone.now()
    locked.updated_by = by
    locked.full_clean()
    _refuse_confidential(locked)
    locked.save()
    # The feedback link works from now, not from when the letter was started.
    invitation = selectors.invitation_for(locked)
    if invitation is not None:
        feedback_invitation_open(by=by, invitation=invitation)
    audit_event_record(
        by=by,
        action=Action.LETTER_SENT,
        obj=locked,
        child_id=locked.child.uuid,
        detail={"how": sent_how, "to": locked.sent_to, "on": sent_on.isoformat()},
    )
    timeline_entry_add(
        child=locked.child,
        kind=TIMELINE_KIND,
        summary=(
            f"{locked.get_kind_display()} sent to {locked.sent_to} "
            f"({locked.get_sent_how_display().lower()})"
        ),
        by=by,
        at=locked.sent_at,
    )
    return locked


# --- batches ----------------------------------------------------------------------------------


@transaction.atomic
def letters_batch_request(*, by, scope: str, token: str | None) -> LetterBatch:
    """Ask for the PDFs of many letters at once. A background task makes them (tasks.py).
    The same form sent twice (its one-time `token`, ADR 0016) asks once: the second time, the
    batch the first asked for is returned. With no letters waiting there is nothing to ask for
    (ValidationError)."""
    require(by, rules.may_request_batch, message="You cannot ask for a batch of letters")
    claim = form_tokens.claim(token, by=by, model=LetterBatch)
    if claim.earlier:
        return claim.earlier
    letter_ids = selectors.letters_for_batch(user=by, scope=scope)
    if not letter_ids:
        raise ValidationError("There are no letters waiting to be printed")
    batch = LetterBatch(requested_by=by, scope=scope, letter_ids=letter_ids, total=len(letter_ids))
    batch.full_clean()
    batch.save()
    audit_event_record(
        by=by,
        action=Action.LETTERS_BATCH_STARTED,
        obj=batch,
        detail={"scope": scope, "letters": len(letter_ids)},
    )
    from .tasks import letters_batch_make

    batch_id = batch.pk
    transaction.on_commit(lambda: letters_batch_make.enqueue(batch_id))
    claim.made(batch)
    return batch
