"""Every scorecard service that staff call checks who is calling it (see
tests/write_permissions.py for how these tests work)."""

from tests.write_permissions import INACTIVE, SIGNED_OUT, Write, WritePermissions
from together.scorecard import services

WRITES = {
    "scorecard_export_record": Write(
        lambda world, by, _: services.scorecard_export_record(by=by, detail={"table": "figures"}),
        # A practice supervisor with a team reads (and downloads) their team's scorecard.
        refused=("fca_allocated", "business_area", SIGNED_OUT, INACTIVE),
        allowed="national",
    ),
}

# The import (manage.py import_service) is a data load by the service itself, run from the
# command line by whoever runs the service.
NO_CHECK_BY_DESIGN = frozenset()


class TestWritePermissions(WritePermissions):
    app = "scorecard"
    writes = WRITES
    no_check_by_design = NO_CHECK_BY_DESIGN
