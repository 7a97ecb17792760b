"""The plan's busiest pages make a fixed number of queries, however much the plan holds: the task
list, saving a section, "How our thinking changed" however many versions there are, and the
child's version as a PDF.

The numbers are pinned: a change that adds a query to these pages shows here."""

import datetime

import pytest

from tests.plans.factories import plan_page, start_plan
from together.plans import rules, services
from together.plans.models import Certainty, Plan, PlanVersion

# In a test, the page's queries are: the session and the user; the child (with access); the file's
# summary (the child's meetings, and the dates of their open proceedings), the plan (with its counts
# and what this person may do with it); what the page itself reads; the view logged (one INSERT).
TASK_LIST = 8  # ... + the comments
# ... the plan's UPDATE (with its new version, and only if the plan is still at the version the
# page read: no second read under lock), which also answers every kind of item for the snapshot;
# the version's INSERT and the audit event's INSERT, inside a savepoint.
SECTION_SAVE = 9
COMPARE = 8  # ... + the list of versions with the snapshots of the two compared
# The child's version as a PDF: the session and the user; the child, the plan; the FCA it speaks
# for, what the child calls each person (children.naming), the open work written for the child,
# the recommendations, the next hearing and when the version was saved; the print logged (one
# INSERT).
CHILD_PDF = 11


page = plan_page


def _fill(plan, world, n):
    """n of every kind of item, each recommendation resting on a harm, and n comments."""
    by = world.fca_allocated
    for number in range(n):
        harm = services.harm_add(
            by=by,
            plan=plan,
            version=plan.version,
            what=f"Harm {number}",
            certainty=Certainty.POSSIBLE,
        )
        services.contact_add(
            by=by,
            plan=plan,
            version=plan.version,
            kind="school",
            organisation=f"School {number}",
            contacted_on=datetime.date(2026, 10, 1),
            what_they_said="Settled in class",
        )
        services.recommendation_save(
            by=by,
            plan=plan,
            version=plan.version,
            harms=[harm],
            recommendation=f"Recommendation {number}",
            reasoning="Because",
        )
        services.activity_save(
            by=by,
            plan=plan,
            version=plan.version,
            what=f"Visit {number}",
            who=by,
            due_on=datetime.date(2026, 10, 1),
        )
        services.plan_comment_add(
            by=world.supervisor_team, plan=plan, token=None, text=f"Comment {number}"
        )
    return plan


@pytest.mark.parametrize("items", [0, 4])
def test_the_task_list(fca_client, world, django_assert_num_queries, items):
    plan = _fill(start_plan(world), world, items)
    fca_client.get(page(world))  # the first page of a session does more (session, caches)
    with django_assert_num_queries(TASK_LIST):
        response = fca_client.get(page(world))
    assert response.status_code == 200
    assert response.context["plan"].pk == plan.pk


@pytest.mark.parametrize("items", [0, 1, 4])
def test_saving_a_section(fca_client, world, django_assert_num_queries, items):
    plan = _fill(start_plan(world), world, items)
    fca_client.get(page(world))
    with django_assert_num_queries(SECTION_SAVE):
        response = fca_client.post(
            page(world, "section/strengths/"),
            {"family_strengths": "Grandparents help", "complete": "no", "version": plan.version},
        )
    assert response.status_code == 302
    latest = PlanVersion.objects.filter(plan=plan).order_by("-number").first()
    assert latest.number == plan.version + 1
    assert latest.snapshot["strengths"]["text"] == "Grandparents help"
    assert len(latest.snapshot["recommendations"]["items"]) == items


@pytest.mark.parametrize("versions", [2, 20])
def test_comparing_versions(fca_client, world, django_assert_num_queries, versions):
    plan = start_plan(world)
    while plan.version < versions:
        services.plan_section_save(
            by=world.fca_allocated,
            plan=plan,
            version=plan.version,
            section="impact",
            impact_on_child=f"Week {plan.version}",
        )
    fca_client.get(page(world, "changes/"))
    with django_assert_num_queries(COMPARE):
        response = fca_client.get(page(world, f"changes/?from=1&to={versions}"))
    assert response.status_code == 200
    body = response.content.decode()
    assert body.count("See the changes<span") == versions - 1
    assert '<option value="1" selected>' in body


def test_may_write_comment_and_agree_take_one_query_together(world, django_assert_num_queries):
    plan = Plan.objects.select_related("proceedings").get(pk=start_plan(world).pk)
    for user in (world.fca_allocated, world.supervisor_team):
        with django_assert_num_queries(1):
            answers = [
                rules.may_write_plan(user, plan),
                rules.may_comment_on_plan(user, plan),
                rules.may_agree_plan(user, plan),
                rules.may_edit_sections(user, plan),
            ]
        assert answers == (
            [True, True, False, True] if user == world.fca_allocated else [False, True, True, False]
        )


@pytest.mark.parametrize("items", [0, 4])
def test_the_childs_pdf(fca_client, world, django_assert_num_queries, items):
    _fill(start_plan(world), world, items)
    fca_client.get(page(world))
    with django_assert_num_queries(CHILD_PDF):
        response = fca_client.post(page(world, "print/child.pdf"), {"reason": "child"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
