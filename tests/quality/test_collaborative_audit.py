"""A collaborative audit: the FCA's self-assessment first, the family's feedback attached, then
auditor and FCA agree the grades. Every view is kept and shown side by side."""

import pytest
from django.core.exceptions import ValidationError

from tests.feedback.factories import InvitationFactory, ResponseFactory
from tests.quality.factories import all_grades, grades_post, make_audit, self_assessed
from together.quality import services
from together.quality.models import Audit, DomainGrade, Grade, View


def test_the_auditor_cannot_grade_before_the_fca_has_assessed_their_own_work(client, world):
    audit = make_audit(world, kind=Audit.Kind.COLLABORATIVE, stage=Audit.Stage.SELF_ASSESSMENT)
    client.force_login(world.supervisor_team)
    page = client.get(f"/quality/audits/{audit.uuid}/").content.decode()
    assert "Waiting for" in page and "to assess their own work first" in page
    assert client.get(f"/quality/audits/{audit.uuid}/grades/").status_code == 404
    client.force_login(world.fca_allocated)
    assert "Assess your own work" in client.get("/quality/").content.decode()


def test_the_fca_records_their_self_assessment(client, world):
    audit = make_audit(world, kind=Audit.Kind.COLLABORATIVE, stage=Audit.Stage.SELF_ASSESSMENT)
    client.force_login(world.fca_allocated)
    missing = client.post(
        f"/quality/audits/{audit.uuid}/self-assessment/",
        grades_post(Grade.GOOD, evidence="", version=audit.version),
    )
    assert "Write what difference your work made to the child" in missing.content.decode()
    response = client.post(
        f"/quality/audits/{audit.uuid}/self-assessment/",
        grades_post(Grade.GOOD, evidence="", version=audit.version, impact="He knows why he moved"),
    )
    assert response.status_code == 302
    audit.refresh_from_db()
    assert audit.stage == Audit.Stage.IN_PROGRESS
    assert audit.self_impact == "He knows why he moved"
    assert DomainGrade.objects.filter(audit=audit, view=View.SELF).count() == 7


def test_the_familys_feedback_is_attached_from_the_links_or_a_conversation(client, world):
    audit = self_assessed(world)
    invitation = InvitationFactory(child=world.child, fca=world.fca_allocated)
    answer = ResponseFactory(
        invitation=invitation, fca=world.fca_allocated, do_better="Call before visiting"
    )
    other_child = ResponseFactory(do_better="Not about Jayden")
    client.force_login(world.supervisor_team)
    page = client.get(f"/quality/audits/{audit.uuid}/family/").content.decode()
    assert "Call before visiting" in page and "Not about Jayden" not in page
    empty = client.post(f"/quality/audits/{audit.uuid}/family/", {"version": audit.version})
    assert "Add some feedback from the family" in empty.content.decode()
    client.post(
        f"/quality/audits/{audit.uuid}/family/",
        {
            "version": audit.version,
            "responses": [str(answer.uuid)],
            "conversation": "His nan said the letters helped",
        },
    )
    audit.refresh_from_db()
    assert list(audit.family_feedback.all()) == [answer]
    assert audit.family_conversation == "His nan said the letters helped"
    shown = client.get(f"/quality/audits/{audit.uuid}/").content.decode()
    assert "Call before visiting" in shown and "His nan said the letters helped" in shown
    assert other_child.invitation.child != world.child


def test_grades_are_agreed_and_every_view_is_kept_side_by_side(client, world):
    audit = self_assessed(world)  # the FCA said Outstanding throughout
    client.force_login(world.supervisor_team)
    client.post(
        f"/quality/audits/{audit.uuid}/grades/",
        grades_post(Grade.REQUIRES_IMPROVEMENT, version=audit.version, worked_well="Kind letters"),
    )
    audit.refresh_from_db()
    assert audit.stage == Audit.Stage.IN_PROGRESS  # not finished until agreed
    agree = client.get(f"/quality/audits/{audit.uuid}/agree/").content.decode()
    assert "The FCA&#x27;s self-assessment" in agree and "Outstanding" in agree
    response = client.post(
        f"/quality/audits/{audit.uuid}/agree/",
        grades_post(Grade.GOOD, version=audit.version, worked_well="Kind letters, on time"),
    )
    assert response.status_code == 302
    audit.refresh_from_db()
    assert audit.stage == Audit.Stage.FINISHED and audit.grade == Grade.GOOD
    views = {
        view: set(
            DomainGrade.objects.filter(audit=audit, view=view).values_list("grade", flat=True)
        )
        for view in View.values
    }
    assert views == {
        View.SELF: {Grade.OUTSTANDING},
        View.AUDITOR: {Grade.REQUIRES_IMPROVEMENT},
        View.AGREED: {Grade.GOOD},
    }
    page = client.get(f"/quality/audits/{audit.uuid}/").content.decode()
    for heading in ("The FCA&#x27;s self-assessment", "The auditor", "Agreed"):
        assert heading in page


def test_grades_cannot_be_agreed_before_both_views_are_in(world):
    audit = make_audit(world, kind=Audit.Kind.COLLABORATIVE, stage=Audit.Stage.IN_PROGRESS)
    with pytest.raises(ValidationError, match="Record both views"):
        services.audit_agreement_record(
            by=world.supervisor_team,
            audit=audit,
            version=audit.version,
            grades=all_grades(),
            overall=Grade.GOOD,
            worked_well="Letters",
        )
    audit.refresh_from_db()
    assert audit.stage == Audit.Stage.IN_PROGRESS


def test_the_auditors_own_resaves_before_finishing_are_kept_and_shown(client, world):
    audit = self_assessed(world)
    client.force_login(world.supervisor_team)
    client.post(
        f"/quality/audits/{audit.uuid}/grades/",
        grades_post(Grade.GOOD, version=audit.version, worked_well="Kind letters"),
    )
    audit.refresh_from_db()
    page = client.get(f"/quality/audits/{audit.uuid}/").content.decode()
    assert "Changes before the audit was finished" not in page  # a first save is no change
    again = grades_post(Grade.GOOD, version=audit.version, worked_well="Kind letters, on time")
    again["voice_grade"] = Grade.REQUIRES_IMPROVEMENT
    client.post(f"/quality/audits/{audit.uuid}/grades/", again)
    change = audit.changes.get()
    assert change.changed_by == world.supervisor_team
    assert change.changes == [
        "Hearing the child and recording their words: Good changed to Requires improvement",
        'What worked well was rewritten. Before, it said: "Kind letters"',
    ]
    page = client.get(f"/quality/audits/{audit.uuid}/").content.decode()
    assert "The auditor&#x27;s grades were saved again by" in page
    assert "Good changed to Requires improvement" in page
    # The FCA audited sees the history too; it stays once the audit is finished.
    audit.refresh_from_db()
    client.post(
        f"/quality/audits/{audit.uuid}/agree/",
        grades_post(Grade.GOOD, version=audit.version, worked_well="Kind letters, on time"),
    )
    client.force_login(world.fca_allocated)
    page = client.get(f"/quality/audits/{audit.uuid}/").content.decode()
    assert "Good changed to Requires improvement" in page
