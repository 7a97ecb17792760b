"""Changes for the plain-language checks: editing the glossary, and confirming a document's words.

Before sending: how a document uses the language report
--------------------------------------------------------
A letter, plan or storyboard for a child may go out only when the check finds nothing, or the
author has confirmed each remaining finding with a reason. Three pieces do it:

1. The send page's view calls ``views.language_report_step`` (builds the report, shows each
   remaining finding with a box for the reason, records the confirmation on a valid POST)::

       step = language_report_step(
           request, document=letter, text=letter.body,
           reader=letters.selectors.reader_for(letter), child_id=child.uuid,
       )
       if step.proceed:                  # POSTed, and nothing is left unconfirmed
           letters.services.letter_mark_sent(by=request.user, letter=letter)
           return redirect(...)
       return render(request, "letters/send.html", {"language": step, ...})

2. The send page's template shows it inside its form, above its own "Send" button::

       {% include "language/report.html" with language=language %}

3. The sending service refuses to send unconfirmed words, whatever the page did::

       language_confirmation_require(document=letter, text=letter.body, reader=reader)

A confirmation holds for the exact text it was given for (its SHA-256 hash): change a word and
the findings need confirming again, with the earlier reasons offered as a start. Repeats of the
same words for the same reason are confirmed once. Each confirmation is an audit event.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import F
from django.utils import timezone

from together.audit.models import Action
from together.audit.services import audit_event_record
from together.core.permissions import SYSTEM, require
from together.language import rules
from together.language.models import (
    ConfirmedFinding,
    GlossaryTerm,
    GlossaryVersion,
    LanguageConfirmation,
)
from together.language.readers import Reader
from together.language.selectors import glossary_forget, language_report

# --- the glossary ------------------------------------------------------------------------

_GLOSSARY_FIELDS = ("term", "alternatives", "reason", "category", "inflect", "active")


def _glossary_editor_check(by) -> None:
    # The service itself may edit the glossary too (by=SYSTEM): a data load, the benchmarks.
    if by is not SYSTEM:
        require(
            by, rules.may_edit_glossary, message="Only system administrators change the glossary"
        )


def _glossary_changed(*, by, term: GlossaryTerm, change: str) -> None:
    """Move the glossary's version on (every process recompiles once) and log the change."""
    updated = GlossaryVersion.objects.filter(id=1).update(
        number=F("number") + 1, token=uuid.uuid4(), changed_at=timezone.now()
    )
    if not updated:
        GlossaryVersion.objects.create(id=1, number=2)
    audit_event_record(
        by=by,
        action=Action.GLOSSARY_CHANGED,
        obj=term,
        detail={"change": change, "term": term.term},
    )
    transaction.on_commit(glossary_forget)


@transaction.atomic
def glossary_term_save(*, by, term: GlossaryTerm) -> GlossaryTerm:
    """Add a glossary term, or save the changes made to one."""
    _glossary_editor_check(by)
    adding = term._state.adding
    term.updated_by = by if getattr(by, "is_authenticated", False) else None
    term.updated_at = timezone.now()
    term.full_clean()
    term.save()
    _glossary_changed(by=by, term=term, change="added" if adding else "changed")
    return term


@transaction.atomic
def glossary_term_create(*, by, **fields) -> GlossaryTerm:
    _glossary_editor_check(by)
    unknown = set(fields) - set(_GLOSSARY_FIELDS)
    if unknown:
        raise TypeError(f"Unknown glossary fields: {sorted(unknown)}")
    return glossary_term_save(by=by, term=GlossaryTerm(**fields))


@transaction.atomic
def glossary_term_delete(*, by, term: GlossaryTerm) -> None:
    _glossary_editor_check(by)
    _glossary_changed(by=by, term=term, change="deleted")
    term.delete()


# --- confirming a document's words ---------------------------------------------------------


@transaction.atomic
def language_confirmation_record(
    *,
    by,
    document: models.Model,
    text: str,
    reader: Reader,
    reasons: Mapping[str, str],
    child_id=None,
) -> LanguageConfirmation:
    """Record that ``by`` keeps the remaining findings in ``text``, each for the reason given.

    ``reasons`` maps each finding's key (``ReportItem.key``) to the reason. The findings are
    worked out again here, never taken from the page: a reason is needed for every one that
    is not already confirmed for this text, or nothing is recorded (``ValidationError``).
    Only someone who may write the document confirms its words (rules.may_confirm_words).
    """
    require(
        by,
        rules.may_confirm_words,
        document,
        message="Only those who may write this document can keep its words",
    )
    report = language_report(document=document, text=text, reader=reader)
    missing = [item for item in report.unresolved if not (reasons.get(item.key) or "").strip()]
    if missing:
        raise ValidationError(
            [f"Say why you are keeping “{item.first.short_text}”" for item in missing]
        )
    confirmation = LanguageConfirmation(
        document=document,
        child_id=child_id,
        text_hash=report.text_hash,
        reader=_describe(reader),
        confirmed_by=by,
    )
    confirmation.full_clean()
    confirmation.save()
    rows = []
    for item in report.items:
        reason = (reasons.get(item.key) or item.reason or "").strip()
        row = ConfirmedFinding(
            confirmation=confirmation,
            category=item.category.value,
            words=" ".join(item.words.lower().split()),
            occurrences=item.count,
            reason=reason[:1000],
        )
        row.full_clean()
        rows.append(row)
    ConfirmedFinding.objects.bulk_create(rows)
    audit_event_record(
        by=by,
        action=Action.LANGUAGE_CONFIRMED,
        obj=document,
        child_id=child_id,
        detail={
            "text_hash": report.text_hash,
            "reader": confirmation.reader,
            "kept": [{"category": r.category, "words": r.words[:200]} for r in rows],
        },
    )
    return confirmation


def _describe(reader: Reader) -> str:
    kind = reader.audience.kind.value
    if reader.is_child:
        return f"child aged {reader.audience.age}"
    return {"adult_family": "parents and carers", "professional": "professionals"}.get(kind, kind)
