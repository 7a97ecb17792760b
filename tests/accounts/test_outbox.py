"""Outside production, emails are kept in an outbox in the database, which only system
administrators read (in the admin site)."""

import pytest
from django.core import mail
from django.urls import reverse

from together.accounts.models import OutboxEmail, Role


@pytest.fixture
def outbox_email(db):
    connection = mail.get_connection("together.accounts.outbox.OutboxBackend")
    sent = mail.EmailMessage(
        "Reset your password for Together",
        "Open this link: https://together.example.org/password-reset/MQ/abc-123/\nThanks",
        "Together <no-reply@localhost>",
        ["maria.jones@example.org"],
        connection=connection,
    ).send()
    assert sent == 1
    return OutboxEmail.objects.get()


def test_an_email_sent_through_the_outbox_backend_is_kept_with_who_it_is_for(outbox_email):
    assert outbox_email.to == "maria.jones@example.org"
    assert outbox_email.subject == "Reset your password for Together"
    assert "abc-123" in outbox_email.body
    assert outbox_email.from_email == "Together <no-reply@localhost>"
    assert outbox_email.sent_at is not None


def test_a_system_administrator_reads_the_outbox_and_can_follow_the_link(
    client, make_user, outbox_email
):
    client.force_login(make_user(Role.SYSTEM_ADMINISTRATOR))
    listing = client.get(reverse("admin:accounts_outboxemail_changelist"))
    assert listing.status_code == 200
    assert "Reset your password for Together" in listing.content.decode()
    page = client.get(reverse("admin:accounts_outboxemail_change", args=[outbox_email.pk]))
    assert 'href="https://together.example.org/password-reset/MQ/abc-123/"' in page.content.decode()
    assert client.get(reverse("admin:accounts_outboxemail_add")).status_code == 403


@pytest.mark.parametrize("role", [Role.FCA, Role.SERVICE_MANAGER, Role.NATIONAL_PERFORMANCE])
def test_nobody_else_reads_the_outbox(client, make_user, outbox_email, role):
    client.force_login(make_user(role))
    response = client.get(reverse("admin:accounts_outboxemail_change", args=[outbox_email.pk]))
    assert response.status_code == 302  # to the admin's sign-in, which tells them no (403)
    assert "abc-123" not in client.get(response["Location"], follow=True).content.decode()
