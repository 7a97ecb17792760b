"""Every feedback service that staff call checks who is calling it, whoever calls it: a page, an
API or a task (see tests/write_permissions.py for how these tests work)."""

import uuid

from tests.write_permissions import (
    INACTIVE,
    MAY_NOT_CHANGE_THE_FILE,
    SIGNED_OUT,
    Write,
    WritePermissions,
)
from together.feedback import services
from together.feedback.models import Audience, Source

WRITES = {
    # A link goes with a letter or a shared plan: made by those who may change the child's file.
    "feedback_invitation_create": Write(
        lambda world, by, _: services.feedback_invitation_create(
            by=by,
            child=world.child,
            audience=Audience.PARENT_CARER,
            source=Source.LETTER,
            source_id=uuid.uuid4(),
        ),
        refused=MAY_NOT_CHANGE_THE_FILE,
        allowed="fca_allocated",
    ),
    "feedback_invitation_open": Write(
        lambda world, by, made: services.feedback_invitation_open(by=by, invitation=made),
        refused=MAY_NOT_CHANGE_THE_FILE,
        allowed="fca_allocated",
        setup=lambda world: services.feedback_invitation_create(
            by=world.fca_allocated,
            child=world.child,
            audience=Audience.YOUNGER_CHILD,
            source=Source.LETTER,
            source_id=uuid.uuid4(),
            open_now=False,
        ),
    ),
    "feedback_export_record": Write(
        lambda world, by, _: services.feedback_export_record(by=by, detail={"rows": 3}),
        refused=("business_area", "sysadmin", SIGNED_OUT, INACTIVE),
        allowed="manager_area",
    ),
}

# As their docstrings say: the public form's answers (no sign-in: the link's token is the
# right), and the monthly summaries, counted by the service itself.
NO_CHECK_BY_DESIGN = frozenset(
    {
        "feedback_response_record",
        "feedback_response_change",
        "feedback_summary_count",
        "feedback_summary_rebuild",
    }
)


class TestWritePermissions(WritePermissions):
    app = "feedback"
    writes = WRITES
    no_check_by_design = NO_CHECK_BY_DESIGN
