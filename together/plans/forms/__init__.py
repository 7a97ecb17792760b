"""Forms for the plan's pages: one per section (sections.py), one per kind of item (items.py),
and the workflow (workflow.py), on what they share (common.py)."""

from .common import OUT_OF_DATE, YES_NO, VersionForm, section_text
from .items import (
    ITEM_FORMS,
    SOMEONE_ELSE,
    STRENGTHS,
    WISHES,
    ActivityForm,
    ContactForm,
    HarmForm,
    RecommendationForm,
)
from .sections import (
    SECTION_FORMS,
    CompleteForm,
    ImpactForm,
    RisksForm,
    SectionForm,
    StrengthsForm,
    UniqueForm,
    WishesForm,
    WordsForm,
)
from .workflow import CommentForm, ConfirmCopiedForm, CopyForm, MoveForm, StartForm

__all__ = [
    "ActivityForm",
    "CommentForm",
    "CompleteForm",
    "ConfirmCopiedForm",
    "ContactForm",
    "CopyForm",
    "HarmForm",
    "ITEM_FORMS",
    "ImpactForm",
    "MoveForm",
    "OUT_OF_DATE",
    "RecommendationForm",
    "RisksForm",
    "SECTION_FORMS",
    "SOMEONE_ELSE",
    "STRENGTHS",
    "SectionForm",
    "StartForm",
    "StrengthsForm",
    "UniqueForm",
    "VersionForm",
    "WISHES",
    "WishesForm",
    "WordsForm",
    "YES_NO",
    "section_text",
]
