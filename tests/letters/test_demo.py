"""Demo letters: filled from the national templates, each with its own feedback link, which
opens its letter once the letter is sent."""

import datetime

import pytest
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from tests.letters.factories import ready_fca
from together.demo import children, feedback, organisation
from together.demo import letters as demo_letters
from together.demo.generator import SIZES, Context
from together.feedback.models import FeedbackInvitation, FeedbackResponse, Source
from together.letters.models import Kind, Letter

TODAY = timezone.localdate()


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


@pytest.fixture(scope="module")
def small_demo(django_db_setup, django_db_blocker):
    """The small demo's people, children, letters and feedback, as `manage.py demo_data` makes
    them (the order of its generators), kept for this module's tests."""
    with django_db_blocker.unblock(), transaction.atomic():
        ctx = Context(seed=3, size=SIZES["small"], today=TODAY, password_hash=make_password("x"))
        organisation.generate(ctx)
        children.generate(ctx)
        # Where the letters and feedback start from, to make them again from the same point.
        before = (ctx.rng.getstate(), set(ctx.made.get("feedback codes", ())))
        demo_letters.generate(ctx)
        feedback.generate(ctx)
        ctx.made["before letters"] = before
        yield ctx
        transaction.set_rollback(True)


@pytest.fixture
def db_with_small_demo(small_demo, db):
    return small_demo


def test_every_letter_link_in_the_demo_opens_its_letter(db_with_small_demo, client):
    links = FeedbackInvitation.objects.filter(source=Source.LETTER)
    letters = dict(Letter.objects.values_list("uuid", "status"))
    assert links.count() == len(letters) > 100
    assert set(links.values_list("source_id", flat=True)) == set(letters)
    working = 0
    rows = links.values_list("token", "source_id", "opened_at", "expires_at")
    for token, letter_id, opened, expires in rows:
        web, form = client.get(f"/l/{token}"), client.get(f"/f/{token}")
        if letters[letter_id] == "draft":  # a draft's link works once the letter is sent
            assert opened is None
            assert web.status_code == form.status_code == 404
        elif expires > timezone.now():
            working += 1
            assert opened is not None
            assert web.status_code == form.status_code == 200, token
        else:  # sent long ago: expired, as every link does after a few months
            assert web.status_code == form.status_code == 404
    assert working > 100


def test_the_generator_gives_the_same_letters_and_answers_for_a_seed(db_with_small_demo):
    first = _answers()
    with transaction.atomic():
        FeedbackResponse.objects.all().delete()
        FeedbackInvitation.objects.all().delete()
        Letter.objects.all().delete()
        ctx = Context(seed=3, size=SIZES["small"], today=TODAY, password_hash="x")
        state, codes = db_with_small_demo.made["before letters"]
        ctx.rng.setstate(state)
        ctx.made["feedback codes"] = set(codes)
        demo_letters.generate(ctx)
        feedback.generate(ctx)
        assert _answers() == first
        transaction.set_rollback(True)


def _answers():
    return sorted(
        FeedbackResponse.objects.values_list(
            "invitation__uuid", "invitation__code", "stage", "listened", "explained", "answered_at"
        )
    )
