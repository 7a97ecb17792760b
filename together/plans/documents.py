"""What goes into the printed plan: the child's version and the professional version.

The child's version is written to the child, in the child's words and the FCA's words for the
child. Nothing in either version names anyone's address: a family member's address (confidential
or not) is never read here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils import timezone

from together.accounts.models import User
from together.children.naming import childs_names
from together.proceedings.models import Hearing

from .models import Activity, Plan, PlanStatus, PlanVersion, Recommendation
from .snapshot import SECTIONS

# What a person printing the plan may say it is for.
PRINT_REASONS = [
    ("child", "For the child"),
    ("court", "For the court bundle"),
    ("local_authority", "For the local council"),
    ("other", "Something else"),
]
PRINT_REASON_LABELS = dict(PRINT_REASONS)

# (key in the address, what the audit log calls it, template)
VERSIONS = {
    "child": ("child's version", "plans/pdf_child.html"),
    "professional": ("professional version", "plans/pdf_professional.html"),
}


@dataclass(frozen=True)
class Paragraphs:
    """A text typed into a form, as paragraphs (split on blank lines)."""

    text: str

    def __iter__(self):
        return iter(p.strip() for p in re.split(r"\n\s*\n", self.text or "") if p.strip())

    def __bool__(self) -> bool:
        return bool((self.text or "").strip())


def _fca(plan: Plan):
    """The FCA the plan speaks for: the proceedings' lead FCA, or whoever started the plan."""
    user_id = plan.proceedings.lead_fca_id or plan.created_by_id
    if user_id is None:
        return None
    return User.objects.filter(pk=user_id).first()


def _next_hearing(plan: Plan):
    return (
        Hearing.objects.filter(proceedings_id=plan.proceedings_id, starts_at__gte=timezone.now())
        .order_by("starts_at")
        .first()
    )


def version_line(plan: Plan) -> str:
    saved = (
        PlanVersion.objects.filter(plan_id=plan.pk)
        .order_by("-number")
        .values_list("saved_at", flat=True)
        .first()
    )
    when = timezone.localtime(saved or plan.updated_at)
    return f"Version {plan.version}, {when.day} {when:%B %Y}"


def child_version_context(plan: Plan) -> dict:
    """The child's version: who their FCA is, what they heard, what they think should happen and
    why, and what happens next.

    What the FCA wrote for the child names people as the child does ("Auntie Deborah", not
    "Deborah Fowler": children.naming); what the child said is left as they said it. Of the plan
    of work, only the steps written for the child are shown, never the FCA's own tasks."""
    child = plan.child
    fca = _fca(plan)
    today = timezone.localdate()
    named = childs_names(child, keep=[fca.given_name] if fca else ()).apply
    steps = [
        {"text": named(a.for_child), "due_on": a.due_on if a.due_on >= today else None}
        for a in Activity.objects.filter(plan_id=plan.pk, done_on__isnull=True).exclude(
            for_child=""
        )
    ]
    recommendations = [
        {
            "recommendation": named(rec.recommendation),
            "reasoning": named(rec.reasoning),
            "differs_from_wishes": rec.differs_from_wishes,
            "why_different": named(rec.why_different),
        }
        for rec in Recommendation.objects.filter(plan_id=plan.pk)
    ]
    return {
        "plan": plan,
        "child": child,
        "fca_name": fca.given_name if fca else "",
        "fca_pronouns": fca.pronouns if fca else "",
        "fca_about": Paragraphs(fca.about_me if fca else ""),
        "wishes": Paragraphs(plan.wishes_and_feelings),
        "special": Paragraphs(plan.unique_about_child or child.special_and_unique),
        "words_for_child": Paragraphs(named(plan.words_for_child)),
        "recommendations": recommendations,
        "next_hearing": _next_hearing(plan),
        "activities": steps,
        "today": today,
        "version_line": version_line(plan),
        "is_draft": plan.status in (PlanStatus.DRAFT, PlanStatus.READY_FOR_REVIEW),
    }


def professional_version_context(plan: Plan) -> dict:
    """Every section of the plan, in order, as the court and the local council read it."""
    shares = list(plan.shares.select_related("recorded_by").prefetch_related("responses"))
    sections = [{"key": key, "number": number, "title": title} for key, number, title in SECTIONS]
    return {
        "plan": plan,
        "child": plan.child,
        "fca": _fca(plan),
        "sections": sections,
        "risks": Paragraphs(plan.risks_remaining),
        "domestic_abuse_reasoning": Paragraphs(plan.domestic_abuse_reasoning),
        "non_recent_harm": Paragraphs(plan.non_recent_harm),
        "mental_health_misuse": Paragraphs(plan.mental_health_misuse),
        "harms": list(plan.harms.all()),
        "contacts": list(plan.contacts.all()),
        "unique": Paragraphs(plan.unique_about_child),
        "strengths": Paragraphs(plan.family_strengths),
        "impact": Paragraphs(plan.impact_on_child),
        "wishes": Paragraphs(plan.wishes_and_feelings),
        "wishes_meetings": list(plan.wishes_meetings.order_by("-occurred_at")),
        "recommendations": [
            {"recommendation": rec, "rests_on": _rests_on(rec)}
            for rec in plan.recommendations.prefetch_related("rests_on_harms")
        ],
        "words_for_child": Paragraphs(plan.words_for_child),
        "activities": list(plan.activities.select_related("who")),
        "shares": shares,
        "not_sought": Paragraphs(plan.child_response_not_sought_reason),
        "version_line": version_line(plan),
        "domestic_abuse_kinds": _kinds(plan),
    }


def _rests_on(rec) -> str:
    parts = [f"the harm “{_short(harm.what)}”" for harm in rec.rests_on_harms.all()]
    if rec.rests_on_strengths:
        parts.append("the strengths in the family")
    if rec.rests_on_wishes:
        parts.append("the child's wishes and feelings")
    return "; ".join(parts) or "nothing recorded"


def _short(text: str, words: int = 12) -> str:
    split = text.split()
    return " ".join(split[:words]) + ("…" if len(split) > words else "")


def _kinds(plan: Plan) -> list[str]:
    from .models import DomesticAbuseKind

    labels = dict(DomesticAbuseKind.choices)
    return [labels.get(kind, kind) for kind in plan.domestic_abuse_kinds or []]
