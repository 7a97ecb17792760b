"""Demo plans: every stage, believable, consistent with what the plan's own services would keep."""

import time

import pytest
from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from together.accounts.models import User
from together.demo import plans as demo_plans
from together.demo.generator import SIZES, Context
from together.demo.management.commands import demo_data
from together.plans.models import Activity, Plan, PlanShare, PlanStatus, PlanVersion
from together.plans.services import plan_missing_for_final, plan_missing_for_review
from together.plans.snapshot import plan_snapshot

TODAY = timezone.localdate()


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The small demo, made by the demo_data command's own generators in its order, with the
    plans' generator timed on its own; made once for the module and rolled back at the end."""
    assert demo_plans.generate in demo_data.GENERATORS
    ctx = Context(seed=7, size=SIZES["small"], today=TODAY, password_hash="x")
    seconds = {}
    with django_db_blocker.unblock(), transaction.atomic():
        for generate in demo_data.GENERATORS:
            started = time.process_time()  # this process's own work, whatever else runs
            generate(ctx)
            seconds[generate] = time.process_time() - started
        yield {"seconds": seconds[demo_plans.generate]}
        transaction.set_rollback(True)


@pytest.fixture
def small(demo, db):
    return demo


def test_there_are_plans_at_every_stage(small):
    counts = dict(Plan.objects.values_list("status").annotate(n=Count("id")))
    assert set(counts) == set(PlanStatus.values)
    assert counts[PlanStatus.DRAFT] > counts[PlanStatus.READY_FOR_REVIEW]


def test_the_demo_fca_has_a_plan_in_every_state_and_a_child_without_one(small):
    fca = User.objects.get(email="fca@example.org")
    mine = Plan.objects.filter(proceedings__lead_fca=fca, proceedings__closed_on__isnull=True)
    assert set(mine.values_list("status", flat=True)) == set(PlanStatus.values)
    from together.proceedings.models import ProceedingsChild

    children = ProceedingsChild.objects.filter(
        proceedings__lead_fca=fca, proceedings__closed_on__isnull=True
    ).count()
    assert mine.count() < children


def test_each_plans_latest_version_is_the_plan_as_its_services_would_keep_it(small):
    for plan in Plan.objects.select_related("child").order_by("id")[:60]:
        latest = plan.versions.order_by("-number").first()
        assert latest.number == plan.version
        assert latest.status == plan.status
        assert latest.snapshot == plan_snapshot(plan), plan.status
        numbers = list(plan.versions.order_by("number").values_list("number", flat=True))
        assert numbers == list(range(1, plan.version + 1))


def test_plans_past_draft_are_complete_and_final_plans_have_the_childs_response(small):
    for plan in Plan.objects.exclude(status=PlanStatus.DRAFT).select_related("child")[:40]:
        assert plan_missing_for_review(plan) == []
        plan.full_clean()
    for plan in Plan.objects.filter(status=PlanStatus.FINAL).select_related("child")[:20]:
        assert plan_missing_for_final(plan) == []
        assert plan.agreed_by_id and plan.finalised_at


def test_shared_plans_were_shared_after_they_were_agreed_and_never_in_the_future(small):
    for share in PlanShare.objects.filter(shared=True).select_related("plan")[:100]:
        assert share.shared_on <= TODAY
        assert share.recorded_at >= share.plan.agreed_at
        assert share.plan.status in (PlanStatus.SHARED, PlanStatus.FINAL)
    assert PlanShare.objects.filter(shared=False).exclude(not_shared_reason="").exists()
    assert not PlanShare.objects.filter(shared=False, not_shared_reason="").exists()


def test_some_work_is_overdue(small):
    assert Activity.objects.filter(done_on__isnull=True, due_on__lt=TODAY).exists()
    assert Activity.objects.filter(done_on__isnull=False).exists()


def test_versions_are_in_time_order_and_not_in_the_future(small):
    now = timezone.now()
    for plan in Plan.objects.order_by("id")[:40]:
        times = list(plan.versions.order_by("number").values_list("saved_at", flat=True))
        assert times == sorted(times)
        assert times[-1] <= now


def test_the_words_for_the_child_are_plain_for_their_age(small):
    from together.language.base import AudienceKind, Category
    from together.language.engine import Audience, check

    serious = {Category.ACRONYM, Category.JARGON, Category.DEPERSONALISING, Category.JUDGEMENTAL}
    plans = Plan.objects.exclude(words_for_child="").select_related("child")[:80]
    assert plans
    for plan in plans:
        age = max(plan.child.age, 3)
        names = [plan.child.preferred_name, *plan.words_for_child.split()[:0]]
        report = check(plan.words_for_child, Audience(AudienceKind.CHILD, age), names=names)
        found = [(f.text, f.category) for f in report.findings if f.category in serious]
        assert found == [], (age, plan.words_for_child)


def test_plans_are_made_quickly(small):
    plans = Plan.objects.count()
    assert plans > 100
    # Per plan, well within the budget of 120 s for about 57,000 children at national size.
    assert small["seconds"] / plans < 0.005
    assert PlanVersion.objects.count() / plans < 16
