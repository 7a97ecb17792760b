"""The prompts a storyboard starts from, in the service's own words. The worker chooses which to
use, and may change each panel's heading and words: these are only a start.

Starting words may use {worker} (the worker's first name), {child} (the name the child uses) and
{family} (the people in the child's family, as the child names them)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Prompt:
    key: str
    heading: str
    hint: str
    start: str = ""
    pictures: tuple[str, ...] = ()


PROMPTS = [
    Prompt(
        "who_i_am",
        "Who I am and why I am here",
        "Say who you are and what your job is, in a few short sentences.",
        "My name is {worker}. I help the judge. I want to hear what you think.",
        ("worker", "waving"),
    ),
    Prompt(
        "family",
        "The people in your family",
        "Name people as the child does.",
        "The people in your family are {family}.",
        ("family",),
    ),
    Prompt(
        "worries",
        "What the grown-ups were worried about",
        "Say what the worry was, simply and kindly, without blame.",
        "",
        ("worried",),
    ),
    Prompt(
        "what_happened",
        "What happened",
        "Say what happened, in the order it happened.",
        "",
        ("house",),
    ),
    Prompt(
        "keeping_safe",
        "What the grown-ups are doing to keep you safe",
        "Say who is doing what, and what has already changed.",
        "",
        ("shield", "holding-hands"),
    ),
    Prompt(
        "judge",
        "What the judge will decide, and when",
        "Say what the judge's job is and roughly when they will decide.",
        "A judge makes big choices about families. The judge listens to everyone.",
        ("judge", "calendar"),
    ),
    Prompt(
        "next",
        "What happens next",
        "Say what will happen next, and when.",
        "",
        ("sun-cloud",),
    ),
    Prompt(
        "talk_to",
        "Who you can talk to",
        "Name people the child can talk to about how they feel.",
        "You can talk to {worker} about this story.",
        ("speech", "phone"),
    ),
]
BY_KEY = {prompt.key: prompt for prompt in PROMPTS}


def people_in_words(names: list[str]) -> str:
    """["Mum", "Grandad Pete", "Tyler"] -> "Mum, Grandad Pete and Tyler"."""
    names = [name for name in dict.fromkeys(n.strip() for n in names) if name]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def starting_words(prompt: Prompt, *, worker: str, child: str, family: list[str]) -> str:
    if "{family}" in prompt.start and not family:
        return ""
    return prompt.start.format(worker=worker, child=child, family=people_in_words(family))
