"""Demo feedback: a year of answers on top of the small demo, with differences between areas."""

import time

import pytest
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from together.accounts.models import User
from together.demo import children, feedback, organisation
from together.demo.generator import SIZES, Context
from together.feedback.models import FeedbackInvitation, FeedbackResponse
from together.feedback.selectors import dashboard_for

TODAY = timezone.localdate()


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        ctx = Context(seed=7, size=SIZES["small"], today=TODAY, password_hash=make_password("x"))
        organisation.generate(ctx)
        children.generate(ctx)
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
    assert counts["feedback links"] == FeedbackInvitation.objects.count()
    assert db_with_demo["seconds"] < 10
    oldest = FeedbackResponse.objects.order_by("answered_at").first().answered_at
    assert (timezone.now() - oldest).days <= 366


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
