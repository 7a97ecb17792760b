"""The national library: seeded by a migration, written plainly for each reader."""

import pytest

from tests.letters.factories import FILLING
from together.language.readers import Reader
from together.language.selectors import language_check
from together.letters import services
from together.letters.library import LIBRARY
from together.letters.models import TO_CHILD, Kind, LetterTemplate, Style

SAMPLE = {
    "child_name": "Jayden",
    "fca_first_name": "Sam",
    "fca_full_name": "Sam Patel",
    "fca_about_me": "I have two cats. I like walking by the sea.",
    "meeting_plan": FILLING.meeting_plan,
    "how_to_reach_me": FILLING.how_to_reach_me,
    "parent_name": "Kerry",
    "feedback_link": "https://together.example.org/f/abc",
}
# The reader each style is written for: a 7-year-old, a 14-year-old, adults in the family.
# Plain-text letters to a child are read by children of any age: checked for a 10-year-old.
READERS = {
    Style.YOUNGER: Reader.for_child(age=7, name="Jayden"),
    Style.OLDER: Reader.for_child(age=14, name="Jayden"),
    Style.ADULT: Reader.for_family(names=["Kerry", "Jayden", "Sam", "Patel"]),
}


def test_the_migration_seeds_every_kind_for_every_reader(db):
    national = LetterTemplate.objects.filter(service_area__isnull=True, is_current=True)
    pairs = set(national.values_list("kind", "style"))
    for kind in Kind.values:
        styles = (
            {Style.YOUNGER, Style.OLDER, Style.PLAIN}
            if kind in TO_CHILD
            else {
                Style.ADULT,
                Style.PLAIN,
            }
        )
        assert {(kind, style) for style in styles} <= pairs


@pytest.mark.parametrize(("kind", "style", "title", "body"), LIBRARY)
def test_each_template_reads_plainly_for_its_reader(db, kind, style, title, body):
    if style == Style.PLAIN:
        reader = (
            Reader.for_child(age=10, name="Jayden") if kind in TO_CHILD else READERS[Style.ADULT]
        )
    else:
        reader = READERS[style]
    text = services.fill(body, SAMPLE)
    report = language_check(text=text, reader=reader)
    assert report.findings == [], [(f.category.value, f.text) for f in report.findings]
    assert not report.too_hard


def test_the_library_is_put_back_in_an_emptied_database(db):
    LetterTemplate.objects.all().delete()
    assert services.letter_library_seed() == len(LIBRARY)
    assert services.letter_library_seed() == 0
