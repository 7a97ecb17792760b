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
    # Only a system administrator makes someone choose a new password or signs them out.
    "user_password_reset_force": Write(
        lambda world, by, _: services.user_password_reset_force(by=by, user=world.fca_allocated),
        refused=("fca_allocated", "manager_area", "national", SIGNED_OUT),
        allowed="sysadmin",
    ),
    "user_sessions_end": Write(
        lambda world, by, _: services.user_sessions_end(by=by, user=world.fca_allocated),
        refused=("fca_allocated", "supervisor_team", "national", SIGNED_OUT),
        allowed="sysadmin",
    ),
}

NO_CHECK_BY_DESIGN = frozenset(
    {
        # Asked for on the "forgotten your password" page by someone who cannot sign in: nobody
        # is acting yet. It changes no account; the link it emails is the permission.
        "password_reset_request",
        # The new password from that link: the link's token, checked by the page (Django's
        # PasswordResetConfirmView), is the permission.
        "user_password_set",
        # The email to a new account's owner, sent by the admin site once an administrator
        # (the admin site's own check) has made the account.
        "new_account_email_send",
    }
)


class TestWritePermissions(WritePermissions):
    app = "accounts"
    writes = WRITES
    no_check_by_design = NO_CHECK_BY_DESIGN
