"""Audits step by step, their actions and additions.

Every service checks its actor with the rules of this app, runs in one transaction, writes an
audit event, and refuses a change made on a stale version of the audit (EditConflict). A
finished audit is never changed again: it can only be added to.
"""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from together.audit.models import Action
from together.audit.services import audit_event_record
from together.children.models import TimelineEntry
from together.children.rules import visible_children
from together.children.services import timeline_entry_add
from together.core import form_tokens
from together.core.permissions import require
from together.core.versioning import lock_at_version
from together.feedback.models import FeedbackResponse
from together.proceedings.models import Allocation

from .. import rules
from ..models import (
    DOMAINS,
    Audit,
    AuditAddendum,
    AuditChange,
    Domain,
    DomainGrade,
    Grade,
    QualityAction,
    Theme,
    View,
)

# Grades: each domain's (grade, evidence) by domain, as the forms give them.
Grades = dict[str, tuple[str, str]]


def _record(by, audit: Audit, step: str) -> None:
    audit_event_record(
        by=by,
        action=Action.QUALITY_AUDIT_RECORDED,
        obj=audit,
        child_id=audit.child.uuid,
        detail={"step": step, "kind": audit.kind},
    )


def _locked(audit: Audit, version) -> Audit:
    locked = lock_at_version(
        Audit.objects.select_related("child", "fca", "auditor"), pk=audit.pk, version=version
    )
    locked.version += 1
    return locked


@transaction.atomic
def audit_start(*, by, fca, child, proceedings, kind: str, token: str | None = None) -> Audit:
    """Start an audit of `fca`'s work with `child` in `proceedings`. A collaborative audit waits
    for the FCA's self-assessment first."""
    require(by, rules.may_audit, fca, message="You may not audit this person's work")
    if not visible_children(by).filter(pk=child.pk).exists():
        raise PermissionDenied("You may not see this child's file")
    claim = form_tokens.claim(token, by=by, model=Audit)
    if claim.earlier:
        return claim.earlier
    led = Allocation.objects.filter(
        proceedings=proceedings, fca=fca, proceedings__child_links__child=child
    ).exists()
    if not led:
        raise ValidationError({"child": "Choose a child whose proceedings this person leads"})
    audit = Audit(
        child=child,
        proceedings=proceedings,
        auditor=by,
        fca=fca,
        kind=kind,
        stage=(
            Audit.Stage.SELF_ASSESSMENT
            if kind == Audit.Kind.COLLABORATIVE
            else Audit.Stage.IN_PROGRESS
        ),
        started_at=timezone.now(),
    )
    audit.full_clean()
    audit.save()
    claim.made(audit)
    _record(by, audit, "started")
    return audit


def _check_grades(grades: Grades, overall: str, *, evidence_needed: bool) -> None:
    errors = {}
    for domain in DOMAINS:
        grade, evidence = grades.get(domain, ("", ""))
        if grade not in Grade.values:
            errors[f"{domain}_grade"] = f"Choose a grade for {Domain(domain).label.lower()}"
        if evidence_needed and not (evidence or "").strip():
            errors[f"{domain}_evidence"] = (
                f"Write the evidence for the grade for {Domain(domain).label.lower()}"
            )
    if overall not in Grade.values:
        errors["overall"] = "Choose an overall grade"
    if errors:
        raise ValidationError(errors)


def _shortened(text: str) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= 200 else text[:199] + "…"


def _rewritten(what: str, before: str, after: str) -> list[str]:
    """A text field's change, in words, with what it said before."""
    before, after = (before or "").strip(), (after or "").strip()
    if before == after or not before:
        return []
    return [f'{what} was rewritten. Before, it said: "{_shortened(before)}"']


def _grade_changes(audit: Audit, view: str, grades: Grades, overall: str) -> list[str]:
    """What a re-save of a view's grades changes, in words (nothing on the first save)."""
    before = {row.domain: row for row in DomainGrade.objects.filter(audit=audit, view=view)}
    if not before:
        return []
    changes = []
    for domain in [*DOMAINS, Domain.OVERALL]:
        label = Domain(domain).label
        grade, evidence = (overall, "") if domain == Domain.OVERALL else grades[domain]
        old = before.get(domain)
        if old is None:
            changes.append(f"{label}: graded {Grade(grade).label}")
            continue
        if old.grade != grade:
            changes.append(f"{label}: {old.get_grade_display()} changed to {Grade(grade).label}")
        changes += _rewritten(f"The evidence for {label.lower()}", old.evidence, evidence)
    return changes


def _keep_changes(audit: Audit, step: str, changes: list[str], by) -> None:
    """An auditor's (or FCA's) re-save before the audit is finished: kept as history."""
    if changes:
        AuditChange.objects.create(audit=audit, step=step, changes=changes, changed_by=by)


def _save_grades(audit: Audit, view: str, grades: Grades, overall: str, by) -> None:
    DomainGrade.objects.filter(audit=audit, view=view).delete()
    now = timezone.now()
    rows = [
        DomainGrade(
            audit=audit,
            view=view,
            domain=domain,
            grade=grades[domain][0],
            evidence=(grades[domain][1] or "").strip(),
            recorded_by=by,
            recorded_at=now,
        )
        for domain in DOMAINS
    ]
    rows.append(
        DomainGrade(audit=audit, view=view, domain=Domain.OVERALL, grade=overall, recorded_by=by)
    )
    for row in rows:
        row.full_clean(exclude=["audit"])
    DomainGrade.objects.bulk_create(rows)


def _finish(audit: Audit, by, grade: str) -> None:
    audit.stage = Audit.Stage.FINISHED
    audit.grade = grade
    audit.finished_at = timezone.now()
    audit.audited_on = timezone.localdate(audit.finished_at)
    # The child may read their file one day: it says an audit took place, never the grades.
    timeline_entry_add(
        child=audit.child,
        kind=TimelineEntry.Kind.AUDIT,
        summary=(
            f"{by.given_name} {by.family_name} looked at how well we worked with "
            f"{audit.child.preferred_name}, to learn and do better"
        ),
        by=by,
    )


@transaction.atomic
def audit_self_assessment_record(
    *, by, audit: Audit, version, grades: Grades, overall: str, impact: str
) -> Audit:
    """The FCA's own grades of their work, and their view of its impact on the child: first,
    before the auditor grades (collaborative audits)."""
    require(by, rules.may_self_assess, audit, message="This self-assessment is not yours to make")
    audit = _locked(audit, version)
    _check_grades(grades, overall, evidence_needed=False)
    if not (impact or "").strip():
        raise ValidationError({"impact": "Write what difference your work made to the child"})
    changes = _grade_changes(audit, View.SELF, grades, overall)
    changes += _rewritten("The view of the difference the work made", audit.self_impact, impact)
    _keep_changes(audit, "self_assessment", changes, by)
    _save_grades(audit, View.SELF, grades, overall, by)
    audit.self_impact = impact.strip()
    audit.self_assessed_at = timezone.now()
    audit.stage = Audit.Stage.IN_PROGRESS
    audit.full_clean()
    audit.save()
    _record(by, audit, "self_assessment")
    return audit


@transaction.atomic
def audit_family_voice_record(
    *, by, audit: Audit, version, responses: list, conversation: str
) -> Audit:
    """Attach what the family said: answers they gave through the feedback links for this
    child, and what they told the auditor in a conversation."""
    require(by, rules.may_grade, audit, message="You may not change this audit")
    audit = _locked(audit, version)
    ids = [response.pk for response in responses]
    found = FeedbackResponse.objects.filter(invitation__child=audit.child, pk__in=ids)
    if found.count() != len(set(ids)):
        raise ValidationError({"responses": "Choose feedback given about this child"})
    had = {r.pk: r for r in audit.family_feedback.all()}
    changes = _rewritten("What the family said", audit.family_conversation, conversation)
    if had:
        chosen = set(found.values_list("pk", flat=True))
        added, taken = len(chosen - set(had)), len(set(had) - chosen)
        if added:
            changes.append(f"Feedback from the family added: {added}")
        if taken:
            changes.append(f"Feedback from the family taken out: {taken}")
    _keep_changes(audit, "family_voice", changes, by)
    audit.family_conversation = (conversation or "").strip()
    audit.full_clean()
    audit.save()
    audit.family_feedback.set(found)
    _record(by, audit, "family_voice")
    return audit


@transaction.atomic
def audit_grades_record(
    *,
    by,
    audit: Audit,
    version,
    grades: Grades,
    overall: str,
    worked_well: str,
    themes=(),
) -> Audit:
    """The auditor's grades, with the evidence for each, what worked well and the themes. A
    practice audit is finished with them; a collaborative audit goes on to agreeing the grades
    with the FCA."""
    require(by, rules.may_grade, audit, message="You may not grade this audit")
    audit = _locked(audit, version)
    _check_grades(grades, overall, evidence_needed=True)
    if not (worked_well or "").strip():
        raise ValidationError({"worked_well": "Write what worked well"})
    changes = _grade_changes(audit, View.AUDITOR, grades, overall)
    if changes or audit.worked_well:
        changes += _rewritten("What worked well", audit.worked_well, worked_well)
        old = {t.name for t in audit.themes.all()}
        new = {t.name for t in themes}
        if new - old:
            changes.append("Themes added: " + ", ".join(sorted(new - old)))
        if old - new:
            changes.append("Themes taken off: " + ", ".join(sorted(old - new)))
    _keep_changes(audit, "graded", changes, by)
    _save_grades(audit, View.AUDITOR, grades, overall, by)
    audit.worked_well = worked_well.strip()
    if not audit.is_collaborative:
        _finish(audit, by, overall)
    audit.full_clean()
    audit.save()
    audit.themes.set(Theme.objects.filter(pk__in=[theme.pk for theme in themes]))
    _record(by, audit, "graded" if audit.is_collaborative else "finished")
    return audit


@transaction.atomic
def audit_agreement_record(
    *, by, audit: Audit, version, grades: Grades, overall: str, worked_well: str
) -> Audit:
    """The grades auditor and FCA agreed after talking, which finish a collaborative audit. The
    self-assessment and the auditor's own grades stay as they were."""
    require(by, rules.may_grade, audit, message="You may not finish this audit")
    audit = _locked(audit, version)
    if not audit.is_collaborative:
        raise ValidationError("Only a collaborative audit has grades to agree")
    views = set(audit.domain_grades.values_list("view", flat=True))
    if not {View.SELF, View.AUDITOR} <= views:
        raise ValidationError("Record both views of the grades before agreeing them")
    _check_grades(grades, overall, evidence_needed=True)
    if not (worked_well or "").strip():
        raise ValidationError({"worked_well": "Write what worked well"})
    _save_grades(audit, View.AGREED, grades, overall, by)
    audit.worked_well = worked_well.strip()
    _finish(audit, by, overall)
    audit.full_clean()
    audit.save()
    _record(by, audit, "finished")
    return audit


@transaction.atomic
def audit_addendum_add(*, by, audit: Audit, text: str, token: str | None = None) -> AuditAddendum:
    """Add to a finished audit: it is never rewritten."""
    require(by, rules.may_add_to, audit, message="You may not add to this audit")
    claim = form_tokens.claim(token, by=by, model=AuditAddendum)
    if claim.earlier:
        return claim.earlier
    addendum = AuditAddendum(audit=audit, text=(text or "").strip(), written_by=by)
    addendum.full_clean()
    addendum.save()
    claim.made(addendum)
    _record(by, audit, "addendum")
    return addendum


@transaction.atomic
def audit_action_add(
    *, by, audit: Audit, text: str, owner, due_on: datetime.date, token: str | None = None
) -> QualityAction:
    """Something to do after the audit, for the FCA audited or the auditor, by a date."""
    require(by, rules.may_add_action, audit, message="You may not add actions to this audit")
    claim = form_tokens.claim(token, by=by, model=QualityAction)
    if claim.earlier:
        return claim.earlier
    if owner.pk not in {audit.fca_id, audit.auditor_id}:
        raise ValidationError({"owner": "Choose who will do this"})
    action = QualityAction(
        audit=audit, text=(text or "").strip(), owner=owner, due_on=due_on, created_by=by
    )
    action.full_clean()
    action.save()
    claim.made(action)
    _record(by, audit, "action")
    return action


@transaction.atomic
def quality_action_mark_done(*, by, action: QualityAction) -> QualityAction:
    """The person the action is for says it is done."""
    require(by, rules.may_mark_action_done, action, message="This action is not yours")
    action = QualityAction.objects.select_for_update().get(pk=action.pk)
    if action.done_on is None:
        action.done_on = timezone.localdate()
        action.save(update_fields=["done_on"])
        audit_event_record(
            by=by,
            action=Action.QUALITY_AUDIT_RECORDED,
            obj=action,
            detail={"step": "action_done"},
        )
    return action
