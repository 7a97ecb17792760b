"""Every service that changes a staff account checks who is changing it, whoever calls it: a page,
an API or a task (see tests/write_permissions.py for how these tests work)."""

from tests.write_permissions import (
    INACTIVE,
    SIGNED_OUT,
    Write,
    WritePermissions,
)
from together.accounts import services

WRITES = {
    # Each person changes their own details: not their supervisor, manager or an administrator.
    "user_profile_update": Write(
        lambda world, by, _: services.user_profile_update(
            by=by,
            user=world.fca_allocated,
            pronouns="she/her",
            about_me="I like walking by the sea.",
            version=world.fca_allocated.version,
        ),
        refused=(
            "fca_same_team",
            "supervisor_team",
            "manager_area",
            "sysadmin",
            SIGNED_OUT,
            INACTIVE,  # the person themselves, with their account switched off
        ),
        allowed="fca_allocated",
    ),
}


class TestWritePermissions(WritePermissions):
    app = "accounts"
    writes = WRITES
