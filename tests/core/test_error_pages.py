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
