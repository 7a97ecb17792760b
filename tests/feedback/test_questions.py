"""The form's words pass the service's own plain-language check for the people who read them."""

import pytest

from together.feedback.models import Audience, Stage
from together.feedback.questions import HELP_NOW, STAGE_QUESTIONS, WORDING, all_text, wording_for
from together.language.engine import check
from together.language.readers import Reader

# The youngest reader of each wording: a child is asked from 5, and the older wording is from 11.
READERS = {
    Audience.YOUNGER_CHILD: Reader.for_child(age=7, name="Sam"),
    Audience.OLDER_CHILD: Reader.for_child(age=11),
    Audience.PARENT_CARER: Reader.for_family(),
    Audience.PROFESSIONAL: Reader.for_professionals(),
}


def test_every_audience_has_a_reader():
    assert set(READERS) == set(WORDING) == set(Audience)


@pytest.mark.parametrize("stage", list(Stage))
@pytest.mark.parametrize("audience", list(Audience))
def test_the_engine_finds_nothing_to_fix(audience, stage):
    reader = READERS[audience]
    report = check(all_text(audience, "Sam", stage), reader.audience, names=("Sam",))
    assert report.findings == [], [(f.text, f.message) for f in report.findings]
    assert not report.too_hard, report.readability.reading_age


@pytest.mark.parametrize("audience", list(Audience))
def test_every_wording_asks_the_five_questions_and_lets_people_not_know(audience):
    wording = WORDING[audience]
    assert set(wording.questions) == {
        "listened",
        "respected",
        "explained",
        "understood_reasons",
        "could_say",
    }
    assert "I don't know" in wording.scale.values()
    assert wording.do_better == "What could we do better?"


@pytest.mark.parametrize("audience", list(Audience))
def test_each_stage_asks_only_what_has_happened(audience):
    introduction = wording_for(audience, Stage.INTRODUCTION)
    assert list(introduction.questions) == ["explained"]
    assert "letter" in introduction.intro and "met" not in introduction.intro
    assert "letter" in introduction.questions["explained"]
    after_meeting = wording_for(audience, Stage.AFTER_MEETING)
    assert "understood_reasons" not in after_meeting.questions
    assert "listened" in after_meeting.questions
    assert set(wording_for(audience, Stage.ENDING).questions) == set(STAGE_QUESTIONS[Stage.ENDING])


def test_where_to_get_help_now_is_plain_for_the_youngest_child():
    reader = READERS[Audience.YOUNGER_CHILD]
    report = check(HELP_NOW, reader.audience, names=())
    assert report.findings == [], [(f.text, f.message) for f in report.findings]
    assert not report.too_hard, report.readability.reading_age
    assert "Childline" in HELP_NOW and "0800 1111" in HELP_NOW and "999" in HELP_NOW
