"""Demo feedback: a year of answers on top of the small demo, mostly positive as the real service
hears, with differences between areas and FCAs and a few places that need attention."""

import time
from collections import defaultdict

import pytest
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from together.accounts.models import User
from together.demo import children, feedback, letters, organisation
from together.demo.generator import SIZES, Context
from together.feedback.models import (
    POSITIVE_ANSWERS,
    Answer,
    FeedbackInvitation,
    FeedbackResponse,
    Stage,
)
from together.feedback.selectors import dashboard_for

TODAY = timezone.localdate()


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        ctx = Context(seed=7, size=SIZES["small"], today=TODAY, password_hash=make_password("x"))
        organisation.generate(ctx)
        children.generate(ctx)
        letters.generate(ctx)
        started = time.process_time()
        feedback.generate(ctx)
        yield {"seconds": time.process_time() - started, "ctx": ctx}
        transaction.set_rollback(True)


@pytest.fixture
def db_with_demo(demo, db):
    return demo


def test_the_demo_makes_a_year_of_links_and_answers_quickly(db_with_demo):
    counts = db_with_demo["ctx"].counts
    assert counts["feedback answers"] == FeedbackResponse.objects.count() > 100
    made = counts["feedback links"] + counts["feedback links for letters"]
    assert made == FeedbackInvitation.objects.count()
    assert db_with_demo["seconds"] < 10
    # Every answer came after its link opened (a letter is answered once it was sent).
    for opened, answered in FeedbackResponse.objects.values_list(
        "invitation__opened_at", "answered_at"
    ):
        assert opened is not None and opened < answered <= timezone.now()


def test_the_manager_of_the_demo_area_sees_figures(db_with_demo, client):
    manager = User.objects.get(email="manager@example.org")
    figures = dashboard_for(manager)
    assert figures.total.children.shown
    assert figures.total.parents.shown
    client.force_login(manager)
    page = client.get("/feedback/").content.decode()
    share = page.split('id="share-children">')[1].split("<")[0]
    assert "%" in share and "of" in share


def test_areas_differ(db_with_demo):
    national = User.objects.get(email="national@example.org")
    areas = next(t for t in dashboard_for(national).tables if t.level == "Service area")
    shares = [row.parents.percent for row in areas.rows if row.parents.shown]
    assert len(shares) >= 5
    assert max(shares) - min(shares) >= 10


def test_comments_are_written_by_children_and_adults(db_with_demo):
    written = FeedbackResponse.objects.exclude(do_better="")
    assert written.filter(audience__in=["younger_child", "older_child"]).exists()
    assert written.filter(audience="parent_carer").exists()


def _share(rows) -> float:
    yes = sum(1 for felt in rows if felt in POSITIVE_ANSWERS)
    counted = sum(1 for felt in rows if felt not in (None, Answer.DONT_KNOW))
    return 100 * yes / counted


def test_most_children_felt_listened_to_as_in_the_real_service(db_with_demo):
    national = User.objects.get(email="national@example.org")
    children_share = dashboard_for(national).total.children
    assert children_share.shown
    assert 80 <= children_share.percent <= 97
    everyone = FeedbackResponse.objects.values_list("listened", flat=True)
    assert 80 <= _share(everyone) <= 97


def test_a_few_areas_and_fcas_need_attention(db_with_demo):
    overall = _share(FeedbackResponse.objects.values_list("listened", flat=True))
    by_area, by_fca = defaultdict(list), defaultdict(list)
    for area, fca, listened in FeedbackResponse.objects.values_list(
        "service_area_id", "fca_id", "listened"
    ):
        by_area[area].append(listened)
        by_fca[fca].append(listened)
    # Areas with enough answers for a share to mean something in the small demo.
    areas = sorted(_share(rows) for rows in by_area.values() if len(rows) >= 10)
    assert len(areas) >= 10
    assert areas[len(areas) // 2] >= 80  # most areas hear that children felt listened to
    assert areas[0] <= overall - 15  # and at least one clearly needs attention
    fcas = [_share(rows) for rows in by_fca.values() if len(rows) >= 15]
    assert max(fcas) - min(fcas) >= 15


def test_the_demo_managers_own_area_reads_as_a_service_that_listens(db_with_demo):
    manager = User.objects.get(email="manager@example.org")
    assert dashboard_for(manager).total.children.percent >= 80


def test_an_introduction_answered_before_a_meeting_asks_only_about_the_letter(db_with_demo):
    introductions = FeedbackResponse.objects.filter(stage=Stage.INTRODUCTION)
    assert introductions.exists()
    assert not introductions.exclude(listened=None).exists()
    assert not introductions.filter(explained=None).exists()
    assert FeedbackResponse.objects.filter(stage=Stage.AFTER_MEETING).exists()
