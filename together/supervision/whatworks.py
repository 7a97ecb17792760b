"""The "What works" library: appreciative inquiry records by theme, for one's own area or the
whole service, with the child's details left out (their names become "the child")."""

import re
from dataclasses import dataclass

from django.db.models import Q
from django.urls import reverse

from together.children.rules import visible_children

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
    # About a family storyboard: a link to it for those who may see the child's file, and only
    # that it was about one for everyone else.
    about_storyboard: bool = False
    storyboard_url: str = ""
    # What else it was about, in words without the child's details ("A meeting with the child").
    about: str = ""


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
    One query, and one more for which children `user` may see when any record is about a
    storyboard."""
    found = Appreciation.objects.select_related("service_area", "child", "storyboard").only(
        "theme",
        "what_worked",
        "difference",
        "for_whom",
        "recorded_at",
        "service_area__name",
        "child__preferred_name",
        "child__legal_given_names",
        "child__uuid",
        "child__legal_family_name",
        "storyboard__uuid",
        "meeting",
        "letter",
        "plan",
        "session",
    )
    if not national:
        found = found.filter(service_area_id=user.service_area_id)
    if theme in Theme.values:
        found = found.filter(theme=theme)
    for word in words.split()[:5]:
        found = found.filter(Q(what_worked__icontains=word) | Q(difference__icontains=word))
    labels = dict(Theme.choices)
    records = list(found.order_by("-recorded_at", "-id")[:LIMIT])
    about = {r.child_id for r in records if r.storyboard_id}
    seen = (
        set(visible_children(user).filter(pk__in=about).values_list("pk", flat=True))
        if about
        else set()
    )
    entries = []
    for record in records:
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
                about_storyboard=record.storyboard_id is not None,
                about=record.about_in_general,
                storyboard_url=reverse(
                    "storyboards:storyboard", args=[child.uuid, record.storyboard.uuid]
                )
                if record.storyboard_id and record.child_id in seen
                else "",
            )
        )
    return entries
