"""Demo storyboards: a few of the demo FCA's younger children have one, in every stage (a draft,
one shared, one the child has answered), with words written for young children and pictures from
the library, and a reflection colleagues can read. Inserted directly, as the other generators do
(ADR 0008): a demo is not something anyone did, so it writes no audit events."""

from __future__ import annotations

import datetime
import secrets

from django.utils import timezone

from together.accounts.models import User
from together.children.models import Child, TimelineEntry
from together.children.rules import allocated_to_q
from together.feedback.models import Audience, FeedbackInvitation, Source
from together.feedback.models import Stage as FeedbackStage
from together.organisation.rules import current_memberships
from together.storyboards import selectors
from together.storyboards.models import (
    Panel,
    SharedHow,
    Stage,
    Storyboard,
    StoryboardReflection,
    StoryboardShare,
)
from together.storyboards.prompts import PROMPTS, people_in_words
from together.storyboards.services.sharing import snapshot_of

from .generator import Context

# Each panel's words and pictures, by prompt; {family} and {worker} are filled in for the child.
WORDS = {
    "who_i_am": (
        "My name is {worker}. I help the judge. I will listen to what you think.",
        ["worker", "waving"],
    ),
    "family": ("The people in your family are {family}. They all care about you.", ["family"]),
    "worries": (
        "The grown-ups were worried. There was a lot of shouting at home. "
        "Sometimes you felt scared.",
        ["worried", "house"],
    ),
    "what_happened": (
        "One night the police came to help. You went to stay with a kind family.",
        ["police-officer", "house-garden"],
    ),
    "keeping_safe": (
        "The grown-ups are making home calm and safe. "
        "Nobody is cross with you. None of this is your fault.",
        ["shield", "hug"],
    ),
    "judge": (
        "A judge makes big choices about families. "
        "After the summer, the judge will decide where you live.",
        ["judge", "calendar"],
    ),
    "next": (
        "You will keep going to your school. You will see your family at the family centre.",
        ["school", "bus"],
    ),
    "talk_to": (
        "You can talk to {worker} about this story. You can talk to your teacher too.",
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
    membership = current_memberships(fca).select_related("team").first()
    team = membership.team if membership else None
    stages = [Stage.DRAFT, Stage.SHARED, Stage.RESPONDED]
    for child, stage in zip(children, stages, strict=False):
        started = timezone.now() - datetime.timedelta(days=ctx.rng.randint(15, 30))
        storyboard = _storyboard(ctx, fca, child, started)
        if stage == Stage.DRAFT:
            continue
        shared_at = started + datetime.timedelta(days=ctx.rng.randint(3, 10))
        share = _share(ctx, fca, storyboard, shared_at, team)
        storyboard.stage = stage
        storyboard.save(update_fields=["stage"])
        if stage == Stage.RESPONDED:
            share.response = RESPONSES[ctx.rng.randint(0, len(RESPONSES) - 1)]
            share.response_recorded_at = shared_at
            share.response_recorded_by = fca
            share.save(update_fields=["response", "response_recorded_at", "response_recorded_by"])
            what_worked, what_to_change = REFLECTIONS[0]
            StoryboardReflection.objects.create(
                uuid=ctx.uuid(),
                storyboard=storyboard,
                what_worked=what_worked,
                what_to_change=what_to_change,
                child_age=child.age,
                team=team,
                service_area=team.service_area if team else fca.service_area,
                recorded_at=shared_at + datetime.timedelta(days=1),
                recorded_by=fca,
            )
    ctx.count("storyboards", len(children))


def _storyboard(ctx: Context, fca, child, started) -> Storyboard:
    storyboard = Storyboard.objects.create(
        uuid=ctx.uuid(),
        child=child,
        title=f"{child.preferred_name}'s story",
        started_at=started,
        started_by=fca,
        updated_at=started,
        updated_by=fca,
    )
    family = people_in_words(selectors.family_names(child)) or "the people who love you"
    Panel.objects.bulk_create(
        [
            Panel(
                uuid=ctx.uuid(),
                storyboard=storyboard,
                position=number,
                prompt=prompt.heading,
                words=WORDS[prompt.key][0].format(worker=fca.given_name, family=family),
                pictures=WORDS[prompt.key][1],
            )
            for number, prompt in enumerate(PROMPTS, start=1)
        ]
    )
    TimelineEntry.objects.create(
        child=child,
        kind=TimelineEntry.Kind.STORYBOARD,
        summary=f"A storyboard was started: {storyboard.title}",
        actor=fca,
        occurred_at=started,
    )
    return storyboard


def _share(ctx: Context, fca, storyboard, shared_at, team) -> StoryboardShare:
    """Shared read together, with its secure link and feedback link, as the share page makes
    them (the words are written to pass the language check for young children)."""
    child = storyboard.child
    share = StoryboardShare(
        uuid=ctx.uuid(),
        storyboard=storyboard,
        number=1,
        shared_with=child.preferred_name,
        shared_how=SharedHow.READ_TOGETHER,
        shared_on=timezone.localtime(shared_at).date(),
        snapshot=snapshot_of(storyboard, selectors.panels_of(storyboard)),
        recorded_at=shared_at,
        recorded_by=fca,
    )
    share.invitation = FeedbackInvitation.objects.create(
        uuid=ctx.uuid(),
        token=secrets.token_urlsafe(24),
        code=ctx.feedback_code(),
        audience=Audience.YOUNGER_CHILD if child.age < 11 else Audience.OLDER_CHILD,
        source=Source.STORYBOARD_SHARE,
        stage=FeedbackStage.AFTER_MEETING,
        source_id=share.uuid,
        child=child,
        fca=fca,
        team=team,
        service_area=team.service_area if team else fca.service_area,
        created_at=shared_at,
        opened_at=shared_at,
        expires_at=shared_at + datetime.timedelta(days=120),
        created_by=fca,
    )
    share.save()
    TimelineEntry.objects.create(
        child=child,
        kind=TimelineEntry.Kind.STORYBOARD,
        summary=f"A storyboard was shared with {child.preferred_name} (read together)",
        actor=fca,
        occurred_at=shared_at,
    )
    return share
