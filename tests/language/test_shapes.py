"""The shapes of the law, not only its words: references to the law and its forms, every form of
a glossary phrase, Latin, labels of character, the two senses of "hearing", "contact" and "case",
and the sentence that most raises a text's reading age."""

import pytest

from together.language.character import CHARACTER_RULES
from together.language.engine import (
    BUILT_IN_GLOSSARY,
    Audience,
    AudienceKind,
    Category,
    check,
)
from together.language.latin import LATIN_RULES
from together.language.phrases import phrase_forms

CHILD_9 = Audience(AudienceKind.CHILD, age=9)
CHILD_13 = Audience(AudienceKind.CHILD, age=13)
FAMILY = Audience(AudienceKind.ADULT_FAMILY)
PROFESSIONAL = Audience(AudienceKind.PROFESSIONAL)
EVERYONE = (CHILD_9, FAMILY, PROFESSIONAL)
NAMES = ("Jayden", "Sarah", "Tom", "Leo")
PEOPLE = {"child": "Jayden", "mother": "Sarah", "father": "Tom"}


def found(text, audience, category):
    report = check(text, audience, names=NAMES, person_names=PEOPLE)
    return [f for f in report.findings if f.category == category]


def words(text, audience, category):
    return [f.text for f in found(text, audience, category)]


# --- references to the law and its forms -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "reference", "plain"),
    [
        ("The judge made a section 8 order.", "section 8", "who you live with"),
        ("Your dad cannot apply because of the s 91(14) order.", "s 91(14)", "ask the judge"),
        ("The council wrote under Section 31A.", "Section 31A", "plan for your care"),
        ("The judge used rule 16.4 for you.", "rule 16.4", "your own guardian"),
        ("The judge used r.16.4 for you.", "r.16.4", "your own guardian"),
        ("The care is under Part IV of the law.", "Part IV", "the part of the law about care"),
        ("The judge will follow PD12J.", "PD12J", "guidance about domestic abuse"),
        ("The judge will follow Practice Direction 12J.", "Practice Direction 12J", "guidance"),
        ("Your mum filled in a C1A.", "C1A", "worries that someone may be hurt"),
        ("Your dad sent Form C2 to the court.", "Form C2", "asks the judge for something"),
        ("The judge read the s.7 report.", "s.7", "a report the judge asked for"),
        ("The Children Act 1989 keeps you safe.", "Children Act 1989", "the law about children"),
        ("The judge talked about Article 8.", "Article 8", "the right to family life"),
        ("The council helps under Schedule 2.", "Schedule 2", "that part of the law"),
        ("The judge read section 91 (14).", "section 91 (14)", "before going back to court"),
        ("Under the 1989 Act the council helps.", "1989 Act", "the law"),
        ("Jayden has been in s.20 accommodation.", "s.20", "with your parents' agreement"),
        ("Two SGOs were made.", "SGOs", "someone will bring you up"),
    ],
)
def test_a_reference_to_the_law_is_told_as_what_it_is(text, reference, plain):
    for audience in (CHILD_9, FAMILY):
        (finding,) = found(text, audience, Category.LEGAL_REFERENCE)
        assert finding.text == reference
        assert any(plain in s for s in finding.suggestions), finding.suggestions
        assert not any(ch.isdigit() for s in finding.suggestions for ch in s)
        assert "what it is" in finding.message or "Say what" in finding.message


@pytest.mark.parametrize("order", ["SGO", "CAO", "EPO", "ICO", "NMO", "PSO"])
def test_an_order_named_by_its_initials_is_a_reference_to_the_law(order):
    (finding,) = found(f"The judge made an {order} last week.", CHILD_9, Category.LEGAL_REFERENCE)
    assert finding.text == order
    assert finding.suggestions[0].startswith(("a court decision", "an urgent", "a court"))
    assert found(f"The judge made an {order} last week.", CHILD_9, Category.ACRONYM) == []


def test_professionals_are_asked_to_write_short_forms_in_full_and_nothing_else():
    text = (
        "The court considered s 91(14), r.16.4 and PD12J. An application under section 8 of "
        "the Children Act 1989 was made on Form C2 and a C1A. Part IV and Article 8 apply."
    )
    found_here = found(text, PROFESSIONAL, Category.LEGAL_REFERENCE)
    assert [f.text for f in found_here] == ["s 91(14)", "r.16.4", "PD12J"]
    assert [f.suggestions for f in found_here] == [
        ("section 91(14)",),
        ("rule 16.4",),
        ("Practice Direction 12J",),
    ]


def test_an_order_written_out_first_may_be_used_by_its_initials_for_professionals():
    text = "A special guardianship order (SGO) was made. The SGO works well."
    assert words(text, PROFESSIONAL, Category.LEGAL_REFERENCE) == []
    assert words("The SGO works well.", PROFESSIONAL, Category.LEGAL_REFERENCE) == ["SGO"]


@pytest.mark.parametrize(
    "text",
    [
        "Please read section 2 of this letter.",
        "Section 3 of the plan says who Jayden lives with.",
        "Please see Part 2 below.",
        "Part of the day will be at the park.",
        "The meeting is in room C2 on the first floor.",
        "You can sit in seat C4 on the bus.",
        "Jayden read chapter 8 of his book to me.",
        "Jayden is in Year 4 at school.",
        "Jayden's vitamin B12 level is low.",
        "The article in the paper was about the school.",
        "The rules of the game were explained to Jayden.",
        "We will meet at 10.30 on 3 May.",
        "It's 5 o'clock and Jayden's 9.",
    ],
)
def test_numbers_that_are_not_the_law_are_not_flagged(text):
    for audience in EVERYONE:
        assert words(text, audience, Category.LEGAL_REFERENCE) == []


# --- every form of a glossary phrase --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "flagged", "category"),
    [
        ("Jayden is a child in need.", "child in need", Category.JARGON),
        ("Leo and Jayden are children in need.", "children in need", Category.JARGON),
        ("Jayden is a looked after child.", "looked after child", Category.DEPERSONALISING),
        ("Jayden is a looked-after child.", "looked-after child", Category.DEPERSONALISING),
        ("Looked-after children get help.", "Looked-after children", Category.DEPERSONALISING),
        ("Your half siblings are here.", "half siblings", Category.JARGON),
        ("Your half-siblings are here.", "half-siblings", Category.JARGON),
        ("Your halfsiblings are here.", "halfsiblings", Category.JARGON),
        ("The judge made two non molestation orders.", "non molestation orders", Category.JARGON),
        ("Both care-leavers came.", "care-leavers", Category.JARGON),
        ("Both children's guardians came.", "children's guardians", Category.JARGON),
    ],
)
def test_every_form_of_a_phrase_is_found(text, flagged, category):
    assert words(text, FAMILY, category) == [flagged]


def test_children_in_care_are_not_given_one_childs_name():
    (finding,) = found("Both looked after children are well.", FAMILY, Category.DEPERSONALISING)
    assert finding.suggestions == ("children in care",)


def test_the_head_noun_before_a_preposition_takes_the_plural():
    assert ("children", "in", "need") in phrase_forms("child in need", "noun")
    assert ("litigants", "in", "person") in phrase_forms("litigant in person", "noun")
    assert ("looked", "after", "children") in phrase_forms("looked after child", "noun")
    assert ("child", "in", "need") in phrase_forms("child in need", "noun")


def test_a_phrase_typed_into_the_editable_glossary_gets_its_plural_too():
    glossary = [("person in need", "someone who needs help", "Plain words.", "social_work", "noun")]
    report = check("These people in need came.", FAMILY, glossary=glossary)
    assert [f.text for f in report.findings if f.category is Category.JARGON] == ["people in need"]


# --- Latin and legal French ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "plain"),
    [
        ("inter alia", "among other things"),
        ("ex parte", "without the other side there"),
        ("prima facie", "at first sight"),
        ("in loco parentis", "in the place of a parent"),
        ("de facto", "in practice"),
        ("per se", "in itself"),
        ("sine die", "with no new date"),
        ("bona fide", "genuine"),
        ("voir dire", "a hearing to decide if evidence can be used"),
    ],
)
def test_latin_is_flagged_for_every_reader_with_plain_words(phrase, plain):
    for audience in EVERYONE:
        (finding,) = found(f"It was decided {phrase} on Monday.", audience, Category.LATIN)
        assert finding.text == phrase
        assert plain in finding.suggestions


def test_latin_that_is_everyday_english_is_flagged_for_families_only():
    text = "Tom can have Saturdays and Sarah Sundays, or vice versa."
    assert words(text, FAMILY, Category.LATIN) == ["vice versa"]
    assert words(text, PROFESSIONAL, Category.LATIN) == []


def test_latin_in_the_glossary_is_reported_as_latin():
    assert words("The order was made ex parte.", FAMILY, Category.JARGON) == []
    assert words("The order was made ex parte.", FAMILY, Category.LATIN) == ["ex parte"]


def test_there_are_at_least_40_latin_phrases():
    assert len({r.term for r in LATIN_RULES}) >= 40


# --- words that judge a person's character -------------------------------------------------

CHARACTER_WORDS = [
    "manipulative",
    "hysterical",
    "volatile",
    "obstructive",
    "defensive",
    "needy",
    "histrionic",
    "argumentative",
    "confrontational",
    "clingy",
    "lazy",
    "evasive",
    "unreliable",
    "paranoid",
    "erratic",
    "unstable",
    "overbearing",
    "deceitful",
]


@pytest.mark.parametrize("word", CHARACTER_WORDS)
def test_a_label_of_character_is_flagged_for_every_reader_including_professionals(word):
    for audience in EVERYONE:
        (finding,) = found(f"Sarah was {word} when I visited.", audience, Category.CHARACTER)
        assert finding.text == word
        assert "Describe what was seen and heard" in finding.message


def test_controlling_as_a_label_is_flagged_but_not_the_laws_words_for_abuse():
    assert words("Sarah is controlling.", PROFESSIONAL, Category.CHARACTER) == ["controlling"]


def test_character_is_a_list_of_its_own_not_glossary_entries():
    terms = {r.term for r in CHARACTER_RULES}
    assert len(terms) >= 60
    assert not terms & {e.term for e in BUILT_IN_GLOSSARY}
    assert all(r.category is Category.CHARACTER for r in CHARACTER_RULES)


@pytest.mark.parametrize(
    "text",
    [
        "He plays as a defensive midfielder for his team.",
        "The family's housing has been unstable since May.",
        "Tom's work is demanding and he works nights.",
        "Jayden's attendance has been erratic this term.",
        "The weather was unpredictable.",
        "The coat is water-resistant.",
        "The rain spoiled the day.",
        "Jayden has oppositional defiant disorder.",
        "Jayden used a rude word at school.",
        "Sarah shouted at me twice during the visit.",
        "Tom's coercive and controlling behaviour frightened Sarah.",
        "Tom was controlling the money.",
    ],
)
def test_words_that_describe_a_thing_or_what_happened_are_not_labels(text):
    for audience in EVERYONE:
        assert words(text, audience, Category.CHARACTER) == []


# --- word sense: hearing, contact, case ----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Your hearing is on Monday at ten.",
        "The judge will decide at the next hearing.",
        "The hearing was moved to May.",
        "Hearings can take all day.",
        "Jayden's hearing is on 3 May.",
    ],
)
def test_hearing_in_court_is_flagged(text):
    assert [w.lower() for w in words(text, CHILD_9, Category.JARGON)] in (
        ["hearing"],
        ["hearings"],
    )


@pytest.mark.parametrize(
    "text",
    [
        "Thank you for hearing me out on Tuesday.",
        "Leo has been hearing noises at night.",
        "Jayden's hearing is much better since the operation.",
        "I look forward to hearing from you.",
        "Hearing what you said made me think.",
        "Jayden keeps hearing the same song.",
        "Jayden has a hearing aid.",
    ],
)
def test_hearing_as_a_sense_is_not_flagged(text):
    assert words(text, CHILD_13, Category.JARGON) == []


@pytest.mark.parametrize(
    "text",
    [
        "You will have contact with your dad at the park.",
        "Contact with Tom will be on Saturdays.",
        "The judge said you can have more contact with Leo.",
        "Your contact is at the family centre.",
    ],
)
def test_contact_as_time_with_a_parent_is_flagged(text):
    assert [w.lower() for w in words(text, CHILD_9, Category.JARGON)] == ["contact"]


@pytest.mark.parametrize(
    "text",
    [
        "Please get in contact with the office on Monday.",
        "The school will contact you about the trip.",
        "You can make contact with the college yourself.",
        "Jayden wears contact lenses for football.",
        "Your contact details are on the form.",
        "Tom had contact with the school about the trip.",
        "Jayden made good eye contact.",
    ],
)
def test_contact_as_everyday_words_is_not_flagged(text):
    assert words(text, FAMILY, Category.JARGON) == []


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("The judge will hear Jayden's case in May.", "case"),
        ("Sam has lots of cases this month.", "cases"),
        ("Your case is with the judge.", "Your case"),
        ("Jayden is a case I know well.", "a case"),
    ],
)
def test_a_child_is_never_a_case(text, flagged):
    for audience in EVERYONE:
        assert words(text, audience, Category.DEPERSONALISING) == [flagged]


@pytest.mark.parametrize(
    "text",
    [
        "Tom left his briefcase at the office.",
        "In any case, you can call me.",
        "Take your phone just in case.",
        "Pack your clothes in your suitcase.",
        "Your phone case is in the car.",
        "Sarah made a strong case for more visits.",
        "In Jayden's case, the judge agreed quickly.",
    ],
)
def test_case_in_everyday_words_is_not_flagged(text):
    for audience in EVERYONE:
        assert words(text, audience, Category.DEPERSONALISING) == []


# --- the sentence that most raises the reading age ----------------------------------------


def test_the_sentence_that_most_raises_the_reading_age_is_found():
    hard = (
        "The determination of the application necessitates comprehensive consideration of "
        "the circumstances."
    )
    text = f"I met you on Monday. We played a game. {hard} You told me you like dogs."
    report = check(text, CHILD_9)
    hardest = report.hardest
    assert text[hardest.start : hardest.end] == hard
    assert hardest.reading_age_without < report.readability.reading_age


def test_one_sentence_is_its_own_hardest_and_no_words_have_none():
    report = check("You told me you like dogs.", CHILD_9)
    assert (report.hardest.start, report.hardest.end, report.hardest.reading_age_without) == (
        0,
        26,
        None,
    )
    assert check("", CHILD_9).hardest is None
    assert check("Dogs. Dogs. Dogs.", CHILD_9).hardest is None  # none harder than the rest
