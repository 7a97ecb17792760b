"""Oversight of letters to children, for managers: how many children were sent an introductory
letter within 10 working days of allocation, and an ending letter when their proceedings closed,
by team; and the children behind each of those figures. Each page takes a fixed number of
queries at any size.

The figures are in figures.py, the children behind them in lists.py, and what both share (whose
proceedings a manager oversees, local dates, letters on time, the address of no team) in
common.py."""

from .common import NO_TEAM
from .figures import Oversight, TeamFigures, letters_oversight
from .lists import (
    OVERSIGHT_CHILDREN_PAGE_SIZE,
    OVERSIGHT_FIGURES,
    OversightChild,
    OversightChildren,
    letters_oversight_children,
)

__all__ = [
    "NO_TEAM",
    "OVERSIGHT_CHILDREN_PAGE_SIZE",
    "OVERSIGHT_FIGURES",
    "Oversight",
    "OversightChild",
    "OversightChildren",
    "TeamFigures",
    "letters_oversight",
    "letters_oversight_children",
]
