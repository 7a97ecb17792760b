"""Starting a report the court directed, written from the child's plan in the proceedings."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from together.audit.models import Action
from together.children.services import timeline_entry_add
from together.core import form_tokens
from together.plans.models import DomesticAbuseAssessment, Plan, RecipientKind

from .. import report_rules as rules
from ..report_models import CourtReport, ReportRecommendation
from .common import COURT, _audit, _day, _kind_label


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
