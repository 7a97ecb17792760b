"""/healthz and /readyz: what a load balancer reads to send people to a server that can answer."""

import pytest
from django.db import OperationalError

from together.core import health


@pytest.fixture(autouse=True)
def _migrations_not_yet_known(monkeypatch):
    # Each test starts as a new process would: the migrations not yet read.
    monkeypatch.setattr(health, "migrations_known_applied", False)


def test_healthz_says_the_process_is_up_without_a_session_or_the_database(client):
    # No django_db mark: a query would fail the test.
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert response["Content-Type"] == "application/json"
    assert not response.cookies  # no session, no CSRF cookie
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_readyz_says_ready_when_the_database_cache_and_migrations_are_fine(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "checks": {"database": "ok", "cache": "ok", "migrations": "ok"},
    }
    assert not response.cookies


@pytest.mark.django_db
def test_readyz_names_the_cache_when_it_does_not_answer(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there
        }
    }
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json() == {
        "status": "unavailable",
        "failing": ["cache"],
        "checks": {"database": "ok", "cache": "failing", "migrations": "ok"},
    }
    assert "127.0.0.1" not in response.content.decode()


@pytest.mark.django_db
def test_readyz_names_migrations_waiting_to_be_applied(client, monkeypatch):
    monkeypatch.setattr(health, "unapplied_migrations", lambda: [("plans.0099_new", False)])
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["failing"] == ["migrations"]
    assert "0099" not in response.content.decode()


@pytest.mark.django_db
def test_migrations_once_applied_are_not_read_again_until_the_next_deploy(client, monkeypatch):
    assert client.get("/readyz").status_code == 200

    def read_the_graph():
        raise AssertionError("the migration graph was read again")

    monkeypatch.setattr(health, "unapplied_migrations", read_the_graph)
    assert client.get("/readyz").status_code == 200


@pytest.mark.django_db
def test_readyz_names_the_database_and_never_shows_the_error(client, monkeypatch, caplog):
    def refused():
        raise OperationalError(
            'connection to server at "db.internal" failed: password authentication failed '
            "for user together (postgres://together:s3cret@db.internal/together)"
        )

    monkeypatch.setattr(health, "database_answers", refused)
    response = client.get("/readyz")
    assert response.status_code == 503
    body = response.json()
    assert body["failing"] == ["database", "migrations"]
    assert body["checks"] == {"database": "failing", "cache": "ok", "migrations": "not checked"}
    assert "s3cret" not in response.content.decode()
    assert "db.internal" not in response.content.decode()
    # The log says which check failed and the kind of error, not its text.
    assert "Readiness check database failed: OperationalError" in caplog.text
    assert "s3cret" not in caplog.text


def test_the_checks_take_no_form_posts(client):
    assert client.post("/healthz").status_code == 405
    assert client.post("/readyz").status_code == 405
