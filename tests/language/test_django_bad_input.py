"""Whatever is typed or pasted, the check answers sensibly, never fails, and its offsets index the
original text."""

import json
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from together.language.display import as_json
from together.language.engine import Audience, AudienceKind, Category, check
from together.language.selectors import MAX_CHARACTERS

AUDIENCES = [
    Audience(AudienceKind.CHILD, age=5),
    Audience(AudienceKind.CHILD, age=9),
    Audience(AudienceKind.CHILD, age=14),
    Audience(AudienceKind.ADULT_FAMILY),
    Audience(AudienceKind.PROFESSIONAL),
]

# Pieces that have tripped up text tools: the register itself, Windows line endings, what a
# word processor pastes, emoji with joiners, other scripts, letters whose lower case is longer
# ("İ"), combining marks, a lone surrogate from JSON, and control characters.
FRAGMENTS = [
    "The LA",
    " s.7 ",
    "R16.4",
    "re: ",
    "ED&I",
    "NQSWs",
    "FCA (Family Court Adviser)",
    "contact with his sibling",
    "the mother",
    "the case",
    "non-compliant",
    "presented as",
    "Jayden",
    "Mum’s",
    "'s",
    "\r\n",
    "\n\n",
    "\r",
    "\t",
    "\u00a0",
    "\u2028",
    "\f",
    '<p class="MsoNormal"><span lang="EN-GB">',
    "</span></p>",
    "&nbsp;",
    "<br/>",
    "<!--[if gte mso 9]>",
    "👩‍👧‍👦",
    "🙂",
    "❤️",
    "مرحبا",
    "Привет",
    "你好",
    "İstanbul",
    "ß",
    "ﬁ",
    "e\u0301",
    "\u200d",
    "\ud800",
    "\x00",
    "...",
    "!!!",
    "?!",
    "12345",
    "3.14",
    "£20",
    "—",
    "“",
    "”",
    "‘",
    "’",
    " ",
    ".",
    ",",
    "-",
    "–",
    "(",
    ")",
    "NEXT STEPS",
    "THANK YOU",
    "e.g.",
    "i.e.",
    "Mr.",
    "No. 5",
]

texts = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=8), max_size=40).map("".join),
)


def assert_sound(text, report):
    for finding in report.findings:
        assert 0 <= finding.start < finding.end <= len(text), finding
        assert text[finding.start : finding.end] == finding.text, finding
        assert isinstance(finding.category, Category) and finding.message
    r = report.readability
    assert r.words >= 0 and r.sentences >= 0
    if r.words:
        assert r.reading_age is not None and r.flesch_kincaid_grade is not None
    json.dumps(as_json(report, "adult"))  # always serialisable


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts, audience=st.sampled_from(AUDIENCES))
def test_any_text_gives_findings_that_index_the_original(text, audience):
    report = check(text, audience, names=("Jayden", "Nanny Jo"), person_names={"child": "Jayden"})
    assert_sound(text, report)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\t  ",
        "...!!!???",
        "12 34 56 7.8 £9",
        "—–-()[]{}",
        "🙂🙂🙂 👩‍👧‍👦",
        "Jayden loves 🦖 and 🎨. مرحبا! Привет! 你好!",
        "Dear Jayden,\r\n\r\nThe LA has applied to the court.\r\nYour sibling is fine.\r\n",
        '<p class="MsoNormal"><span>The LA&nbsp;will liaise with your mum.</span></p>',
        "İİİİ İstanbul contact",
        "\ud800 contact \udfff",
        "\x00\x01 contact",
    ],
)
@pytest.mark.parametrize("audience", AUDIENCES, ids=lambda a: a.band)
def test_awkward_text_is_answered_sensibly(text, audience):
    report = check(text, audience)
    assert_sound(text, report)


def test_text_with_no_words_has_no_scores():
    for text in ("", "   ", "...", "12 34", "🙂"):
        report = check(text, Audience(AudienceKind.CHILD, age=9))
        assert report.findings == []
        assert report.readability.words == 0 and report.readability.reading_age is None


def test_pasted_word_processor_html_still_finds_the_words():
    text = '<p class="MsoNormal"><span lang="EN-GB">The LA&nbsp;will liaise with you.</span></p>'
    found = {f.text for f in check(text, Audience(AudienceKind.ADULT_FAMILY)).findings}
    assert {"LA", "liaise"} <= found
    assert not {"MsoNormal", "EN", "GB", "nbsp"} & found


def test_windows_line_endings_change_nothing_but_the_offsets():
    unix = "Dear Jayden,\n\nYour sibling is well.\nThe LA will ring.\n"
    windows = unix.replace("\n", "\r\n")
    audience = Audience(AudienceKind.CHILD, age=9)
    a, b = check(unix, audience), check(windows, audience)
    assert [(f.text, f.category) for f in a.findings] == [(f.text, f.category) for f in b.findings]
    assert a.readability == b.readability


def test_the_longest_text_allowed_is_checked_quickly():
    """Linear, not quadratic: the most text the service takes, dense with findings."""
    sentence = (
        "The LA will liaise with the mother about contact with your sibling, and the case "
        "is non-compliant re: the s.7 report, so please do NOT worry. "
    )
    text = (sentence * (MAX_CHARACTERS // len(sentence) + 1))[:MAX_CHARACTERS]
    started = time.perf_counter()
    report = check(text, Audience(AudienceKind.CHILD, age=9), person_names={"mother": "Sarah"})
    assert time.perf_counter() - started < 10
    assert len(report.findings) > 5_000
    assert_sound(text, report)


@pytest.mark.parametrize(
    "piece",
    [
        "The MASH team met. ",  # a word-like acronym on one very long line
        "MASH ",
        "x",  # one word of 100,000 letters
        "<!--",  # comments that never close
        "&",
        "e.g. ",
        "Mr. ",
    ],
)
def test_awkward_text_at_the_limit_takes_seconds_not_minutes(piece):
    text = (piece * (MAX_CHARACTERS // len(piece) + 1))[:MAX_CHARACTERS]
    started = time.perf_counter()
    report = check(text, Audience(AudienceKind.CHILD, age=9))
    assert time.perf_counter() - started < 10
    assert_sound(text, report)
