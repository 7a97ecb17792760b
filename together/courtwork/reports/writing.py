"""Writing a report: the court's direction, its sections, its recommendations, what is missing."""

from __future__ import annotations

import re
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from .. import report_rules as rules
from ..report_models import SECTIONS, CourtReport, ReportRecommendation
from .common import _audit, _back_to_draft_if_agreed, _check_editable, _lock, _saved

# "Historic" makes harm sound over and done with; the court needs to know what it means now.
HISTORIC = re.compile(r"\bhistoric(al|ally)?\b", re.IGNORECASE)
HISTORIC_MESSAGE = (
    "Do not call harm “historic”: say when it happened and what it means for the child now"
)
# Where the word is refused: the whole risk analysis (harm, harm some time ago, coercive control).
RISK_FIELDS = SECTIONS["risks"][1]


def _called_historic(values) -> dict[str, str]:
    """The risk analysis fields among `values` (name -> text) that call harm historic."""
    return {
        name: HISTORIC_MESSAGE for name in RISK_FIELDS if HISTORIC.search(values.get(name) or "")
    }


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
    if _called_historic({name: getattr(report, name) for name in RISK_FIELDS}):
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
    historic = _called_historic(fields)
    if historic:
        raise ValidationError(historic)
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
    item._history_user = by  # who the recommendation's history names (report_models)
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
    item._history_user = by
    item.delete()
    _back_to_draft_if_agreed(by=by, report=locked)
    _saved(by=by, report=locked)
    _audit(by=by, report=locked, change="Removed a recommendation")
