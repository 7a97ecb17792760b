"""Health checks for a load balancer or an orchestrator: /healthz and /readyz.

Both are public, read no session and name no person. /healthz says only that the process answers.
/readyz says whether this server can do useful work: the database answers, the shared cache
answers, and no migration is waiting. A failing check answers 503 naming the check, never the
error itself (an error can carry a host name or a password from a connection string); the error's
kind goes to the log.
"""

import logging
import uuid

from django.contrib.auth.decorators import login_not_required
from django.core.cache import caches
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

log = logging.getLogger(__name__)

OK = "ok"
FAILING = "failing"
NOT_CHECKED = "not checked"

# Migrations only change on a deploy, which restarts the process: once they are all applied the
# answer is kept for the life of the process, so a probe costs two small queries, not a graph.
migrations_known_applied = False


def unapplied_migrations() -> list:
    """The migrations `migrate` would apply now (what `migrate --check` looks at)."""
    executor = MigrationExecutor(connection)
    return executor.migration_plan(executor.loader.graph.leaf_nodes())


def database_answers() -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone() == (1,)


def cache_answers() -> bool:
    cache = caches["default"]
    key = f"together:readyz:{uuid.uuid4().hex}"
    cache.set(key, "1", timeout=10)
    try:
        return cache.get(key) == "1"
    finally:
        cache.delete(key)


def migrations_applied() -> bool:
    global migrations_known_applied
    if not migrations_known_applied:
        migrations_known_applied = not unapplied_migrations()
    return migrations_known_applied


def _run(name: str, check) -> str:
    try:
        return OK if check() else FAILING
    except Exception as error:  # noqa: BLE001 (any failure of a dependency means "not ready")
        # The kind of error only: its text can hold a connection string.
        log.warning("Readiness check %s failed: %s", name, type(error).__name__)
        return FAILING


@login_not_required
@never_cache
@require_safe
def healthz(request):
    return JsonResponse({"status": OK})


@login_not_required
@never_cache
@require_safe
def readyz(request):
    checks = {"database": _run("database", database_answers)}
    checks["cache"] = _run("cache", cache_answers)
    # Without a database the migrations cannot be read: that is already the failure to report.
    checks["migrations"] = (
        _run("migrations", migrations_applied) if checks["database"] == OK else NOT_CHECKED
    )
    failing = [name for name, result in checks.items() if result != OK]
    if failing:
        return JsonResponse(
            {"status": "unavailable", "failing": failing, "checks": checks}, status=503
        )
    return JsonResponse({"status": OK, "checks": checks})
