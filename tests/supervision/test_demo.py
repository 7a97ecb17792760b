"""Demo thinking together: a year of monthly group supervision in every team, solution circles,
one-to-one supervision, and actions some done and some overdue; quick to make."""

import time

import pytest
from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from together.accounts.models import User
from together.children.models import TimelineEntry
from together.demo import supervision as demo_supervision
from together.demo.generator import SIZES, Context
from together.demo.management.commands import demo_data
from together.organisation.models import Team
from together.supervision.models import (
    Action,
    Appreciation,
    Discussion,
    GroupSession,
    OneToOne,
    OneToOneChild,
    SolutionCircle,
)

TODAY = timezone.localdate()


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    assert demo_supervision.generate in demo_data.GENERATORS
    ctx = Context(seed=7, size=SIZES["small"], today=TODAY, password_hash="x")
    seconds = {}
    with django_db_blocker.unblock(), transaction.atomic():
        for generate in demo_data.GENERATORS:
            started = time.process_time()
            generate(ctx)
            seconds[generate] = time.process_time() - started
        yield {"seconds": seconds[demo_supervision.generate]}
        transaction.set_rollback(True)


@pytest.fixture
def small(demo, db):
    return demo


def test_every_team_meets_for_group_supervision_each_month_for_a_year(small):
    per_team = dict(
        GroupSession.objects.values("team").annotate(n=Count("pk")).values_list("team", "n")
    )
    teams = Team.objects.filter(memberships__ended_on__isnull=True).distinct().count()
    assert len(per_team) == teams
    assert set(per_team.values()) == {12}


def test_children_are_discussed_mapped_and_told_on_their_timeline(small):
    discussions = Discussion.objects.count()
    assert discussions > 50
    mapped = Discussion.objects.exclude(worried_about="").count()
    assert 0 < mapped < discussions
    entries = TimelineEntry.objects.filter(kind=TimelineEntry.Kind.SUPERVISION).count()
    assert entries == discussions + OneToOneChild.objects.count()


def test_actions_some_done_some_overdue(small):
    assert Action.objects.filter(done_on__isnull=False).exists()
    assert Action.objects.filter(done_on__isnull=True, due_on__lt=TODAY).exists()


def test_solution_circles_and_one_to_ones(small):
    assert SolutionCircle.objects.exclude(first_step="").exists()
    assert SolutionCircle.objects.exclude(what_happened="").exists()
    assert OneToOne.objects.values("supervisee").distinct().count() >= 30


def test_the_demo_supervisor_has_a_workspace_to_act_on(client, small):
    supervisor = User.objects.get(email="supervisor@example.org")
    client.force_login(supervisor)
    page = client.get("/")
    assert page.status_code == 200
    assert "Your workspace" in page.text and "Not in group supervision this month" in page.text
    assert client.get("/supervision/").status_code == 200


def test_what_works_has_records_without_the_childs_name(client, small):
    from together.supervision.models import Appreciation

    assert Appreciation.objects.count() > 20
    client.force_login(User.objects.get(email="supervisor@example.org"))
    page = client.get("/supervision/what-works/?where=national")
    assert page.text.count("govuk-summary-card__title") >= 20


def test_the_supervision_demo_is_quick(small):
    assert small["seconds"] < 10


def test_some_of_what_works_is_about_a_family_storyboard_of_the_same_child(small):
    about = list(Appreciation.objects.filter(storyboard__isnull=False).select_related("storyboard"))
    assert about
    assert all(record.storyboard.child_id == record.child_id for record in about)
