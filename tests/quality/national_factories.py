"""Children's files in bulk for the national audit tests: one child in one set of proceedings
each, led by a given FCA, in a given area and law."""

import datetime
import itertools

import pytest

from tests.accounts.factories import UserFactory
from tests.organisation.factories import MembershipFactory, ServiceAreaFactory, TeamFactory
from together.accounts.models import Role
from together.children.models import Child
from together.proceedings.models import Kind, Law, Proceedings, ProceedingsChild

ROUND_STARTS = datetime.date(2026, 9, 1)
NUMBERS = itertools.count(1)
KIND_OF = {Law.PUBLIC: Kind.CARE_S31, Law.PRIVATE: Kind.PRIVATE_FIRST_HEARING}


def staff(role, area):
    user = UserFactory(role=role, service_area=area)
    if role in (Role.FCA, Role.PRACTICE_SUPERVISOR):
        MembershipFactory(user=user, team=TeamFactory(service_area=area))
    return user


def files(area, law, count, *, fca, **proceedings_fields):
    """`count` children, each in their own proceedings in `area` under `law`, led by `fca`."""
    children = Child.objects.bulk_create(
        Child(
            legal_given_names=f"Child{i}",
            legal_family_name=f"{area.code}{law}",
            preferred_name=f"Child{i}",
            date_of_birth=datetime.date(2015, 1, 1),
            search_text=f"child{i}",
        )
        for i in range(count)
    )
    fields = {"received_on": datetime.date(2026, 3, 1), **proceedings_fields}
    made = Proceedings.objects.bulk_create(
        Proceedings(
            service_area=area,
            court="Family Court at Leeds",
            court_number=f"NQ{next(NUMBERS):07d}",
            law=law,
            kind=KIND_OF[law],
            lead_fca=fca,
            **fields,
        )
        for i in range(count)
    )
    ProceedingsChild.objects.bulk_create(
        ProceedingsChild(proceedings=p, child=c) for p, c in zip(made, children, strict=True)
    )
    return children


@pytest.fixture
def nation(db):
    """Two regions with one area each: in the north 60 public and 20 private law files, in the
    south 15 public and 5 private (100 in all), each area with an FCA, a practice supervisor and
    a service manager."""
    from types import SimpleNamespace

    north = ServiceAreaFactory()
    south = ServiceAreaFactory()
    people = {
        area: {
            role: staff(role, area)
            for role in (Role.FCA, Role.PRACTICE_SUPERVISOR, Role.SERVICE_MANAGER)
        }
        for area in (north, south)
    }
    files(north, Law.PUBLIC, 60, fca=people[north][Role.FCA])
    files(north, Law.PRIVATE, 20, fca=people[north][Role.FCA])
    files(south, Law.PUBLIC, 15, fca=people[south][Role.FCA])
    files(south, Law.PRIVATE, 5, fca=people[south][Role.FCA])
    national = UserFactory(role=Role.NATIONAL_PERFORMANCE)
    return SimpleNamespace(north=north, south=south, people=people, national=national)
