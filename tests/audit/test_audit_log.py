"""The audit log records who did what, from where, and can never be changed or deleted."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import DatabaseError, OperationalError, connection, transaction
from django.http import Http404
from django.test.utils import CaptureQueriesContext

from together.audit.models import Action, AuditEvent
from together.audit.services import audit_event_record, child_view_refused_record
from together.children.services import child_view_record
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


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE audit_auditevent SET reason = 'tampered' WHERE id = %s",
        "DELETE FROM audit_auditevent WHERE id = %s",
    ],
)
def test_the_database_itself_refuses_to_change_or_delete_an_event(fca, sql):
    # On SQLite (the default) and PostgreSQL (CI) alike: a trigger, not only the model's code.
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


def _committed(event) -> bool:
    """Whether another connection, as another request would, sees the event."""
    seen = []

    def look():
        try:
            seen.append(AuditEvent.objects.filter(pk=event.pk).exists())
        except OperationalError:
            # SQLite's shared in-memory test database answers "table is locked" to a reader
            # while another connection's transaction is writing to it: not seen either.
            seen.append(False)
        finally:
            connection.close()  # this thread's own connection

    thread = threading.Thread(target=look)
    thread.start()
    thread.join()
    return seen == [True]


@pytest.fixture
def child(fca):
    from tests.children.factories import ChildFactory

    return ChildFactory()


def test_a_page_view_is_committed_with_the_transaction_around_it(transactional_db, fca, child):
    with transaction.atomic(), CaptureQueriesContext(connection) as captured:
        child_view_record(by=fca, child=child, section="about")
        event = AuditEvent.objects.get(action=Action.CHILD_VIEWED)
        assert not _committed(event)  # not yet: it commits with the transaction
    assert _committed(event)
    assert event.detail == {"section": "about"} and event.child_id == child.uuid
    # Written as any other row is: nothing lets its commit skip waiting for the disk.
    assert not [q for q in captured.captured_queries if "synchronous_commit" in q["sql"]]


def test_a_page_view_is_rolled_back_with_the_transaction_around_it(transactional_db, fca, child):
    with pytest.raises(RuntimeError), transaction.atomic():
        child_view_record(by=fca, child=child, section="about")
        assert AuditEvent.objects.filter(action=Action.CHILD_VIEWED).exists()
        raise RuntimeError("the page failed")
    assert not AuditEvent.objects.filter(action=Action.CHILD_VIEWED).exists()


def test_a_page_view_with_no_transaction_around_it_is_committed_at_once(
    transactional_db, fca, child
):
    child_view_record(by=fca, child=child, section="family")
    assert _committed(AuditEvent.objects.get(action=Action.CHILD_VIEWED))


def test_an_event_that_cannot_be_written_fails_the_change_it_records(fca):
    with pytest.raises(ValidationError), transaction.atomic():
        fca.given_name = "Changed"
        fca.save()
        audit_event_record(by=fca, action="not_an_action")
    fca.refresh_from_db()
    assert fca.given_name != "Changed"


def test_a_refused_look_at_a_childs_file_is_recorded(fca, child):
    token = request_context.set_current(
        request_context.RequestContext(request_id="req-refused", ip_address="10.1.2.3")
    )
    try:
        child_view_refused_record(
            by=fca, child_id=child.uuid, path=f"/children/{child.uuid}/family/"
        )
    finally:
        request_context.reset(token)
    event = AuditEvent.objects.get(action=Action.CHILD_VIEW_REFUSED)
    assert (event.actor, event.child_id) == (fca, child.uuid)
    assert event.detail == {"path": f"/children/{child.uuid}/family/"}
    assert (event.request_id, event.ip_address) == ("req-refused", "10.1.2.3")
    assert event.get_action_display() == "Was refused a child's file they may not see"


def test_a_refusal_is_kept_though_the_404_that_follows_it_is_an_exception(
    transactional_db, fca, child
):
    with pytest.raises(Http404):
        child_view_refused_record(by=fca, child_id=child.uuid, path="/children/x/")
        raise Http404
    assert _committed(AuditEvent.objects.get(action=Action.CHILD_VIEW_REFUSED))


def test_a_refusal_cannot_be_recorded_inside_a_transaction_that_could_undo_it(
    transactional_db, fca, child
):
    with pytest.raises(RuntimeError), transaction.atomic():
        child_view_refused_record(by=fca, child_id=child.uuid, path="/children/x/")
    assert not AuditEvent.objects.filter(action=Action.CHILD_VIEW_REFUSED).exists()
