"""Each failure shows a page in the service's layout with plain words and no stack trace."""

import pytest
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
    # A mistake in the code stays a 500: it will not go away by trying again.
    assert not database_unavailable(IntegrityError("duplicate key"))
    assert not database_unavailable(RuntimeError("boom"))
    assert not database_unavailable(None)
