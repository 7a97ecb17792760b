"""A printed letter's footer: who it is from and the page number, each on a line of its own on
every page, never run together, never printed again in the body, and as large as the words in
large print."""

import io

import pypdf
import pytest

from tests.letters.factories import start_letter
from together.letters import services

LONG_BODY = "\n\n".join(
    f"Paragraph {n}. We will meet and talk about what matters to you, and I will listen."
    for n in range(1, 70)
)


def _pages(pdf: bytes) -> list[list[str]]:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return [
        [line.strip() for line in page.extract_text().splitlines() if line.strip()]
        for page in reader.pages
    ]


def _sizes(pdf: bytes, starting: str) -> list[float]:
    """The printed size, in points, of each line on the first page that starts with
    `starting`."""
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    sizes = []

    def visit(text, cm, tm, font, size):
        if text.strip().startswith(starting):
            sizes.append(abs(size * tm[0] * cm[0]))

    reader.pages[0].extract_text(visitor_text=visit)
    return sizes


@pytest.fixture
def long_letter(letters_world):
    fca = letters_world.fca_allocated
    letter = start_letter(letters_world.child, fca)
    return services.letter_update(by=fca, letter=letter, version=1, body=LONG_BODY)


@pytest.mark.parametrize("large_print", [False, True])
def test_every_page_ends_with_who_it_is_from_and_its_number(
    letters_world, long_letter, large_print
):
    name = letters_world.fca_allocated.full_name
    from_line = f"Introductory letter to a child, from {name}"
    pages = _pages(services.letter_pdf(long_letter, large_print=large_print))
    assert len(pages) >= 2
    for number, lines in enumerate(pages, start=1):
        assert lines[-2:] == [from_line, f"Page {number} of {len(pages)}"], lines[-4:]
        # Printed once on each page: in the footer, not again in the body.
        assert sum(name in line for line in lines) == 1


def test_a_one_page_letter_has_its_footer_once(letters_world):
    letter = start_letter(letters_world.child, letters_world.fca_allocated)
    (lines,) = _pages(services.letter_pdf(letter))
    name = letters_world.fca_allocated.full_name
    assert lines[-2:] == [f"Introductory letter to a child, from {name}", "Page 1 of 1"]
    assert not any(line.endswith("Page 1 of 1") and line != "Page 1 of 1" for line in lines)
    assert sum(name in line for line in lines) == 1


def test_the_large_print_footer_is_as_large_as_the_words(letters_world, long_letter):
    pdf = services.letter_pdf(long_letter, large_print=True)
    footer = _sizes(pdf, "Page 1 of ")
    words = _sizes(pdf, "Paragraph 1. ")
    assert footer and words
    assert min(footer) >= 14
    assert min(footer) >= 0.85 * max(words)
    standard = _sizes(services.letter_pdf(long_letter), "Page 1 of ")
    assert max(standard) < min(footer)
