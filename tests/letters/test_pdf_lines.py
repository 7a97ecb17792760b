"""A printed letter breaks its lines where the writer and the address did: each line of the
postal address, each line the writer typed within a paragraph, and the feedback link under its
label, in standard and in large print."""

import io

import pypdf
import pytest

from tests.letters.factories import welcome_letter_with_address
from together.letters import services
from together.letters.selectors import invitation_for

BODY = (
    "Dear Sam,\n\nMy name is Alex.\n\nA bit about me:  \n   I have two cats.\n\nBest wishes,\nAlex"
)


def _lines(pdf: bytes) -> list[str]:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return [line.strip() for line in text.splitlines() if line.strip()]


def _follow(lines: list[str], *expected: str) -> bool:
    """Whether `expected` are consecutive lines of `lines`."""
    n = len(expected)
    return any(tuple(lines[i : i + n]) == expected for i in range(len(lines) - n + 1))


@pytest.mark.parametrize("large_print", [False, True])
def test_address_and_paragraph_lines_print_as_typed(letters_world, large_print):
    dad, letter = welcome_letter_with_address(
        letters_world, "father", body=BODY, address="7 Open Road\n  Flat 2  \nLeeds LS2 2BB"
    )
    lines = _lines(services.letter_pdf(letter, large_print=large_print))
    assert _follow(lines, str(dad), "7 Open Road", "Flat 2", "Leeds LS2 2BB")
    assert _follow(lines, "A bit about me:", "I have two cats.")
    assert _follow(lines, "Best wishes,", "Alex")
    label = lines.index("Scan this or type the link to tell us how it went:")
    assert lines[label + 1] == invitation_for(letter).typed_link
