"""Every quality address, for every relationship to the world's audit: 200 or 404."""

import uuid

import pytest

from tests.conftest import SEES_CHILD
from tests.quality.access import AUDITS, SEES_AUDIT, USES_QUALITY
from tests.quality.factories import finished_audit, make_audit
from together.audit.models import Action, AuditEvent
from together.quality.models import Audit, QualityAction


def at(route, audit):
    return route.replace("<uuid:audit_id>", str(audit.uuid))


@pytest.mark.parametrize("relationship", SEES_CHILD)
def test_the_quality_pages_are_for_the_roles_whose_work_they_are(client, world, relationship):
    client.force_login(world.users[relationship])
    expected = 200 if relationship in USES_QUALITY else 404
    assert client.get("/quality/").status_code == expected
    assert client.get("/quality/actions/").status_code == expected
    starts = 200 if relationship in AUDITS else 404
    assert client.get("/quality/audits/start/").status_code == starts


@pytest.mark.parametrize("relationship", SEES_CHILD)
def test_an_audit_is_seen_by_the_fca_the_auditor_and_those_who_manage_them(
    client, world, relationship
):
    audit = finished_audit(world)
    client.force_login(world.users[relationship])
    expected = 200 if relationship in SEES_AUDIT else 404
    assert client.get(at("/quality/audits/<uuid:audit_id>/", audit)).status_code == expected
    evidence = client.get(at("/quality/audits/<uuid:audit_id>/evidence/", audit))
    assert evidence.status_code == expected
    # The evidence is the child's file: each view of it is logged as one.
    logged = AuditEvent.objects.filter(
        action=Action.CHILD_VIEWED, child_id=world.child.uuid, actor=world.users[relationship]
    )
    assert logged.count() == (1 if expected == 200 else 0)


def test_an_audit_that_does_not_exist_looks_the_same_as_one_you_may_not_see(client, world):
    audit = finished_audit(world)
    client.force_login(world.fca_same_team)
    for route in ("/quality/audits/<uuid:audit_id>/", "/quality/audits/<uuid:audit_id>/add/"):
        missing = client.get(route.replace("<uuid:audit_id>", str(uuid.uuid4())))
        hidden = client.get(at(route, audit))
        assert missing.status_code == hidden.status_code == 404


@pytest.mark.parametrize("relationship", SEES_CHILD)
def test_only_the_fca_makes_their_self_assessment(client, world, relationship):
    audit = make_audit(world, kind=Audit.Kind.COLLABORATIVE, stage=Audit.Stage.SELF_ASSESSMENT)
    client.force_login(world.users[relationship])
    response = client.get(at("/quality/audits/<uuid:audit_id>/self-assessment/", audit))
    assert response.status_code == (200 if relationship == "fca_allocated" else 404)


@pytest.mark.parametrize("relationship", SEES_CHILD)
def test_only_the_auditor_grades_adds_the_family_and_agrees(client, world, relationship):
    audit = make_audit(world, kind=Audit.Kind.COLLABORATIVE, stage=Audit.Stage.IN_PROGRESS)
    client.force_login(world.users[relationship])
    expected = 200 if relationship == "supervisor_team" else 404
    for page in ("grades", "family", "agree", "actions/add"):
        route = f"/quality/audits/<uuid:audit_id>/{page}/"
        assert client.get(at(route, audit)).status_code == expected, page


@pytest.mark.parametrize("relationship", SEES_CHILD)
def test_a_finished_audit_is_added_to_by_its_auditor_or_the_fca(client, world, relationship):
    audit = finished_audit(world)
    client.force_login(world.users[relationship])
    expected = 200 if relationship in {"supervisor_team", "fca_allocated"} else 404
    assert client.get(at("/quality/audits/<uuid:audit_id>/add/", audit)).status_code == expected
    # And never graded again.
    graded = client.get(at("/quality/audits/<uuid:audit_id>/grades/", audit))
    assert graded.status_code == 404


@pytest.mark.parametrize("relationship", ["fca_allocated", "fca_same_team", "supervisor_team"])
def test_only_the_owner_marks_an_action_done(client, world, relationship):
    audit = finished_audit(world)
    action = QualityAction.objects.create(
        audit=audit,
        text="Read the storyboard guidance",
        owner=world.fca_allocated,
        due_on=audit.audited_on,
        created_by=world.supervisor_team,
    )
    client.force_login(world.users[relationship])
    response = client.post(f"/quality/actions/{action.uuid}/done/")
    action.refresh_from_db()
    if relationship == "fca_allocated":
        assert response.status_code == 302 and action.done_on is not None
    else:
        assert response.status_code == 404 and action.done_on is None
