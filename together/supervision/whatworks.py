"""The "What works" library: appreciative inquiry records by theme, for one's own area or the
whole service, with the child's details left out (their names become "the child")."""

import re
from dataclasses import dataclass

from django.db.models import Q

from .models import Appreciation, Theme

LIMIT = 50


@dataclass(frozen=True)
class Entry:
    theme: str
    what_worked: str
    difference: str
    for_whom: list[str]
    area: str
    recorded_at: object


def _without_child(text: str, names: list[str]) -> str:
    """The text with the child's names (a run of them, "Jayden Lee", counts once) as "the
    child"."""
    words = sorted({n for n in names if len(n) > 1}, key=len, reverse=True)
    if not words:
        return text
    name = "|".join(re.escape(word) for word in words)
    pattern = rf"\b(?:{name})(?:\s+(?:{name}))*\b('s)?"
    return re.sub(pattern, lambda m: "the child" + (m.group(1) or ""), text)


def what_works(user, *, theme: str = "", words: str = "", national: bool = False) -> list[Entry]:
    """The latest records (at most LIMIT) for `user`'s area, or nationally, by theme and words.
    One query."""
    found = Appreciation.objects.select_related("service_area", "child").only(
        "theme",
        "what_worked",
        "difference",
        "for_whom",
        "recorded_at",
        "service_area__name",
        "child__preferred_name",
        "child__legal_given_names",
        "child__legal_family_name",
    )
    if not national:
        found = found.filter(service_area_id=user.service_area_id)
    if theme in Theme.values:
        found = found.filter(theme=theme)
    for word in words.split()[:5]:
        found = found.filter(Q(what_worked__icontains=word) | Q(difference__icontains=word))
    labels = dict(Theme.choices)
    entries = []
    for record in found.order_by("-recorded_at", "-id")[:LIMIT]:
        names = []
        if record.child_id:
            child = record.child
            names = [
                child.preferred_name,
                child.legal_family_name,
                *child.legal_given_names.split(),
            ]
        entries.append(
            Entry(
                theme=str(labels.get(record.theme, record.theme)),
                what_worked=_without_child(record.what_worked, names),
                difference=_without_child(record.difference, names),
                for_whom=record.for_whom_labels,
                area=record.service_area.name,
                recorded_at=record.recorded_at,
            )
        )
    return entries
