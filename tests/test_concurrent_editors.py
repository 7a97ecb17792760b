"""Several people saving the same thing at the same moment (issue 21): each save made on the
version everyone saw either lands whole or is refused with EditConflict, never lost silently.

Real concurrency needs one connection a person, so these run where the database has them:
PostgreSQL (CI runs the suite there as well as on SQLite, whose in-memory test database is one
connection shared by every thread).
"""

import threading

import pytest
from django.db import connection, connections

from tests.plans.factories import start_plan
from together.children.models import Child
from together.children.services import child_update_about_me
from together.core.exceptions import EditConflict
from together.plans.models import Plan
from together.plans.services import plan_section_save

pytestmark = pytest.mark.django_db(transaction=True)

PEOPLE = 6
ROUNDS = 15


@pytest.fixture(autouse=True)
def _one_connection_a_person():
    if connection.vendor != "postgresql":
        pytest.skip("needs a connection a person: runs on PostgreSQL")


def at_once(saves):
    """Run every save in its own thread, starting together; each answers "saved" or
    "conflict"."""
    start = threading.Barrier(len(saves))
    answers = [None] * len(saves)

    def person(index, save):
        try:
            start.wait()
            save()
            answers[index] = "saved"
        except EditConflict:
            answers[index] = "conflict"
        finally:
            connections.close_all()  # this thread's connection

    threads = [threading.Thread(target=person, args=(i, s)) for i, s in enumerate(saves)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return answers


def test_people_saving_a_childs_details_at_once_lose_no_update(world):
    child = world.child
    lost = 0
    for round_ in range(ROUNDS):
        version = Child.objects.get(pk=child.pk).version
        names = [f"Name {round_}-{person}" for person in range(PEOPLE)]
        answers = at_once(
            [
                lambda name=name, version=version: child_update_about_me(
                    by=world.fca_allocated,
                    child=Child.objects.get(pk=child.pk),
                    version=version,
                    preferred_name=name,
                )
                for name in names
            ]
        )
        assert answers.count("saved") == 1, answers
        assert answers.count("conflict") == PEOPLE - 1, answers
        saved = Child.objects.get(pk=child.pk)
        winner = names[answers.index("saved")]
        lost += saved.preferred_name != winner or saved.version != version + 1
    assert lost == 0, f"{lost} of {ROUNDS} rounds lost the saved change"


def test_people_saving_the_same_plan_section_at_once_lose_no_update(world):
    plan = start_plan(world)
    lost = 0
    for round_ in range(ROUNDS):
        version = Plan.objects.get(pk=plan.pk).version
        texts = [f"Strength {round_}-{person}" for person in range(PEOPLE)]
        answers = at_once(
            [
                lambda text=text, version=version: plan_section_save(
                    by=world.fca_allocated,
                    plan=Plan.objects.get(pk=plan.pk),
                    version=version,
                    section="strengths",
                    family_strengths=text,
                )
                for text in texts
            ]
        )
        assert answers.count("saved") == 1, answers
        saved = Plan.objects.get(pk=plan.pk)
        winner = texts[answers.index("saved")]
        # The saved text, and one version (with its snapshot) for the one save that landed.
        lost += saved.family_strengths != winner or saved.version != version + 1
        assert saved.versions.filter(number=version + 1).count() == 1
    assert lost == 0, f"{lost} of {ROUNDS} rounds lost the saved change"
