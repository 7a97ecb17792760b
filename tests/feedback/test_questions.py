"""The form's words pass the service's own plain-language check for the people who read them."""

import pytest

from together.feedback.models import Audience
from together.feedback.questions import WORDING, all_text
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


@pytest.mark.parametrize("audience", list(Audience))
def test_the_engine_finds_nothing_to_fix(audience):
    reader = READERS[audience]
    report = check(all_text(audience, "Sam"), reader.audience, names=("Sam",))
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
