"""Signing in and out, failed sign-ins and lock-outs go into the audit log."""

from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from together.audit.models import Action
from together.audit.services import audit_event_record


@receiver(user_logged_in, dispatch_uid="together_audit_sign_in")
def record_sign_in(sender, request, user, **kwargs):
    audit_event_record(by=user, action=Action.SIGN_IN, obj=user)


@receiver(user_logged_out, dispatch_uid="together_audit_sign_out")
def record_sign_out(sender, request, user, **kwargs):
    if user is None:
        return
    timed_out = getattr(request, "together_idle_timeout", False)
    action = Action.SESSION_TIMED_OUT if timed_out else Action.SIGN_OUT
    audit_event_record(by=user, action=action, obj=user)


@receiver(user_login_failed, dispatch_uid="together_audit_sign_in_failed")
def record_sign_in_failed(sender, credentials, request=None, **kwargs):
    # Django has already masked the password; only the name typed is kept.
    audit_event_record(
        by=None,
        action=Action.SIGN_IN_FAILED,
        actor_label=str(credentials.get("username", ""))[:254],
    )


@receiver(user_locked_out, dispatch_uid="together_audit_locked_out")
def record_locked_out(sender, request, username, ip_address, **kwargs):
    audit_event_record(by=None, action=Action.LOCKED_OUT, actor_label=str(username or "")[:254])
