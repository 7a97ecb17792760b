"""Pasted markup a reader does not see, and quoted words that are someone's own, as spans."""

from __future__ import annotations

import re

from together.language.base import Finding

# What a word processor or web page leaves in pasted text besides comments: tags and entities.
# Every part is bounded, so text full of stray "<" or "&" still takes linear time.
_MARKUP = re.compile(
    r"""<!\[[^\]\n]{0,100}\]>                           # Word's <![if !supportLists]>
      | </?[A-Za-z][^<>]{0,1000}>                      # a tag
      | &(?:[A-Za-z]{2,8}|\#\d{1,7}|\#x[0-9A-Fa-f]{1,6});  # an entity: &nbsp; &#8217;
    """,
    re.VERBOSE,
)


def mask_markup(text: str) -> str:
    """The text with HTML comments, tags and entities blanked out by spaces of the same length,
    so that pasted HTML is checked as the words a reader sees and every offset stays the same."""
    if "<" not in text and "&" not in text:
        return text
    pieces, at = [], 0
    while (start := text.find("<!--", at)) >= 0:  # comments by search: linear, however many
        end = text.find("-->", start + 4)
        if end < 0:
            break  # nothing later can close it either
        pieces += [text[at:start], " " * (end + 3 - start)]
        at = end + 3
    masked = _MARKUP.sub(lambda m: " " * len(m.group()), "".join(pieces) + text[at:])
    return text if masked == text else masked


# Words in quotation marks are someone's own words, quoted as they said them (a child's words in
# a plan or letter): never flagged, since changing them would change what the person said.
# Double quotes, straight or curly; single quotes too, where the closing mark is not an
# apostrophe inside a word ("don't") and the opening one does not follow a letter ("kids' toys").
_QUOTED = re.compile(
    r"“[^”\n]+”"
    r'|(?<!\w)"[^"\n]+"(?!\w)'
    r"|(?<![\w’'])‘(?=\S)(?:[^’\n]|’(?=\w))+’(?!\w)"
    r"|(?<![\w’'])'(?=\S)(?:[^'\n]|'(?=\w))+'(?!\w)"
)


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each part of `text` in quotation marks (see _QUOTED)."""
    return [match.span() for match in _QUOTED.finditer(text)]


def _outside_quotes(findings: list[Finding], spans: list[tuple[int, int]]) -> list[Finding]:
    return [f for f in findings if not any(s <= f.start and f.end <= e for s, e in spans)]
