"""Possible duplicates of the children on a new application, before their records are made."""

import difflib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Prefetch
from django.http import Http404

from together.children.models import Child
from together.children.rules import everyday_access_annotation, may_see_court_number_outside_access

from .. import rules
from ..models import Proceedings

# How alike two names must be (difflib's ratio) to ask whether two children are the same child.
CLOSE_SPELLING = 0.8


@dataclass(frozen=True)
class ChildDetails:
    """A child as written on a new application, before any record exists."""

    legal_given_names: str
    legal_family_name: str
    preferred_name: str
    date_of_birth: date


@dataclass(frozen=True)
class PartyDetails:
    """A person named on a new application, and their part in it."""

    given_name: str
    family_name: str
    relationship: str  # to the children (children.models.Relationship)
    role: str  # PartyRole


@dataclass(frozen=True)
class PossibleMatch:
    """A child who may be the child on the application, with only what it takes to decide: the
    court numbers of proceedings in the user's own area, and for a file held by another area
    only that area's name (no court numbers, no addresses: ADR 0017)."""

    child: Child
    court_numbers: list[str] = field(default_factory=list)
    # The service areas holding the child's file, when the user has no everyday access to it:
    # linking them needs a reason, listed for those areas' managers.
    held_by: list[str] = field(default_factory=list)

    @property
    def held_elsewhere(self) -> bool:
        return bool(self.held_by)


def _norm(text: str) -> str:
    return " ".join((text or "").lower().split())


def _names(given: str, preferred: str) -> set[str]:
    given = _norm(given)
    names = {given, _norm(preferred)}
    if given:
        names.add(given.split()[0])
    return names - {""}


def is_possible_match(details: ChildDetails, child: Child) -> bool:
    """Same date of birth, and the same family name or a close spelling of a first name."""
    if details.date_of_birth != child.date_of_birth:
        return False
    if _norm(details.legal_family_name) == _norm(child.legal_family_name):
        return True
    ours = _names(details.legal_given_names, details.preferred_name)
    theirs = _names(child.legal_given_names, child.preferred_name)
    return any(
        difflib.SequenceMatcher(None, a, b).ratio() >= CLOSE_SPELLING for a in ours for b in theirs
    )


def possible_duplicates(*, user, children: Sequence[ChildDetails]) -> list[list[PossibleMatch]]:
    """For each child on an application, the existing children who may be the same child.

    Searches the whole country (a child moves between areas), so only those who add
    applications may ask, and the answer is kept to what it takes to tell children apart.
    Looks only among children born on the same days (an indexed lookup), then compares names in
    Python. Two queries whatever the number of children.
    """
    if not rules.may_create_proceedings(user):
        raise Http404("No children found")
    births = {c.date_of_birth for c in children}
    if not births:
        return [[] for _ in children]
    candidates = list(
        Child.objects.filter(date_of_birth__in=births)
        .annotate(everyday_access=everyday_access_annotation(user))
        .prefetch_related(
            Prefetch(
                "proceedings",
                queryset=Proceedings.objects.only(
                    "id", "court_number", "service_area_id", "service_area__name"
                )
                .select_related("service_area")
                .order_by("received_on", "pk"),
            )
        )
        .order_by("preferred_name", "pk")
    )
    return [
        [_possible_match(user, child) for child in candidates if is_possible_match(details, child)]
        for details in children
    ]


def _possible_match(user, child: Child) -> PossibleMatch:
    found = list(child.proceedings.all())
    # The court's numbers shown are those search shows too: of the user's own area only.
    ours = [
        p.court_number
        for p in found
        if may_see_court_number_outside_access(user, p.service_area_id)
    ]
    held_by = []
    if found and not child.everyday_access:
        held_by = sorted({p.service_area.name for p in found})
    return PossibleMatch(child, ours, held_by)
