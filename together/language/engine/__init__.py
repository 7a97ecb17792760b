"""The plain-language engine: check a text for the reader who will read it.

    report = check(text, Audience(AudienceKind.CHILD, age=9), names=("Jayden",),
                   person_names={"child": "Jayden", "mother": "Sarah"})

It finds acronyms, jargon (from the glossary), words that turn a child into "a case" or a
parent into a role, judgemental labels, sentences too long for the reader and words the reader
is unlikely to know, and scores readability. Nothing here touches Django or the network.
Everything slow (the pronouncing dictionary, word frequencies, the phrase index) is loaded once
and kept; ``preload()`` does it up front.

The package by concern: audience.py (the reader, their limits, the report), compiled.py (the
glossary and rules compiled once), findings.py (phrase and acronym findings, and overlaps),
markup.py (pasted markup and quoted words) and checking.py (check and reading). No module of it
imports Django (an import-linter contract holds the whole package to it).
"""

from together.language.base import AudienceKind, Category, Finding
from together.language.glossary import BUILT_IN_GLOSSARY, GlossaryEntry
from together.language.readability import Hardest, Readability

from .audience import LIMITS, Audience, Limits, Report
from .checking import check, reading
from .compiled import CompiledGlossary, compile_glossary, preload

# Names the module had outside __all__, still importable (a test reads the cache through one).
from .compiled import _compiled_for as _compiled_for
from .markup import mask_markup as mask_markup
from .markup import quoted_spans as quoted_spans

__all__ = [
    "Audience",
    "Hardest",
    "AudienceKind",
    "BUILT_IN_GLOSSARY",
    "Category",
    "CompiledGlossary",
    "Finding",
    "GlossaryEntry",
    "Limits",
    "LIMITS",
    "Readability",
    "Report",
    "check",
    "compile_glossary",
    "reading",
    "preload",
]
