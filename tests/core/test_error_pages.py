"""Each failure shows a page in the service's layout with plain words and no stack trace."""

import re
import sqlite3

import psycopg
import pytest
from django.db import connection
from django.test import Client
from django.urls import path

from together.urls import urlpatterns as project_urlpatterns


def _boom(request):
    raise RuntimeError("secret detail that must never be shown")


def _forbidden(request):
    from django.core.exceptions import PermissionDenied

    raise PermissionDenied


urlpatterns = [*project_urlpatterns, path("boom/", _boom), path("forbidden/", _forbidden)]
handler400 = "together.core.views.bad_request"
handler403 = "together.core.views.permission_denied"
handler404 = "together.core.views.page_not_found"
handler500 = "together.core.views.server_error"


def assert_service_page(response, status, heading):
    page = response.content.decode()
    assert response.status_code == status
    assert f'<h1 class="govuk-heading-l">{heading}</h1>' in page
    assert "govuk-frontend.min.css" in page
    assert "Traceback" not in page and "secret detail" not in page


def test_missing_page(client, fca):
    client.force_login(fca)
    assert_service_page(client.get("/no-such-page/"), 404, "Page not found")


def test_missing_page_for_someone_not_signed_in(client, db):
    assert_service_page(client.get("/no-such-page/"), 404, "Page not found")


def test_form_sent_without_its_security_token(db, fca):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/sign-in/", {"username": fca.email, "password": "x"})
    assert_service_page(response, 403, "Your form was not sent")


def test_request_for_an_unknown_host(client, db):
    assert_service_page(
        client.get("/sign-in/", HTTP_HOST="evil.example.com"),
        400,
        "Something was wrong with that request",
    )


@pytest.mark.urls("tests.core.test_error_pages")
def test_server_error(db, fca):
    client = Client(raise_request_exception=False)
    client.force_login(fca)
    assert_service_page(client.get("/boom/"), 500, "Sorry, there is a problem with the service")


@pytest.mark.urls("tests.core.test_error_pages")
def test_forbidden(db, fca):
    client = Client()
    client.force_login(fca)
    assert_service_page(client.get("/forbidden/"), 403, "You cannot do this")


def test_a_form_sent_without_its_csrf_token_gets_the_service_page_and_json_gets_json(fca):
    client = Client(enforce_csrf_checks=True)
    client.force_login(fca)
    form = client.post("/children/", {"q": "Smith"})
    assert_service_page(form, 403, "Your form was not sent")
    api = client.post("/api/language/check", "{}", content_type="application/json")
    assert api.status_code == 403 and "CSRF" in api.json()["error"]


@pytest.fixture
def read_only_database():
    """The database turned read-only (as a replica, a full disk or an operator would make it)
    for the connection the test client uses, and back afterwards."""
    from django.db import connection

    on, off = (
        ("PRAGMA query_only = ON", "PRAGMA query_only = OFF")
        if connection.vendor == "sqlite"
        else (
            "SET SESSION default_transaction_read_only = on",
            "SET SESSION default_transaction_read_only = off",
        )
    )

    def switch_on():
        with connection.cursor() as cursor:
            cursor.execute(on)

    yield switch_on
    with connection.cursor() as cursor:
        cursor.execute(off)


@pytest.mark.django_db(transaction=True)
def test_a_read_only_database_answers_503_with_plain_words_and_saves_nothing(
    fca, read_only_database, caplog
):
    client = Client(raise_request_exception=False)
    client.force_login(fca)
    page = client.get("/account/")
    assert page.status_code == 200
    version = page.context["form"].initial["version"]
    read_only_database()
    with caplog.at_level("WARNING", logger="together.database"):
        response = client.post(
            "/account/", {"pronouns": "they/them", "about_me": "I like walking", "version": version}
        )
    assert_service_page(response, 503, "Sorry, the service is unavailable")
    assert response["Retry-After"] == "30"
    assert "nothing was changed" in response.content.decode()
    assert any("Database unavailable" in record.getMessage() for record in caplog.records)
    fca.refresh_from_db()
    assert fca.pronouns != "they/them" and fca.about_me != "I like walking"


def test_only_a_database_that_cannot_be_reached_or_written_is_a_503():
    from django.db import DatabaseError, IntegrityError, OperationalError

    from together.core.views import database_unavailable

    class ReadOnly(Exception):
        sqlstate = "25006"

    read_only = DatabaseError("cannot execute UPDATE in a read-only transaction")
    read_only.__cause__ = ReadOnly()
    assert database_unavailable(OperationalError("connection refused"))
    assert database_unavailable(read_only)
    # What Django raises for psycopg's DiskFull (53100) and sqlite3's SQLITE_FULL.
    for full in (psycopg.errors.DiskFull("could not extend file"), sqlite3.OperationalError()):
        django_error = OperationalError("no space")
        django_error.__cause__ = full
        assert database_unavailable(django_error)
    # A mistake in the code stays a 500: it will not go away by trying again.
    assert not database_unavailable(IntegrityError("duplicate key"))
    assert not database_unavailable(RuntimeError("boom"))
    assert not database_unavailable(None)


class WritesSent:
    """Each INSERT, UPDATE and DELETE sent on the connection (Django's execute wrapper), and what
    became of it: "done", or the kind of error the database answered."""

    def __init__(self):
        self.sent = []

    def __call__(self, execute, sql, params, many, context):
        write = re.match(r'\s*(INSERT|UPDATE|DELETE)\s+(?:INTO\s+|FROM\s+)?"(\w+)"', sql, re.I)
        if not write:
            return execute(sql, params, many, context)
        try:
            result = execute(sql, params, many, context)
        except Exception as error:
            self.sent.append((write[1].upper(), write[2], type(error.__cause__ or error).__name__))
            raise
        self.sent.append((write[1].upper(), write[2], "done"))
        return result


def post_profile_change_while(fca, caplog, disk_full):
    """Post a change to the person's details, which makes two writes in one transaction (their
    row, then the audit log's record of it), with the disk full for the second. Answers the kind
    of error the database gave the second write."""
    from together.audit.models import AuditEvent

    client = Client(raise_request_exception=False)
    client.force_login(fca)
    version = client.get("/account/").context["form"].initial["version"]
    writes = WritesSent()
    disk_full()
    events = AuditEvent.objects.count()
    with (
        caplog.at_level("WARNING", logger="together.database"),
        connection.execute_wrapper(writes),
    ):
        response = client.post(
            "/account/", {"pronouns": "they/them", "about_me": "I like walking", "version": version}
        )
    # The first write was made, and the second was refused for want of space...
    made = [sent for sent in writes.sent if sent[:2] == ("UPDATE", "accounts_user")]
    refused = [sent for sent in writes.sent if sent[2] != "done"]
    assert made and made[0][2] == "done"
    assert refused and refused[0][:2] == ("INSERT", "audit_auditevent")
    assert writes.sent.index(made[0]) < writes.sent.index(refused[0])
    # ... and the first was undone with it: nothing half-saved.
    fca.refresh_from_db()
    assert fca.pronouns != "they/them" and fca.about_me != "I like walking"
    assert AuditEvent.objects.count() == events
    assert_service_page(response, 503, "Sorry, the service is unavailable")
    assert response["Retry-After"] == "30"
    assert "nothing was changed" in response.content.decode()
    return refused[0][2]


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL's own disk-full error (SQLSTATE 53100)"
)
def test_a_full_disk_on_postgresql_answers_503_logs_it_and_saves_nothing_half(fca, caplog):
    """PostgreSQL itself answers the audit log's insert with SQLSTATE 53100 (disk_full), as it
    does when it cannot extend a table's file: a trigger made for the test raises it."""

    def disk_full():
        with connection.cursor() as cursor:
            cursor.execute(
                "CREATE FUNCTION test_disk_full() RETURNS trigger AS $$ BEGIN "
                "RAISE EXCEPTION 'could not extend file: No space left on device' "
                "USING ERRCODE = 'disk_full'; END $$ LANGUAGE plpgsql"
            )
            cursor.execute(
                "CREATE TRIGGER test_disk_full BEFORE INSERT ON audit_auditevent "
                "FOR EACH ROW EXECUTE FUNCTION test_disk_full()"
            )

    try:
        refused_with = post_profile_change_while(fca, caplog, disk_full)
    finally:
        with connection.cursor() as cursor:
            cursor.execute("DROP TRIGGER IF EXISTS test_disk_full ON audit_auditevent")
            cursor.execute("DROP FUNCTION IF EXISTS test_disk_full()")
    assert refused_with == "DiskFull"
    assert "Database unavailable: DiskFull (SQLSTATE 53100)" in caplog.messages


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's own SQLITE_FULL")
def test_a_full_disk_on_sqlite_answers_503_logs_it_and_saves_nothing_half(fca, caplog):
    """SQLite answers "database or disk is full" (SQLITE_FULL) when a write needs a page more
    than the file may have. The file is held at the pages it has (PRAGMA max_page_count, for this
    connection only), and the audit log filled with records of the size the change writes until
    one more does not fit: so the person's row, which has room on its page, is written, and the
    audit log's record, which needs a new page, is refused."""
    from django.db import OperationalError, transaction

    from together.audit.models import Action
    from together.audit.services import audit_event_record

    def disk_full():
        with connection.cursor() as cursor:
            # Earlier tests' flushes leave free pages inside the file, which a write takes
            # before it needs a new one: VACUUM gives them back, so the file has only full pages.
            cursor.execute("VACUUM")
            cursor.execute("PRAGMA page_count")
            cursor.execute(f"PRAGMA max_page_count = {cursor.fetchone()[0]}")
        for _ in range(1_000):
            try:
                with transaction.atomic():
                    audit_event_record(
                        by=fca,
                        action=Action.PROFILE_UPDATED,
                        obj=fca,
                        detail={"fields": ["about_me", "pronouns"]},
                    )
            except OperationalError:
                return  # full
        pytest.fail("the audit log never filled its pages")

    with connection.cursor() as cursor:
        cursor.execute("PRAGMA max_page_count")
        (unlimited,) = cursor.fetchone()
    try:
        refused_with = post_profile_change_while(fca, caplog, disk_full)
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA max_page_count = {unlimited}")
    assert refused_with == "OperationalError"
    assert "Database unavailable: OperationalError (SQLITE_FULL)" in caplog.messages
