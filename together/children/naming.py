"""Naming people as the child names them, in anything written for a child to read.

The family page records what the child calls each person (ChildConnection.child_calls_them:
"Auntie Deborah", "Daddy"). What a worker writes for the child (the child's version of the plan,
a letter) often names people as the file does ("Deborah Fowler", "Antony"); before the child
reads it, each such name becomes the child's own name for that person.

Only whole names are changed, and only where it is certain whom they mean: a full name always,
a first name alone only when no one else in the child's family, and no one in `keep` (the
worker writing to the child), has it. Words the child said are never passed through this: they
are theirs as they said them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .selectors import connections_for_child


@dataclass(frozen=True)
class ChildsNames:
    """Names as the file gives them, each with what the child calls that person."""

    names: dict[str, str]

    def __bool__(self) -> bool:
        return bool(self.names)

    def apply(self, text: str) -> str:
        """`text` with each person named as the child names them."""
        if not text or not self.names:
            return text or ""
        pattern = re.compile(
            r"(?<![\w'’-])("
            + "|".join(re.escape(name) for name in sorted(self.names, key=len, reverse=True))
            + r")(?![\w-])"
        )

        def one(match: re.Match) -> str:
            found = match.group(1)
            called = self.names[found]
            # Already as the child says it ("Auntie Deborah" written out in full): keep it.
            head = called[: len(called) - len(found)] if called.endswith(found) else None
            if head and match.string[max(0, match.start() - len(head)) : match.start()] == head:
                return found
            return called

        return pattern.sub(one, text)


def names_for(connections, *, keep=()) -> ChildsNames:
    """The names to change, from the child's connections (each with its person)."""
    kept = {name.strip() for name in keep if name and name.strip()}
    given_count: dict[str, int] = {}
    for connection in connections:
        given = connection.person.given_name.strip()
        given_count[given] = given_count.get(given, 0) + 1
    names: dict[str, str] = {}
    for connection in connections:
        called = (connection.child_calls_them or "").strip()
        person = connection.person
        given = person.given_name.strip()
        full = f"{given} {person.family_name.strip()}".strip()
        if not called:
            continue
        if full != called and full != given:
            names[full] = called
        if given and given != called and given_count[given] == 1 and given not in kept:
            names.setdefault(given, called)
    return ChildsNames(names)


def childs_names(child, *, keep=()) -> ChildsNames:
    """How `child` names the people in their family (one query). `keep`: names never changed
    on their own, such as the first name of the worker writing to the child."""
    return names_for(connections_for_child(child), keep=keep)


def as_the_child_names_them(child, text: str, *, keep=()) -> str:
    return childs_names(child, keep=keep).apply(text)
