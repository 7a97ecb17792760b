"""Writes for the safeguarding work before the first hearing: checks with the police and local
authorities, conversations with each parent or party, and the safeguarding letter to the court.

Each service checks its actor with courtwork.rules.may_make_enquiries, writes an audit event and
a line on the timeline of each child in the proceedings, in one transaction. The timeline never
carries what a check found: that is restricted (rules.check_results_q)."""

from __future__ import annotations

import datetime
import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from together.audit.models import Action
from together.audit.services import audit_event_record
from together.children.models import Child, FamilyMember, TimelineEntry
from together.children.services import timeline_entry_add
from together.core import form_tokens
from together.core.permissions import require
from together.core.versioning import lock_at_version
from together.language.selectors import language_confirmation_require
from together.proceedings.models import Proceedings

from . import rules, selectors
from .models import SafeguardingCheck, SafeguardingConversation, SafeguardingLetter

MAY_NOT = (
    "Only the allocated Family Court Adviser and their managers may make the safeguarding "
    "enquiries and write the safeguarding letter"
)


def _record(*, by, proceedings: Proceedings, action, obj, summary: str, detail: dict) -> None:
    """The audit event and the timeline line, for each child in the proceedings."""
    for child in Child.objects.filter(proceedings_links__proceedings=proceedings):
        audit_event_record(by=by, action=action, obj=obj, child_id=child.uuid, detail=detail)
        timeline_entry_add(child=child, kind=TimelineEntry.Kind.COURT, summary=summary, by=by)


# --- checks with the police and local authorities ---------------------------------------------


@transaction.atomic
def safeguarding_check_add(
    *,
    by,
    proceedings: Proceedings,
    token: str | None,
    agency: str,
    agency_name: str,
    asked_on: datetime.date,
) -> SafeguardingCheck:
    """Record that a check was asked of the police or a local authority. The same form sent
    twice (its one-time `token`, ADR 0016) records one check."""
    require(by, rules.may_make_enquiries, proceedings, message=MAY_NOT)
    claim = form_tokens.claim(token, by=by, model=SafeguardingCheck)
    if claim.earlier:
        return claim.earlier
    check = SafeguardingCheck(
        proceedings=proceedings,
        agency=agency,
        agency_name=agency_name,
        asked_on=asked_on,
        recorded_by=by,
    )
    check.full_clean()
    check.save()
    _record(
        by=by,
        proceedings=proceedings,
        action=Action.SAFEGUARDING_CHECK_RECORDED,
        obj=check,
        summary=f"{check.get_agency_display()} check asked of {check.agency_name}",
        detail={"change": "safeguarding check asked", "agency": agency},
    )
    claim.made(check)
    return check


def _check_last_saved(check: SafeguardingCheck):
    return check.changed_by or check.recorded_by, check.changed_at or check.recorded_at


@transaction.atomic
def safeguarding_check_update(
    *,
    by,
    check: SafeguardingCheck,
    version: int,
    agency_name: str,
    asked_on: datetime.date,
    answered_on: datetime.date | None,
    result: str,
    findings: str,
) -> SafeguardingCheck:
    """Record the answer to a check (or correct it). Every earlier version is kept (history); a
    change made on an old version is refused (EditConflict)."""
    require(by, rules.may_make_enquiries, check.proceedings, message=MAY_NOT)
    locked = lock_at_version(
        SafeguardingCheck.objects.select_related("proceedings"),
        pk=check.pk,
        version=version,
        last_saved=_check_last_saved,
    )
    was_answered = locked.answered
    locked.agency_name = agency_name
    locked.asked_on = asked_on
    locked.answered_on = answered_on
    locked.result = result
    locked.findings = findings
    locked.full_clean()
    locked.version += 1
    locked.changed_by, locked.changed_at = by, timezone.now()
    locked.save()
    answered_now = locked.answered and not was_answered
    _record(
        by=by,
        proceedings=locked.proceedings,
        action=Action.SAFEGUARDING_CHECK_ANSWERED,
        obj=locked,
        summary=(
            f"{locked.get_agency_display()} check answered by {locked.agency_name}"
            if answered_now
            else f"{locked.get_agency_display()} check with {locked.agency_name} changed"
        ),
        detail={"change": "safeguarding check answered" if answered_now else "check changed"},
    )
    return locked


# --- conversations with parents and parties ---------------------------------------------------


@transaction.atomic
def safeguarding_conversation_record(
    *,
    by,
    proceedings: Proceedings,
    person: FamilyMember,
    token: str | None,
    held_at: datetime.datetime,
    method: str,
    about_child: str,
    about_risk: str = "",
    screening: str,
    screening_answers: str = "",
    language: str = "",
    interpreter: str = "",
) -> SafeguardingConversation:
    """Record a safeguarding conversation with a parent or party to the proceedings."""
    require(by, rules.may_make_enquiries, proceedings, message=MAY_NOT)
    claim = form_tokens.claim(token, by=by, model=SafeguardingConversation)
    if claim.earlier:
        return claim.earlier
    if person not in selectors.people_to_talk_to(proceedings):
        raise ValidationError({"person": "Choose a parent or party to these proceedings"})
    conversation = SafeguardingConversation(
        proceedings=proceedings,
        person=person,
        held_at=held_at,
        method=method,
        about_child=about_child,
        about_risk=(about_risk or "").strip(),
        screening=screening,
        screening_answers=(screening_answers or "").strip(),
        language=(language or "").strip(),
        interpreter=(interpreter or "").strip(),
        recorded_by=by,
    )
    conversation.full_clean()
    conversation.save()
    _record(
        by=by,
        proceedings=proceedings,
        action=Action.SAFEGUARDING_CONVERSATION_RECORDED,
        obj=conversation,
        summary=f"Safeguarding conversation with {person} ({conversation.get_method_display()})",
        detail={"change": "safeguarding conversation recorded", "person": str(person.uuid)},
    )
    claim.made(conversation)
    return conversation


# --- the safeguarding letter ------------------------------------------------------------------


def letter_enquiries_text(proceedings: Proceedings) -> str:
    """The start of the letter: each check and each conversation, as the court will read them.
    The check results are quoted as written; the FCA decides what stays before filing."""
    checks = SafeguardingCheck.objects.filter(proceedings=proceedings)
    conversations = SafeguardingConversation.objects.filter(proceedings=proceedings).select_related(
        "person"
    )
    return enquiries_text(list(checks), list(conversations))


def enquiries_text(checks, conversations) -> str:
    """letter_enquiries_text for checks and conversations already in hand (each conversation
    with its person)."""
    parts = ["Checks with the police and the local authority"]
    for check in checks:
        if not check.answered:
            parts.append(
                f"{check.agency_name}: asked on {check.asked_on:%-d %B %Y}, no answer yet."
            )
            continue
        line = (
            f"{check.agency_name}: asked on {check.asked_on:%-d %B %Y}, answered on "
            f"{check.answered_on:%-d %B %Y}. {check.get_result_display()}."
        )
        if check.findings:
            line += f" {check.findings}"
        parts.append(line)
    if not checks:
        parts.append("No checks have been recorded.")
    parts.append("Conversations with the parents and parties")
    for conversation in conversations:
        held = timezone.localtime(conversation.held_at)
        line = (
            f"{conversation.person} ({conversation.get_method_display().lower()}, "
            f"{held:%-d %B %Y}): {conversation.about_child}"
        )
        if conversation.about_risk:
            line += f" About risk: {conversation.about_risk}"
        if conversation.screening == SafeguardingConversation.Screening.DECLINED:
            line += " They did not want to answer the domestic abuse screening questions."
        elif conversation.screening_answers:
            line += f" Screening questions: {conversation.screening_answers}"
        parts.append(line)
    if not conversations:
        parts.append("No conversations have been recorded.")
    return "\n\n".join(parts)


@transaction.atomic
def safeguarding_letter_start(*, by, proceedings: Proceedings) -> SafeguardingLetter:
    """Start the letter from the checks and conversations recorded so far. A set of proceedings
    has one letter: starting it again (a double click) returns the one there is."""
    require(by, rules.may_make_enquiries, proceedings, message=MAY_NOT)
    locked = Proceedings.objects.select_for_update().get(pk=proceedings.pk)
    existing = SafeguardingLetter.objects.filter(proceedings=locked).first()
    if existing:
        return existing
    letter = SafeguardingLetter(
        proceedings=locked,
        enquiries=letter_enquiries_text(locked),
        started_by=by,
        updated_by=by,
    )
    letter.full_clean()
    letter.save()
    _record(
        by=by,
        proceedings=locked,
        action=Action.SAFEGUARDING_LETTER_STARTED,
        obj=letter,
        summary="Safeguarding letter to the court started",
        detail={"kind": "safeguarding letter"},
    )
    return letter


def _letter_last_saved(letter: SafeguardingLetter):
    return letter.updated_by, letter.updated_at


@transaction.atomic
def safeguarding_letter_update(
    *,
    by,
    letter: SafeguardingLetter,
    version: int,
    enquiries: str,
    analysis: str,
    recommendation: str,
) -> SafeguardingLetter:
    """Save the letter's words. Refuses an edit made on an old version, and a filed letter."""
    require(by, rules.may_make_enquiries, letter.proceedings, message=MAY_NOT)
    locked = lock_at_version(
        SafeguardingLetter.objects.select_related("proceedings"),
        pk=letter.pk,
        version=version,
        last_saved=_letter_last_saved,
    )
    if locked.is_filed:
        raise ValidationError("This letter has been filed with the court. It cannot be changed")
    locked.enquiries = _clean(enquiries)
    locked.analysis = _clean(analysis)
    locked.recommendation = _clean(recommendation)
    locked.full_clean()
    locked.version += 1
    locked.updated_by, locked.updated_at = by, timezone.now()
    locked.save()
    for child in Child.objects.filter(proceedings_links__proceedings=locked.proceedings):
        audit_event_record(
            by=by,
            action=Action.SAFEGUARDING_LETTER_CHANGED,
            obj=locked,
            child_id=child.uuid,
            detail={"kind": "safeguarding letter"},
        )
    return locked


def _clean(text: str) -> str:
    return (text or "").replace("\r\n", "\n").strip()


@transaction.atomic
def safeguarding_letter_mark_filed(
    *, by, letter: SafeguardingLetter, version: int, filed_on: datetime.date
) -> SafeguardingLetter:
    """Record that the letter was filed with the court, and when. The letter needs its analysis
    and recommendation, and the language check must find nothing left unconfirmed."""
    require(by, rules.may_make_enquiries, letter.proceedings, message=MAY_NOT)
    locked = lock_at_version(
        SafeguardingLetter.objects.select_related("proceedings"),
        pk=letter.pk,
        version=version,
        last_saved=_letter_last_saved,
    )
    if locked.is_filed:
        raise ValidationError("This letter has already been recorded as filed")
    errors = {}
    if not locked.analysis.strip():
        errors["analysis"] = "Write your analysis before you file the letter"
    if not locked.recommendation.strip():
        errors["recommendation"] = "Write your recommendation before you file the letter"
    if filed_on > timezone.localdate():
        errors["filed_on"] = "The date it was filed must be today or in the past"
    elif filed_on < timezone.localtime(locked.started_at).date():
        errors["filed_on"] = "The date it was filed must be on or after the day it was started"
    if errors:
        raise ValidationError(errors)
    language_confirmation_require(
        document=locked, text=locked.text, reader=selectors.letter_reader(locked.proceedings)
    )
    locked.status = SafeguardingLetter.Status.FILED
    locked.filed_on = filed_on
    locked.filed_by = by
    locked.version += 1
    locked.updated_by, locked.updated_at = by, timezone.now()
    locked.full_clean()
    locked.save()
    _record(
        by=by,
        proceedings=locked.proceedings,
        action=Action.SAFEGUARDING_LETTER_FILED,
        obj=locked,
        summary=f"Safeguarding letter filed with the court on {filed_on:%-d %B %Y}",
        detail={"kind": "safeguarding letter", "filed_on": filed_on.isoformat()},
    )
    return locked


# --- the printed letter -----------------------------------------------------------------------


def _paragraphs(text: str) -> list[str]:
    return [part.strip() for part in re.split(r"\n\s*\n", text or "") if part.strip()]


def safeguarding_letter_context(letter: SafeguardingLetter) -> dict:
    """What the printed letter shows: the court's heading and number, the children as the court
    knows them, and the letter's own words. Nothing else from the file: no address, and of the
    checks only what the letter quotes."""
    proceedings = letter.proceedings
    fca = proceedings.lead_fca or letter.started_by
    return {
        "letter": letter,
        "proceedings": proceedings,
        "children": selectors.children_as_the_court_knows_them(proceedings),
        "fca": fca,
        "enquiries": _paragraphs(letter.enquiries),
        "analysis": _paragraphs(letter.analysis),
        "recommendation": _paragraphs(letter.recommendation),
    }


def safeguarding_letter_pdf(letter: SafeguardingLetter) -> bytes:
    """The letter as a tagged PDF. Printing it is logged by the view that hands it over
    (documents.services.document_print_record)."""
    from together.documents.pdf import pdf_from_template

    return pdf_from_template(
        "courtwork/safeguarding/letter_pdf.html", safeguarding_letter_context(letter)
    )
