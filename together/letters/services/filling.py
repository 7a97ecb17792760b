"""Filling a template's placeholders, the style for the child's age, and the plan's words."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError

from together.children.models import Child

from ..models import TO_CHILD, Style

# Placeholders a template may use, and where each one's words come from (see _fill_values).
PLACEHOLDERS = {
    "child_name": "the name the child uses",
    "fca_first_name": "your first name",
    "fca_full_name": "your full name",
    "fca_about_me": "the “about me” on your account page",
    "meeting_plan": "when and how you will meet",
    "how_to_reach_me": "how they can reach you",
    "parent_name": "the first name of the parent or carer",
    "feedback_link": "the link to tell us how it went",
}
PLACEHOLDER = re.compile(r"\{([^{}\s]{1,60})\}")


class PlaceholderError(ValidationError):
    """A template uses a placeholder that cannot be filled: unknown, or with nothing to put in."""

    def __init__(self, name: str, message: str):
        super().__init__(message)
        self.name = name


def _unknown_message(name: str) -> str:
    return (
        f"The template uses {{{name}}}, which is not a placeholder we can fill. "
        "Ask whoever looks after the templates to correct it"
    )


@dataclass(frozen=True)
class Filling:
    """What the person starting a letter tells us that the file does not hold."""

    meeting_plan: str = ""
    how_to_reach_me: str = ""


def style_for(*, child: Child, kind: str, plain: bool = False) -> str:
    if plain:
        return Style.PLAIN
    if kind not in TO_CHILD:
        return Style.ADULT
    from ..models import OLDER_FROM_AGE

    return Style.OLDER if child.age >= OLDER_FROM_AGE else Style.YOUNGER


def fill(text: str, values: dict[str, str]) -> str:
    """Replace each {placeholder}; a placeholder with no words is a PlaceholderError."""

    def one(match):
        name = match.group(1)
        if name not in PLACEHOLDERS:
            raise PlaceholderError(name, _unknown_message(name))
        value = (values.get(name) or "").strip()
        if not value:
            raise PlaceholderError(
                name,
                f"The letter needs {PLACEHOLDERS[name]} (the template's {{{name}}}), "
                "and there is nothing to put there yet",
            )
        return value

    return PLACEHOLDER.sub(one, text)


PLAN_WORDS_LEAD_IN = "Here is what I wrote for you in your plan, to explain my thinking:"


def with_plan_words(body: str, words: str) -> str:
    """The ending letter with the plan's words for the child before its last paragraph (the
    goodbye), so the child reads again how the FCA explained their recommendations."""
    words = words.strip()
    if not words:
        return body
    head, _, goodbye = body.rstrip().rpartition("\n\n")
    if not head:
        head, goodbye = goodbye, ""
    parts = [head, PLAN_WORDS_LEAD_IN, words]
    return "\n\n".join(part for part in [*parts, goodbye] if part)


def _fill_values(*, child, fca, recipient, filling: Filling, feedback_link: str) -> dict:
    return {
        "child_name": child.preferred_name,
        "fca_first_name": fca.given_name,
        "fca_full_name": fca.full_name,
        "fca_about_me": fca.about_me,
        "meeting_plan": filling.meeting_plan,
        "how_to_reach_me": filling.how_to_reach_me,
        "parent_name": recipient.given_name if recipient else "",
        "feedback_link": feedback_link,
    }
