"""What every app's test_write_permissions module shares: who tries to write, and the proof that a
refused write saved nothing.

Each of those modules lists its app's write services in WRITES: the name of the service, a call
that makes one write with arguments that are right in every way but the actor, the members of
staff (from the `world` fixture, tests/conftest.py) who may not make it, and one who may. Its
TestWritePermissions (a WritePermissions) then calls each service as each of those who may not,
and sees it refused (PermissionDenied) with every table as it was and no audit event; and as the
one who may, and sees it done, so the refusals cannot come from anything but the actor. Services
that check no actor, by design (their docstrings say why), are listed in NO_CHECK_BY_DESIGN, and
a test walks the app's services so a new write service must be listed in one or the other.
"""

import importlib
import inspect
import pkgutil
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass

import pytest
from django.apps import apps
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied

from together.audit.models import AuditEvent

# Actors that are not simply members of staff in `world`: nobody signed in; the one who may
# write, with their account switched off; and an FCA from another area who opened the child's
# file by giving a reason (breaking the glass), which never gives the right to change it.
SIGNED_OUT = "signed out"
INACTIVE = "inactive"
GLASS_BROKEN = "glass broken"

# Who may not change a child's file (children.rules.may_edit_child), nor write what goes with it:
# the allocated FCA's teammate, an FCA from another area, oversight roles that see the file,
# an FCA who opened it by breaking the glass, someone signed out, a switched-off account.
MAY_NOT_CHANGE_THE_FILE = (
    "fca_same_team",
    "fca_other_area",
    "national",
    "head_region",
    GLASS_BROKEN,
    SIGNED_OUT,
    INACTIVE,
)

# The verbs that name a function in a services module as a write (<thing>_<verb>[_<what>]).
WRITE_VERBS = frozenset(
    {
        "add",
        "change",
        "count",
        "create",
        "delete",
        "end",
        "force",
        "mark",
        "open",
        "rebuild",
        "record",
        "remove",
        "request",
        "save",
        "seed",
        "send",
        "set",
        "start",
        "update",
    }
)


@dataclass(frozen=True)
class Write:
    """One write service: `call(world, by, made)` makes one write as `by`, with what `setup(world)`
    made beforehand (None without a setup): a record to change, for instance."""

    call: Callable
    refused: tuple[str, ...]
    allowed: str
    setup: Callable | None = None


def assert_refused(world, write: Write, who: str) -> None:
    """`write` by `who` is refused (PermissionDenied), and saves nothing."""
    made = write.setup(world) if write.setup else None
    by = actor(world, who, allowed=write.allowed)
    with refused_with_nothing_saved():
        write.call(world, by, made)


def assert_made(world, write: Write) -> None:
    """`write` by the one who may is made, and writes an audit event."""
    made = write.setup(world) if write.setup else None
    with made_and_recorded():
        write.call(world, getattr(world, write.allowed), made)


def service_names(writes: dict[str, Write]) -> set[str]:
    """The services WRITES covers: each key is a service's name, perhaps followed by a note on
    the case (`letter_template_create (national library)`)."""
    return {key.split()[0] for key in writes}


def refused_cases(writes: dict[str, Write]) -> list:
    return [
        pytest.param(name, actor, id=f"{name}-{actor}")
        for name, write in writes.items()
        for actor in write.refused
    ]


def actor(world, name: str, *, allowed: str):
    if name == SIGNED_OUT:
        return AnonymousUser()
    if name == INACTIVE:
        user = getattr(world, allowed)
        user.is_active = False
        user.save(update_fields=["is_active"])
        return user
    if name == GLASS_BROKEN:
        from together.children.services import break_glass_open

        user = world.fca_other_area
        break_glass_open(by=user, child=world.child, reason="The court rang about a hearing")
        return user
    return getattr(world, name)


def _row_counts() -> dict[str, int]:
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model.__module__.startswith("together.")
    }


@contextmanager
def refused_with_nothing_saved():
    """The block must raise PermissionDenied, leaving every table of the project as it was."""
    before = _row_counts()
    with pytest.raises(PermissionDenied):
        yield
    assert _row_counts() == before
    assert AuditEvent.objects.count() == before[AuditEvent._meta.label]


@contextmanager
def made_and_recorded():
    """The block must make its change, and write at least one audit event for it."""
    before = AuditEvent.objects.count()
    yield
    assert AuditEvent.objects.count() > before


def write_services(app: str) -> set[str]:
    """The names of the functions in `app`'s services (services.py, or each module of a
    services package) that are named as writes (WRITE_VERBS)."""
    package = importlib.import_module(f"together.{app}")
    found = set()
    for info in pkgutil.iter_modules(package.__path__):
        if info.name != "services":
            continue
        module = importlib.import_module(f"together.{app}.services")
        modules = [module]
        if info.ispkg:
            modules += [
                importlib.import_module(f"together.{app}.services.{sub.name}")
                for sub in pkgutil.iter_modules(module.__path__)
            ]
        for each in modules:
            for name, function in inspect.getmembers(each, inspect.isfunction):
                if function.__module__ == each.__name__ and WRITE_VERBS & set(name.split("_")):
                    found.add(name)
    return {name for name in found if not name.startswith("_")}


class WritePermissions:
    """The tests of one app's write services: a subclass named Test... sets `app`, `writes` and
    `no_check_by_design`, and pytest runs these for it."""

    app: str
    writes: dict[str, Write]
    no_check_by_design: frozenset[str] = frozenset()

    def pytest_generate_tests(self, metafunc):
        if "who" in metafunc.fixturenames:
            metafunc.parametrize(("service", "who"), refused_cases(self.writes))
        elif "service" in metafunc.fixturenames:
            metafunc.parametrize("service", list(self.writes))

    def test_a_write_by_someone_who_may_not_is_refused_and_saves_nothing(self, world, service, who):
        assert_refused(world, self.writes[service], who)

    def test_the_same_write_by_someone_who_may_is_made(self, world, service):
        assert_made(world, self.writes[service])

    def test_every_write_service_is_listed_here_checked_or_with_why_not(self):
        assert write_services(self.app) == service_names(self.writes) | self.no_check_by_design
