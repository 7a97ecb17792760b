"""Every write service of the organisation app refuses whoever may not make it (see
tests/write_permissions.py). The rest of the organisation is kept in the admin site.

These writes are records of their own (an absence says who recorded it and when), so what the one
who may write is shown to make is the record, not an audit event."""

import datetime

from tests.write_permissions import INACTIVE, SIGNED_OUT, Write, WritePermissions
from together.organisation.models import Absence, AreaThresholds, PrioritisationEvent
from together.organisation.services import (
    absence_end_record,
    absence_record,
    area_thresholds_set,
    prioritisation_change_record,
)

DAY = datetime.date(2026, 6, 1)


def _own_leave(world, by, made):
    absence_record(by=by, token=None, kind="annual_leave", starts_on=DAY, ends_on=DAY)


def _sickness(world, by, made):
    absence_record(
        by=by, person=world.fca_allocated, token=None, kind="sickness", starts_on=DAY, ends_on=None
    )


def _leave_for_someone_else(world, by, made):
    absence_record(
        by=by, person=world.fca_allocated, token=None, kind="training", starts_on=DAY, ends_on=DAY
    )


def _thresholds(world, by, made):
    area_thresholds_set(
        by=by,
        area=world.area,
        version=1,
        saturation_percent=85,
        held_on_duty=10,
        days_to_allocation=20,
        manager_duty_holdings=None,
    )


def _prioritisation(world, by, made):
    prioritisation_change_record(
        by=by,
        area=world.area,
        token=None,
        change="prioritisation_on",
        reason="Saturation past the threshold for a month",
    )


# Everyone but national leadership, who decide on prioritisation and thresholds.
NOT_NATIONAL = (
    "manager_area",
    "head_region",
    "director_region",
    "supervisor_team",
    "fca_allocated",
    "business_area",
    "sysadmin",
    SIGNED_OUT,
    INACTIVE,
)


def _sick(world):
    return Absence.objects.create(
        user=world.fca_allocated,
        kind="sickness",
        starts_on=DAY,
        recorded_by=world.manager_area,
    )


def _sickness_end(world, by, made):
    absence_end_record(by=by, absence=made, ends_on=DAY)


WRITES = {
    "absence_end_record": Write(
        call=_sickness_end,
        setup=_sick,
        refused=(
            "fca_allocated",
            "fca_same_team",
            "supervisor_other_team",
            "manager_other_area",
            "national",
            SIGNED_OUT,
            INACTIVE,
        ),
        allowed="manager_area",
    ),
    "area_thresholds_set": Write(call=_thresholds, refused=NOT_NATIONAL, allowed="national"),
    "prioritisation_change_record": Write(
        call=_prioritisation, refused=NOT_NATIONAL, allowed="national"
    ),
    "absence_record (own leave)": Write(
        call=_own_leave, refused=("sysadmin", SIGNED_OUT, INACTIVE), allowed="fca_same_team"
    ),
    "absence_record (sickness)": Write(
        call=_sickness,
        refused=(
            "fca_same_team",
            "fca_allocated",
            "supervisor_other_team",
            "manager_other_area",
            "head_region",
            "national",
            "business_area",
            "sysadmin",
            SIGNED_OUT,
            INACTIVE,
        ),
        allowed="manager_area",
    ),
    "absence_record (leave for someone else)": Write(
        call=_leave_for_someone_else,
        refused=("manager_area", "supervisor_team", "national"),
        allowed="fca_allocated",
    ),
}


class TestWritePermissions(WritePermissions):
    app = "organisation"
    writes = WRITES

    def test_the_same_write_by_someone_who_may_is_made(self, world, service):
        write = self.writes[service]
        made = write.setup(world) if write.setup else None
        models = (Absence, AreaThresholds, PrioritisationEvent)
        before = sum(model.objects.count() for model in models)
        write.call(world, getattr(world, write.allowed), made)
        if made is not None:  # a change to what was made: it is saved
            made.refresh_from_db()
            assert made.ends_on == DAY
        else:
            assert sum(model.objects.count() for model in models) == before + 1
