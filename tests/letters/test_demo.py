"""Demo letters: filled from the national templates, each with its feedback link."""

import datetime

from django.utils import timezone

from tests.letters.factories import ready_fca
from together.demo import letters as demo_letters
from together.demo.generator import SIZES, Context
from together.feedback.models import FeedbackInvitation, Source
from together.letters.models import Kind, Letter


def test_demo_letters_are_filled_and_carry_a_feedback_link(letters_world, monkeypatch):
    ready_fca(letters_world.fca_allocated)
    ctx = Context(seed=1, size=SIZES["small"], today=timezone.localdate(), password_hash="x")
    monkeypatch.setattr(demo_letters, "INTRODUCED", 1.0)  # this one child: always introduced
    demo_letters.generate(ctx)
    letter = Letter.objects.get(child=letters_world.child, kind=Kind.INTRODUCTORY_CHILD)
    assert letter.body.startswith("Dear Jayden,") and "{" not in letter.body
    assert "I have two cats." in letter.body
    assert letter.started_at >= letters_world.proceedings.first_allocated_at
    if letter.sent_at:
        assert letter.sent_at >= letter.started_at
        assert letter.sent_at <= timezone.now() + datetime.timedelta(days=1)
    links = FeedbackInvitation.objects.filter(source=Source.LETTER)
    assert set(links.values_list("source_id", flat=True)) == set(
        Letter.objects.values_list("uuid", flat=True)
    )
    assert ctx.counts["letters"] == Letter.objects.count()
