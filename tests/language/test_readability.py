"""Syllables, sentences and the Flesch formulas, checked against hand counts and a published
worked example."""

import pytest

from together.language.readability import (
    count_syllables,
    flesch_kincaid_grade,
    flesch_reading_ease,
    readability,
    sentence_spans,
    uk_reading_age,
    word_spans,
)

# The worked example in Wikipedia's "Flesch-Kincaid readability tests" article: 13 words,
# 24 syllables, one sentence, grade level 11.3.
PLATYPUS = "The Australian platypus is seemingly a hybrid of a mammal and reptilian creature."


def sentences(text):
    return [text[s:e] for s, e in sentence_spans(text)]


def test_reading_ease_formula_on_hand_computed_counts():
    # 206.835 - 1.015 * (100 / 5) - 84.6 * (130 / 100) = 206.835 - 20.3 - 109.98
    assert flesch_reading_ease(100, 5, 130) == pytest.approx(76.555)


def test_grade_formula_on_hand_computed_counts():
    # 0.39 * (100 / 5) + 11.8 * (130 / 100) - 15.59 = 7.8 + 15.34 - 15.59
    assert flesch_kincaid_grade(100, 5, 130) == pytest.approx(7.55)


def test_platypus_example_counts_match_the_published_ones():
    result = readability(PLATYPUS)
    assert (result.words, result.sentences, result.syllables) == (13, 1, 24)


def test_platypus_example_scores_from_its_counts():
    result = readability(PLATYPUS)
    assert result.flesch_kincaid_grade == pytest.approx(0.39 * 13 + 11.8 * 24 / 13 - 15.59)
    assert round(result.flesch_kincaid_grade, 1) == 11.3
    assert result.flesch_reading_ease == pytest.approx(206.835 - 1.015 * 13 - 84.6 * 24 / 13)
    assert result.reading_age == 16


@pytest.mark.parametrize(
    ("word", "syllables"),
    [
        ("platypus", 3),
        ("seemingly", 3),
        ("hybrid", 2),
        ("creature", 2),
        ("the", 1),
        ("children", 2),
        ("Jayden's", 2),
        ("long-term", 2),
    ],
)
def test_syllables_from_the_pronouncing_dictionary(word, syllables):
    assert count_syllables(word) == syllables


@pytest.mark.parametrize(
    ("word", "syllables"),
    [
        ("kiyomi", 3),  # not in the dictionary: estimated
        ("trampolining", 4),
        ("neurodivergent", 5),
        ("chromebook", 2),  # silent e inside a compound
        ("reoffending", 4),
        ("NQSW", 6),  # read letter by letter: en-queue-ess-double-you
    ],
)
def test_syllables_of_words_the_dictionary_does_not_know(word, syllables):
    assert count_syllables(word) == syllables


def test_words_keep_apostrophes_and_hyphens_and_skip_numbers():
    text = "Jayden's long-term plan has 25 steps."
    assert [text[s:e] for s, e in word_spans(text)] == [
        "Jayden's",
        "long-term",
        "plan",
        "has",
        "steps",
    ]


def test_sentences_do_not_end_after_titles_and_abbreviations():
    assert sentences("Mr. Smith met Dr. Jones today. They talked, e.g. about school.") == [
        "Mr. Smith met Dr. Jones today.",
        "They talked, e.g. about school.",
    ]


def test_sentences_do_not_end_inside_section_numbers():
    assert sentences("The s.7 report and rule 16.4 are due. I will explain.") == [
        "The s.7 report and rule 16.4 are due.",
        "I will explain.",
    ]


def test_headings_and_list_items_are_sentences_of_their_own():
    text = "NEXT STEPS\nWe will meet on Monday.\n- time with your dad\n- school\n\nSee you soon!"
    assert sentences(text) == [
        "NEXT STEPS",
        "We will meet on Monday.",
        "- time with your dad",
        "- school",
        "See you soon!",
    ]


def test_a_wrapped_line_stays_one_sentence():
    assert sentences("I will write to the judge\nabout what you told me.") == [
        "I will write to the judge\nabout what you told me."
    ]


def test_no_after_a_word_ends_a_sentence_but_no_before_a_number_does_not():
    assert sentences("She said no. Then she left.") == ["She said no.", "Then she left."]
    assert sentences("See No. 5 on the list.") == ["See No. 5 on the list."]


def test_a_childrens_sentence_scores_very_easy():
    result = readability("The cat sat on the mat.")
    assert result.flesch_reading_ease > 100
    assert result.reading_age == 5


def test_a_legal_sentence_scores_hard():
    result = readability(
        "Notwithstanding the aforementioned statutory obligations, the local authority shall "
        "facilitate the implementation of the interim care plan pursuant to section 31 of the "
        "Children Act 1989."
    )
    assert result.flesch_reading_ease < 10
    assert result.reading_age >= 20


@pytest.mark.parametrize(
    ("grade", "age"),
    [(3.6, 9), (4.5, 10), (11.265, 16), (-1.45, 5), (0.0, 5), (6.49, 11)],
)
def test_uk_reading_age_is_grade_plus_five_rounded_and_at_least_five(grade, age):
    assert uk_reading_age(grade) == age


def test_empty_text_has_no_scores():
    result = readability("   \n ")
    assert (result.words, result.flesch_reading_ease, result.reading_age) == (0, None, None)
