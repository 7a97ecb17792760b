"""The audit log records who did what, from where, and can never be changed or deleted."""

import pytest
from django.db import DatabaseError, connection, transaction

from together.audit.models import Action, AuditEvent
from together.audit.services import audit_event_record
from together.core import request_context


def test_an_event_records_the_actor_object_reason_request_and_address(fca):
    token = request_context.set_current(
        request_context.RequestContext(request_id="req-12345678", ip_address="10.1.2.3")
    )
    try:
        event = audit_event_record(
            by=fca, action=Action.PROFILE_UPDATED, obj=fca, reason="Testing the log"
        )
    finally:
        request_context.reset(token)
    event.refresh_from_db()
    assert event.actor == fca
    assert event.object_type == "accounts.user"
    assert event.object_id == str(fca.uuid)
    assert (event.request_id, event.ip_address) == ("req-12345678", "10.1.2.3")
    assert event.reason == "Testing the log"
    assert event.occurred_at.tzinfo is not None


def test_the_code_offers_no_way_to_change_or_delete_an_event(fca):
    event = audit_event_record(by=fca, action=Action.SIGN_IN)
    event.reason = "tampered"
    with pytest.raises(TypeError):
        event.save()
    with pytest.raises(TypeError):
        event.delete()
    with pytest.raises(TypeError):
        AuditEvent.objects.filter(pk=event.pk).update(reason="tampered")
    with pytest.raises(TypeError):
        AuditEvent.objects.filter(pk=event.pk).delete()
    event.refresh_from_db()
    assert event.reason == ""


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigger is PostgreSQL's")
@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE audit_auditevent SET reason = 'tampered' WHERE id = %s",
        "DELETE FROM audit_auditevent WHERE id = %s",
    ],
)
def test_postgresql_itself_refuses_to_change_or_delete_an_event(fca, sql):
    event = audit_event_record(by=fca, action=Action.SIGN_IN)
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(sql, [event.pk])
    assert AuditEvent.objects.filter(pk=event.pk, reason="").exists()


def test_every_response_carries_its_request_id_which_the_log_keeps(client, fca):
    from tests.accounts.factories import PASSWORD

    response = client.post("/sign-in/", {"username": fca.email, "password": PASSWORD})
    event = AuditEvent.objects.get(action=Action.SIGN_IN)
    assert response["X-Request-ID"] == event.request_id


def test_forwarded_address_is_ignored_unless_a_trusted_proxy_is_configured(client, fca, settings):
    from tests.accounts.factories import PASSWORD

    client.post(
        "/sign-in/",
        {"username": fca.email, "password": PASSWORD},
        HTTP_X_FORWARDED_FOR="203.0.113.9",
    )
    assert AuditEvent.objects.get(action=Action.SIGN_IN).ip_address == "127.0.0.1"
    settings.TOGETHER_TRUSTED_PROXIES = 1
    client.post("/sign-out/")
    client.post(
        "/sign-in/",
        {"username": fca.email, "password": PASSWORD},
        HTTP_X_FORWARDED_FOR="203.0.113.9",
    )
    assert AuditEvent.objects.filter(action=Action.SIGN_IN).first().ip_address == "203.0.113.9"


def _synchronous_commit() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SHOW synchronous_commit")
        return cursor.fetchone()[0]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's commit setting")
@pytest.mark.django_db(transaction=True)
def test_a_page_view_recorded_without_waiting_for_the_disk_is_kept_and_other_writes_still_wait(
    fca,
):
    # Whether its INSERT carries the setting is printed by bench/pages.py (it reads SQL text).
    event = audit_event_record(
        by=fca, action=Action.CHILD_VIEWED, detail={"section": "about"}, wait_for_disk=False
    )
    # The record is there, and the setting ended with its own transaction.
    assert AuditEvent.objects.get(pk=event.pk).detail == {"section": "about"}
    assert _synchronous_commit() == "on"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's commit setting")
@pytest.mark.django_db(transaction=True)
def test_inside_a_transaction_a_page_view_never_lets_the_changes_skip_the_disk(fca):
    with transaction.atomic():
        audit_event_record(by=fca, action=Action.CHILD_VIEWED, wait_for_disk=False)
        assert _synchronous_commit() == "on"
