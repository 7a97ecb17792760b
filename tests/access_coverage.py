"""Every route an app's access list declares (tests/<app>/access.py, ROUTES) must be requested by
some test: a route listed but never requested fails the run.

The routes requested are recorded as the test client (or the live server) starts each request,
by the URL pattern it resolves to, so "/children/<uuid:child_id>/" counts whatever child it was
asked for. The hooks in tests/conftest.py record for the whole run, gather the records of every
pytest-xdist worker, and check at the end: only for an app whose test modules were all
collected and when nothing was deselected, so running part of the suite never fails for what the
rest would have requested.
"""

import importlib
import threading
from collections.abc import Iterable
from pathlib import Path

from django.core.signals import request_started
from django.urls import Resolver404, resolve

TESTS = Path(__file__).parent


def apps_with_access_lists() -> list[str]:
    return sorted(path.parent.name for path in TESTS.glob("*/access.py"))


def declared_routes() -> dict[str, set[str]]:
    """Each app's declared routes, by app."""
    return {
        app: set(importlib.import_module(f"tests.{app}.access").ROUTES)
        for app in apps_with_access_lists()
    }


def test_modules(app: str) -> set[Path]:
    return set((TESTS / app).glob("test_*.py"))


def apps_fully_collected(collected: Iterable[Path]) -> set[str]:
    """The apps all of whose test modules are among the collected files."""
    collected = set(collected)
    return {app for app in apps_with_access_lists() if test_modules(app) <= collected}


def routes_never_requested(
    declared: dict[str, set[str]], requested: set[str], apps: Iterable[str]
) -> dict[str, list[str]]:
    """For each of `apps`, the declared routes no request resolved to."""
    missing = {app: sorted(declared[app] - requested) for app in apps}
    return {app: routes for app, routes in missing.items() if routes}


class RouteRecorder:
    """The URL patterns ("/" + the resolver's route) of the requests started while connected."""

    def __init__(self):
        self.requested: set[str] = set()
        self._lock = threading.Lock()  # the live server answers in threads of its own

    def start(self) -> None:
        request_started.connect(self.record)

    def stop(self) -> None:
        request_started.disconnect(self.record)

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc):
        self.stop()

    def record(self, sender, environ=None, **kwargs):
        try:
            match = resolve(environ["PATH_INFO"])
        except (Resolver404, KeyError, TypeError):
            return
        with self._lock:
            self.requested.add("/" + match.route)
