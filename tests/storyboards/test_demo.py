"""Demo storyboards: the demo FCA's younger children have one in every stage."""

import datetime

from django.utils import timezone

from tests.children.factories import ChildFactory
from tests.proceedings.factories import ProceedingsChildFactory
from together.demo import storyboards as demo_storyboards
from together.demo.generator import SIZES, Context
from together.storyboards.models import Stage, Storyboard, StoryboardReflection


def test_demo_storyboards_are_in_every_stage_with_pictures_and_words(world):
    world.fca_allocated.email = "fca@example.org"
    world.fca_allocated.save(update_fields=["email"])
    today = timezone.localdate()
    for years, name in ((6, "Maisie"), (7, "Tyler"), (8, "Amara")):
        child = ChildFactory(
            preferred_name=name, date_of_birth=today - datetime.timedelta(days=365 * years + 30)
        )
        ProceedingsChildFactory(proceedings=world.proceedings, child=child)
    ctx = Context(seed=1, size=SIZES["small"], today=today, password_hash="x")
    demo_storyboards.generate(ctx)
    stages = set(Storyboard.objects.values_list("stage", flat=True))
    assert stages == {Stage.DRAFT, Stage.SHARED, Stage.RESPONDED}
    assert ctx.counts["storyboards"] == 3
    for storyboard in Storyboard.objects.all():
        panels = list(storyboard.panels.all())
        assert len(panels) == 8
        assert all(panel.words and panel.pictures for panel in panels)
        assert "{" not in " ".join(panel.words for panel in panels)
    assert StoryboardReflection.objects.count() == 1
