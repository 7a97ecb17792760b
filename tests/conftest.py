"""Settings and fixtures shared by every test."""

import datetime

import pytest
from django.db import connection, transaction

from tests import access_coverage
from tests.accounts.factories import PASSWORD, UserFactory
from tests.organisation.factories import MembershipFactory, ServiceAreaFactory, TeamFactory

# Routes in an access list that no test requests fail the run (tests/access_coverage.py). The
# record is this process's; under pytest-xdist each worker hands its record to the controller,
# which checks the whole run's.
ROUTES_REQUESTED = access_coverage.RouteRecorder()
_run = {"collected": set(), "deselected": False, "from_workers": [], "never_requested": {}}


def pytest_sessionstart(session):
    ROUTES_REQUESTED.start()


def pytest_deselected(items):
    _run["deselected"] = True


def pytest_collection_finish(session):
    _run["collected"] = {item.path for item in session.items}
    if any("::" in arg for arg in session.config.args):  # chosen tests, not whole modules
        _run["deselected"] = True


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):
    # pytest-xdist's controller, as each worker finishes: what it collected and requested.
    if record := getattr(node, "workeroutput", {}).get("access_coverage"):
        _run["from_workers"].append(record)


def pytest_sessionfinish(session, exitstatus):
    ROUTES_REQUESTED.stop()
    complete = not _run["deselected"]
    apps = access_coverage.apps_fully_collected(_run["collected"]) if complete else set()
    requested = set(ROUTES_REQUESTED.requested)
    if hasattr(session.config, "workeroutput"):  # a pytest-xdist worker: the controller checks
        session.config.workeroutput["access_coverage"] = {
            "apps": sorted(apps),
            "requested": sorted(requested),
        }
        return
    if _run["from_workers"]:  # the controller collects nothing: each worker collected it all
        apps = set.intersection(*(set(w["apps"]) for w in _run["from_workers"]))
        requested = set().union(*(w["requested"] for w in _run["from_workers"]))
    if exitstatus != pytest.ExitCode.OK:
        return  # failed or stopped early: what was not requested then proves nothing
    missing = access_coverage.routes_never_requested(
        access_coverage.declared_routes(), requested, apps
    )
    if missing:
        _run["never_requested"] = missing
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter):
    if missing := _run["never_requested"]:
        terminalreporter.section("routes in an access list that no test requested", red=True)
        for app, routes in missing.items():
            for route in routes:
                terminalreporter.line(f"tests/{app}/access.py: {route}", red=True)
        terminalreporter.line(
            "Request each in a test of its app (the access tests walk ROUTES), or remove it."
        )


@pytest.fixture(autouse=True)
def _fast_settings(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # The idle timeout writes the session at most once a second; a slow test machine would make
    # that write come and go in the pinned query counts. Its own tests set it back to a second.
    settings.IDLE_PRECISION = datetime.timedelta(hours=1)
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    # Each test's client loads the middleware afresh, and whitenoise would walk every static
    # folder (node_modules included) each time: a seventh of a second a test. No test asks the
    # test client for a static file; the browser journeys get theirs from the live server's own
    # static handler. A test about serving static files sets this back to True.
    settings.WHITENOISE_USE_FINDERS = False


def _commits(node) -> bool:
    """Whether the test commits (transactional_db, live_server: the browser journeys), and so
    ends with Django's flush of every table."""
    marker = node.get_closest_marker("django_db")
    return bool({"transactional_db", "live_server"} & set(node.fixturenames)) or bool(
        marker and marker.kwargs.get("transaction")
    )


# What the migrations put in the test database (the letter library, the glossary), kept before
# the first test that commits. Django's flush after such a test empties it too. Run one after
# another, pytest-django keeps those tests till last; run in parallel (make test), a worker may
# run one before tests that need that data. So it is put back once the test is torn down.
_MIGRATIONS_DATA: dict[str, str] = {}


@pytest.fixture(autouse=True)
def _migrations_data_kept(request, django_db_blocker):
    if _commits(request.node) and not _MIGRATIONS_DATA:
        request.getfixturevalue("django_db_setup")
        with django_db_blocker.unblock():
            _MIGRATIONS_DATA["json"] = connection.creation.serialize_db_to_string()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    yield  # every fixture torn down: the flush is done
    # After the last test the test database itself is gone (and nothing needs the data).
    if nextitem is None or not (_MIGRATIONS_DATA and _commits(item)):
        return
    from django.contrib.auth.models import Permission
    from django.contrib.contenttypes.models import ContentType
    from django.core import serializers
    from pytest_django.plugin import blocking_manager_key

    # The flush itself makes content types and permissions again (post_migrate): the rest.
    remade = (ContentType, Permission)
    with item.config.stash[blocking_manager_key].unblock(), transaction.atomic():
        for found in serializers.deserialize("json", _MIGRATIONS_DATA["json"]):
            if not isinstance(found.object, remade):
                found.save()


@pytest.fixture(autouse=True)
def _audit_log_emptied_before_flush(request):
    """After a test that commits (transactional_db, live_server), empty the audit log the way a
    retention job would, so that Django's flush finds nothing to delete.

    On SQLite the flush deletes rows one table at a time, and the audit log's triggers refuse
    that (PostgreSQL's flush truncates, which its row triggers do not see). The triggers are
    lifted, the rows deleted and the triggers put back, all in one transaction: no other
    connection ever sees the log without them.
    """
    commits = _commits(request.node)
    if commits:
        # Set up here, so it is torn down (flushed) after this fixture's own teardown.
        request.getfixturevalue("transactional_db")
    yield
    if commits and connection.vendor == "sqlite":
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(
                "SELECT name, sql FROM sqlite_master "
                "WHERE type = 'trigger' AND tbl_name = 'audit_auditevent'"
            )
            triggers = cursor.fetchall()
            for name, _ in triggers:
                cursor.execute(f'DROP TRIGGER "{name}"')
            cursor.execute("DELETE FROM audit_auditevent")
            for _, sql in triggers:
                cursor.execute(sql)


@pytest.fixture
def area(db):
    return ServiceAreaFactory()


@pytest.fixture
def team(area):
    return TeamFactory(service_area=area)


@pytest.fixture
def fca(team):
    user = UserFactory(role="fca", service_area=team.service_area, password=PASSWORD)
    MembershipFactory(user=user, team=team)
    return user


@pytest.fixture
def make_user(db):
    """Make a member of staff in a role, placed where that role works."""

    def make(role, *, team=None, area=None, region=None, **fields):
        from together.accounts.models import REGION_ROLES, SERVICE_AREA_ROLES, TEAM_ROLES

        if role in TEAM_ROLES:
            team = team or TeamFactory(service_area=area or ServiceAreaFactory())
            user = UserFactory(role=role, service_area=team.service_area, **fields)
            MembershipFactory(user=user, team=team)
            return user
        if role in SERVICE_AREA_ROLES:
            return UserFactory(role=role, service_area=area or ServiceAreaFactory(), **fields)
        if role in REGION_ROLES:
            return UserFactory(role=role, region=region or ServiceAreaFactory().region, **fields)
        return UserFactory(role=role, **fields)

    return make


# What each relationship to the child in `world` may do: see the file (everyday access).
SEES_CHILD = {
    "fca_allocated": True,
    "fca_same_team": False,
    "fca_other_area": False,
    "supervisor_team": True,
    "supervisor_other_team": False,
    "manager_area": True,
    "manager_other_area": False,
    "head_region": True,
    "head_other_region": False,
    "director_region": True,
    "national": True,
    "business_area": True,
    "business_other_area": False,
    "sysadmin": False,
}


@pytest.fixture
def world(db):
    """One child in one set of proceedings, and a member of staff for every relationship to them.

    The proceedings are in `area` (in `region`), held by `team` and allocated to `fca_allocated`.
    """
    from types import SimpleNamespace

    from tests.children.factories import ChildFactory
    from tests.proceedings.factories import (
        ProceedingsChildFactory,
        ProceedingsFactory,
        allocate,
    )
    from together.accounts.models import Role

    area = ServiceAreaFactory()
    other_area = ServiceAreaFactory()  # in another region
    team = TeamFactory(service_area=area)
    other_team = TeamFactory(service_area=area)
    far_team = TeamFactory(service_area=other_area)

    def staff(role, **place):
        user = UserFactory(role=role, **{k: v for k, v in place.items() if k != "team"})
        if "team" in place:
            MembershipFactory(user=user, team=place["team"])
        return user

    users = {
        "fca_allocated": staff(Role.FCA, service_area=area, team=team),
        "fca_same_team": staff(Role.FCA, service_area=area, team=team),
        "fca_other_area": staff(Role.FCA, service_area=other_area, team=far_team),
        "supervisor_team": staff(Role.PRACTICE_SUPERVISOR, service_area=area, team=team),
        "supervisor_other_team": staff(
            Role.PRACTICE_SUPERVISOR, service_area=area, team=other_team
        ),
        "manager_area": staff(Role.SERVICE_MANAGER, service_area=area),
        "manager_other_area": staff(Role.SERVICE_MANAGER, service_area=other_area),
        "head_region": staff(Role.HEAD_OF_PRACTICE, region=area.region),
        "head_other_region": staff(Role.HEAD_OF_PRACTICE, region=other_area.region),
        "director_region": staff(Role.ASSISTANT_DIRECTOR, region=area.region),
        "national": staff(Role.NATIONAL_PERFORMANCE),
        "business_area": staff(Role.BUSINESS_SERVICES, service_area=area),
        "business_other_area": staff(Role.BUSINESS_SERVICES, service_area=other_area),
        "sysadmin": staff(Role.SYSTEM_ADMINISTRATOR),
    }
    assert set(users) == set(SEES_CHILD)
    child = ChildFactory(preferred_name="Jayden", legal_given_names="Jayden Lee")
    proceedings = ProceedingsFactory(service_area=area)
    ProceedingsChildFactory(proceedings=proceedings, child=child)
    allocate(proceedings, users["fca_allocated"], team)
    return SimpleNamespace(
        area=area,
        other_area=other_area,
        team=team,
        child=child,
        proceedings=proceedings,
        users=users,
        **users,
    )
