"""Changes to staff accounts: their details, their password, their sessions."""

from axes.utils import reset as axes_reset
from django.db import transaction

from together.audit.models import Action
from together.audit.services import audit_event_record
from together.core.permissions import require
from together.core.versioning import lock_at_version

from . import rules
from .models import User, normalised_email
from .tasks import PasswordEmail, password_email_send


@transaction.atomic
def user_profile_update(
    *, by: User, user: User, pronouns: str, about_me: str, version: int
) -> User:
    """Change the details a member of staff shares; refuses if they changed since `version`."""
    require(by, rules.may_change_profile, user, message="Staff can only change their own details")
    # Only the person changes their details: a conflict is with their own change in another
    # window.
    locked = lock_at_version(
        User.objects.all(), pk=user.pk, version=version, last_saved=lambda row: (row, None)
    )
    changed = sorted(
        field
        for field, value in (("pronouns", pronouns), ("about_me", about_me))
        if getattr(locked, field) != value
    )
    locked.pronouns = pronouns.strip()
    locked.about_me = about_me.strip()
    locked.version += 1
    locked.full_clean()
    locked.save(update_fields=["pronouns", "about_me", "version"])
    audit_event_record(by=by, action=Action.PROFILE_UPDATED, obj=locked, detail={"fields": changed})
    return locked


@transaction.atomic
def password_reset_request(*, email: str, send: bool = True) -> None:
    """Someone on the "forgotten your password" page asked for a link for `email`.

    The page answers the same whether or not an account has the address; the audit log records
    which it was. The email is queued whether or not there is an account, so the page takes the
    same time either way (accounts.tasks); `send=False` (too many links asked for this address)
    records the request and sends nothing.
    """
    email = normalised_email(email)
    user = User.objects.filter(email=email).first()
    audit_event_record(
        by=None,
        action=Action.PASSWORD_RESET_REQUESTED,
        obj=user,
        actor_label=email,
        detail={
            "account_found": user is not None,
            # The task sends to open accounts only (a closed one cannot sign in anyway).
            "email_sent": send and user is not None and user.is_active,
        },
    )
    if send:
        _password_email_queue(email=email, kind=PasswordEmail.FORGOTTEN)


@transaction.atomic
def user_password_set(*, user: User, password: str) -> User:
    """The person chose a new password from a reset link. The password's validators have been run
    by the form. Changing the password ends every session they had open (Django's session hash),
    and lifts any lock-out from wrong passwords (django-axes), so they can sign in at once."""
    locked = User.objects.select_for_update().get(pk=user.pk)
    locked.set_password(password)
    locked.full_clean()
    locked.save(update_fields=["password"])
    axes_reset(username=locked.email)
    audit_event_record(by=locked, action=Action.PASSWORD_CHANGED, obj=locked)
    return locked


_ADMINISTRATORS_ONLY = "Only a system administrator may do this."


@transaction.atomic
def user_password_reset_force(*, by: User, user: User) -> User:
    """A system administrator makes `user` choose a new password: the current one stops working
    at once (and with it every session they have open), and they are sent a link to choose one."""
    require(by, rules.may_administer_account, user, message=_ADMINISTRATORS_ONLY)
    locked = User.objects.select_for_update().get(pk=user.pk)
    locked.set_unusable_password()
    locked.session_generation += 1
    locked.save(update_fields=["password", "session_generation"])
    audit_event_record(by=by, action=Action.PASSWORD_RESET_FORCED, obj=locked)
    _password_email_queue(email=locked.email, kind=PasswordEmail.RESET_BY_ADMINISTRATOR)
    return locked


@transaction.atomic
def user_sessions_end(*, by: User, user: User) -> User:
    """A system administrator signs `user` out everywhere: each session they have open is signed
    out on its next request. Their password still works."""
    require(by, rules.may_administer_account, user, message=_ADMINISTRATORS_ONLY)
    locked = User.objects.select_for_update().get(pk=user.pk)
    locked.session_generation += 1
    locked.save(update_fields=["session_generation"])
    audit_event_record(by=by, action=Action.SESSIONS_ENDED, obj=locked)
    return locked


def new_account_email_send(*, user: User) -> None:
    """Send a new account's owner a link to choose their password (the account has none)."""
    _password_email_queue(email=user.email, kind=PasswordEmail.NEW_ACCOUNT)


def _password_email_queue(*, email: str, kind: PasswordEmail) -> None:
    # After commit: the task reads the account as committed (its link depends on the password).
    transaction.on_commit(lambda: password_email_send.enqueue(email, kind.value))
