"""The words of the feedback form for each audience, kept apart so the language engine can check
them (tests/feedback/test_questions.py) and the form, the page and the dashboard share them.

"{name}" stands for the FCA's first name.
"""

from dataclasses import dataclass

from .models import Answer, Audience


@dataclass(frozen=True)
class Wording:
    title: str
    intro: str
    questions: dict[str, str]  # answer field -> question
    scale: dict[int, str]  # Answer value -> label, best last, "don't know" first
    do_better: str
    anything_else: str
    anything_else_hint: str


_CHILD_SCALE = {
    Answer.NOT_AT_ALL: "Not at all",
    Answer.NOT_REALLY: "Not really",
    Answer.SOMETIMES: "A bit",
    Answer.MOSTLY: "Mostly",
    Answer.YES: "Yes, a lot",
    Answer.DONT_KNOW: "I don't know",
}

_ADULT_SCALE = {
    Answer.NOT_AT_ALL: "Not at all",
    Answer.NOT_REALLY: "Not really",
    Answer.SOMETIMES: "Partly",
    Answer.MOSTLY: "Mostly",
    Answer.YES: "Yes, completely",
    Answer.DONT_KNOW: "I don't know",
}

WORDING: dict[str, Wording] = {
    Audience.YOUNGER_CHILD: Wording(
        title="Tell us how it went",
        intro="You met {name}. We want to know how it went for you. "
        "There are no right or wrong answers.",
        questions={
            "listened": "Did {name} listen to you?",
            "respected": "Was {name} kind and fair to you?",
            "explained": "Did {name} tell you what was going on?",
            "understood_reasons": "Did {name} tell you why they said what should happen?",
            "could_say": "Could you say what you wanted to say?",
        },
        scale=_CHILD_SCALE,
        do_better="What could we do better?",
        anything_else="Tell us anything else",
        anything_else_hint="You can leave these boxes empty.",
    ),
    Audience.OLDER_CHILD: Wording(
        title="Tell us how it went",
        intro="You met {name}. We would like to know how it went for you. "
        "Your answers help us do better for other young people.",
        questions={
            "listened": "Did you feel {name} listened to you?",
            "respected": "Did you feel {name} respected you?",
            "explained": "Did {name} explain what was happening in a way you understood?",
            "understood_reasons": "Did you understand why {name} told the judge what they did?",
            "could_say": "Did you feel you could say what you wanted to?",
        },
        scale=_CHILD_SCALE,
        do_better="What could we do better?",
        anything_else="Tell us anything else",
        anything_else_hint="You do not have to write anything here.",
    ),
    Audience.PARENT_CARER: Wording(
        title="Tell us how it went",
        intro="You worked with {name}. We would like to know how it went for you. "
        "Your answers help us learn and do better.",
        questions={
            "listened": "Did you feel {name} listened to you?",
            "respected": "Did you feel {name} treated you with respect?",
            "explained": "Did {name} explain what was happening in a way you understood?",
            "understood_reasons": (
                "Did you understand the reasons for {name}'s advice to the court?"
            ),
            "could_say": "Did you feel you could say what you wanted to?",
        },
        scale=_ADULT_SCALE,
        do_better="What could we do better?",
        anything_else="Tell us anything else",
        anything_else_hint="You do not have to write anything here.",
    ),
    Audience.PROFESSIONAL: Wording(
        title="Tell us how it went",
        intro="You worked with {name}. We would like to know how it went. "
        "Your answers help us learn and improve.",
        questions={
            "listened": "Did you feel {name} listened to you?",
            "respected": "Did you feel {name} treated you with respect?",
            "explained": "Did {name} explain what was happening in a way you understood?",
            "understood_reasons": "Did you understand the reasons for {name}'s recommendations?",
            "could_say": "Did you feel you could say what you wanted to?",
        },
        scale=_ADULT_SCALE,
        do_better="What could we do better?",
        anything_else="Tell us anything else",
        anything_else_hint="You do not have to write anything here.",
    ),
}

# The questions as the dashboard names them.
SHORT_QUESTIONS = {
    "listened": "Felt listened to",
    "respected": "Felt respected",
    "explained": "Understood what was happening",
    "understood_reasons": "Understood the reasons",
    "could_say": "Could say what they wanted",
}


def all_text(audience: str, name: str) -> str:
    """Every sentence a person in `audience` reads on the form, for the language check."""
    wording = WORDING[audience]
    parts = [
        wording.intro,
        *wording.questions.values(),
        wording.do_better,
        wording.anything_else,
        wording.anything_else_hint,
    ]
    labels = ". ".join(wording.scale.values())
    return "\n".join(part.format(name=name) for part in parts) + "\n" + labels + "."
