"""The plan's pages: what they show, what they save, and what they say when something is wrong."""

import datetime

import pytest
from django.utils import timezone
from django.utils.html import escape

from tests.children.factories import MeetingFactory
from tests.plans.factories import plan_page, start_plan, write_every_section
from together.plans import services
from together.plans.models import Certainty, Plan, PlanComment, PlanStatus

page = plan_page


def test_with_no_plan_the_fca_is_offered_to_start_one(fca_client, world):
    response = fca_client.get(page(world))
    assert response.status_code == 200
    assert "plans/plan_none.html" in [t.name for t in response.templates]
    assert "Start the plan" in response.content.decode()
    response = fca_client.post(page(world, "start/"), {"proceedings": str(world.proceedings.uuid)})
    assert response.status_code == 302
    assert Plan.objects.get(child=world.child).created_by == world.fca_allocated


def test_the_task_list_shows_each_section_and_its_status(fca_client, world):
    plan = start_plan(world)
    services.plan_section_save(
        by=world.fca_allocated,
        plan=plan,
        version=plan.version,
        section="strengths",
        family_strengths="Grandma",
        complete=True,
    )
    services.plan_section_save(
        by=world.fca_allocated,
        plan=plan,
        version=plan.version,
        section="impact",
        impact_on_child="Some",
    )
    response = fca_client.get(page(world))
    assert response.status_code == 200
    assert "plans/plan.html" in [t.name for t in response.templates]
    rows = {row["key"]: row["status"] for row in response.context["plan_sections"]}
    assert rows["strengths"] == "Completed"
    assert rows["impact"] == "In progress"
    assert rows["risks"] == "Not started"
    assert len(rows) == 9
    content = response.content.decode()
    assert "govuk-task-list" in content and "Draft" in content
    assert "Send for review" in content


@pytest.mark.parametrize("extra", [0, 5])
def test_the_task_list_makes_the_same_number_of_queries_however_big_the_plan(
    fca_client, world, django_assert_num_queries, extra
):
    plan = start_plan(world)
    for number in range(extra):
        services.harm_add(
            by=world.fca_allocated,
            plan=plan,
            version=plan.version,
            what=f"Harm {number}",
            certainty=Certainty.POSSIBLE,
        )
        services.plan_comment_add(
            by=world.supervisor_team, plan=plan, token=None, text=f"Comment {number}"
        )
    with django_assert_num_queries(QUERIES_ON_THE_TASK_LIST):
        assert fca_client.get(page(world)).status_code == 200


QUERIES_ON_THE_TASK_LIST = 11  # the view logged in one INSERT; the file summary in two queries


def test_saving_a_section(fca_client, world):
    plan = start_plan(world)
    response = fca_client.post(
        page(world, "section/impact/"),
        {"version": plan.version, "impact_on_child": "Sleeps badly", "complete": "yes"},
    )
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.impact_on_child == "Sleeps badly" and "impact" in plan.completed_sections


def test_a_very_long_section_is_refused_with_its_number(fca_client, world):
    plan = start_plan(world)
    response = fca_client.post(
        page(world, "section/impact/"),
        {"version": plan.version, "impact_on_child": "a" * 20_001, "complete": "no"},
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "govuk-error-summary" in content
    assert "Section 4 must be 20,000 characters or fewer" in content
    # What they typed is still there, so nothing is lost.
    assert "a" * 20_001 in content
    assert Plan.objects.get(pk=plan.pk).impact_on_child == ""


def test_marking_an_empty_section_finished_says_what_is_missing(fca_client, world):
    plan = start_plan(world)
    response = fca_client.post(
        page(world, "section/strengths/"),
        {"version": plan.version, "family_strengths": "", "complete": "yes"},
    )
    assert response.status_code == 200
    assert "Say what the strengths in the family are" in response.content.decode()
    response = fca_client.post(
        page(world, "section/strengths/"), {"version": plan.version, "family_strengths": ""}
    )
    assert "Say whether you have finished this section" in response.content.decode()


def test_domestic_abuse_needs_a_view_and_reasons_when_alleged(fca_client, world):
    plan = start_plan(world)
    response = fca_client.post(
        page(world, "section/risks/"),
        {
            "version": plan.version,
            "risks_remaining": "Some",
            "domestic_abuse_alleged": "yes",
            "complete": "no",
        },
    )
    content = response.content.decode()
    assert "Say what your view is on domestic abuse" in content
    assert "Explain how you reached your view on domestic abuse" in content
    # The domestic abuse questions always show, with a hint, rather than being revealed by the
    # "Yes" radio: GOV.UK Frontend's reveal puts aria-expanded on a radio, which axe rejects.
    assert 'id="domestic-abuse-details"' in content
    assert "Only if domestic abuse is alleged or known" in content
    assert "govuk-radios__conditional--hidden" not in content


def test_someone_elses_save_is_not_overwritten_and_nothing_is_lost(fca_client, world):
    plan = start_plan(world)
    opened_at = plan.version
    services.plan_section_save(
        by=world.fca_allocated,
        plan=plan,
        version=plan.version,
        section="impact",
        impact_on_child="Saved first",
    )
    response = fca_client.post(
        page(world, "section/impact/"),
        {"version": opened_at, "impact_on_child": "Typed second", "complete": "no"},
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "saved changes to the plan" in content
    assert escape(world.fca_allocated.full_name) in content  # O'Neill is O&#x27;Neill
    assert "Typed second" in content  # what they typed is kept in the form
    assert "Saved first" in content  # and what is saved now is shown
    plan.refresh_from_db()
    assert plan.impact_on_child == "Saved first"
    assert response.context["form"]["version"].value() == plan.version


def test_about_me_fills_section_2_when_it_is_empty(fca_client, world):
    world.child.special_and_unique = "Knows every dinosaur"
    world.child.save()
    start_plan(world)
    response = fca_client.get(page(world, "section/unique/"))
    assert "Knows every dinosaur" in response.content.decode()


def test_wishes_offer_the_childs_meetings(fca_client, world):
    plan = start_plan(world)
    meeting = MeetingFactory(child=world.child, recorded_by=world.fca_allocated)
    response = fca_client.post(
        page(world, "section/wishes/"),
        {
            "version": plan.version,
            "wishes_and_feelings": "Wants a dog",
            "meetings": [str(meeting.uuid)],
            "complete": "yes",
        },
    )
    assert response.status_code == 302
    assert list(plan.wishes_meetings.all()) == [meeting]


def test_words_for_the_child_are_checked_for_their_age(fca_client, world):
    start_plan(world)
    content = fca_client.get(page(world, "section/words/")).content.decode()
    assert "Check my writing" in content
    plan = Plan.objects.get(child=world.child)
    response = fca_client.post(
        page(world, "section/words/"),
        {
            "version": plan.version,
            "words_for_child": "You will live with your mum. You will see your dad.",
            "complete": "no",
            "language-check": "words_for_child",
        },
    )
    assert response.status_code == 200
    assert f"{world.child.preferred_name} is {world.child.age}" in response.content.decode()
    assert Plan.objects.get(pk=plan.pk).words_for_child == ""


def test_a_recommendation_with_no_reasoning_shows_an_error_summary(fca_client, world):
    plan = start_plan(world)
    response = fca_client.post(
        page(world, "items/recommendation/add/"),
        {
            "version": plan.version,
            "recommendation": "Live with mum",
            "reasoning": "",
            "rests_on": ["wishes"],
            "differs_from_wishes": "no",
        },
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "govuk-error-summary" in content
    assert "Explain why you recommend this" in content
    assert not plan.recommendations.exists()


def test_a_recommendation_rests_on_the_harms_in_section_1(fca_client, world):
    plan = start_plan(world)
    harm = services.harm_add(
        by=world.fca_allocated,
        plan=plan,
        version=plan.version,
        what="Hit at home",
        certainty=Certainty.CONFIRMED,
    )
    content = fca_client.get(page(world, "items/recommendation/add/")).content.decode()
    assert "Harm: Hit at home" in content
    response = fca_client.post(
        page(world, "items/recommendation/add/"),
        {
            "version": plan.version,
            "recommendation": "Live with mum",
            "reasoning": "Dad hit Jayden",
            "rests_on": [str(harm.uuid), "strengths"],
            "differs_from_wishes": "yes",
            "why_different": "",
        },
    )
    assert "Explain why you recommend something different" in response.content.decode()
    response = fca_client.post(
        page(world, "items/recommendation/add/"),
        {
            "version": plan.version,
            "recommendation": "Live with mum",
            "reasoning": "Dad hit Jayden",
            "rests_on": [str(harm.uuid), "strengths"],
            "differs_from_wishes": "yes",
            "why_different": "Jayden wants to live with dad, but it is not safe yet",
        },
    )
    assert response.status_code == 302
    rec = plan.recommendations.get()
    assert list(rec.rests_on_harms.all()) == [harm] and rec.rests_on_strengths


def test_a_contact_in_the_future_is_refused(fca_client, world):
    plan = start_plan(world)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    response = fca_client.post(
        page(world, "items/contact/add/"),
        {
            "version": plan.version,
            "kind": "school",
            "organisation": "Hill Primary",
            "contacted_on_day": tomorrow.day,
            "contacted_on_month": tomorrow.month,
            "contacted_on_year": tomorrow.year,
            "what_they_said": "Fine",
        },
    )
    assert response.status_code == 200
    assert "The date you contacted them must be today or in the past" in (response.content.decode())
    assert not plan.contacts.exists()


def test_adding_and_finishing_work_in_the_plan_of_work(fca_client, world):
    plan = start_plan(world)
    due = timezone.localdate() - datetime.timedelta(days=3)
    response = fca_client.post(
        page(world, "items/activity/add/"),
        {
            "version": plan.version,
            "what": "Call the school",
            "who": str(world.fca_allocated.uuid),
            "due_on_day": due.day,
            "due_on_month": due.month,
            "due_on_year": due.year,
        },
    )
    assert response.status_code == 302
    activity = plan.activities.get()
    assert activity.who == world.fca_allocated and activity.is_overdue
    assert "Overdue" in fca_client.get(page(world, "section/work/")).content.decode()
    plan.refresh_from_db()
    fca_client.post(
        page(world, f"items/activity/{activity.uuid}/"),
        {
            "version": plan.version,
            "what": "Call the school",
            "who": str(world.fca_allocated.uuid),
            "due_on_day": due.day,
            "due_on_month": due.month,
            "due_on_year": due.year,
            "done": "on",
        },
    )
    activity.refresh_from_db()
    assert activity.done_on == timezone.localdate() and not activity.is_overdue


def test_removing_a_harm_asks_first(fca_client, world):
    plan = start_plan(world)
    harm = services.harm_add(
        by=world.fca_allocated, plan=plan, version=plan.version, what="Hit", certainty="likely"
    )
    address = page(world, f"items/harm/{harm.uuid}/remove/")
    assert "Are you sure" in fca_client.get(address).content.decode()
    assert fca_client.post(address, {"version": plan.version}).status_code == 302
    assert not plan.harms.exists()


def test_sending_an_unfinished_plan_for_review_lists_what_is_missing(fca_client, world):
    plan = start_plan(world)
    response = fca_client.get(page(world, "move/review/"))
    content = response.content.decode()
    assert "govuk-error-summary" in content
    assert "Say what risks remain for the child" in content
    response = fca_client.post(page(world, "move/review/"), {"comment": ""})
    assert response.status_code == 200
    assert "Section 6: Add at least one recommendation" in response.content.decode()
    assert Plan.objects.get(pk=plan.pk).status == PlanStatus.DRAFT


def test_review_send_back_and_the_comment_at_the_top(client, world):
    write_every_section(start_plan(world), world.fca_allocated)
    client.force_login(world.fca_allocated)
    assert client.post(page(world, "move/review/"), {"comment": ""}).status_code == 302
    client.force_login(world.supervisor_team)
    assert "Agree the plan" in client.get(page(world)).content.decode()
    response = client.post(page(world, "move/send-back/"), {"comment": ""})
    assert "Say what needs to change before the plan is agreed" in response.content.decode()
    client.post(page(world, "move/send-back/"), {"comment": "Add what school said"})
    client.force_login(world.fca_allocated)
    content = client.get(page(world)).content.decode()
    assert "Sent back" in content and "Add what school said" in content
    assert PlanComment.objects.get().sends_back


def test_a_move_that_is_not_possible_now_says_so(fca_client, world):
    start_plan(world)
    response = fca_client.get(page(world, "move/final/"))
    assert response.status_code == 200
    assert "cannot be moved to Final" in response.content.decode()
    response = fca_client.post(page(world, "move/final/"), {"comment": ""})
    assert response.status_code == 200
    assert "cannot be moved to Final" in response.content.decode()
    assert fca_client.get(page(world, "move/nowhere/")).status_code == 404


def test_a_final_plan_needs_the_childs_response_or_a_reason(fca_client, world):
    plan = write_every_section(start_plan(world), world.fca_allocated)
    services.plan_state_change(by=world.fca_allocated, plan=plan, to=PlanStatus.READY_FOR_REVIEW)
    services.plan_state_change(by=world.supervisor_team, plan=plan, to=PlanStatus.AGREED)
    response = fca_client.post(page(world, "move/final/"), {"comment": ""})
    assert response.status_code == 200
    content = response.content.decode()
    assert "govuk-error-summary" in content
    assert "Record Jayden&#x27;s response to the recommendations, or say why it was not sought" in (
        content
    )
    assert Plan.objects.get(pk=plan.pk).status == PlanStatus.AGREED


def test_a_plan_waiting_for_review_cannot_be_changed(fca_client, world):
    plan = write_every_section(start_plan(world), world.fca_allocated)
    services.plan_state_change(by=world.fca_allocated, plan=plan, to=PlanStatus.READY_FOR_REVIEW)
    response = fca_client.post(
        page(world, "section/impact/"),
        {"version": plan.version, "impact_on_child": "New", "complete": "yes"},
        follow=True,
    )
    assert "The plan is waiting for review" in response.content.decode()
    assert Plan.objects.get(pk=plan.pk).impact_on_child == "Finds it hard to sleep"
    # Reading it is still possible, without a form.
    content = fca_client.get(page(world, "section/impact/")).content.decode()
    assert "Finds it hard to sleep" in content and 'name="complete"' not in content


def test_a_comment_with_no_words_shows_an_error(client, world):
    start_plan(world)
    client.force_login(world.supervisor_team)
    response = client.post(page(world, "comment/"), {"text": " "})
    assert response.status_code == 200
    assert "Enter your comment" in response.content.decode()


# Small things a person notices on the plan's pages --------------------------------------------


def test_a_saved_section_shows_one_success_banner(fca_client, world):
    plan = start_plan(world)
    response = fca_client.post(
        page(world, "section/strengths/"),
        {"version": plan.version, "family_strengths": "Grandma", "complete": "no"},
        follow=True,
    )
    content = response.content.decode()
    assert "has been saved" in content
    assert content.count("govuk-notification-banner--success") == 1
    assert content.count(">Success</h2>") == 1


def test_the_fca_withdraws_her_plan_from_review_and_is_not_offered_the_supervisors_send_back(
    client, world
):
    plan = write_every_section(start_plan(world), world.fca_allocated)
    services.plan_state_change(by=world.fca_allocated, plan=plan, to=PlanStatus.READY_FOR_REVIEW)
    client.force_login(world.fca_allocated)
    content = client.get(page(world)).content.decode()
    assert "Send back with comments" not in content
    assert (
        'class="govuk-button govuk-button--secondary" data-module="govuk-button" '
        f'href="/children/{world.child.uuid}/plan/move/withdraw/">Withdraw from review</a>'
    ) in content
    assert client.get(page(world, "move/send-back/")).status_code == 404
    response = client.post(page(world, "move/withdraw/"), {"comment": "I need to add the school"})
    assert response.status_code == 302
    assert Plan.objects.get(pk=plan.pk).status == PlanStatus.DRAFT
    assert not PlanComment.objects.get().sends_back
    assert "Sent back" not in client.get(page(world)).content.decode()
    # The supervisor is still offered sending it back, and not withdrawing it.
    services.plan_state_change(by=world.fca_allocated, plan=plan, to=PlanStatus.READY_FOR_REVIEW)
    client.force_login(world.supervisor_team)
    content = client.get(page(world)).content.decode()
    assert "Send back with comments" in content and "Withdraw from review" not in content
    assert client.get(page(world, "move/withdraw/")).status_code == 404


def test_adding_a_harm_saves_what_was_typed_first(fca_client, world):
    plan = start_plan(world)
    content = fca_client.get(page(world, "section/risks/")).content.decode()
    assert "save any changes below first" not in content
    assert 'form="section-form" name="then" value="harm"' in content
    response = fca_client.post(
        page(world, "section/risks/"),
        {
            "version": plan.version,
            "risks_remaining": "Shouting late at night",
            "then": "harm",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == page(world, "items/harm/add/")
    plan.refresh_from_db()
    assert plan.risks_remaining == "Shouting late at night"
    assert plan.completed_sections == []
    # Nothing changed: no new version, straight to the harm.
    versions = plan.versions.count()
    response = fca_client.post(
        page(world, "section/risks/"),
        {
            "version": plan.version,
            "risks_remaining": "Shouting late at night",
            "domestic_abuse_alleged": "no",
            "then": "contact",
        },
    )
    assert response["Location"] == page(world, "items/contact/add/")
    assert plan.versions.count() == versions


def test_the_childs_quoted_words_in_the_words_for_them_are_not_flagged(fca_client, world):
    plan = start_plan(world)
    services.plan_section_save(
        by=world.fca_allocated,
        plan=plan,
        version=plan.version,
        section="words",
        words_for_child="You told me “I hate the contact order”. I listened.",
    )
    content = fca_client.get(page(world, "section/words/")).content.decode()
    assert "I hate the contact order" in content
    assert "<mark>" not in content
    services.plan_section_save(
        by=world.fca_allocated,
        plan=plan,
        version=plan.version,
        section="words",
        words_for_child="The contact order stays.",
    )
    assert "<mark>" in fca_client.get(page(world, "section/words/")).content.decode()
