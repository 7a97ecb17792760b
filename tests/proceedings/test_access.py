"""Who may open each address of the proceedings app: every relationship to the child in `world`
× every address. Records a person may not see answer 404, exactly like records that do not exist."""

import uuid

import pytest
from django.utils import timezone

from tests.conftest import SEES_CHILD
from tests.proceedings.access import ROUTES

ANONYMOUS = "anonymous"
RELATIONSHIPS = [*SEES_CHILD, ANONYMOUS]


def only(*allowed):
    return {rel: 200 if rel in allowed else 404 for rel in SEES_CHILD}


EXPECTED = {
    # Whoever may see a child in the proceedings (children.rules), and nobody else.
    "/proceedings/<uuid:proceedings_id>/": {
        rel: 200 if sees else 404 for rel, sees in SEES_CHILD.items()
    },
    # Those who work with the children every day; oversight roles read only.
    "/proceedings/<uuid:proceedings_id>/hearings/new/": only(
        "fca_allocated", "supervisor_team", "manager_area", "business_area"
    ),
    # Every service manager holds their own area's duty list; regional leaders read theirs.
    "/allocation/": only(
        "manager_area", "manager_other_area", "head_region", "head_other_region", "director_region"
    ),
    # Those who hold or read a duty list see their own area's (or region's) children not seen.
    "/children-not-seen/": only(
        "manager_area", "manager_other_area", "head_region", "head_other_region", "director_region"
    ),
    # Only the service manager of the proceedings' own area.
    "/allocation/<uuid:proceedings_id>/allocate/": only("manager_area"),
    # Business services add applications in their own area.
    "/proceedings/new/": only("business_area", "business_other_area"),
    # The next steps of a new application: with no application begun, back to its first page.
    "/proceedings/new/children/": {
        **only(),
        "business_area": 302,
        "business_other_area": 302,
    },
    "/proceedings/new/check/": {**only(), "business_area": 302, "business_other_area": 302},
}


def test_every_route_has_expectations():
    assert set(EXPECTED) == set(ROUTES)


def _url(route, proceedings_id):
    return route.replace("<uuid:proceedings_id>", str(proceedings_id))


@pytest.mark.parametrize("relationship", RELATIONSHIPS)
@pytest.mark.parametrize("route", ROUTES)
def test_who_may_open_each_page(client, world, route, relationship):
    if relationship != ANONYMOUS:
        client.force_login(world.users[relationship])
    response = client.get(_url(route, world.proceedings.uuid))
    if relationship == ANONYMOUS:
        assert response.status_code == 302
        assert response["Location"].startswith("/sign-in/")
    else:
        assert response.status_code == EXPECTED[route][relationship], relationship


@pytest.mark.parametrize("route", [r for r in ROUTES if "<uuid" in r])
def test_proceedings_that_do_not_exist_answer_404_even_for_the_area_manager(client, world, route):
    client.force_login(world.manager_area)
    assert client.get(_url(route, uuid.uuid4())).status_code == 404


def test_another_areas_manager_cannot_allocate_by_posting_either(client, world):
    client.force_login(world.manager_other_area)
    url = _url("/allocation/<uuid:proceedings_id>/allocate/", world.proceedings.uuid)
    chosen = {"fca": str(world.fca_same_team.uuid), "version": "2"}
    for action in ("check", "confirm"):
        response = client.post(url, {**chosen, "action": action})
        assert response.status_code == 404
    world.proceedings.refresh_from_db()
    assert world.proceedings.lead_fca == world.fca_allocated


def test_an_oversight_role_cannot_record_a_hearing_by_posting(client, world):
    client.force_login(world.head_region)
    url = _url("/proceedings/<uuid:proceedings_id>/hearings/new/", world.proceedings.uuid)
    response = client.post(url, {"kind": "first", "date_day": "1", "date_month": "7"})
    assert response.status_code == 404
    assert not world.proceedings.hearings.exists()


def test_closed_proceedings_cannot_be_allocated(client, world):
    world.proceedings.closed_on = timezone.localdate()
    world.proceedings.save()
    client.force_login(world.manager_area)
    url = _url("/allocation/<uuid:proceedings_id>/allocate/", world.proceedings.uuid)
    assert client.get(url).status_code == 404


def test_breaking_the_glass_on_a_child_opens_their_proceedings(client, world):
    from together.children.services import break_glass_open

    outsider = world.fca_other_area
    client.force_login(outsider)
    url = _url("/proceedings/<uuid:proceedings_id>/", world.proceedings.uuid)
    assert client.get(url).status_code == 404
    break_glass_open(by=outsider, child=world.child, reason="Covering the duty desk today")
    assert client.get(url).status_code == 200
    # Seeing is not working with the children: no hearing form for them.
    assert client.get(url + "hearings/new/").status_code == 404
