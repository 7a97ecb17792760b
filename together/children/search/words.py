"""The words of a name as the index holds them, and spellings one letter away."""

import re
import string
import unicodedata

# A near-miss spelling is only guessed for words of at least this many letters, or "jai" would
# bring back every name starting "ja".
CLOSE_SPELLING_MIN_LETTERS = 4


_LETTERS = re.compile(r"[^\W\d_]+")


def name_words(text: str) -> list[str]:
    """The words of a name as the index holds them: small letters only, without accents."""
    plain = unicodedata.normalize("NFKD", text.lower())
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return _LETTERS.findall(plain)


def one_letter_away(word: str) -> set[str]:
    """Every spelling one letter away: one letter left out, swapped, changed or added."""
    letters = string.ascii_lowercase
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = {a + b[1:] for a, b in splits if b}
    swaps = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    changes = {a + c + b[1:] for a, b in splits if b for c in letters}
    inserts = {a + c + b for a, b in splits for c in letters}
    return (deletes | swaps | changes | inserts) - {word, ""}


def _guessable(words: list[str]) -> bool:
    return any(len(w) >= CLOSE_SPELLING_MIN_LETTERS for w in words)


class _Matcher:
    """The same test as the index's, for a child's names read from the database."""

    def __init__(self, words: list[str]):
        self.words = words
        self.nearby = {w: one_letter_away(w) for w in words if len(w) >= CLOSE_SPELLING_MIN_LETTERS}

    def starts(self, search_text: str) -> bool:
        names = name_words(search_text)
        return all(any(n.startswith(w) for n in names) for w in self.words)

    def close(self, search_text: str) -> bool:
        names = name_words(search_text)
        return all(
            any(n.startswith(w) or n in self.nearby.get(w, ()) for n in names) for w in self.words
        )
