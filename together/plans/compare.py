"""What changed between two versions of a plan, in words a person can follow (pure Python).

A version's snapshot (plans.snapshot.plan_snapshot) maps each section's key to
{"title": ..., "text": ...} or {"title": ..., "items": [...]}, and may hold other parts (more
texts, a yes or no, a list of kinds). `compare_snapshots(old, new)` returns, for every section in
order, the list of changes, each a sentence and, for changed text, a word-level diff as runs of
kept, removed and added words so a page can strike out what went and underline what came.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import Any

KEPT, REMOVED, ADDED = "kept", "removed", "added"

# What one item of a section is called, by section key.
ITEM_NOUNS = {
    "risks": "harm",
    "harms": "harm",
    "contacts": "conversation with a professional",
    "recommendations": "recommendation",
    "work": "piece of work",
    "activities": "piece of work",
    "sharing": "record of sharing",
    "shares": "record of sharing",
    "responses": "response",
    "wishes": "meeting",
    "meetings": "meeting",
}

# What a section's main text is called, where "the text" would not say enough.
TEXT_NAMES = {
    "risks": "the risks that remain",
    "words": "the words for the child",
    "sharing": "why the child's response was not asked for",
}

# How a part of a section or a field of an item reads in a sentence.
PART_NAMES = {
    "text": "the text",
    "recommendation": "the recommendation",
    "reasoning": "the reasoning",
    "why_different": "why it differs from the child's wishes",
    "rests_on_harms": "the harms it rests on",
    "rests_on_strengths": "whether it rests on the family's strengths",
    "rests_on_wishes": "whether it rests on the child's wishes",
    "differs_from_wishes": "whether it differs from the child's wishes",
    "what": "what it is",
    "when_happened": "when it happened",
    "when": "when it happened",
    "kind": "the kind",
    "recipient_kind": "who it was for",
    "recipient_name": "their name",
    "plan_version": "the version shared",
    "recorded_on": "the date of the response",
    "meetings": "the meetings it draws on",
    "source": "where it comes from",
    "certainty": "how certain it is",
    "organisation": "the organisation",
    "contacted_on": "the date of the conversation",
    "what_they_said": "what they said",
    "who": "who does it",
    "who_else": "who else does it",
    "due_on": "when it is due",
    "for_child": "what the child is told about it",
    "done_on": "when it was done",
    "shared": "whether it was shared",
    "shared_on": "when it was shared",
    "method": "how it was shared",
    "not_shared_reason": "why it was not shared",
    "response": "the response",
    "about_recommendations": "whether it is about the recommendations",
    "risks_remaining": "the risks that remain",
    "domestic_abuse_alleged": "whether domestic abuse is alleged",
    "domestic_abuse_kinds": "the kinds of domestic abuse alleged",
    "domestic_abuse_assessment": "the assessment of domestic abuse",
    "domestic_abuse_reasoning": "the reasoning about domestic abuse",
    "non_recent_harm": "the harm that is not recent",
    "mental_health_misuse": "mental health and substance misuse",
    "child_response_not_sought_reason": "why the child's response was not asked for",
}

# Keys of an item that identify it rather than describe it.
IDENTITY_KEYS = ("uuid", "id", "key")
# Keys tried in order for an item's label ("Added a recommendation: <label>").
LABEL_KEYS = (
    "recommendation",
    "what",
    "recipient_name",
    "recipient",
    "organisation",
    "response",
    "text",
    "title",
    "name",
)
LABEL_WORDS = 12


@dataclass(frozen=True)
class Run:
    """A stretch of words that was kept, removed or added."""

    op: str
    text: str

    @property
    def kept(self) -> bool:
        return self.op == KEPT

    @property
    def removed(self) -> bool:
        return self.op == REMOVED

    @property
    def added(self) -> bool:
        return self.op == ADDED


@dataclass(frozen=True)
class Change:
    """One change, said in a sentence; `runs` is the word-level diff for changed text."""

    summary: str
    runs: tuple[Run, ...] = ()


@dataclass
class SectionChanges:
    key: str
    number: int | None
    title: str
    changes: list[Change] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.changes)


def word_diff(old: str, new: str) -> list[Run]:
    """The words of `new` against `old` as runs of kept, removed and added words.

    Joining the kept and removed runs gives back the old text's words; the kept and added runs,
    the new text's words (whitespace normalised to single spaces)."""
    a, b = _words(old), _words(new)
    runs: list[Run] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            _append(runs, KEPT, a[i1:i2])
        else:
            _append(runs, REMOVED, a[i1:i2])
            _append(runs, ADDED, b[j1:j2])
    return runs


def _words(text: Any) -> list[str]:
    return str(text or "").split()


def _append(runs: list[Run], op: str, words: list[str]) -> None:
    if not words:
        return
    if runs and runs[-1].op == op:
        runs[-1] = Run(op, runs[-1].text + " " + " ".join(words))
    else:
        runs.append(Run(op, " ".join(words)))


def compare_snapshots(
    old: dict | None, new: dict | None, sections: list[tuple[str, int, str]] | None = None
) -> list[SectionChanges]:
    """Every section, in order, with what changed from `old` to `new`.

    `sections` is the list of (key, number, title) to walk (plans.snapshot.SECTIONS); without it,
    the keys of both snapshots in the order they appear."""
    old, new = old or {}, new or {}
    if sections is None:
        keys = list(dict.fromkeys([*old, *new]))
        sections = [(key, None, _title(old, new, key)) for key in keys]
    result = []
    for key, number, title in sections:
        before, after = old.get(key) or {}, new.get(key) or {}
        section = SectionChanges(key, number, _title(old, new, key) or title)
        section.changes = _section_changes(key, before, after)
        result.append(section)
    return result


def _title(old: dict, new: dict, key: str) -> str:
    for snapshot in (new, old):
        part = snapshot.get(key)
        if isinstance(part, dict) and part.get("title"):
            return str(part["title"])
    return key.replace("_", " ").capitalize()


def _section_changes(key: str, before: dict, after: dict) -> list[Change]:
    changes: list[Change] = []
    for part in dict.fromkeys([*before, *after]):
        if part in ("title", "number", "key"):
            continue
        old_value, new_value = before.get(part), after.get(part)
        if old_value == new_value:
            continue
        if _is_list_of_items(old_value) and _is_list_of_items(new_value):
            noun = ITEM_NOUNS.get(part) or ITEM_NOUNS.get(key) or "item"
            changes.extend(_items_changes(noun, old_value or [], new_value or []))
        elif part == "text" and key in TEXT_NAMES:
            changes.append(_value_change(TEXT_NAMES[key], old_value, new_value))
        elif isinstance(old_value, dict) or isinstance(new_value, dict):
            for sub in _section_changes(part, old_value or {}, new_value or {}):
                changes.append(sub)
        else:
            changes.append(_value_change(_part_name(part), old_value, new_value))
    return changes


def _is_list_of_items(value: Any) -> bool:
    return value is None or (
        isinstance(value, list) and all(isinstance(item, dict) for item in value)
    )


def _items_changes(noun: str, old_items: list[dict], new_items: list[dict]) -> list[Change]:
    old_by_id = _by_identity(old_items)
    new_by_id = _by_identity(new_items)
    changes: list[Change] = []
    for ident, item in new_by_id.items():
        if ident not in old_by_id:
            changes.append(Change(f"Added {_article(noun)} {noun}: {_label(item)}"))
    for ident, item in old_by_id.items():
        if ident not in new_by_id:
            changes.append(Change(f"Removed {_article(noun)} {noun}: {_label(item)}"))
    for ident, item in new_by_id.items():
        if ident not in old_by_id:
            continue
        before = old_by_id[ident]
        label = _label(item)
        for part in dict.fromkeys([*before, *item]):
            if part in IDENTITY_KEYS or part in ("order", "number"):
                continue
            old_value, new_value = before.get(part), item.get(part)
            if old_value == new_value:
                continue
            if (
                (isinstance(old_value, list) or isinstance(new_value, list))
                and _is_list_of_items(old_value)
                and _is_list_of_items(new_value)
            ):
                inner = ITEM_NOUNS.get(part, "item")
                for change in _items_changes(inner, old_value or [], new_value or []):
                    changes.append(
                        Change(f"{change.summary} (for the {noun} “{label}”)", change.runs)
                    )
                continue
            change = _value_change(_part_name(part), old_value, new_value)
            changes.append(Change(f"{change.summary} for the {noun} “{label}”", change.runs))
    moved = _moved(old_by_id, new_by_id)
    if moved:
        changes.append(Change(f"Changed the order of the {_plural(noun)}"))
    return changes


def _by_identity(items: list[dict]) -> dict:
    result = {}
    for position, item in enumerate(items):
        ident = next((item[key] for key in IDENTITY_KEYS if item.get(key)), None)
        result[ident if ident is not None else ("position", position)] = item
    return result


def _moved(old_by_id: dict, new_by_id: dict) -> bool:
    common_old = [ident for ident in old_by_id if ident in new_by_id]
    common_new = [ident for ident in new_by_id if ident in old_by_id]
    return common_old != common_new


def _value_change(name: str, old: Any, new: Any) -> Change:
    if _is_list_of_ids(old) and _is_list_of_ids(new):
        gained = len(set(new or []) - set(old or []))
        lost = len(set(old or []) - set(new or []))
        said = [f"{n} added" for n in [gained] if n] + [f"{n} taken out" for n in [lost] if n]
        return Change(f"Changed {name} ({', '.join(said) or 'reordered'})")
    if isinstance(old, str | None) and isinstance(new, str | None) and (old or new):
        if not old:
            return Change(f"Wrote {name}", tuple(word_diff("", new)))
        if not new:
            return Change(f"Took out {name}", tuple(word_diff(old, "")))
        return Change(f"Changed {name}", tuple(word_diff(old, new)))
    return Change(f"Changed {name} from {_say(old)} to {_say(new)}")


def _is_list_of_ids(value: Any) -> bool:
    """A list of UUIDs (linked records), which mean nothing to a reader as they are."""
    return (value is None or isinstance(value, list)) and all(
        isinstance(v, str) and re.fullmatch(r"[0-9a-f-]{32,36}", v) for v in value or []
    )


def _say(value: Any) -> str:
    if value is True:
        return "yes"
    if value is False:
        return "no"
    if value in (None, "", []):
        return "nothing"
    if isinstance(value, list):
        return ", ".join(_say(v) for v in value)
    if isinstance(value, dict):
        return _label(value)
    return str(value).replace("_", " ")


def _part_name(part: str) -> str:
    return PART_NAMES.get(part) or "the " + part.replace("_", " ")


def _label(item: dict) -> str:
    text = next(
        (item[key] for key in LABEL_KEYS if isinstance(item.get(key), str) and item[key]), ""
    )
    if not text:
        text = next(
            (v for k, v in item.items() if isinstance(v, str) and v and k not in IDENTITY_KEYS), ""
        )
    words = re.split(r"\s+", str(text).strip())
    short = " ".join(words[:LABEL_WORDS])
    return short + ("…" if len(words) > LABEL_WORDS else "") if short else "(no words)"


def _article(noun: str) -> str:
    return "an" if noun[:1] in "aeiou" else "a"


def _plural(noun: str) -> str:
    if noun.startswith("piece of"):
        return "pieces of" + noun.removeprefix("piece of")
    if noun.startswith("record of"):
        return "records of" + noun.removeprefix("record of")
    if noun.startswith("conversation with"):
        return "conversations with" + noun.removeprefix("conversation with")
    return noun + "s"
