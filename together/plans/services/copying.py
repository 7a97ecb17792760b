"""Starting a plan from a brother's or sister's plan: what may be copied, copying what the writer
chose, and the mark each copied part keeps ("Check this is true for Mia") until it is changed or
the writer says it is true for this child.

Never offered, so never copied: what is about the other child alone (what is special about
them, their wishes and feelings, the words written for them, the recommendations, who the plan
was shared with and what they said) and finished work in the plan of work.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass

from django.core.exceptions import ValidationError

from ..models import Activity, Plan, PlanHarm, ProfessionalContact

# The plan's own text that may be copied: key: (section key, what it is called, its fields).
# Domestic abuse is one part: the view and its reasoning only make sense together.
TEXT_PARTS = {
    "risks_remaining": ("risks", "The risks that remain", ("risks_remaining",)),
    "domestic_abuse": (
        "risks",
        "Domestic abuse: whether it is alleged, and your view",
        (
            "domestic_abuse_alleged",
            "domestic_abuse_kinds",
            "domestic_abuse_assessment",
            "domestic_abuse_reasoning",
        ),
    ),
    "non_recent_harm": ("risks", "Harm that happened some time ago", ("non_recent_harm",)),
    "mental_health_misuse": (
        "risks",
        "Mental health, drugs and alcohol",
        ("mental_health_misuse",),
    ),
    "family_strengths": ("strengths", "The strengths in the family", ("family_strengths",)),
    "impact_on_child": ("impact", "The impact on the child", ("impact_on_child",)),
}
# Kinds of item that may be copied: key prefix: (section key, what one is called).
ITEM_KINDS = {
    "harm": ("risks", "Harm"),
    "contact": ("risks", "What a professional said"),
    "activity": ("work", "Work in the plan of work"),
}


@dataclass(frozen=True)
class CopyChoice:
    """One thing a brother's or sister's plan could give: shown to the writer to choose."""

    key: str
    section: str
    label: str
    text: str
    names_other_child: bool


def _names(text: str, child) -> bool:
    name = (child.preferred_name or "").strip()
    return bool(name) and re.search(rf"\b{re.escape(name)}\b", text, re.IGNORECASE) is not None


def _text_of(source: Plan, key: str) -> str:
    if key == "domestic_abuse":
        if not source.domestic_abuse_alleged:
            return ""
        view = source.get_domestic_abuse_assessment_display()
        parts = (f"{view}." if view else "", source.domestic_abuse_reasoning)
        return " ".join(part for part in parts if part)
    return getattr(source, TEXT_PARTS[key][2][0]) or ""


def copy_choices(source: Plan) -> list[CopyChoice]:
    """Everything in `source` that may be copied, item by item, in the plan's order."""
    choices = []
    other = source.child
    for key, (section, label, _fields) in TEXT_PARTS.items():
        text = _text_of(source, key).strip()
        if text:
            choices.append(CopyChoice(key, section, label, text, _names(text, other)))
    for harm in source.harms.all():
        text = harm.what + (f" ({harm.when_happened})" if harm.when_happened else "")
        choices.append(CopyChoice(f"harm:{harm.uuid}", "risks", "Harm", text, _names(text, other)))
    for contact in source.contacts.all():
        text = f"{contact.organisation}: {contact.what_they_said}"
        choices.append(
            CopyChoice(
                f"contact:{contact.uuid}",
                "risks",
                "What a professional said",
                text,
                _names(text, other),
            )
        )
    for activity in source.activities.filter(done_on__isnull=True):
        text = f"{activity.what}, by {activity.due_on.day} {activity.due_on:%B %Y}"
        choices.append(
            CopyChoice(
                f"activity:{activity.uuid}",
                "work",
                "Work in the plan of work",
                text,
                _names(text, other),
            )
        )
    order = ["risks", "strengths", "impact", "work"]
    return sorted(choices, key=lambda choice: order.index(choice.section))


def copy_chosen(source: Plan, plan: Plan, keys) -> list[str]:
    """Copy the parts of `source` named by `keys` (CopyChoice.key) into the new `plan`, each
    marked to check. Refuses anything not offered (copy_choices): finished work, what is about
    the other child alone, or an item of another plan. Answers what was copied, for the record.
    Saves the items; the caller saves the plan's own fields."""
    keys = list(dict.fromkeys(keys or []))
    offered = {choice.key for choice in copy_choices(source)}
    refused = [key for key in keys if key not in offered]
    if refused:
        raise ValidationError("Choose only from what the other plan can give")
    copied_parts = [key for key in TEXT_PARTS if key in keys]  # in the plan's order
    for key in copied_parts:
        for name in TEXT_PARTS[key][2]:
            setattr(plan, name, getattr(source, name))
    plan.copied_to_check = copied_parts
    return keys


def copy_chosen_items(source: Plan, plan: Plan, keys) -> None:
    """The items among `keys` (already checked by copy_chosen), into the saved `plan`."""
    wanted = {key.partition(":")[2] for key in keys if ":" in key}
    for model, items in (
        (PlanHarm, source.harms.all()),
        (ProfessionalContact, source.contacts.all()),
        (Activity, source.activities.filter(done_on__isnull=True)),
    ):
        for item in items:
            if str(item.uuid) not in wanted:
                continue
            item.pk = item.id = None
            item._state.adding = True
            item.plan = plan
            item.uuid = uuid.uuid4()
            item.copied_to_check = True
            if model is Activity:
                item.for_child = ""  # words written to the other child are theirs
            item.full_clean()
            item.save()


def copied_parts_changed(plan: Plan, before: dict) -> None:
    """Take the mark off each copied part whose words the writer has now changed (`before`:
    the plan's fields as they were)."""
    plan.copied_to_check = [
        key
        for key in plan.copied_to_check
        if any(name not in before for name in TEXT_PARTS[key][2])
        or all(getattr(plan, name) == before[name] for name in TEXT_PARTS[key][2])
    ]


@dataclass(frozen=True)
class ToCheck:
    """A copied part still marked to check: the key the confirm form posts, and where it is."""

    key: str
    section: str
    label: str
    text: str


def copied_to_check(plan: Plan) -> list[ToCheck]:
    """Every copied part of `plan` still marked "Check this is true for ..." (three queries)."""
    parts = []
    for key in plan.copied_to_check or []:
        if key in TEXT_PARTS:
            section, label, _fields = TEXT_PARTS[key]
            parts.append(ToCheck(key, section, label, _text_of(plan, key)))
    for harm in plan.harms.filter(copied_to_check=True):
        parts.append(ToCheck(f"harm:{harm.uuid}", "risks", "Harm", harm.what))
    for contact in plan.contacts.filter(copied_to_check=True):
        parts.append(
            ToCheck(
                f"contact:{contact.uuid}",
                "risks",
                "What a professional said",
                f"{contact.organisation}: {contact.what_they_said}",
            )
        )
    for activity in plan.activities.filter(copied_to_check=True):
        parts.append(
            ToCheck(f"activity:{activity.uuid}", "work", "Work in the plan of work", activity.what)
        )
    return parts


def has_copies_to_check(plan: Plan) -> bool:
    return bool(plan.copied_to_check) or any(
        model.objects.filter(plan_id=plan.pk, copied_to_check=True).exists()
        for model in (PlanHarm, ProfessionalContact, Activity)
    )


def confirm_copied(plan: Plan, keys) -> int:
    """Take the mark off the parts named by `keys`: the writer says they are true for this
    child. Answers how many were confirmed; refuses keys that are not marked on this plan."""
    keys = set(keys or [])
    marked = {part.key for part in copied_to_check(plan)}
    if not keys:
        raise ValidationError({"confirm": "Choose what you have checked is true"})
    if keys - marked:
        raise ValidationError({"confirm": "Choose from what was copied and is still to check"})
    plan.copied_to_check = [key for key in plan.copied_to_check if key not in keys]
    by_kind: dict[str, list[str]] = {}
    for key in keys:
        kind, _, item = key.partition(":")
        if item:
            by_kind.setdefault(kind, []).append(item)
    models = {"harm": PlanHarm, "contact": ProfessionalContact, "activity": Activity}
    for kind, items in by_kind.items():
        models[kind].objects.filter(plan_id=plan.pk, uuid__in=items).update(copied_to_check=False)
    return len(keys)
