"""Emails with a link to choose a password, sent in the background (django-tasks).

Sending in the background keeps the "forgotten your password" page the same for an address with
an account and one without: the page queues the same task either way and answers at once, so
neither its timing nor a mail server's error can tell anyone whether an account exists. The task
makes the link when it runs, from the account as it is then, so nothing secret waits in the queue.
`manage.py db_worker` runs the tasks (make demo starts one); tests run them at once.
"""

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import EmailMessage
from django.db import models
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_tasks import task

from .models import User, normalised_email


class PasswordEmail(models.TextChoices):
    FORGOTTEN = "forgotten", "Reset your password for Together"
    RESET_BY_ADMINISTRATOR = "reset_by_administrator", "Choose a new password for Together"
    NEW_ACCOUNT = "new_account", "Your Together account: choose a password"


@task()
def password_email_send(email: str, kind: str) -> bool:
    """Send the active account with this address (if there is one) a link to choose a password.
    `kind` (PasswordEmail) says why. Returns whether an email was sent."""
    user = User.objects.filter(email=normalised_email(email), is_active=True).first()
    if user is None:
        return False
    kind = PasswordEmail(kind)
    context = {
        "user": user,
        "link": password_link(user),
        "sign_in": settings.TOGETHER_PUBLIC_URL + reverse("accounts:sign-in"),
        "forgotten": settings.TOGETHER_PUBLIC_URL + reverse("accounts:password-reset"),
        "valid_for": duration_in_words(settings.PASSWORD_RESET_TIMEOUT),
    }
    body = render_to_string(f"accounts/email/{kind.value}.txt", context)
    EmailMessage(subject=kind.label, body=body, to=[user.email]).send()
    return True


def password_link(user: User) -> str:
    """The link that opens the new-password page for this account. It stops working once the
    password changes or the person signs in, or after PASSWORD_RESET_TIMEOUT (Django's tokens).
    It uses TOGETHER_PUBLIC_URL, never the address a request came in on, which anyone can set."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    path = reverse("accounts:password-reset-confirm", kwargs={"uidb64": uid, "token": token})
    return settings.TOGETHER_PUBLIC_URL + path


def duration_in_words(seconds: int) -> str:
    minutes = seconds // 60
    if minutes % 60 == 0:
        hours = minutes // 60
        return "1 hour" if hours == 1 else f"{hours} hours"
    return "1 minute" if minutes == 1 else f"{minutes} minutes"
