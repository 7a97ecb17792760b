"""Demo storyboards: a few of the demo FCA's younger children have one, in every stage (a draft,
one shared, one the child has answered), with words written for young children and pictures from
the library, and a reflection colleagues can read. Made through the services, as an FCA would:
there are only a handful."""

from __future__ import annotations

import datetime

from django.utils import timezone

from together.accounts.models import User
from together.children.models import Child
from together.children.rules import allocated_to_q
from together.language.selectors import language_report
from together.language.services import language_confirmation_record
from together.storyboards import selectors, services
from together.storyboards.models import SharedHow

from .generator import Context

# Each panel's words and pictures, by prompt; {family} and {worker} are filled in for the child.
WORDS = {
    "who_i_am": (
        "My name is {worker}. I help the judge to know what is best for you. "
        "I will listen to what you think and feel.",
        ["worker", "waving"],
    ),
    "family": ("The people in your family are {family}. They all care about you.", ["family"]),
    "worries": (
        "The grown-ups were worried because there was a lot of shouting at home. "
        "Sometimes you felt scared.",
        ["worried", "house"],
    ),
    "what_happened": (
        "One night the police came to help. You went to stay with a kind family for a while.",
        ["police-officer", "house-garden"],
    ),
    "keeping_safe": (
        "The grown-ups are working hard to make home calm and safe. "
        "Nobody is cross with you. None of this is your fault.",
        ["shield", "hug"],
    ),
    "judge": (
        "A judge is a person whose job is to make big decisions about families. "
        "The judge will decide where you live after the summer holidays.",
        ["judge", "calendar"],
    ),
    "next": (
        "You will keep going to your school. You will see your family at the family centre.",
        ["school", "bus"],
    ),
    "talk_to": (
        "You can talk to {worker}, your teacher, or the family you are staying with about "
        "anything in this story.",
        ["speech", "teacher"],
    ),
}
RESPONSES = [
    "I liked the picture of the dog. Can my brother have one too?",
    "It was good. I want to stay at my school.",
]
REFLECTIONS = [
    (
        "Letting the child choose the pictures for each panel helped them talk about how they "
        "felt. Reading it together at the kitchen table felt safe.",
        "Fewer words on the panel about the judge. Leave a blank panel for their own drawing.",
    ),
]


def generate(ctx: Context) -> None:
    fca = User.objects.filter(email="fca@example.org").first()
    if fca is None:
        return
    today = timezone.localdate()
    young = datetime.date(today.year - 10, today.month, 1)
    children = list(
        Child.objects.filter(allocated_to_q(fca), date_of_birth__gte=young)
        .distinct()
        .order_by("date_of_birth", "pk")[:3]
    )
    made = 0
    for number, child in enumerate(children):
        storyboard = _storyboard(fca, child)
        made += 1
        if number >= 1:
            share = _share(fca, storyboard, ctx)
            if number == 2:
                services.share_response_record(by=fca, share=share, response=RESPONSES[0])
                what_worked, what_to_change = REFLECTIONS[0]
                services.reflection_record(
                    by=fca,
                    storyboard=storyboard,
                    what_worked=what_worked,
                    what_to_change=what_to_change,
                )
    ctx.counts["storyboards"] = made


def _storyboard(fca, child):
    storyboard = services.storyboard_start(
        by=fca,
        child=child,
        token=None,
        title=f"{child.preferred_name}'s story",
        prompts=list(WORDS),
    )
    family = selectors.family_names(child)
    from together.storyboards.prompts import people_in_words

    for panel in selectors.panels_of(storyboard):
        key = next(k for k, (_, __) in WORDS.items() if _heading(k) == panel.prompt)
        words, pictures = WORDS[key]
        panel.storyboard = storyboard
        services.panel_update(
            by=fca,
            panel=panel,
            version=storyboard.version,
            prompt=panel.prompt,
            words=words.format(
                worker=fca.given_name, family=people_in_words(family) or "the people who love you"
            ),
        )
        services.panel_pictures_set(
            by=fca, panel=panel, version=storyboard.version, pictures=pictures
        )
    return storyboard


def _heading(key: str) -> str:
    from together.storyboards.prompts import BY_KEY

    return BY_KEY[key].heading


def _share(fca, storyboard, ctx: Context):
    """Share it read together; any word the check still flags is kept with a reason, as the FCA
    would on the share page."""
    panels = selectors.panels_of(storyboard)
    text = selectors.words_of(panels)
    reader = selectors.reader_for(storyboard)
    report = language_report(document=storyboard, text=text, reader=reader)
    if report.unresolved:
        language_confirmation_record(
            by=fca,
            document=storyboard,
            text=text,
            reader=reader,
            reasons={
                item.key: "Read together and explained in person" for item in report.unresolved
            },
            child_id=storyboard.child.uuid,
        )
    return services.storyboard_share_record(
        by=fca,
        storyboard=storyboard,
        version=storyboard.version,
        shared_with=storyboard.child.preferred_name,
        shared_how=SharedHow.READ_TOGETHER,
        shared_on=timezone.localdate(),
    )
