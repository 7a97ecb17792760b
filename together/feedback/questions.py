"""The words of the feedback form for each audience, kept apart so the language engine can check
them (tests/feedback/test_questions.py) and the form, the page and the dashboard share them.

"{name}" stands for the FCA's first name.

The questions fit how far the work has got (models.Stage): after an introductory letter only the
letter can be asked about; after a meeting, how the meeting went; at the end, also whether the
reasons for the advice to the court were clear.
"""

from dataclasses import dataclass, field, replace

from .models import Answer, Audience, Stage

# The answer fields asked at each stage, in the order they are shown.
STAGE_QUESTIONS: dict[str, tuple[str, ...]] = {
    Stage.INTRODUCTION: ("explained",),
    Stage.AFTER_MEETING: ("listened", "respected", "explained", "could_say"),
    Stage.ENDING: ("listened", "respected", "explained", "understood_reasons", "could_say"),
}


def questions_for(stage: str) -> tuple[str, ...]:
    return STAGE_QUESTIONS[Stage(stage)]


@dataclass(frozen=True)
class Wording:
    title: str
    intro: str
    questions: dict[str, str]  # answer field -> question
    scale: dict[int, str]  # Answer value -> label, best last, "don't know" first
    do_better: str
    anything_else: str
    anything_else_hint: str
    # After an introductory letter: what the page says first, and the one question (about the
    # letter, in the "explained" field).
    letter_intro: str = ""
    letter_question: str = ""
    stage: str = field(default=Stage.ENDING)


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
        letter_intro="{name} wrote you a letter. We want to know if it helped you. "
        "There are no right or wrong answers.",
        letter_question="Did the letter help you know what {name} will do?",
    ),
    Audience.OLDER_CHILD: Wording(
        title="Tell us how it went",
        intro="You met {name}. We would like to know how it went for you. "
        "Your answers help us do better for other young people.",
        letter_intro="{name} wrote you a letter. We would like to know if it helped. "
        "Your answers help us do better for other young people.",
        letter_question="Did the letter explain what {name} will do in a way you understood?",
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
        letter_intro="{name} wrote you a letter. We would like to know if it helped. "
        "Your answers help us learn and do better.",
        letter_question="Did the letter explain what {name} will do in a way you understood?",
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
        letter_intro="{name} wrote to you. We would like to know if the letter helped. "
        "Your answers help us learn and improve.",
        letter_question="Did the letter explain what {name} will do in a way you understood?",
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


def wording_for(audience: str, stage: str) -> Wording:
    """What `audience` reads at `stage`: only the questions that fit it."""
    wording = WORDING[audience]
    asked = questions_for(stage)
    questions = {name: wording.questions[name] for name in asked}
    intro = wording.intro
    if stage == Stage.INTRODUCTION:
        questions["explained"] = wording.letter_question
        intro = wording.letter_intro
    return replace(wording, intro=intro, questions=questions, stage=Stage(stage))


def all_text(audience: str, name: str, stage: str = Stage.ENDING) -> str:
    """Every sentence a person in `audience` reads on the form at `stage`, for the language
    check."""
    wording = wording_for(audience, stage)
    parts = [
        wording.intro,
        *wording.questions.values(),
        wording.do_better,
        wording.anything_else,
        wording.anything_else_hint,
    ]
    labels = ". ".join(wording.scale.values())
    return "\n".join(part.format(name=name) for part in parts) + "\n" + labels + "."


# What the thank-you page always says, whoever answered: where a child can get help now.
HELP_NOW = (
    "Do you feel unsafe or worried? You can talk to Childline. "
    "Call 0800 1111. It is free, and someone is there day and night. "
    "If you are in danger now, call 999."
)
