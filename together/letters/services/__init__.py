"""Writes for letters: the template library (templates.py), starting a letter from a template
with its placeholders filled (filling.py, starting.py), editing it and recording that it was sent
(editing.py), keeping confidential addresses out (addresses.py), and printing it, alone or in a
batch (printing.py)."""

from .addresses import (
    AddressBlock,
    ConfidentialAddressError,
    address_block,
    confidential_addresses_in,
)
from .editing import letter_mark_sent, letter_update, sent_at_for
from .filling import (
    PLACEHOLDER,
    PLACEHOLDERS,
    PLAN_WORDS_LEAD_IN,
    Filling,
    PlaceholderError,
    fill,
    style_for,
    with_plan_words,
)
from .printing import (
    letter_document,
    letter_link_read_record,
    letter_pdf,
    letter_print_record,
    letters_batch_request,
)
from .starting import MAY_NOT_WRITE, STAGE_OF_KIND, TIMELINE_KIND, letter_start
from .templates import (
    MAY_NOT_CHANGE_TEMPLATES,
    letter_library_seed,
    letter_template_create,
    letter_template_update,
)

__all__ = [
    "AddressBlock",
    "ConfidentialAddressError",
    "Filling",
    "MAY_NOT_CHANGE_TEMPLATES",
    "MAY_NOT_WRITE",
    "PLACEHOLDER",
    "PLACEHOLDERS",
    "PLAN_WORDS_LEAD_IN",
    "PlaceholderError",
    "STAGE_OF_KIND",
    "TIMELINE_KIND",
    "address_block",
    "confidential_addresses_in",
    "fill",
    "letter_document",
    "letter_library_seed",
    "letter_link_read_record",
    "letter_mark_sent",
    "letter_pdf",
    "letter_print_record",
    "letter_start",
    "letter_template_create",
    "letter_template_update",
    "letter_update",
    "letters_batch_request",
    "sent_at_for",
    "style_for",
    "with_plan_words",
]
