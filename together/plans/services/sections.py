"""Saving a plan's sections, and what each (and the plan) still needs before it moves on."""

from django.core.exceptions import ValidationError
from django.db import transaction

from ..models import Plan, PlanResponse, RecipientKind
from ..snapshot import SECTION_BY_KEY
from . import copying
from .saving import PLAN_LINKS, _claim, check_editable, edit_saved, sync

# The plan's own fields each section page saves.
SECTION_FIELDS = {
    "risks": (
        "risks_remaining",
        "domestic_abuse_alleged",
        "domestic_abuse_kinds",
        "domestic_abuse_assessment",
        "domestic_abuse_reasoning",
        "non_recent_harm",
        "mental_health_misuse",
    ),
    "unique": ("unique_about_child",),
    "strengths": ("family_strengths",),
    "impact": ("impact_on_child",),
    "wishes": ("wishes_and_feelings",),
    "recommendations": (),
    "words": ("words_for_child",),
    "work": (),
    "sharing": ("child_response_not_sought_reason",),
}
# Sections 1 to 8 are written by the FCA and marked complete; section 9 fills as the plan is shared.
WRITTEN_SECTIONS = [key for key in SECTION_FIELDS if key != "sharing"]


def _label(key: str) -> str:
    number, title = SECTION_BY_KEY[key]
    return f"section {number}, {title[0].lower()}{title[1:]}".rstrip("?")


def copies_to_check_message(plan: Plan) -> str:
    return (
        f"Check that everything copied from another child's plan is true for "
        f"{plan.child.preferred_name}, or change it"
    )


def section_missing(plan: Plan, key: str) -> list[str]:
    """What a section still needs before it can be marked complete."""
    missing = []
    if key == "risks":
        if not plan.risks_remaining.strip():
            missing.append("Say what risks remain for the child")
        if plan.domestic_abuse_alleged:
            if not plan.domestic_abuse_assessment:
                missing.append("Say what your view is on domestic abuse")
            if not plan.domestic_abuse_reasoning.strip():
                missing.append("Explain how you reached your view on domestic abuse")
    elif key == "unique" and not plan.unique_about_child.strip():
        missing.append("Say what is special and unique about the child")
    elif key == "strengths" and not plan.family_strengths.strip():
        missing.append("Say what the strengths in the family are")
    elif key == "impact" and not plan.impact_on_child.strip():
        missing.append("Say what the impact is on the child")
    elif key == "wishes" and not plan.wishes_and_feelings.strip():
        missing.append("Say what the child's wishes and feelings are")
    elif key == "recommendations":
        recommendations = list(plan.recommendations.prefetch_related("rests_on_harms"))
        if not recommendations:
            missing.append("Add at least one recommendation")
        for number, rec in enumerate(recommendations, start=1):
            if not rec.reasoning.strip():
                missing.append(f"Explain why you make recommendation {number}")
            if not _rests_on_something(rec):
                missing.append(f"Say what recommendation {number} rests on")
    elif key == "words" and not plan.words_for_child.strip():
        missing.append("Write the words for the child")
    elif key == "work" and not plan.activities.exists():
        missing.append("Add at least one piece of work to the plan of work")
    return missing


def _rests_on_something(rec) -> bool:
    return bool(rec.rests_on_strengths or rec.rests_on_wishes or rec.rests_on_harms.all())


def plan_missing_for_review(plan: Plan) -> list[tuple[str, str]]:
    """(section key, message) for everything stopping the plan going for review."""
    missing = []
    for key in WRITTEN_SECTIONS:
        number, title = SECTION_BY_KEY[key]
        gaps = section_missing(plan, key)
        if gaps:
            missing.extend((key, f"Section {number}: {gap}") for gap in gaps)
        elif key not in plan.completed_sections:
            missing.append((key, f"Mark section {number}, {title.rstrip('?')}, as completed"))
    if copying.has_copies_to_check(plan):
        missing.append(("copied", copies_to_check_message(plan)))
    return missing


def plan_missing_for_final(plan: Plan) -> list[tuple[str, str]]:
    """(section key, message) for everything stopping the plan being made final."""
    missing = []
    if copying.has_copies_to_check(plan):
        missing.append(("copied", copies_to_check_message(plan)))
    for number, rec in enumerate(plan.recommendations.prefetch_related("rests_on_harms"), 1):
        if not rec.reasoning.strip():
            missing.append(("recommendations", f"Explain why you make recommendation {number}"))
        if not _rests_on_something(rec):
            missing.append(("recommendations", f"Say what recommendation {number} rests on"))
    responded = PlanResponse.objects.filter(
        share__plan=plan,
        share__recipient_kind=RecipientKind.CHILD,
        about_recommendations=True,
    ).exists()
    if not responded and not plan.child_response_not_sought_reason.strip():
        missing.append(
            (
                "sharing",
                f"Record {plan.child.preferred_name}'s response to the recommendations, "
                "or say why it was not sought",
            )
        )
    return missing


@transaction.atomic
def plan_section_save(
    *,
    by,
    plan: Plan,
    version: int,
    section: str,
    complete: bool | None = None,
    meetings=None,
    **fields,
) -> Plan:
    """Save one section's text (and, for section 5, the meetings it rests on); mark it complete
    or not. Refuses a save made on an old version of the plan."""
    if section not in SECTION_FIELDS:
        raise ValueError(f"No such section: {section}")
    unknown = set(fields) - set(SECTION_FIELDS[section])
    if unknown:
        raise TypeError(f"Not part of {section}: {sorted(unknown)}")
    locked = _claim(plan, version, by=by)
    check_editable(by, locked)
    before = {name: getattr(locked, name) for name in fields}
    for name, value in fields.items():
        setattr(locked, name, value)
    if locked.copied_to_check:
        copying.copied_parts_changed(locked, before)
    if meetings is not None:
        meetings = list(meetings)
        if any(meeting.child_id != locked.child_id for meeting in meetings):
            raise ValidationError("Choose meetings with this child")
        locked.wishes_meetings.set(meetings)
    completed = set(locked.completed_sections)
    if complete is True:
        # The text limits first, so the person sees those (PLAN_LINKS: read under lock).
        locked.full_clean(exclude=PLAN_LINKS, validate_unique=False, validate_constraints=False)
        gaps = section_missing(locked, section)
        if gaps:
            raise ValidationError({"complete": gaps})
        completed.add(section)
    elif complete is False:
        completed.discard(section)
    locked.completed_sections = [key for key in SECTION_FIELDS if key in completed]
    edit_saved(by=by, plan=locked, key=section, change=f"Saved {_label(section)}")
    sync(plan, locked)
    return locked
