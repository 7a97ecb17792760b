"""The built-in glossary: enough entries, well formed, and plain alternatives that are plain."""

import pytest

from together.language.acronyms import KNOWN
from together.language.engine import Audience, AudienceKind, Category, check
from together.language.glossary import (
    BUILT_IN_GLOSSARY,
    GLOSSARY_CATEGORIES,
    INFLECTIONS,
    GlossaryEntry,
    coerce_entries,
    parse_entries,
)
from together.language.phrases import phrase_forms

CHILD = Audience(AudienceKind.CHILD, age=9)


def test_glossary_has_at_least_220_entries_each_with_alternative_and_reason():
    assert len(BUILT_IN_GLOSSARY) >= 220
    for entry in BUILT_IN_GLOSSARY:
        assert entry.alternatives, entry.term
        assert all(alt.strip() for alt in entry.alternatives), entry.term
        assert len(entry.reason) > 10, entry.term


def test_glossary_terms_are_unique():
    terms = [entry.term.lower() for entry in BUILT_IN_GLOSSARY]
    assert sorted({t for t in terms if terms.count(t) > 1}) == []


def test_every_entry_has_a_known_category_and_inflection():
    for entry in BUILT_IN_GLOSSARY:
        assert entry.category in GLOSSARY_CATEGORIES, entry.term
        assert entry.inflect in INFLECTIONS, entry.term


def test_every_category_has_entries():
    used = {entry.category for entry in BUILT_IN_GLOSSARY}
    assert used == set(GLOSSARY_CATEGORIES)


def test_reasons_are_one_line():
    for entry in BUILT_IN_GLOSSARY:
        assert "\n" not in entry.reason
        assert len(entry.reason) <= 96, entry.term


@pytest.mark.parametrize(
    "term",
    [
        "contact",
        "sibling",
        "respite",
        "placement",
        "abscond",
        "adjourn",
        "liaise",
        "convene",
        "directions",
        "respondent",
        "applicant",
        "interim",
        "final hearing",
        "the parties",
        "court order",
        "section 7 report",
        "kinship carer",
        "assessment",
        "safeguarding",
        "care plan",
        "statutory",
        "allegation",
        "disclosure",
        "perpetrator",
        "referral",
        "facilitate",
        "utilise",
        "commence",
        "in relation to",
        "prior to",
        "deliver support",
        "going forward",
    ],
)
def test_glossary_covers_the_words_families_find_hard(term):
    assert term in {entry.term for entry in BUILT_IN_GLOSSARY}


def test_plain_alternatives_are_not_themselves_flagged_for_a_child():
    problems = []
    for entry in BUILT_IN_GLOSSARY:
        for alternative in entry.alternatives:
            report = check(alternative, CHILD)
            for finding in report.findings:
                if finding.category not in (Category.RARE_WORD, Category.LONG_SENTENCE):
                    problems.append((entry.term, alternative, finding.text))
    assert problems == []


def test_the_acronym_dictionary_has_at_least_60_entries_with_expansions():
    assert len(KNOWN) >= 60
    assert all(acronym.expansion for acronym in KNOWN.values())


def test_entries_are_parsed_from_the_written_format():
    entries = parse_entries(
        "wibble | wobble; wubble | verb\n    Nobody says wibble.\n", category="official"
    )
    assert entries == [
        GlossaryEntry("wibble", ("wobble", "wubble"), "Nobody says wibble.", "official", "verb")
    ]


def test_a_term_without_a_reason_is_refused():
    with pytest.raises(ValueError, match="no reason"):
        parse_entries("wibble | wobble\nwubble | wobble\n    Reason.\n", category="official")


def test_entries_from_the_database_may_be_tuples_dicts_or_objects():
    class Row:
        term = "wibble"
        alternatives = "wobble;\nwubble"
        reason = "Nobody says wibble."
        category = "court"

    entries = coerce_entries(
        [
            Row(),
            ("flump", ("flop",), "Say flop."),
            {"term": "zorp", "alternatives": ["zap"], "reason": "Say zap.", "inflect": "none"},
        ]
    )
    assert entries[0] == GlossaryEntry(
        "wibble", ("wobble", "wubble"), "Nobody says wibble.", "court"
    )
    assert entries[1].category == "unknown"
    assert entries[2].inflect == "none"


@pytest.mark.parametrize(
    ("term", "inflect", "included", "excluded"),
    [
        ("abscond", "verb", {"absconded", "absconding", "absconds"}, set()),
        ("liaise", "verb", {"liaised", "liaising", "liaises"}, {"liaiseing"}),
        ("refer", "verb", {"referred", "referring"}, set()),
        ("apply", "verb", {"applied", "applying", "applies"}, set()),
        ("party", "noun", {"parties"}, {"partying", "partied"}),
        ("placement", "noun", {"placements"}, {"placemented"}),
        ("contact", "noun", {"contacts"}, {"contacted", "contacting"}),
        ("facilitate", "auto", {"facilitated", "facilitates", "facilitating"}, set()),
    ],
)
def test_inflected_forms(term, inflect, included, excluded):
    forms = {atoms[0] for atoms in phrase_forms(term, inflect)}
    assert included <= forms
    assert not excluded & forms


def test_phrases_inflect_the_right_word():
    assert ("liaising", "with") in phrase_forms("liaise with", "verb")
    assert ("final", "hearings") in phrase_forms("final hearing", "noun")
    assert ("noncompliant",) in phrase_forms("non-compliant", "none")
    assert phrase_forms("in relation to", "none") == {("in", "relation", "to")}
