"""Other professionals who know the child, recorded on the family page with what they said."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from tests.children.access import EDITS
from tests.conftest import SEES_CHILD
from together.children import services
from together.children.models import Professional

SAID = "Jayden is settled in class, has good friends and talks about both parents warmly."


def add(world, **fields):
    return services.professional_add(
        by=world.fca_allocated,
        child=world.child,
        token=None,
        **{
            "role": Professional.Role.SCHOOL,
            "role_detail": "Class teacher",
            "name": "Priya Shah",
            "organisation": "Hillside Primary School",
            "consulted_on": datetime.date(2026, 11, 2),
            "what_they_said": SAID,
            **fields,
        },
    )


def test_a_professional_shows_on_the_family_page_with_what_they_said(client, world):
    add(world)
    client.force_login(world.supervisor_team)
    page = client.get(f"/children/{world.child.uuid}/family/").content.decode()
    assert "Other professionals who know Jayden" in page
    assert "Priya Shah" in page and "School or nursery: Class teacher" in page
    assert SAID in page and "2 November 2026" in page


def test_what_they_said_needs_when_and_someone_else_needs_their_role(world):
    with pytest.raises(ValidationError) as error:
        add(world, consulted_on=None)
    assert "consulted_on" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        add(world, role=Professional.Role.OTHER, role_detail="")
    assert "role_detail" in error.value.message_dict


def test_adding_through_the_page(client, world):
    client.force_login(world.fca_allocated)
    url = f"/children/{world.child.uuid}/family/professionals/add/"
    response = client.post(
        url,
        {
            "role": "gp",
            "name": "Dr Owen Price",
            "consulted_on_day": "3",
            "consulted_on_month": "11",
            "consulted_on_year": "2026",
            "what_they_said": "No worries about Jayden's health.",
        },
    )
    assert response.status_code == 302
    assert Professional.objects.get().name == "Dr Owen Price"


@pytest.mark.parametrize("relationship", SEES_CHILD)
def test_those_who_change_the_file_add_professionals(client, world, relationship):
    client.force_login(world.users[relationship])
    response = client.get(f"/children/{world.child.uuid}/family/professionals/add/")
    assert response.status_code == (200 if relationship in EDITS else 404)
