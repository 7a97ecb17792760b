"""Every service that changes proceedings checks who is changing them, whoever calls it: a page,
an API or a task (see tests/write_permissions.py for how these tests work)."""

import datetime

from tests.proceedings.factories import ProceedingsChildFactory, ProceedingsFactory
from tests.write_permissions import (
    INACTIVE,
    MAY_NOT_CHANGE_THE_FILE,
    SIGNED_OUT,
    Write,
    WritePermissions,
)
from together.core.form_tokens import new_token
from together.proceedings import services
from together.proceedings.models import Hearing, Kind
from together.proceedings.selectors import ChildDetails


def _on_duty(world):
    """New proceedings about the world's child, in its area, held on duty."""
    proceedings = ProceedingsFactory(service_area=world.area)
    ProceedingsChildFactory(proceedings=proceedings, child=world.child)
    return proceedings


WRITES = {
    # Business services record new applications, in their own service area.
    "proceedings_create": Write(
        lambda world, by, _: services.proceedings_create(
            by=by,
            service_area=world.area,
            court="Family Court at Leeds",
            court_number="LS26C99001",
            kind=Kind.CARE_S31,
            received_on=datetime.date(2026, 6, 1),
            applicant_local_authority="Leeds City Council",
            children=[
                ChildDetails(
                    legal_given_names="Ava",
                    legal_family_name="Stone",
                    preferred_name="",
                    date_of_birth=datetime.date(2019, 3, 2),
                )
            ],
        ),
        refused=(
            "business_other_area",
            "manager_area",
            "fca_allocated",
            "national",
            SIGNED_OUT,
            INACTIVE,
        ),
        allowed="business_area",
    ),
    # Those who work with the children every day, not oversight roles or by breaking the glass.
    "hearing_record": Write(
        lambda world, by, _: services.hearing_record(
            by=by,
            proceedings=world.proceedings,
            token=new_token(),
            kind=Hearing.Kind.CASE_MANAGEMENT,
            starts_at=datetime.datetime(2026, 12, 1, 10, 0, tzinfo=datetime.UTC),
        ),
        refused=MAY_NOT_CHANGE_THE_FILE,
        allowed="fca_allocated",
    ),
    # The service manager of the area allocates.
    "allocation_create": Write(
        lambda world, by, on_duty: services.allocation_create(
            by=by, proceedings=on_duty, fca=world.fca_same_team, version=on_duty.version
        ),
        refused=(
            "manager_other_area",
            "supervisor_team",
            "head_region",
            "business_area",
            SIGNED_OUT,
            INACTIVE,
        ),
        allowed="manager_area",
        setup=_on_duty,
    ),
}

# The record of a page view, which the selector that read the proceedings checked (docstring).
NO_CHECK_BY_DESIGN = frozenset({"proceedings_view_record"})


class TestWritePermissions(WritePermissions):
    app = "proceedings"
    writes = WRITES
    no_check_by_design = NO_CHECK_BY_DESIGN
