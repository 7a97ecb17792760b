"""When a safeguarding letter is due, shown on My children and on the managers' list."""

import datetime

import pytest
from django.utils import timezone

from tests.conftest import SEES_CHILD
from tests.courtwork.access import LETTERS_DUE_PAGE, OVERSEES_LETTERS
from tests.courtwork.factories import make_private_law
from together.courtwork import enquiries, selectors


def _first_hearing_in(world, days):
    world.proceedings.first_hearing_on = timezone.localdate() + datetime.timedelta(days=days)
    world.proceedings.save()


def _file(world):
    fca = world.fca_allocated
    letter = enquiries.safeguarding_letter_start(by=fca, proceedings=world.proceedings)
    letter = enquiries.safeguarding_letter_update(
        by=fca,
        letter=letter,
        version=letter.version,
        enquiries="The police hold no record of the family.",
        analysis="Both parents agree Jayden is safe with each of them.",
        recommendation="Jayden should keep seeing both parents as now.",
    )
    enquiries.safeguarding_letter_mark_filed(
        by=fca, letter=letter, version=letter.version, filed_on=timezone.localdate()
    )


def test_my_children_shows_a_letter_due(client, court_world):
    _first_hearing_in(court_world, 30)
    client.force_login(court_world.fca_allocated)
    due = selectors.letter_due_on(court_world.proceedings.first_hearing_on)
    page = client.get("/").content.decode()
    assert f"Safeguarding letter due {due:%-d %B}" in page
    assert "govuk-tag--yellow" in page


def test_my_children_shows_a_late_letter_as_overdue_and_a_filed_one_not_at_all(client, court_world):
    _first_hearing_in(court_world, 1)
    client.force_login(court_world.fca_allocated)
    page = client.get("/").content.decode()
    assert "Safeguarding letter overdue" in page
    _file(court_world)
    assert "Safeguarding letter" not in client.get("/").content.decode()


def test_public_law_has_no_safeguarding_letter_on_my_children(client, world):
    world.proceedings.first_hearing_on = timezone.localdate()
    world.proceedings.save()
    client.force_login(world.fca_allocated)
    assert "Safeguarding letter" not in client.get("/").content.decode()


def test_my_children_still_asks_a_fixed_number_of_queries(
    client, court_world, django_assert_num_queries
):
    _first_hearing_in(court_world, 1)
    client.force_login(court_world.fca_allocated)
    client.get("/")
    with django_assert_num_queries(4):  # as tests/children/test_file_views.py pins it
        client.get("/")


@pytest.mark.parametrize("relationship", SEES_CHILD)
def test_the_letters_due_page_is_for_those_who_oversee_them(client, court_world, relationship):
    _first_hearing_in(court_world, 1)
    client.force_login(court_world.users[relationship])
    response = client.get(LETTERS_DUE_PAGE)
    assert response.status_code == (200 if relationship in OVERSEES_LETTERS else 404)
    if response.status_code == 200:
        page = response.content.decode()
        listed = court_world.proceedings.court_number in page
        assert listed == (relationship in {"supervisor_team", "manager_area", "head_region",
                                           "director_region"})  # fmt: skip
        if listed:
            assert "Overdue" in page


def test_the_letters_due_page_asks_a_fixed_number_of_queries(
    client, world, django_assert_num_queries
):
    from tests.children.factories import ChildFactory
    from tests.proceedings.factories import ProceedingsChildFactory, ProceedingsFactory

    make_private_law(world)
    _first_hearing_in(world, 3)
    client.force_login(world.manager_area)
    client.get(LETTERS_DUE_PAGE)
    with django_assert_num_queries(4) as first:
        client.get(LETTERS_DUE_PAGE)
    for n in range(4):
        more = ProceedingsFactory(
            service_area=world.area,
            law="private",
            kind="private_fh",
            stage="before_fh",
            first_hearing_on=timezone.localdate() + datetime.timedelta(days=n),
        )
        ProceedingsChildFactory(proceedings=more, child=ChildFactory())
    with django_assert_num_queries(len(first.captured_queries)):
        page = client.get(LETTERS_DUE_PAGE).content.decode()
    assert page.count("(not started)") == 5
