"""Production settings: refuse to start when unsafe, and pass Django's deployment checks."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
STRONG_SECRET = "k3Jx9-VqZ2mN8pLw_T4rYb7HsD1fGc6QeA0uIoP5zXnBvCtRyUiOpLkJhGfDsAq"


def run(args, **env_vars):
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "TOGETHER_", "DATABASE_"))
    }
    env.update(env_vars)
    return subprocess.run(  # noqa: S603 (our own manage.py, fixed arguments)
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


PRODUCTION = {
    "TOGETHER_ENV": "production",
    "DJANGO_SECRET_KEY": STRONG_SECRET,
    "DJANGO_ALLOWED_HOSTS": "together.example.org",
    "EMAIL_URL": "smtp+tls://together:p%40ss@smtp.example.org:587",
}


def test_production_settings_pass_the_deployment_checks():
    result = run(["check", "--deploy", "--fail-level", "WARNING"], **PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def email_settings(**env_vars):
    code = (
        "from django.conf import settings as s; "
        "print(s.EMAIL_BACKEND, s.EMAIL_HOST, s.EMAIL_PORT, s.EMAIL_HOST_USER, "
        "s.EMAIL_HOST_PASSWORD, s.EMAIL_USE_TLS, s.DEFAULT_FROM_EMAIL, s.PASSWORD_RESET_TIMEOUT)"
    )
    result = run(["shell", "--no-imports", "-c", code], **env_vars)
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_production_sends_email_through_the_mail_server_in_email_url():
    backend, host, port, user, password, tls, *sender, timeout = email_settings(**PRODUCTION)
    assert backend == "django.core.mail.backends.smtp.EmailBackend"
    assert (host, port, user, password) == ("smtp.example.org", "587", "together", "p@ss")
    assert tls == "True"
    assert " ".join(sender) == "Together <no-reply@together.example.org>"
    assert timeout == "3600"  # a reset link works for an hour


def test_production_without_email_settings_refuses_to_start():
    result = run(["check"], **{**PRODUCTION, "EMAIL_URL": ""})
    assert result.returncode != 0
    assert "EMAIL_URL is not set" in result.stderr


def test_production_may_write_emails_to_the_log_when_told_to():
    result = run(["check"], **{**PRODUCTION, "EMAIL_URL": "consolemail://"})
    assert result.returncode == 0, result.stderr
    assert email_settings(**{**PRODUCTION, "EMAIL_URL": "consolemail://"})[0] == (
        "django.core.mail.backends.console.EmailBackend"
    )


def test_development_and_the_demo_keep_emails_in_the_outbox():
    for place in ("development", "demo"):
        assert email_settings(TOGETHER_ENV=place)[0] == "together.accounts.outbox.OutboxBackend"


@pytest.mark.parametrize(
    ("env_vars", "named"),
    [
        ({"DJANGO_ALLOWED_HOSTS": "together.example.org"}, "DJANGO_SECRET_KEY is not set"),
        (
            {"DJANGO_SECRET_KEY": "short", "DJANGO_ALLOWED_HOSTS": "together.example.org"},
            "DJANGO_SECRET_KEY is too weak",
        ),
        (
            {
                "DJANGO_SECRET_KEY": "django-insecure-" + STRONG_SECRET,
                "DJANGO_ALLOWED_HOSTS": "together.example.org",
            },
            "DJANGO_SECRET_KEY is too weak",
        ),
        ({"DJANGO_SECRET_KEY": STRONG_SECRET}, "DJANGO_ALLOWED_HOSTS is not set"),
        (
            {
                "DJANGO_SECRET_KEY": STRONG_SECRET,
                "DJANGO_ALLOWED_HOSTS": "together.example.org",
                "DJANGO_DEBUG": "true",
            },
            "DJANGO_DEBUG is on in production",
        ),
    ],
)
def test_production_refuses_to_start_when_unsafe_and_names_the_variable(env_vars, named):
    result = run(["check"], TOGETHER_ENV="production", **env_vars)
    assert result.returncode != 0
    assert named in result.stderr


def test_debug_is_refused_when_public_hosts_are_allowed():
    result = run(["check"], DJANGO_DEBUG="true", DJANGO_ALLOWED_HOSTS="together.example.org")
    assert result.returncode != 0
    assert "DJANGO_DEBUG is on while DJANGO_ALLOWED_HOSTS names public hosts" in result.stderr


def test_local_development_starts_with_no_configuration():
    result = run(["check"])
    assert result.returncode == 0, result.stderr


def test_counts_and_kept_figures_live_in_a_cache_every_server_shares():
    # Rate limits counted in one process's memory would be split between app servers.
    script = (
        "from django.conf import settings; "
        "print(settings.CACHES['default']['BACKEND']); print(settings.RATELIMIT_USE_CACHE)"
    )
    default = run(["shell", "-v", "0", "-c", script])
    assert default.returncode == 0, default.stderr
    assert default.stdout.split() == ["django.core.cache.backends.db.DatabaseCache", "default"]
    redis = run(["shell", "-v", "0", "-c", script], CACHE_URL="redis://127.0.0.1:6379/1")
    assert redis.stdout.split()[0] == "django.core.cache.backends.redis.RedisCache"


PG_URL = "postgres://postgres@127.0.0.1:5432/together"
SHOW_DATABASE = (
    "import json; from django.conf import settings; d = settings.DATABASES['default']; "
    "print(json.dumps({'CONN_MAX_AGE': d.get('CONN_MAX_AGE'), 'OPTIONS': d['OPTIONS']}))"
)


def _database_settings(**env_vars) -> dict:
    import json

    result = run(["shell", "-v", "0", "-c", SHOW_DATABASE], DATABASE_URL=PG_URL, **env_vars)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_postgresql_by_default_keeps_connections_and_prepares_statements_that_repeat():
    found = _database_settings()
    assert found["CONN_MAX_AGE"] == 60 and "pool" not in found["OPTIONS"]
    assert found["OPTIONS"]["server_side_binding"] is True
    assert found["OPTIONS"]["prepare_threshold"] == 5
    # Just-in-time compilation off (a libpq option for the connection).
    assert "-c jit=off" in found["OPTIONS"]["options"]


def test_postgresql_behind_an_old_pooler_binds_on_the_client_and_prepares_nothing():
    found = _database_settings(DATABASE_SERVER_SIDE_BINDING="false")
    assert "server_side_binding" not in found["OPTIONS"]
    assert "prepare_threshold" not in found["OPTIONS"]  # Django's default: nothing prepared


def test_postgresql_with_a_pool_leaves_keeping_connections_to_the_pool():
    found = _database_settings(DATABASE_POOL="true", DATABASE_POOL_MAX_SIZE="8")
    # Django refuses a pool alongside persistent connections.
    assert found["CONN_MAX_AGE"] == 0
    assert found["OPTIONS"]["pool"]["max_size"] == 8


def test_the_prepare_threshold_can_be_chosen():
    found = _database_settings(DATABASE_PREPARE_THRESHOLD="2")
    assert found["OPTIONS"]["prepare_threshold"] == 2


def test_sessions_are_read_from_redis_when_there_is_one_and_kept_in_the_database():
    script = "from django.conf import settings; print(settings.SESSION_ENGINE)"
    default = run(["shell", "-v", "0", "-c", script])
    assert default.stdout.split() == ["django.contrib.sessions.backends.db"], default.stderr
    redis = run(["shell", "-v", "0", "-c", script], CACHE_URL="redis://127.0.0.1:6379/1")
    assert redis.stdout.split() == ["django.contrib.sessions.backends.cached_db"], redis.stderr


LOGS = (
    "import logging; from django.test import Client; "
    "print(type(logging.getLogger().handlers[0].formatter).__name__); "
    "print(logging.getLogger('together.access').isEnabledFor(logging.INFO)); "
    "c = Client(HTTP_HOST='together.example.org'); "
    "print(c.get('/healthz').status_code, c.get('/readyz?probe=1').status_code >= 200); "
    "c.post('/healthz?name=Jane')"
)


def test_production_writes_json_logs_and_answers_health_checks_over_plain_http():
    result = run(["shell", "-v", "0", "-c", LOGS], **PRODUCTION)
    assert result.returncode == 0, result.stderr
    formatter, access_log_on, health = result.stdout.splitlines()
    assert formatter == "JsonFormatter"
    assert access_log_on == "True"
    # A load balancer probes over HTTP: the health check answers, not a redirect to HTTPS.
    assert health.split()[0] == "200"
    lines = [json.loads(line) for line in result.stderr.splitlines() if line.startswith("{")]
    refused = next(line for line in lines if line.get("status") == 405)
    assert refused["logger"] == "django.request"
    assert refused["message"] == "Method Not Allowed (POST): /healthz"
    assert (refused["method"], refused["path"]) == ("POST", "/healthz")
    assert len(refused["request_id"]) == 32
    assert "Jane" not in result.stderr
    assert "probe=1" not in result.stderr


def test_development_keeps_readable_logs():
    result = run(["shell", "-v", "0", "-c", LOGS])
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[:2] == ["Formatter", "False"]


def test_production_takes_retired_secret_keys_for_a_rotation():
    old = "a" * 10 + STRONG_SECRET[10:]
    code = f"from django.conf import settings as s; print(s.SECRET_KEY_FALLBACKS == [{old!r}])"
    result = run(
        ["shell", "--no-imports", "-c", code],
        **{**PRODUCTION, "DJANGO_SECRET_KEY_FALLBACKS": old},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True"


def test_postgresql_may_be_left_to_compile_queries_just_in_time():
    assert "options" not in _database_settings(DATABASE_JIT="true")["OPTIONS"]


@pytest.mark.django_db
def test_the_service_connections_to_postgresql_have_just_in_time_compilation_off():
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("a PostgreSQL setting; SQLite compiles no query")
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"
