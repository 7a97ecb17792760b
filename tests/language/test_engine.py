"""What a practitioner sees when they check a letter, report or record."""

import time

import pytest

from together.language.engine import (
    LIMITS,
    Audience,
    AudienceKind,
    Category,
    GlossaryEntry,
    check,
    preload,
)
from together.language.respect import RULES

CHILD_6 = Audience(AudienceKind.CHILD, age=6)
CHILD_7 = Audience(AudienceKind.CHILD, age=7)
CHILD_9 = Audience(AudienceKind.CHILD, age=9)
CHILD_16 = Audience(AudienceKind.CHILD, age=16)
FAMILY = Audience(AudienceKind.ADULT_FAMILY)
PROFESSIONAL = Audience(AudienceKind.PROFESSIONAL)

PEOPLE = {"child": "Jayden", "mother": "Sarah", "father": "Tom"}
NAMES = ("Jayden", "Sarah", "Tom", "Nanny Jo")

LETTER = """Dear Jayden,

My name is Sam. I am your FCA (Family Court Adviser). The judge asked me to find out what you \
think and feel, so that I can tell the judge what is best for you. The judge will peruse it.

The LA has applied to the court. Prior to the final hearing I will liaise with your mum and \
with Nanny Jo’s social worker about contact with your sibling and your placements, which \
have not always been settled since you absconded in June.

The child’s views matter. The mother presented as worried and the father refused to engage, \
but in case you are worried, your case will be heard on 14 March, re: the s.7 report and \
R16.4. In some cases the judge also reads notes from school, e.g. from your teacher at \
Greenfield Primary, and the MoJ and ED&I rules say NQSWs may come too. Nanny Jo said your \
dad was volatile, so the judge will look at it all de novo.

NEXT STEPS
- I will visit you at home on Tuesday.
- You can contact me on 07700 900123.

THANK YOU for reading this. Please do NOT worry: it is OK to ask me anything.

Sam
"""


def texts(report, category):
    return [f.text for f in report.findings if f.category == category]


def only(report, category):
    found = [f for f in report.findings if f.category == category]
    assert len(found) == 1, found
    return found[0]


# --- acronyms ----------------------------------------------------------------------------


@pytest.mark.parametrize("acronym", ["FCA", "LA", "DV", "re:", "ED&I", "MoJ", "NQSWs"])
def test_acronyms_are_flagged_for_children(acronym):
    report = check(f"I have a note from the {acronym} for you.", CHILD_9)
    finding = only(report, Category.ACRONYM)
    assert finding.text == acronym
    assert finding.suggestions


@pytest.mark.parametrize("heading", ["NEXT STEPS", "THANK YOU", "I", "A"])
def test_all_caps_heading_is_not_an_acronym(heading):
    report = check(f"{heading}\nI will see you soon.", CHILD_9)
    assert texts(report, Category.ACRONYM) == []


@pytest.mark.parametrize(
    "text", ["Please do NOT worry.", "It is OK to be sad.", "We watched TV.", "Part IV applies."]
)
def test_capitals_for_emphasis_and_everyday_short_forms_are_not_acronyms(text):
    assert texts(check(text, CHILD_9), Category.ACRONYM) == []


def test_an_acronym_that_is_also_a_word_is_ignored_in_a_heading_only():
    assert texts(check("PLEASE SEND IT BACK", CHILD_9), Category.ACRONYM) == []
    assert texts(check("Jayden gets help from SEND services.", CHILD_9), Category.ACRONYM) == [
        "SEND"
    ]


def test_unknown_capitals_are_treated_as_an_acronym():
    finding = only(check("The ZQX team will call you.", CHILD_9), Category.ACRONYM)
    assert finding.text == "ZQX"
    assert "looks like an acronym" in finding.message


def test_names_in_capitals_are_not_acronyms():
    report = check("A LETTER FOR JAYDEN", CHILD_9, names=("Jayden",))
    assert texts(report, Category.ACRONYM) == []


@pytest.mark.parametrize(
    "text",
    [
        "Your Family Court Adviser (FCA) is Sam. The FCA will visit you.",
        "Your FCA (Family Court Adviser) is Sam. The FCA will visit you.",
    ],
)
def test_acronym_spelled_out_first_is_fine_for_professionals_but_not_for_children(text):
    assert texts(check(text, PROFESSIONAL), Category.ACRONYM) == []
    assert texts(check(text, CHILD_9), Category.ACRONYM) == ["FCA", "FCA"]
    assert texts(check(text, FAMILY), Category.ACRONYM) == ["FCA", "FCA"]


def test_acronym_used_before_it_is_spelled_out_is_flagged_for_professionals():
    text = "The NQSW called. Each Newly Qualified Social Worker (NQSW) has a mentor. NQSWs learn."
    assert [f.start for f in check(text, PROFESSIONAL).findings] == [text.index("NQSW")]


def test_acronym_spelled_out_by_its_initials_counts_even_if_unknown():
    text = "The Zebra Quilting Exchange (ZQE) met. The ZQE agreed."
    assert texts(check(text, PROFESSIONAL), Category.ACRONYM) == []


def test_acronym_spelled_out_with_more_words_in_the_brackets_counts():
    text = "Family Court Advisers (FCAs, who are social workers) visit. FCAs write to the judge."
    assert texts(check(text, PROFESSIONAL), Category.ACRONYM) == []


def test_known_acronym_written_in_capitals_keeps_its_expansion():
    finding = only(check("The MOJ wrote to us.", PROFESSIONAL), Category.ACRONYM)
    assert finding.suggestions == ("Ministry of Justice",)


def test_gp_is_flagged_for_children_but_well_known_to_professionals():
    text = "Your GP will see you."
    assert texts(check(text, CHILD_9), Category.ACRONYM) == ["GP"]
    assert texts(check(text, PROFESSIONAL), Category.ACRONYM) == []


def test_acronym_suggestions_suit_the_reader():
    child = only(check("The LA wrote.", CHILD_9), Category.ACRONYM)
    professional = only(check("The LA wrote.", PROFESSIONAL), Category.ACRONYM)
    assert child.suggestions == ("the council", "local authority")
    assert professional.suggestions == ("local authority",)


def test_plural_acronym_gets_a_plural_suggestion():
    finding = only(check("Two NQSWs came.", PROFESSIONAL), Category.ACRONYM)
    assert finding.suggestions == ("newly qualified social workers",)


# --- jargon ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("You absconded twice.", "absconded"),
        ("Your placements were short.", "placements"),
        ("The hearing was adjourned today.", "adjourned"),
        ("I am liaising with school.", "liaising"),
        ("We facilitated a meeting.", "facilitated"),
        ("You will see your siblings.", "siblings"),
        ("The local authority's plan is ready.", "local authority"),
    ],
)
def test_inflected_jargon_is_found(text, flagged):
    assert flagged in texts(check(text, CHILD_9), Category.JARGON)


def test_jargon_suggests_everyday_words():
    report = check("You will have contact with your sibling.", CHILD_9)
    by_text = {f.text: f.suggestions for f in report.findings}
    assert by_text["contact"][0] == "time with"
    assert by_text["sibling"] == ("brother or sister",)


def test_suggestions_start_with_a_capital_at_the_start_of_a_sentence():
    finding = only(check("Prior to Monday we will talk.", CHILD_9), Category.JARGON)
    assert finding.suggestions == ("Before",)


@pytest.mark.parametrize(
    "text",
    [
        "The replacement phone was contactless.",
        "You can contact me on 07700 900123.",
        "Grandad has a hearing aid.",
        "Here are directions to the court.",
        "Your sister is at a birthday party.",
    ],
)
def test_everyday_words_that_look_like_jargon_are_not_flagged(text):
    assert texts(check(text, CHILD_9), Category.JARGON) == []


def test_the_longest_phrase_wins():
    report = check("The final hearing is on Monday.", CHILD_9)
    assert texts(report, Category.JARGON) == ["final hearing"]


def test_court_words_are_for_families_but_official_words_are_for_everyone():
    text = "The final hearing was adjourned. Prior to that I will liaise with the school."
    assert texts(check(text, PROFESSIONAL), Category.JARGON) == ["Prior to", "liaise"]
    assert texts(check(text, FAMILY), Category.JARGON) == [
        "final hearing",
        "adjourned",
        "Prior to",
        "liaise",
    ]


def test_words_children_may_not_know_are_flagged_for_children_only():
    text = "I recommend that you stay with Nanny Jo."
    assert texts(check(text, CHILD_9), Category.JARGON) == ["recommend"]
    assert texts(check(text, FAMILY), Category.JARGON) == []


def test_custom_glossary_replaces_the_built_in_one():
    glossary = [GlossaryEntry("trampoline", ("bouncy bed",), "Testing.", "court")]
    report = check("Contact is on the trampoline.", CHILD_9, glossary=glossary)
    assert texts(report, Category.JARGON) == ["trampoline"]
    assert report.findings[-1].suggestions == ("bouncy bed",)


def test_custom_glossary_may_be_rows_from_the_database():
    class Row:
        term = "wibble"
        alternatives = "wobble; wubble"
        reason = "Nobody says wibble."
        category = "official"

    report = check("They wibbled on.", PROFESSIONAL, glossary=[Row()])
    finding = only(report, Category.JARGON)
    assert (finding.text, finding.suggestions) == ("wibbled", ("wobble", "wubble"))


def test_custom_entry_without_a_known_category_is_for_children_and_families():
    glossary = [("wibble", "wobble", "Nobody says wibble.")]
    assert texts(check("A wibble.", FAMILY, glossary=glossary), Category.JARGON) == ["wibble"]
    assert texts(check("A wibble.", PROFESSIONAL, glossary=glossary), Category.JARGON) == []


def test_a_glossary_is_compiled_once_and_reused():
    from together.language import engine

    glossary = [GlossaryEntry("wibble", ("wobble",), "Testing.", "court")]
    first = engine._compiled_for(glossary)
    assert engine._compiled_for(list(glossary)) is first
    assert engine._compiled_for(None) is engine._compiled_for(None)


# --- depersonalising ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Bring a coat in case it rains.",
        "Just in case, here is my number.",
        "Please quote the case number.",
        "Case law says so.",
        "I keep pens in my pencil case.",
        "Her suitcase is blue.",
        "Use lowercase letters.",
        "The staircase is steep.",
        "It was a showcase of art.",
        "In any case, we will meet.",
        "If that is the case, we will wait.",
        "In some cases the judge reads it.",
        "We made a worst-case plan.",
        "There is a case for waiting.",
    ],
)
def test_in_case_is_not_depersonalising(text):
    assert texts(check(text, CHILD_9, person_names=PEOPLE), Category.DEPERSONALISING) == []


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Her case will be heard on Monday.", "Her case"),
        ("I have twenty cases on my list.", "cases"),
        ("The case was allocated today.", "The case"),
        ("I read the case file.", "case file"),
    ],
)
def test_calling_a_child_a_case_is_depersonalising(text, flagged):
    report = check(text, PROFESSIONAL, person_names=PEOPLE)
    assert texts(report, Category.DEPERSONALISING) == [flagged]


def test_the_child_suggests_the_childs_name():
    finding = only(
        check("The child said she likes school.", CHILD_9, person_names=PEOPLE),
        Category.DEPERSONALISING,
    )
    assert (finding.text, finding.suggestions) == ("The child", ("Jayden",))


def test_the_child_is_not_flagged_when_no_name_is_given():
    report = check("The child said she likes school.", PROFESSIONAL)
    assert texts(report, Category.DEPERSONALISING) == []


def test_the_parents_roles_suggest_their_names():
    report = check(
        "The mother and the father agreed. The parents came.", FAMILY, person_names=PEOPLE
    )
    found = [(f.text, f.suggestions) for f in report.findings]
    assert found == [
        ("The mother", ("Sarah",)),
        ("the father", ("Tom",)),
        ("The parents", ("Sarah and Tom",)),
    ]


def test_a_possessive_is_flagged_without_the_apostrophe_s():
    report = check("I read the child’s views.", PROFESSIONAL, person_names=PEOPLE)
    assert texts(report, Category.DEPERSONALISING) == ["the child"]


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("The subject child is well.", "The subject child"),
        ("LAC reviews are due.", "LAC"),
        ("All looked after children have a plan.", "looked after children"),
        ("Each service user is asked.", "service user"),
    ],
)
def test_labels_for_children_in_care_are_depersonalising(text, flagged):
    report = check(text, PROFESSIONAL, person_names=PEOPLE)
    assert texts(report, Category.DEPERSONALISING) == [flagged]


# --- judgemental -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Mum was non-compliant with the plan.", "non-compliant"),
        ("She presented as angry.", "presented as"),
        ("Dad refused to engage.", "refused to engage"),
        ("He has failed to engage with us.", "failed to engage"),
        ("Home life is chaotic.", "chaotic"),
        ("There was disguised compliance.", "disguised compliance"),
        ("She is a difficult mother.", "difficult mother"),
        ("He kicked off at school.", "kicked off"),
        ("She claimed that he hit her.", "claimed that"),
        ("Jayden alleged that it happened.", "alleged that"),
        ("He failed to attend the meeting.", "failed to attend"),
    ],
)
def test_judgemental_labels_are_flagged_for_every_reader(text, flagged):
    for audience in (CHILD_9, FAMILY, PROFESSIONAL):
        finding = only(check(text, audience), Category.JUDGEMENTAL)
        assert finding.text == flagged
        assert finding.message.startswith(("Say", "A label", "A judgement", '"Claimed"', "Write"))


def test_there_are_at_least_25_judgemental_patterns():
    assert len({r.term for r in RULES if r.category == Category.JUDGEMENTAL}) >= 25


def test_claimed_without_that_is_not_judgemental():
    assert texts(check("She claimed benefits last year.", FAMILY), Category.JUDGEMENTAL) == []


# --- long sentences ----------------------------------------------------------------------

TWENTY_WORDS = (
    "I will come to see you at school on Tuesday and we can talk about your home and your family."
)


def test_long_sentence_depends_on_the_reader():
    assert len(TWENTY_WORDS.split()) == 20
    finding = only(check(TWENTY_WORDS, CHILD_9), Category.LONG_SENTENCE)
    assert (finding.start, finding.end) == (0, len(TWENTY_WORDS))
    assert "20 words" in finding.message
    assert texts(check(TWENTY_WORDS, PROFESSIONAL), Category.LONG_SENTENCE) == []


def test_thresholds_differ_by_age():
    text = (
        "When you go to the seaside with Nanny Jo in the summer, you can swim in the sea. "
        "The judge will peruse the papers and then decide what happens next for you."
    )
    young = check(text, CHILD_7, names=NAMES).findings
    older = check(text, CHILD_16, names=NAMES).findings
    assert len(young) > len(older)


@pytest.mark.parametrize(
    ("audience", "reading_age"),
    [(CHILD_6, 7), (CHILD_9, 9), (Audience("child", 13), 11), (CHILD_16, 11), (FAMILY, 11)],
)
def test_audience_reading_age_comes_from_the_table(audience, reading_age):
    assert check("Hello.", audience).audience_reading_age == reading_age
    assert check("Hello.", PROFESSIONAL).audience_reading_age == 16


def test_professional_limits_are_looser():
    assert LIMITS["professional"].max_sentence_words > LIMITS["adult_family"].max_sentence_words
    assert LIMITS["professional"].rare_word_zipf < LIMITS["adult_family"].rare_word_zipf


def test_a_child_audience_needs_an_age():
    with pytest.raises(ValueError, match="age"):
        Audience(AudienceKind.CHILD)


def test_audience_kind_may_be_given_as_text():
    assert Audience("child", 9).kind is AudienceKind.CHILD


# --- rare words --------------------------------------------------------------------------


def test_rare_word_is_flagged_for_a_child_but_not_for_a_professional():
    text = "The judge will peruse the papers."
    assert texts(check(text, CHILD_9), Category.RARE_WORD) == ["peruse"]
    assert texts(check(text, PROFESSIONAL), Category.RARE_WORD) == []


def test_names_are_never_rare_words():
    text = "Kiyomi and Jayden went to see Nanny Jo. Kiyomi laughed."
    report = check(text, CHILD_6, names=("Kiyomi", "Jayden", "Nanny Jo"))
    assert texts(report, Category.RARE_WORD) == []


def test_capitalised_words_mid_sentence_are_not_rare_words():
    report = check("We went to Llandudno on Saturday.", CHILD_6)
    assert texts(report, Category.RARE_WORD) == []


def test_numbers_are_not_rare_words():
    report = check("Call 07700900123 at 10:30 on the 3rd.", CHILD_6)
    assert texts(report, Category.RARE_WORD) == []


def test_jargon_is_not_also_a_rare_word():
    report = check("You absconded.", CHILD_6)
    assert [f.category for f in report.findings] == [Category.JARGON]


def test_childhood_words_are_not_rare_for_young_children():
    report = check("Bring your pyjamas and teddy to the sleepover.", CHILD_6)
    assert texts(report, Category.RARE_WORD) == []


# --- the whole report --------------------------------------------------------------------


@pytest.mark.parametrize("line_end", ["\n", "\r\n"])
@pytest.mark.parametrize("audience", [CHILD_7, CHILD_9, CHILD_16, FAMILY, PROFESSIONAL])
def test_offsets_point_at_the_flagged_words(audience, line_end):
    letter = LETTER.replace("\n", line_end)
    report = check(letter, audience, names=NAMES, person_names=PEOPLE)
    assert report.findings
    for finding in report.findings:
        assert letter[finding.start : finding.end] == finding.text
    starts = [f.start for f in report.findings]
    assert starts == sorted(starts)


def test_a_realistic_letter_to_a_child_finds_each_kind_of_problem():
    report = check(LETTER, CHILD_9, names=NAMES, person_names=PEOPLE)
    assert {f.category for f in report.findings} == set(Category)
    assert texts(report, Category.ACRONYM) == [
        "FCA",
        "LA",
        "re:",
        "e.g.",
        "MoJ",
        "ED&I",
        "NQSWs",
    ]
    assert texts(report, Category.DEPERSONALISING) == [
        "The child",
        "The mother",
        "the father",
        "your case",
    ]
    assert texts(report, Category.LEGAL_REFERENCE) == ["s.7", "R16.4"]
    assert texts(report, Category.LATIN) == ["de novo"]
    assert texts(report, Category.CHARACTER) == ["volatile"]


def test_readability_is_reported_with_the_audience_target():
    report = check("The cat sat on the mat.", CHILD_9)
    assert (report.readability.words, report.readability.sentences) == (6, 1)
    assert report.readability.reading_age == 5
    assert not report.too_hard


def test_hard_text_is_too_hard_for_a_child():
    text = (
        "Notwithstanding the aforementioned considerations, the determination of the "
        "application necessitates comprehensive consideration of the evidence."
    )
    assert check(text, CHILD_9).too_hard


def test_empty_text_has_no_findings():
    report = check("", CHILD_9)
    assert report.findings == []
    assert report.readability.reading_age is None


def test_checking_a_2000_word_letter_is_fast():
    preload()
    words = len(LETTER.split())
    text = "\n\n".join([LETTER] * (2000 // words + 1))
    assert len(text.split()) >= 2000
    check(text, CHILD_9, names=NAMES, person_names=PEOPLE)  # warm the word caches
    started = time.perf_counter()
    check(text, CHILD_9, names=NAMES, person_names=PEOPLE)
    assert time.perf_counter() - started < 0.5


# Someone's own words, quoted, are theirs: never flagged --------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "You told me: “I do not want a contact order.”",
        'You told me: "I do not want a contact order."',
        "You told me 'I don't want a contact order' last week.",
        "You told me ‘I don’t want a contact order’ last week.",
    ],
)
def test_words_in_quotation_marks_are_not_flagged(text):
    assert check(text, Audience(AudienceKind.CHILD, 9)).findings == []


def test_the_same_words_outside_the_quotation_marks_are_still_flagged():
    text = "The contact order says 'I can see Dad' and the kids' contact order too."
    found = [f.text for f in check(text, Audience(AudienceKind.CHILD, 9)).findings]
    assert found and all("see Dad" not in f for f in found)
    assert sum("contact" in f for f in found) == 2
