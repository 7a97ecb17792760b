"""Forms for proceedings: a new application, a hearing, choosing a lead Family Court Adviser.

A new application (application.py), matching its children with children already known
(matching.py), a hearing (hearing.py) and choosing the lead (allocation.py)."""

from .allocation import AllocateForm
from .application import (
    CHILD_FIELDS,
    MAX_CHILDREN,
    MAX_PARTIES,
    NEW_KINDS,
    OTHER_KIND_LAW,
    PARTY_FIELDS,
    PARTY_ROLES,
    NewApplicationForm,
)
from .hearing import HearingForm
from .matching import MatchForm

__all__ = [
    "AllocateForm",
    "CHILD_FIELDS",
    "HearingForm",
    "MAX_CHILDREN",
    "MAX_PARTIES",
    "MatchForm",
    "NEW_KINDS",
    "NewApplicationForm",
    "OTHER_KIND_LAW",
    "PARTY_FIELDS",
    "PARTY_ROLES",
]
