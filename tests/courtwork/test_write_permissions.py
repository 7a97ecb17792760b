"""Every service that writes the work for the court checks who is writing, whoever calls it
(see tests/write_permissions.py for how these tests work)."""

import importlib
import inspect

from django.utils import timezone

from tests.courtwork.factories import answer_check, ask_check, make_private_law, talk_with
from tests.write_permissions import (
    GLASS_BROKEN,
    INACTIVE,
    SIGNED_OUT,
    WRITE_VERBS,
    Write,
    WritePermissions,
)
from together.core.form_tokens import new_token
from together.courtwork import enquiries

# Who may not make the safeguarding enquiries: anyone but the allocated FCA and their managers
# (business services change the file, but do not see the check results).
MAY_NOT_MAKE_ENQUIRIES = (
    "fca_same_team",
    "fca_other_area",
    "business_area",
    "head_region",
    "national",
    GLASS_BROKEN,
    SIGNED_OUT,
    INACTIVE,
)


def _private(world):
    return make_private_law(world)


def _check(world):
    return ask_check(make_private_law(world))


def _letter(world):
    make_private_law(world)
    return enquiries.safeguarding_letter_start(
        by=world.fca_allocated, proceedings=world.proceedings
    )


def _written_letter(world):
    letter = _letter(world)
    return enquiries.safeguarding_letter_update(
        by=world.fca_allocated,
        letter=letter,
        version=letter.version,
        enquiries=letter.enquiries,
        analysis="Both parents agree Jayden is safe with each of them.",
        recommendation="Jayden should keep seeing both parents as now.",
    )


SAFEGUARDING_WRITES = {
    "safeguarding_check_add": Write(
        lambda world, by, _: ask_check(world, by=by, token=new_token()),
        refused=MAY_NOT_MAKE_ENQUIRIES,
        allowed="fca_allocated",
        setup=_private,
    ),
    "safeguarding_check_update": Write(
        lambda world, by, check: answer_check(check, by),
        refused=MAY_NOT_MAKE_ENQUIRIES,
        allowed="supervisor_team",
        setup=_check,
    ),
    "safeguarding_conversation_record": Write(
        lambda world, by, _: talk_with(world, world.mother, by=by, token=new_token()),
        refused=MAY_NOT_MAKE_ENQUIRIES,
        allowed="fca_allocated",
        setup=_private,
    ),
    "safeguarding_letter_start": Write(
        lambda world, by, _: enquiries.safeguarding_letter_start(
            by=by, proceedings=world.proceedings
        ),
        refused=MAY_NOT_MAKE_ENQUIRIES,
        allowed="manager_area",
        setup=_private,
    ),
    "safeguarding_letter_update": Write(
        lambda world, by, letter: enquiries.safeguarding_letter_update(
            by=by,
            letter=letter,
            version=letter.version,
            enquiries="The police hold no record of the family.",
            analysis="",
            recommendation="",
        ),
        refused=MAY_NOT_MAKE_ENQUIRIES,
        allowed="fca_allocated",
        setup=_letter,
    ),
    "safeguarding_letter_mark_filed": Write(
        lambda world, by, letter: enquiries.safeguarding_letter_mark_filed(
            by=by, letter=letter, version=letter.version, filed_on=timezone.localdate()
        ),
        refused=MAY_NOT_MAKE_ENQUIRIES,
        allowed="fca_allocated",
        setup=_written_letter,
    ),
}

# The other part of the app (reports) adds its own block below.
WRITES = {**SAFEGUARDING_WRITES}

# Modules of the app that hold write services (the app has no services.py: one per part).
SERVICE_MODULES = ["enquiries"]


def _write_services() -> set[str]:
    found = set()
    for name in SERVICE_MODULES:
        module = importlib.import_module(f"together.courtwork.{name}")
        for function_name, function in inspect.getmembers(module, inspect.isfunction):
            if function.__module__ != module.__name__ or function_name.startswith("_"):
                continue
            if WRITE_VERBS & set(function_name.split("_")):
                found.add(function_name)
    return found


class TestWritePermissions(WritePermissions):
    app = "courtwork"
    writes = WRITES

    def test_every_write_service_is_listed_here_checked_or_with_why_not(self):
        assert _write_services() == {key.split()[0] for key in self.writes}
