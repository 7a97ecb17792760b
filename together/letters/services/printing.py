"""What a letter shows printed and on the web, its PDF, the log of printing, and batches."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from together.audit.models import Action
from together.audit.services import audit_event_record
from together.children import rules as children_rules
from together.core import form_tokens
from together.core.permissions import require
from together.documents.services import document_print_record

from .. import rules, selectors
from ..models import Letter, LetterBatch
from .addresses import _refuse_confidential, address_block

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
    from ..tasks import letters_batch_make

    batch_id = batch.pk
    transaction.on_commit(lambda: letters_batch_make.enqueue(batch_id))
    claim.made(batch)
    return batch
