"""A practice audit, as a supervisor runs it: start, look at the evidence, grade each domain
with its evidence, finish; then actions for their owner and additions, never a rewrite."""

import datetime

import pytest
from django.utils import timezone
from django.utils.html import escape

from tests.children.factories import MeetingFactory
from tests.feedback.factories import InvitationFactory, ResponseFactory
from tests.plans.factories import start_plan, write_every_section
from tests.quality.factories import finished_audit, grades_post, make_audit
from together.children.models import TimelineEntry
from together.letters.models import Kind, Letter, Status
from together.quality.models import Audit, DomainGrade, Grade, QualityAction, View
from together.scorecard import selectors as scorecard
from together.supervision.models import Appreciation

UTC = datetime.UTC


def test_a_supervisor_starts_an_audit_of_their_fcas_work_with_a_child(client, world):
    client.force_login(world.supervisor_team)
    choose = client.get("/quality/audits/start/").content.decode()
    assert escape(world.fca_allocated.full_name) in choose
    assert escape(world.fca_other_area.full_name) not in choose
    page = client.get(f"/quality/audits/start/?fca={world.fca_allocated.uuid}")
    form = page.context["form"]
    key = form.fields["child"].choices[0][0]
    assert "Jayden" in page.content.decode()
    data = {
        "fca": str(world.fca_allocated.uuid),
        "child": key,
        "kind": "practice",
        "form_token": form["form_token"].value(),
    }
    first = client.post("/quality/audits/start/", data)
    again = client.post("/quality/audits/start/", data)  # a double click
    audit = Audit.objects.get()
    assert first["Location"] == again["Location"] == f"/quality/audits/{audit.uuid}/"
    assert audit.stage == Audit.Stage.IN_PROGRESS and audit.audited_on is None
    assert audit.auditor == world.supervisor_team and audit.child == world.child


def test_no_one_outside_those_who_manage_the_fca_can_start_one(client, world):
    client.force_login(world.supervisor_other_team)
    response = client.get(f"/quality/audits/start/?fca={world.fca_allocated.uuid}")
    assert response.status_code == 404


def test_grades_need_evidence_and_say_what_is_missing(client, world):
    audit = make_audit(world)
    client.force_login(world.supervisor_team)
    data = grades_post(version=audit.version, worked_well="")
    data["voice_evidence"] = ""
    data.pop("risk_grade")
    response = client.post(f"/quality/audits/{audit.uuid}/grades/", data)
    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page
    assert (
        "Write the evidence for the grade for hearing the child and recording their words" in page
    )
    assert "Choose a grade for understanding risk and domestic abuse" in page
    assert "Write what worked well" in page
    audit.refresh_from_db()
    assert audit.stage == Audit.Stage.IN_PROGRESS and not DomainGrade.objects.exists()


def test_grading_a_practice_audit_finishes_it_and_the_timeline_says_so_without_grades(
    client, world
):
    audit = make_audit(world)
    client.force_login(world.supervisor_team)
    data = grades_post(
        Grade.GOOD,
        overall=Grade.REQUIRES_IMPROVEMENT,
        version=audit.version,
        worked_well="Jayden's words about football shaped the plan",
    )
    response = client.post(f"/quality/audits/{audit.uuid}/grades/", data)
    assert response.status_code == 302
    audit.refresh_from_db()
    assert audit.stage == Audit.Stage.FINISHED
    assert audit.grade == Grade.REQUIRES_IMPROVEMENT
    assert audit.audited_on == timezone.localdate()
    assert DomainGrade.objects.filter(audit=audit, view=View.AUDITOR).count() == 7
    entry = TimelineEntry.objects.get(child=world.child, kind=TimelineEntry.Kind.AUDIT)
    assert "Jayden" in entry.summary
    for word in ("Good", "Requires improvement", "Inadequate", "Outstanding", "grade"):
        assert word.lower() not in entry.summary.lower()
    page = client.get(f"/quality/audits/{audit.uuid}/").content.decode()
    assert "Requires improvement" in page and "football shaped the plan" in page


def test_a_finished_audit_counts_on_the_scorecard_and_one_in_progress_does_not(world):
    make_audit(world)
    finished_audit(world, grade=Grade.OUTSTANDING)
    finished_audit(world, grade=Grade.INADEQUATE)
    figures = scorecard.scorecard_figures(timezone.localdate())
    assert figures["audits_good_or_better_share_last_12_months"] == 0.5


def test_a_stale_save_is_refused_and_both_are_kept(client, world):
    audit = make_audit(world)
    client.force_login(world.supervisor_team)
    Audit.objects.filter(pk=audit.pk).update(version=audit.version + 1)
    data = grades_post(version=audit.version, worked_well="Good letters")
    response = client.post(f"/quality/audits/{audit.uuid}/grades/", data)
    assert "Someone else saved this audit" in response.content.decode()
    audit.refresh_from_db()
    assert audit.stage == Audit.Stage.IN_PROGRESS


def test_an_action_shows_on_its_owners_list_until_done(client, world):
    audit = finished_audit(world)
    client.force_login(world.supervisor_team)
    page = client.get(f"/quality/audits/{audit.uuid}/actions/add/")
    token = page.context["form"]["form_token"].value()
    due = timezone.localdate() + datetime.timedelta(days=30)
    response = client.post(
        f"/quality/audits/{audit.uuid}/actions/add/",
        {
            "text": "Write the ending letter with Jayden",
            "owner": str(world.fca_allocated.uuid),
            "due_on_day": due.day,
            "due_on_month": due.month,
            "due_on_year": due.year,
            "form_token": token,
        },
    )
    assert response.status_code == 302
    action = QualityAction.objects.get()
    client.force_login(world.fca_allocated)
    mine = client.get("/quality/actions/").content.decode()
    assert "Write the ending letter with Jayden" in mine
    assert "1 to do" in client.get("/quality/").content.decode()
    client.post(f"/quality/actions/{action.uuid}/done/")
    assert "0 to do" in client.get("/quality/").content.decode()
    # Someone else's list does not show it.
    client.force_login(world.supervisor_team)
    assert "Write the ending letter" not in client.get("/quality/actions/").content.decode()


def test_a_finished_audit_is_added_to_not_rewritten(client, world):
    audit = finished_audit(world, grade=Grade.GOOD)
    client.force_login(world.fca_allocated)
    page = client.get(f"/quality/audits/{audit.uuid}/add/")
    client.post(
        f"/quality/audits/{audit.uuid}/add/",
        {
            "text": "Jayden's mum wrote to thank us",
            "form_token": page.context["form"]["form_token"].value(),
        },
    )
    shown = client.get(f"/quality/audits/{audit.uuid}/").content.decode()
    assert "Jayden&#x27;s mum wrote to thank us" in shown
    client.force_login(world.supervisor_team)
    data = grades_post(Grade.INADEQUATE, version=audit.version, worked_well="x")
    assert client.post(f"/quality/audits/{audit.uuid}/grades/", data).status_code == 404
    audit.refresh_from_db()
    assert audit.grade == Grade.GOOD


def _long_file(world, size):
    for n in range(size):
        MeetingFactory(
            child=world.child,
            recorded_by=world.fca_allocated,
            child_words=f"I like drawing {n}",
            occurred_at=datetime.datetime(2026, 7, 1 + n, 10, tzinfo=UTC),
        )
        Letter.objects.create(
            child=world.child,
            kind=Kind.INTRODUCTORY_CHILD,
            recipient_name="Jayden",
            fca=world.fca_allocated,
            style="older",
            body="Hello",
            started_by=world.fca_allocated,
            started_at=datetime.datetime(2026, 6, 8, tzinfo=UTC),
            status=Status.SENT,
            sent_at=datetime.datetime(2026, 6, 8 + n, tzinfo=UTC),
            sent_how="post",
        )
        invitation = InvitationFactory(child=world.child, fca=world.fca_allocated)
        ResponseFactory(invitation=invitation, fca=world.fca_allocated, do_better=f"More {n}")
        Appreciation.objects.create(
            service_area=world.area,
            theme="relationship",
            what_worked=f"Walking to the park {n}",
            difference="He talked about school",
            for_whom=["child"],
            child=world.child,
            recorded_by=world.fca_allocated,
        )


@pytest.mark.parametrize("size", [1, 4])
def test_the_evidence_page_asks_the_same_number_of_queries_however_long_the_file(
    client, world, size, django_assert_num_queries
):
    audit = make_audit(world)
    plan = start_plan(world)
    for _ in range(size):
        write_every_section(plan, world.fca_allocated)  # each save is a version
    _long_file(world, size)
    client.force_login(world.supervisor_team)
    client.get(f"/quality/audits/{audit.uuid}/evidence/")  # warm the session
    with django_assert_num_queries(13):
        page = client.get(f"/quality/audits/{audit.uuid}/evidence/")
    text = page.content.decode()
    assert f"I like drawing {size - 1}" in text and f"More {size - 1}" in text
    assert f"Walking to the park {size - 1}" in text
    assert "Sent on time" in text  # the first letter went three days after allocation
