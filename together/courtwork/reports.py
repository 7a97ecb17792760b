"""Writes for reports to the court and for what happens after a hearing.

A report starts from the child's Assessment and Child's Plan (report_start copies it, and keeps
the plan version), so nothing is typed twice; the writer then edits the court's version section
by section (each save checks the version the writer saw: EditConflict, as for plans). The team's
practice supervisor agrees it or sends it back with comments; only an agreed report is filed.

Audit: each step has its own action (a report started, changed, commented on, sent for review,
agreed, filed; a hearing's outcome; a child told), logged against the report's proceedings with
the report named in the event's detail.
"""

from __future__ import annotations

import re
from datetime import date

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from together.audit.models import Action
from together.audit.services import audit_event_record
from together.children.models import TimelineEntry
from together.children.services import timeline_entry_add
from together.core import form_tokens
from together.core.versioning import lock_at_version
from together.documents.services import document_print_record
from together.letters.workingdays import add_working_days
from together.plans.models import DomesticAbuseAssessment, Plan, RecipientKind

from . import report_rules as rules
from .report_models import (
    SECTIONS,
    ChildTold,
    CourtReport,
    HearingOutcome,
    ReportComment,
    ReportKind,
    ReportRecommendation,
    ReportStatus,
)

COURT = TimelineEntry.Kind.COURT
# "Historic" makes harm sound over and done with; the court needs to know what it means now.
HISTORIC = re.compile(r"\bhistoric(al|ally)?\b", re.IGNORECASE)
HISTORIC_MESSAGE = (
    "Do not call harm “historic”: say when it happened and what it means for the child now"
)


def tell_child_working_days() -> int:
    """How many working days after a hearing the child should be told what the judge decided."""
    return getattr(settings, "TOGETHER_TELL_CHILD_WORKING_DAYS", 10)


# The audit action for a move to each stage; a move back to draft is a change to the report.
STAGE_ACTIONS = {
    ReportStatus.DRAFT: Action.COURT_REPORT_CHANGED,
    ReportStatus.READY_FOR_REVIEW: Action.COURT_REPORT_SUBMITTED,
    ReportStatus.AGREED: Action.COURT_REPORT_SIGNED_OFF,
    ReportStatus.FILED: Action.COURT_REPORT_FILED,
}


def _audit(
    *, by, report: CourtReport, change: str, action=Action.COURT_REPORT_CHANGED, **detail
) -> None:
    audit_event_record(
        by=by,
        action=action,
        obj=report.proceedings,
        child_id=report.child.uuid,
        detail={"report": str(report.uuid), "kind": report.kind, "change": change, **detail},
    )


def _kind_label(report: CourtReport) -> str:
    return ReportKind(report.kind).label


def _lock(report: CourtReport, version: int | None = None) -> CourtReport:
    return lock_at_version(
        CourtReport.objects.select_related("child", "proceedings", "updated_by"),
        pk=report.pk,
        version=version,
        last_saved=lambda locked: (locked.updated_by, locked.updated_at),
    )


def _saved(*, by, report: CourtReport) -> None:
    report.version += 1
    report.updated_by = by
    report.updated_at = timezone.now()
    report.full_clean()
    report.save()


def _back_to_draft_if_agreed(*, by, report: CourtReport) -> None:
    """An agreed report that changes must be agreed again before it is filed."""
    if report.status == ReportStatus.AGREED:
        report.status = ReportStatus.DRAFT
        report.agreed_by = None
        report.agreed_at = None
        _audit(by=by, report=report, change="Changed after it was agreed: back to draft")


def _check_editable(by, report: CourtReport) -> None:
    if not rules.may_write_report(by, report):
        raise PermissionDenied("Only the allocated Family Court Adviser can change the report")
    if report.status == ReportStatus.FILED:
        raise ValidationError("The report has been filed and cannot be changed")
    if report.status == ReportStatus.READY_FOR_REVIEW:
        raise ValidationError(
            "The report is waiting for review. You can change it again once it is agreed or "
            "sent back"
        )


# --- Written from the plan ---------------------------------------------------------------------


def _day(value: date) -> str:
    return f"{value.day} {value:%B %Y}"


def _from_plan(plan: Plan) -> tuple[dict, list[dict]]:
    """The report's sections and recommendations as the plan has them."""
    harms = [
        f"- {h.what}"
        + (f" ({h.when_happened})" if h.when_happened else "")
        + (f". How we know: {h.source}" if h.source else "")
        + f". {h.get_certainty_display()}."
        for h in plan.harms.all()
    ]
    harm = "\n\n".join(part for part in [plan.risks_remaining, "\n".join(harms)] if part)
    coercive = ""
    if plan.domestic_abuse_alleged:
        kinds = ", ".join(plan.domestic_abuse_kind_labels).lower() or "not said"
        view = (
            DomesticAbuseAssessment(plan.domestic_abuse_assessment).label
            if plan.domestic_abuse_assessment
            else "Not yet known"
        )
        coercive = f"Domestic abuse is alleged or known ({kinds}). My view: {view}."
        if plan.domestic_abuse_reasoning:
            coercive += f"\n\n{plan.domestic_abuse_reasoning}"
    shared, responses = [], []
    for share in plan.shares.filter(recipient_kind=RecipientKind.CHILD).prefetch_related(
        "responses"
    ):
        if share.shared and share.shared_on:
            how = share.get_method_display().lower() if share.method else "shared"
            shared.append(f"Shared with the child ({how}) on {_day(share.shared_on)}.")
        elif not share.shared:
            shared.append(f"Not shared with the child: {share.not_shared_reason}")
        responses += [r.response for r in share.responses.all() if r.about_recommendations]
    if plan.child_response_not_sought_reason:
        shared.append(
            f"The child's response was not sought because {plan.child_response_not_sought_reason}"
        )
    sections = {
        "harm": harm,
        "non_recent_harm": plan.non_recent_harm,
        "coercive_control": coercive,
        "unique_about_child": plan.unique_about_child,
        "family_strengths": plan.family_strengths,
        "impact_on_child": plan.impact_on_child,
        "wishes_and_feelings": plan.wishes_and_feelings,
        "shared_with_child": "\n".join(shared),
        "child_response": "\n\n".join(responses),
    }
    recommendations = []
    for rec in plan.recommendations.prefetch_related("rests_on_harms"):
        rests = [f"the harm: {h.what}" for h in rec.rests_on_harms.all()]
        if rec.rests_on_strengths:
            rests.append("the strengths in the family")
        if rec.rests_on_wishes:
            rests.append("the child's wishes and feelings")
        evidence = rec.reasoning
        if rests:
            evidence += "\n\nThis rests on " + "; ".join(rests) + "."
        recommendations.append(
            {
                "recommendation": rec.recommendation,
                "evidence": evidence,
                "differs_from_wishes": rec.differs_from_wishes,
                "why_different": rec.why_different,
            }
        )
    return sections, recommendations


@transaction.atomic
def report_start(
    *,
    by,
    child,
    proceedings,
    token: str | None,
    kind: str,
    ordered_on: date,
    due_on: date,
    court_asked: str,
) -> CourtReport:
    """Start a report the court directed, written from the child's plan in these proceedings
    (if there is one): its sections and recommendations are copied, and the plan version kept.
    Once for each form sent (`token`)."""
    if not rules.may_write_reports(by, proceedings):
        raise PermissionDenied("Only the allocated Family Court Adviser can start a report")
    claim = form_tokens.claim(token, by=by, model=CourtReport)
    if claim.earlier:
        return claim.earlier
    if not proceedings.child_links.filter(child=child).exists():
        raise ValidationError("The child is not in these proceedings")
    report = CourtReport(
        proceedings=proceedings,
        child=child,
        kind=kind,
        ordered_on=ordered_on,
        due_on=due_on,
        court_asked=(court_asked or "").strip(),
        created_by=by,
        updated_by=by,
    )
    plan = (
        Plan.objects.filter(child=child, proceedings=proceedings).prefetch_related("harms").first()
    )
    recommendations = []
    if plan is not None:
        sections, recommendations = _from_plan(plan)
        for name, value in sections.items():
            setattr(report, name, value or "")
        report.written_from = plan.versions.order_by("-number").first()
    if not report.court_asked:
        raise ValidationError({"court_asked": "Enter what the court asked"})
    report.full_clean()
    report.save()
    for order, fields in enumerate(recommendations, start=1):
        item = ReportRecommendation(report=report, order=order, **fields)
        item.full_clean(exclude=["report"])
        item.save()
    claim.made(report)
    written = (
        f" from version {report.written_from.number} of the plan" if report.written_from else ""
    )
    _audit(
        by=by,
        report=report,
        change=f"Started the report{written}",
        action=Action.COURT_REPORT_CREATED,
    )
    timeline_entry_add(
        child=child,
        kind=COURT,
        summary=f"Started the {_kind_label(report).lower()}, due by {_day(due_on)}",
        by=by,
    )
    return report


@transaction.atomic
def report_direction_update(
    *, by, report: CourtReport, version: int, ordered_on: date, due_on: date, court_asked: str
) -> CourtReport:
    """Change the court's direction (a new due date, say). Refuses a change on an old version."""
    locked = _lock(report, version)
    if not rules.may_write_report(by, locked):
        raise PermissionDenied("Only the allocated Family Court Adviser can change the report")
    if locked.is_filed:
        raise ValidationError("The report has been filed and cannot be changed")
    locked.ordered_on, locked.due_on = ordered_on, due_on
    locked.court_asked = (court_asked or "").strip()
    if not locked.court_asked:
        raise ValidationError({"court_asked": "Enter what the court asked"})
    _saved(by=by, report=locked)
    _audit(by=by, report=locked, change="Changed the court's direction")
    return locked


def section_missing(report: CourtReport, key: str) -> list[str]:
    """What a section still needs before the report can go for review."""
    messages = {
        "harm": "Say what harm the child has suffered or may suffer",
        "non_recent_harm": "Say whether there was harm some time ago, and what it means now",
        "coercive_control": "Say whether there is coercive or controlling behaviour",
        "unique_about_child": "Say what is special and unique about the child",
        "family_strengths": "Say what the strengths in the family are",
        "impact_on_child": "Say what the impact is on the child",
        "wishes_and_feelings": "Give the child's wishes and feelings",
        "shared_with_child": "Say how the recommendations were shared with the child, or why not",
    }
    _title, fields = SECTIONS[key]
    return [
        messages[name]
        for name in fields
        if name in messages and not (getattr(report, name) or "").strip()
    ]


def report_missing_for_review(report: CourtReport) -> list[str]:
    """Everything stopping the report going to the supervisor, in words a person understands."""
    missing = []
    for key in SECTIONS:
        missing += section_missing(report, key)
    recommendations = list(report.recommendations.all())
    if not recommendations:
        missing.append("Add at least one recommendation")
    for number, rec in enumerate(recommendations, start=1):
        if rec.differs_from_wishes and not rec.why_different.strip():
            missing.append(
                f"Recommendation {number} differs from what the child wants: explain why"
            )
    if HISTORIC.search(report.non_recent_harm or ""):
        missing.append(HISTORIC_MESSAGE)
    return missing


@transaction.atomic
def report_section_save(
    *, by, report: CourtReport, version: int, section: str, **fields
) -> CourtReport:
    """Save one section of the court's version. Refuses a save made on an old version."""
    if section not in SECTIONS:
        raise ValueError(f"No such section: {section}")
    unknown = set(fields) - set(SECTIONS[section][1])
    if unknown:
        raise TypeError(f"Not part of {section}: {sorted(unknown)}")
    locked = _lock(report, version)
    _check_editable(by, locked)
    for name, value in fields.items():
        setattr(locked, name, (value or "").strip())
    if HISTORIC.search(fields.get("non_recent_harm") or ""):
        raise ValidationError({"non_recent_harm": HISTORIC_MESSAGE})
    _back_to_draft_if_agreed(by=by, report=locked)
    _saved(by=by, report=locked)
    _audit(by=by, report=locked, change=f"Saved {SECTIONS[section][0].lower()}")
    return locked


@transaction.atomic
def report_recommendation_save(
    *,
    by,
    report: CourtReport,
    version: int,
    item: ReportRecommendation | None = None,
    recommendation: str,
    evidence: str,
    differs_from_wishes: bool,
    why_different: str = "",
) -> ReportRecommendation:
    """Add a recommendation (item None) or change one. Where it differs from what the child
    wants, the report must say why: refused without it."""
    locked = _lock(report, version)
    _check_editable(by, locked)
    if item is None:
        last = locked.recommendations.order_by("-order").first()
        item = ReportRecommendation(report=locked, order=(last.order + 1) if last else 1)
    elif item.report_id != locked.pk:
        raise ValidationError("That recommendation is not in this report")
    item.recommendation = (recommendation or "").strip()
    item.evidence = (evidence or "").strip()
    item.differs_from_wishes = bool(differs_from_wishes)
    item.why_different = (why_different or "").strip() if differs_from_wishes else ""
    item.full_clean(exclude=["report"])
    item.save()
    _back_to_draft_if_agreed(by=by, report=locked)
    _saved(by=by, report=locked)
    _audit(by=by, report=locked, change="Saved a recommendation", recommendation=str(item.uuid))
    return item


@transaction.atomic
def report_recommendation_remove(
    *, by, report: CourtReport, version: int, item: ReportRecommendation
) -> None:
    locked = _lock(report, version)
    _check_editable(by, locked)
    if item.report_id != locked.pk:
        raise ValidationError("That recommendation is not in this report")
    item.delete()
    _back_to_draft_if_agreed(by=by, report=locked)
    _saved(by=by, report=locked)
    _audit(by=by, report=locked, change="Removed a recommendation")


# --- Sign-off and filing -----------------------------------------------------------------------

# (from, to): who may make the move.
TRANSITIONS = {
    (ReportStatus.DRAFT, ReportStatus.READY_FOR_REVIEW): rules.may_write_report,
    (ReportStatus.READY_FOR_REVIEW, ReportStatus.AGREED): rules.may_agree_report,
    # The supervisor sends it back with comments; the writer may take it back to change it.
    (ReportStatus.READY_FOR_REVIEW, ReportStatus.DRAFT): lambda user, report: (
        rules.may_agree_report(user, report) or rules.may_write_report(user, report)
    ),
    (ReportStatus.AGREED, ReportStatus.FILED): rules.may_write_report,
}


def transitions_for(user, report: CourtReport) -> list[ReportStatus]:
    """The stages `user` may move the report to now (the report's page offers these)."""
    return [
        to
        for (was, to), allowed in TRANSITIONS.items()
        if was == report.status and allowed(user, report)
    ]


@transaction.atomic
def report_state_change(
    *, by, report: CourtReport, to: str, comment: str = "", filed_on: date | None = None
) -> CourtReport:
    """Send for review, agree, send back (with a comment), or mark filed (with the date)."""
    locked = _lock(report)
    was, to = ReportStatus(locked.status), ReportStatus(to)
    allowed = TRANSITIONS.get((was, to))
    if allowed is None:
        raise ValidationError(f"A report that is {was.label.lower()} cannot be moved to {to.label}")
    if not allowed(by, locked):
        raise PermissionDenied(f"You cannot move this report to {to.label}")
    comment = (comment or "").strip()
    sends_back = (
        was == ReportStatus.READY_FOR_REVIEW
        and to == ReportStatus.DRAFT
        and rules.may_agree_report(by, locked)
    )
    if sends_back and not comment:
        raise ValidationError({"comment": "Say what needs to change before the report is agreed"})
    if to == ReportStatus.READY_FOR_REVIEW:
        missing = report_missing_for_review(locked)
        if missing:
            raise ValidationError(missing)
    if to == ReportStatus.AGREED:
        locked.agreed_by, locked.agreed_at = by, timezone.now()
    if to == ReportStatus.FILED:
        if filed_on is None:
            raise ValidationError({"filed_on": "Enter the date the report was filed"})
        locked.filed_on = filed_on
    locked.status = to
    _saved(by=by, report=locked)
    if comment:
        _comment(by=by, report=locked, text=comment, sends_back=sends_back)
    _audit(
        by=by,
        report=locked,
        change=f"Moved from {was.label} to {to.label}",
        action=STAGE_ACTIONS[to],
        comment=comment,
    )
    summary = f"{_kind_label(locked)}: {to.label.lower()}"
    if to == ReportStatus.FILED:
        summary = f"{_kind_label(locked)} filed with the court on {_day(filed_on)}"
    timeline_entry_add(child=locked.child, kind=COURT, summary=summary, by=by)
    return locked


def _comment(*, by, report: CourtReport, text: str, sends_back: bool = False) -> ReportComment:
    comment = ReportComment(report=report, by=by, text=text.strip(), sends_back=sends_back)
    comment.full_clean(exclude=["report", "by"])
    comment.save()
    return comment


@transaction.atomic
def report_comment_add(*, by, report: CourtReport, token: str | None, text: str) -> ReportComment:
    """Comment on the report; once for each form sent (`token`)."""
    if not rules.may_comment_on_report(by, report):
        raise PermissionDenied("You cannot comment on this report")
    claim = form_tokens.claim(token, by=by, model=ReportComment)
    if claim.earlier:
        return claim.earlier
    if not (text or "").strip():
        raise ValidationError({"text": "Enter your comment"})
    comment = _comment(by=by, report=report, text=text)
    claim.made(comment)
    _audit(
        by=by, report=report, change="Commented on the report", action=Action.COURT_REPORT_COMMENTED
    )
    return comment


def report_print_record(*, by, report: CourtReport, fmt: str) -> None:
    """Log a download of the report (PDF or Word). The view has read the report for `by`
    through the child's file (selectors), which is the check: whoever may read may print."""
    document_print_record(
        by=by,
        obj=report,
        what=_kind_label(report),
        child_id=report.child.uuid,
        fmt=fmt,
    )


# --- After a hearing ---------------------------------------------------------------------------


@transaction.atomic
def hearing_outcome_record(
    *,
    by,
    hearing,
    token: str | None,
    orders_made: str,
    directions: str = "",
    next_hearing_on: date | None = None,
) -> HearingOutcome:
    """Record what the court decided at a hearing. Each child in the proceedings is then due to
    be told what the judge decided, within the set number of working days."""
    proceedings = hearing.proceedings
    if not rules.may_record_outcome(by, proceedings):
        raise PermissionDenied("You cannot record what happened at this hearing")
    claim = form_tokens.claim(token, by=by, model=HearingOutcome)
    if claim.earlier:
        return claim.earlier
    if HearingOutcome.objects.filter(hearing=hearing).exists():
        raise ValidationError("The outcome of this hearing is already recorded")
    if hearing.starts_at > timezone.now():
        raise ValidationError("You can record the outcome once the hearing has happened")
    outcome = HearingOutcome(
        hearing=hearing,
        orders_made=(orders_made or "").strip(),
        directions=(directions or "").strip(),
        next_hearing_on=next_hearing_on,
        recorded_by=by,
    )
    outcome.full_clean(exclude=["hearing", "recorded_by"])
    outcome.save()
    heard_on = timezone.localtime(hearing.starts_at).date()
    due_on = add_working_days(max(heard_on, timezone.localdate()), tell_child_working_days())
    for link in proceedings.child_links.select_related("child"):
        ChildTold.objects.create(outcome=outcome, child=link.child, due_on=due_on)
        timeline_entry_add(
            child=link.child,
            kind=COURT,
            summary=f"Outcome of the {hearing.get_kind_display().lower()} recorded",
            by=by,
        )
    claim.made(outcome)
    audit_event_record(
        by=by,
        action=Action.HEARING_OUTCOME_RECORDED,
        obj=proceedings,
        detail={"hearing": str(hearing.uuid), "outcome": str(outcome.uuid)},
    )
    return outcome


@transaction.atomic
def child_told_record(
    *,
    by,
    telling: ChildTold,
    told_on: date,
    method: str,
    words_for_child: str,
    child_response: str = "",
) -> ChildTold:
    """Record that the child was told what the judge decided: when, how, the words used and
    what the child said."""
    locked = (
        ChildTold.objects.select_for_update()
        .select_related("outcome__hearing__proceedings", "child")
        .get(pk=telling.pk)
    )
    if not rules.may_record_child_told(by, locked.outcome.hearing.proceedings):
        raise PermissionDenied("Only the allocated Family Court Adviser can record this")
    if not (words_for_child or "").strip():
        raise ValidationError({"words_for_child": "Enter what you told the child"})
    locked.told_on, locked.method = told_on, method
    locked.words_for_child = words_for_child.strip()
    locked.child_response = (child_response or "").strip()
    locked.recorded_by = by
    locked.full_clean(exclude=["outcome", "child", "recorded_by"])
    locked.save()
    audit_event_record(
        by=by,
        action=Action.CHILD_TOLD_RECORDED,
        obj=locked.outcome.hearing.proceedings,
        child_id=locked.child.uuid,
        detail={"told_about_hearing": str(locked.outcome.hearing.uuid)},
    )
    timeline_entry_add(
        child=locked.child,
        kind=COURT,
        summary=f"Told what the judge decided ({locked.get_method_display().lower()})",
        by=by,
    )
    return locked
