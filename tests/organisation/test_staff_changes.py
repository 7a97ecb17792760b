"""Changes made in the admin site to people's teams, roles and service areas are listed for the
managers of the places concerned: a service manager their area's, a head of practice or assistant
director their region's, national roles all of them."""

import time

import pytest
from django.urls import reverse
from django.utils.html import escape

from tests.accounts.factories import UserFactory
from tests.organisation.factories import MembershipFactory, ServiceAreaFactory, TeamFactory
from together.accounts.middleware import LAST_SEEN_KEY
from together.accounts.models import Role
from together.audit.admin import Change, admin_change_record
from together.organisation.admin import places_concerned

URL = reverse("organisation:staff-changes")


def record(by, change, before, after):
    return admin_change_record(
        by=by, change=change, before=before, after=after, scope=places_concerned(before, after)
    )


@pytest.fixture
def changes(make_user):
    """A membership added in one area and a role changed in an area of another region."""
    admin = make_user(Role.SYSTEM_ADMINISTRATOR, given_name="Sam", family_name="Admin")
    here = ServiceAreaFactory(name="Tyneside")
    there = ServiceAreaFactory(name="Cornwall")
    joiner = UserFactory(given_name="Maria", family_name="Jones", service_area=here)
    membership = MembershipFactory(user=joiner, team=TeamFactory(service_area=here, name="Blue"))
    record(admin, Change.ADDED, None, membership)
    promoted = UserFactory(given_name="Lee", family_name="Park", service_area=there)
    before = type(promoted).objects.get(pk=promoted.pk)
    promoted.role = Role.PRACTICE_SUPERVISOR
    promoted.save()
    record(admin, Change.CHANGED, before, promoted)
    return here, there


def page_for(client, user):
    client.force_login(user)
    response = client.get(URL)
    assert response.status_code == 200
    return response.content.decode()


def test_a_service_manager_sees_the_changes_in_their_own_area_only(client, make_user, changes):
    here, there = changes
    page = page_for(client, make_user(Role.SERVICE_MANAGER, area=here))
    assert "Added team membership: Maria Jones in Blue" in page
    assert "Sam Admin" in page
    assert "Lee Park" not in page


def test_a_head_of_practice_sees_their_regions_changes(client, make_user, changes):
    here, there = changes
    page = page_for(client, make_user(Role.HEAD_OF_PRACTICE, region=there.region))
    assert "Changed member of staff: Lee Park" in page
    assert "Role: was Family Court Adviser, now Practice supervisor" in page
    assert "Maria Jones" not in page


def test_national_roles_see_every_change_newest_first(client, make_user, changes):
    page = page_for(client, make_user(Role.NATIONAL_PERFORMANCE))
    assert page.index("Lee Park") < page.index("Maria Jones")


@pytest.mark.parametrize("role", [Role.FCA, Role.PRACTICE_SUPERVISOR, Role.BUSINESS_SERVICES])
def test_people_who_manage_no_place_get_404_and_no_link(client, make_user, role):
    client.force_login(make_user(role))
    assert client.get(URL).status_code == 404
    assert URL not in client.get(reverse("accounts:profile")).content.decode()


def test_the_page_is_in_the_managers_navigation(client, make_user):
    client.force_login(make_user(Role.SERVICE_MANAGER))
    assert f'href="{URL}"' in client.get(reverse("accounts:profile")).content.decode()


def test_a_change_that_leaves_role_and_place_alone_is_not_listed(client, make_user, area):
    admin = make_user(Role.SYSTEM_ADMINISTRATOR)
    person = UserFactory(service_area=area)
    before = type(person).objects.get(pk=person.pk)
    person.pronouns = "she/her"
    person.save()
    record(admin, Change.CHANGED, before, person)
    page = page_for(client, make_user(Role.SERVICE_MANAGER, area=area))
    assert "No changes yet" in page


def test_moving_someone_between_areas_shows_in_both(client, make_user):
    admin = make_user(Role.SYSTEM_ADMINISTRATOR)
    old_area, new_area = ServiceAreaFactory(), ServiceAreaFactory()
    person = make_user(Role.BUSINESS_SERVICES, area=old_area, family_name="Mover")
    before = type(person).objects.get(pk=person.pk)
    person.service_area = new_area
    person.save()
    record(admin, Change.CHANGED, before, person)
    for area in (old_area, new_area):
        page = page_for(client, make_user(Role.SERVICE_MANAGER, area=area))
        assert f"Service area: was {old_area.name}, now {new_area.name}" in page


def test_a_change_made_through_the_admin_site_reaches_the_area_manager(client, make_user, fca):
    membership = fca.team_memberships.get()
    client.force_login(make_user(Role.SYSTEM_ADMINISTRATOR))
    client.post(
        reverse("admin:organisation_teammembership_change", args=[membership.pk]),
        {
            "user": fca.pk,
            "team": membership.team_id,
            "started_on": "2024-04-01",
            "ended_on": "2026-01-31",
            "_save": "Save",
        },
    )
    page = page_for(client, make_user(Role.SERVICE_MANAGER, area=membership.team.service_area))
    # As the page writes it: a name such as O'Brien is escaped in the HTML.
    assert escape(f"Changed team membership: {fca.full_name} in {membership.team.name}") in page
    assert "Ended on: was blank, now 31 January 2026" in page


def hold_last_seen(client):
    """The idle timeout writes the session when a second has passed since the last request; a
    time of last request ahead of the clock keeps that write out of the count, however slow."""
    session = client.session
    session[LAST_SEEN_KEY] = time.time() + 600
    session.save()


def test_the_page_reads_the_same_number_of_queries_however_many_changes(
    client, make_user, area, django_assert_num_queries
):
    admin = make_user(Role.SYSTEM_ADMINISTRATOR)
    manager = make_user(Role.SERVICE_MANAGER, area=area)
    client.force_login(manager)
    client.get(URL)

    def add_changes(n):
        for _ in range(n):
            team = TeamFactory(service_area=area)
            membership = MembershipFactory(user=UserFactory(), team=team)
            record(admin, Change.ADDED, None, membership)

    add_changes(1)
    # session, user, the manager's area, the count, the page with who made each change
    hold_last_seen(client)
    with django_assert_num_queries(5):
        assert client.get(URL).status_code == 200
    add_changes(60)
    hold_last_seen(client)
    with django_assert_num_queries(5):
        page = client.get(URL).content.decode()
    assert "Page 1 of 2" in page
