"""Absence and national leadership's prioritisation decisions are in the audit log, each with an
action of its own, written in the transaction that makes the change: nothing when it fails."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tests.organisation.factories import ServiceAreaFactory, TeamFactory
from together.accounts.models import Role
from together.audit.models import Action, AuditEvent
from together.core.exceptions import EditConflict
from together.organisation.models import PrioritisationEvent
from together.organisation.services import (
    absence_end_record,
    absence_record,
    area_thresholds_set,
    prioritisation_change_record,
)

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()
Change = PrioritisationEvent.Change
REASON = "Saturation above 100% for six weeks; two advisers on long-term sick leave."


def _only(action):
    [event] = AuditEvent.objects.filter(action=action)
    return event


def test_leave_and_sickness_recorded_and_a_last_day_off_sick_are_logged(make_user):
    team = TeamFactory()
    fca = make_user(Role.FCA, team=team)
    manager = make_user(Role.SERVICE_MANAGER, area=team.service_area)
    leave = absence_record(by=fca, token=None, kind="annual_leave", starts_on=TODAY, ends_on=TODAY)
    sickness = absence_record(
        by=manager, person=fca, token=None, kind="sickness", starts_on=TODAY, ends_on=None
    )
    recorded = list(AuditEvent.objects.filter(action=Action.ABSENCE_RECORDED).order_by("id"))
    assert [(e.actor, e.object_id, e.detail["kind"]) for e in recorded] == [
        (fca, str(leave.uuid), "annual_leave"),
        (manager, str(sickness.uuid), "sickness"),
    ]
    assert recorded[1].detail["person"] == str(fca.uuid)
    absence_end_record(by=manager, absence=sickness, ends_on=TODAY)
    changed = _only(Action.ABSENCE_CHANGED)
    assert changed.detail == {"kind": "sickness", "ends_on": TODAY.isoformat()}
    assert changed.get_action_display() == "Recorded the last day of someone's sickness"
    # The same last day sent again (a double click) changes nothing and logs nothing more.
    absence_end_record(by=manager, absence=sickness, ends_on=TODAY)
    assert AuditEvent.objects.filter(action=Action.ABSENCE_CHANGED).count() == 1


def test_an_absence_refused_or_wrong_leaves_no_event(make_user):
    team = TeamFactory()
    fca = make_user(Role.FCA, team=team)
    with pytest.raises(ValidationError):
        absence_record(by=fca, token=None, kind="annual_leave", starts_on=TODAY, ends_on=None)
    with pytest.raises(PermissionDenied):
        absence_record(by=fca, token=None, kind="sickness", starts_on=TODAY, ends_on=None)
    assert not AuditEvent.objects.filter(action=Action.ABSENCE_RECORDED).exists()


@pytest.mark.parametrize(
    ("changes", "action"),
    [
        ([Change.PRIORITISATION_ON], Action.PRIORITISATION_ON),
        ([Change.PRIORITISATION_ON, Change.PRIORITISATION_OFF], Action.PRIORITISATION_OFF),
        ([Change.ALLOCATION_HUB_OPENED], Action.HUB_OPENED),
        ([Change.ALLOCATION_HUB_OPENED, Change.ALLOCATION_HUB_CLOSED], Action.HUB_CLOSED),
        ([Change.POST_ASSESSMENT_HUB_OPENED], Action.HUB_OPENED),
        (
            [Change.POST_ASSESSMENT_HUB_OPENED, Change.POST_ASSESSMENT_HUB_CLOSED],
            Action.HUB_CLOSED,
        ),
    ],
)
def test_each_prioritisation_decision_is_logged_with_its_reason(make_user, changes, action):
    area = ServiceAreaFactory(name="Tyne and Wear")
    national = make_user(Role.NATIONAL_PERFORMANCE)
    for change in changes:
        prioritisation_change_record(
            by=national, area=area, token=None, change=change, reason=REASON
        )
    event = AuditEvent.objects.filter(action=action).latest("id")
    assert event.reason == REASON
    assert event.detail == {"change": changes[-1]}
    assert event.object_id == str(area.uuid)


def test_a_decision_already_in_force_or_refused_leaves_no_event(make_user):
    area = ServiceAreaFactory()
    national = make_user(Role.NATIONAL_PERFORMANCE)
    prioritisation_change_record(
        by=national, area=area, token=None, change=Change.PRIORITISATION_ON, reason=REASON
    )
    with pytest.raises(ValidationError):
        prioritisation_change_record(
            by=national, area=area, token=None, change=Change.PRIORITISATION_ON, reason=REASON
        )
    with pytest.raises(PermissionDenied):
        prioritisation_change_record(
            by=make_user(Role.SERVICE_MANAGER, area=area),
            area=area,
            token=None,
            change=Change.ALLOCATION_HUB_OPENED,
            reason=REASON,
        )
    assert AuditEvent.objects.filter(action=Action.PRIORITISATION_ON).count() == 1
    assert not AuditEvent.objects.filter(action=Action.HUB_OPENED).exists()


def test_thresholds_set_are_logged_and_an_out_of_date_form_logs_nothing(make_user):
    area = ServiceAreaFactory()
    national = make_user(Role.NATIONAL_PERFORMANCE)
    fields = {
        "saturation_percent": 85,
        "held_on_duty": None,
        "days_to_allocation": 20,
        "manager_duty_holdings": None,
    }
    area_thresholds_set(by=national, area=area, version=1, **fields)
    assert _only(Action.THRESHOLDS_CHANGED).detail == fields
    with pytest.raises(EditConflict):
        area_thresholds_set(by=national, area=area, version=1, **fields)
    assert AuditEvent.objects.filter(action=Action.THRESHOLDS_CHANGED).count() == 1
