"""The email backend outside production: an outbox kept in the database (accounts.OutboxEmail).

Set as EMAIL_BACKEND when EMAIL_URL is not (together/settings.py). Messages go through Django's
email framework as they would to a mail server; only the last step differs.
"""

from django.core.mail.backends.base import BaseEmailBackend
from django.db import DatabaseError
from django.utils import timezone

from .models import OutboxEmail


class OutboxBackend(BaseEmailBackend):
    def send_messages(self, email_messages) -> int:
        now = timezone.now()
        rows = [
            OutboxEmail(
                sent_at=now,
                from_email=message.from_email or "",
                to=", ".join(message.recipients()),
                subject=message.subject,
                body=message.body,
            )
            for message in email_messages
            if message.recipients()
        ]
        # Written here rather than through a service: this is the mail server, for development.
        try:
            OutboxEmail.objects.bulk_create(rows)
        except DatabaseError:
            if not self.fail_silently:
                raise
            return 0
        return len(rows)
