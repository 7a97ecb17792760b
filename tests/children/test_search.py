"""Finding a child: by any part of a name, a near-miss spelling, a date of birth or the court's
number; only children the searcher may see; the "search all children" option; the index."""

import dataclasses
import datetime
import re

import pytest
from django.db import connection
from django.utils.html import escape

from tests.children.access_search import SEARCH_ACCESS
from tests.children.factories import ChildFactory
from tests.conftest import SEES_CHILD
from tests.organisation.factories import ServiceAreaFactory
from tests.proceedings.factories import ProceedingsChildFactory, ProceedingsFactory, allocate
from together.audit.models import Action, AuditEvent
from together.children import search
from together.children.models import Child
from together.children.search import SearchTerms, children_search
from together.children.services import (
    break_glass_open,
    child_update_about_me,
    search_text_for,
)

BORN = datetime.date(2016, 5, 14)  # ChildFactory's date of birth


@pytest.fixture
def world(world):
    """conftest's world, with a family name for Jayden that no other name here starts with."""
    world.child.legal_family_name = "Hartley"
    world.child.search_text = search_text_for(world.child)
    world.child.save()
    return world


@pytest.fixture(params=["fca_allocated", "national"])
def searcher(request, world):
    """Someone who sees Jayden: an FCA (whose own few children are matched one by one) and a
    national role (who searches through the index)."""
    return world.users[request.param]


def names(results) -> list[str]:
    return [c.preferred_name for c in results.children]


def find(user, **terms):
    return children_search(by=user, terms=SearchTerms(**terms))


def in_world(world, **fields) -> Child:
    """Another child in the proceedings `world` allocates to world.fca_allocated."""
    child = ChildFactory(**fields)
    ProceedingsChildFactory(proceedings=world.proceedings, child=child)
    return child


# What the search finds


@pytest.mark.parametrize("typed", ["jay", "Jayden", "JAYD", "  jayden  ", "jayden lee", "lee"])
def test_any_part_of_a_name_finds_the_child(world, searcher, typed):
    assert names(find(searcher, name=typed)) == ["Jayden"]


def test_the_family_name_and_name_they_use_both_find_the_child(world, searcher):
    in_world(world, legal_given_names="Robert", preferred_name="Bobby", legal_family_name="Okafor")
    for typed in ("bob", "rob", "okaf", "bobby okafor", "Robert Okafor"):
        assert names(find(searcher, name=typed)) == ["Bobby"], typed


def test_the_legal_name_is_shown_beside_the_name_they_use(world, searcher):
    in_world(world, legal_given_names="Robert", preferred_name="Bobby", legal_family_name="Okafor")
    [found] = find(searcher, name="bobby").children
    assert found.legal_name == "Robert Okafor"
    assert found.date_of_birth == BORN
    assert found.court_numbers == [world.proceedings.court_number]


def test_a_name_with_a_hyphen_or_apostrophe_is_found_by_each_part(world, searcher):
    in_world(world, legal_given_names="Siobhan", legal_family_name="O'Brien-Quennell")
    for typed in ("o'brien", "brien", "quennell", "o'brien-quennell", "siobhan brien"):
        assert names(find(searcher, name=typed)) == ["Siobhan"], typed


def test_letters_with_accents_are_found_without_them(world, searcher):
    if connection.vendor == "postgresql" and searcher == world.national:
        pytest.skip("PostgreSQL's index compares accented letters as they are (no unaccent)")
    in_world(world, legal_given_names="Zoë", legal_family_name="Nuñez")
    assert names(find(searcher, name="zoe nunez")) == ["Zoë"]


def test_every_word_typed_must_match(world, searcher):
    assert names(find(searcher, name="jayden zzzz")) == []


def test_a_near_miss_spelling_finds_the_child(world, searcher):
    results = find(searcher, name="Jaiden")
    assert names(results) == ["Jayden"]
    assert results.close_spellings


def test_a_near_miss_is_only_tried_when_nothing_starts_with_the_name(world, searcher):
    in_world(world, legal_given_names="Jaiden")
    results = find(searcher, name="Jaiden")
    assert names(results) == ["Jaiden"]
    assert not results.close_spellings


def test_short_names_are_not_guessed_at(world, searcher):
    assert names(find(searcher, name="jai")) == []


def test_date_of_birth_alone_or_with_a_name(world, searcher):
    in_world(world, legal_given_names="Amara", date_of_birth=datetime.date(2019, 1, 2))
    assert names(find(searcher, date_of_birth=BORN)) == ["Jayden"]
    assert names(find(searcher, date_of_birth=datetime.date(2019, 1, 2))) == ["Amara"]
    assert names(find(searcher, name="amara", date_of_birth=BORN)) == []


@pytest.mark.parametrize("written", [str.upper, str.lower])
def test_the_courts_number_exactly_in_capitals_or_small_letters(world, searcher, written):
    number = world.proceedings.court_number
    assert names(find(searcher, court_number=written(number))) == ["Jayden"]
    assert names(find(searcher, court_number=number[:-1])) == []


def test_only_open_proceedings_are_listed(world, searcher):
    closed = ProceedingsFactory(
        service_area=world.area,
        received_on=datetime.date(2020, 1, 1),
        closed_on=datetime.date(2021, 1, 1),
    )
    ProceedingsChildFactory(proceedings=closed, child=world.child)
    [found] = find(searcher, name="jayden").children
    assert found.court_numbers == [world.proceedings.court_number]


def test_no_more_than_the_limit_with_a_note_that_there_are_more(world, searcher):
    for _ in range(4):
        in_world(world, legal_given_names="Jayda")
    results = children_search(by=searcher, terms=SearchTerms(name="jay"), limit=3)
    assert len(results.children) == 3
    assert results.more


# Who sees what


@pytest.mark.parametrize(("relationship", "sees"), SEES_CHILD.items())
def test_search_finds_only_children_the_searcher_may_see(world, relationship, sees):
    user = world.users[relationship]
    ChildFactory(legal_given_names="Jayden")  # in no proceedings: nobody's everyday access
    expected = ["Jayden"] if sees else []
    if relationship == "national":
        expected = ["Jayden", "Jayden"]  # a national role sees every child
    assert names(find(user, name="jayden")) == expected
    assert names(find(user, court_number=world.proceedings.court_number)) == expected[:1]
    assert names(find(user, date_of_birth=BORN)) == expected


def test_a_file_opened_by_giving_a_reason_is_found_while_it_lasts(world):
    outsider = world.fca_other_area
    assert names(find(outsider, name="jayden")) == []
    break_glass_open(by=outsider, child=world.child, reason="Covering duty today for a colleague")
    assert names(find(outsider, name="jayden")) == ["Jayden"]


def test_search_all_lists_children_outside_everyday_access_with_only_enough_to_pick(world):
    outsider = world.fca_other_area
    theirs = ProceedingsFactory(service_area=world.other_area)
    allocate(theirs, outsider, outsider.team_memberships.get().team)
    own = ChildFactory(legal_given_names="Jayden", preferred_name="Jay")
    ProceedingsChildFactory(proceedings=theirs, child=own)
    results = find(outsider, name="jayden", all_children=True)
    assert names(results) == ["Jay"]  # their own, in full
    [other] = results.others
    # The name they use with the family name's first letter, the date of birth, the area of
    # their latest proceedings (in another area: no court's number) and why they matched.
    assert (other.uuid, other.name, other.date_of_birth) == (world.child.uuid, "Jayden H.", BORN)
    assert (other.area, other.court_number) == (world.area.name, "")
    assert other.matched == ["Name they use"]
    # Nothing else about the child is even carried to the page.
    assert {f.name for f in dataclasses.fields(other)} == {
        "uuid",
        "preferred_name",
        "date_of_birth",
        "family_initial",
        "area",
        "court_number",
        "matched",
    }


def test_search_all_shows_the_courts_number_only_for_the_searchers_own_area(world):
    older = ProceedingsFactory(
        service_area=ServiceAreaFactory(),
        court_number="NE20C00001",
        received_on=datetime.date(2020, 1, 1),
        closed_on=datetime.date(2021, 1, 1),
    )
    ProceedingsChildFactory(proceedings=older, child=world.child)
    # In the same area but not allocated: the latest proceedings' number, with the area.
    [same_area] = find(world.fca_same_team, name="jayden", all_children=True).others
    assert (same_area.court_number, same_area.area) == (
        world.proceedings.court_number,
        world.area.name,
    )
    # Business services of another area see the area's name only, never the numbers.
    [elsewhere] = find(world.business_other_area, name="jayden", all_children=True).others
    assert (elsewhere.court_number, elsewhere.area) == ("", world.area.name)


def test_each_child_found_says_why_it_matched(world):
    outsider = world.fca_other_area
    for given, preferred, family in (
        ("Maisie", "Maisie", "Hughes"),
        ("Eliza Maisie", "Eliza", "Carter"),
        ("Paige", "Paige", "Maisey"),
    ):
        in_world(world, legal_given_names=given, preferred_name=preferred, legal_family_name=family)
    results = find(outsider, name="mais", all_children=True)
    assert {o.name: o.matched for o in results.others} == {
        "Maisie H.": ["Name they use"],
        "Eliza C.": ["Given name Maisie"],
        "Paige M.": ["Family name"],
    }
    # The same reasons for children the searcher works with.
    [eliza] = find(world.fca_allocated, name="eliza maisie").children
    assert eliza.matched == ["Name they use", "Given name Maisie"]


def test_a_near_miss_court_number_or_date_of_birth_is_given_as_the_reason(world, searcher):
    [close] = find(searcher, name="jaiden").children
    assert close.matched == ["Name they use (a similar spelling)"]
    [by_number] = find(
        searcher, court_number=world.proceedings.court_number, date_of_birth=BORN
    ).children
    assert by_number.matched == ["Court's number", "Date of birth"]


def test_search_all_shows_children_the_searcher_may_see_in_full(world):
    results = find(world.fca_allocated, name="jayden", all_children=True)
    assert names(results) == ["Jayden"]
    assert results.others == []


def test_system_administrators_cannot_search_all_children(world):
    results = find(world.sysadmin, name="jayden", all_children=True)
    assert results.children == results.others == []


# The audit log


def test_every_search_is_logged_by_kind_never_by_name(world):
    find(world.fca_allocated, name="Jayden", date_of_birth=BORN)
    event = AuditEvent.objects.get(action=Action.CHILDREN_SEARCHED)
    assert event.actor == world.fca_allocated
    assert event.detail == {
        "by": ["name", "date_of_birth"],
        "all_children": False,
        "close_spellings": False,
        "found": 1,
        "found_outside_access": 0,
    }
    assert "jayden" not in str(event.__dict__).lower()


def test_search_all_is_logged_as_such(world):
    find(world.fca_other_area, court_number=world.proceedings.court_number, all_children=True)
    event = AuditEvent.objects.get(action=Action.CHILDREN_SEARCHED)
    assert event.detail["by"] == ["court_number"]
    assert event.detail["all_children"] is True
    assert event.detail["found_outside_access"] == 1
    # Which children outside their access were shown, by their file's id (never a name).
    assert event.detail["shown_outside_access"] == [str(world.child.uuid)]


# The index keeps up with every change


def test_the_search_index_is_in_place_after_every_migration(db):
    assert search.index_problems() == [], (
        "A migration dropped the search index (on SQLite, rebuilding children_child drops its "
        "triggers): re-create it as children/migrations/0003_search_index.py does."
    )


def test_a_renamed_child_is_found_by_the_new_name_only(world, searcher):
    child = world.child
    child_update_about_me(
        by=world.fca_allocated, child=child, version=child.version, preferred_name="Jojo"
    )
    assert names(find(searcher, name="jojo")) == ["Jojo"]
    assert names(find(searcher, name="jayden")) == ["Jojo"]  # still a legal given name
    assert names(find(searcher, name="jayd lee")) == ["Jojo"]
    child_update_about_me(
        by=world.fca_allocated, child=child, version=child.version + 1, preferred_name="Jayden"
    )
    assert names(find(searcher, name="jojo")) == []


def test_bulk_inserted_and_deleted_children_are_kept_in_step(make_user):
    national = make_user("national_performance")
    Child.objects.bulk_create(
        [
            Child(
                legal_given_names=given,
                legal_family_name="Bulkley",
                preferred_name=given,
                date_of_birth=BORN,
                search_text=f"{given.lower()} bulkley",
            )
            for given in ("Ada", "Bea", "Cai")
        ]
    )
    assert names(find(national, name="bulkley")) == ["Ada", "Bea", "Cai"]
    Child.objects.filter(preferred_name="Bea").delete()
    assert names(find(national, name="bulkley")) == ["Ada", "Cai"]


# The pieces


def test_name_words_are_small_letters_without_accents():
    assert search.name_words("  Zoë  O'Brien-Smith 2 ") == ["zoe", "o", "brien", "smith"]


def test_spellings_one_letter_away():
    away = search.one_letter_away("jaiden")
    assert {"jayden", "jaden", "jaidan", "ajiden", "jaideen"} <= away
    assert "jaiden" not in away and "jydn" not in away


# Queries: fixed, whatever the number of children


def _count(django_assert_num_queries, user, n, **terms):
    with django_assert_num_queries(n):
        children_search(by=user, terms=SearchTerms(**terms))


@pytest.mark.parametrize("how_many", [1, 30])
def test_queries_do_not_grow_with_the_children_found(world, django_assert_num_queries, how_many):
    for _ in range(how_many):
        in_world(world, legal_given_names="Jayda")
    # Every search: a savepoint and its release for the search, and the audit event (3).
    # An FCA's own children: which they are, their names, their court's numbers (3), near-miss
    # spellings included.
    for terms in ({"name": "jay"}, {"date_of_birth": BORN}, {"name": "jaiden"}):
        _count(django_assert_num_queries, world.fca_allocated, 6, **terms)
    # Through the index: the children found and their court's numbers (2).
    for terms in ({"name": "jay"}, {"date_of_birth": BORN}):
        _count(django_assert_num_queries, world.national, 5, **terms)
    _count(django_assert_num_queries, world.fca_allocated, 5, name="jay", all_children=True)
    # When nothing starts with the name, a second look for close spellings (on PostgreSQL after
    # setting how close is close enough).
    close = 6 if connection.vendor == "sqlite" else 7
    _count(django_assert_num_queries, world.national, close, name="jaiden")


@pytest.mark.parametrize("how_many", [1, 30])
def test_search_all_reads_the_proceedings_of_children_outside_access_in_one_query(
    world, django_assert_num_queries, how_many
):
    for _ in range(how_many):
        in_world(world, legal_given_names="Jayda")
    # The children found, and their proceedings (area, number, why) in one query, then the 3.
    _count(django_assert_num_queries, world.fca_other_area, 5, name="jay", all_children=True)


def test_a_search_that_finds_nobody_skips_the_court_numbers(world, django_assert_num_queries):
    # Which children are theirs (none), then the 3 of every search.
    _count(django_assert_num_queries, world.fca_other_area, 4, name="jay")
    _count(django_assert_num_queries, world.national, 4, name="zz")


# The page


def post(client, **data):
    return client.post("/children/", data)


def test_the_search_page(client, world):
    client.force_login(world.fca_allocated)
    response = client.get("/children/")
    page = response.content.decode()
    assert response.status_code == 200
    assert '<h1 class="govuk-heading-l">Find a child</h1>' in page
    assert "Search all children" in page
    assert not AuditEvent.objects.filter(action=Action.CHILDREN_SEARCHED).exists()


def test_results_link_to_the_childs_file(client, world):
    client.force_login(world.fca_allocated)
    page = post(client, q="jay").content.decode()
    assert "1 child found" in page
    assert "You searched the children you work with for the name “jay”." in page
    assert f'href="/children/{world.child.uuid}/"' in page
    assert escape(world.child.legal_family_name) in page
    assert world.proceedings.court_number in page
    assert AuditEvent.objects.filter(action=Action.CHILDREN_SEARCHED).count() == 1


def test_search_by_date_of_birth_on_the_page(client, world):
    client.force_login(world.fca_allocated)
    page = post(
        client, date_of_birth_day="14", date_of_birth_month="5", date_of_birth_year="2016"
    ).content.decode()
    assert f'href="/children/{world.child.uuid}/"' in page
    assert "the date of birth 14 May 2016" in page


def test_search_all_on_the_page_shows_enough_to_pick_and_a_way_to_give_a_reason(client, world):
    client.force_login(world.fca_other_area)
    page = post(client, q="jayden", scope="all").content.decode()
    assert "Children you do not usually work with" in page
    assert f'href="/children/{world.child.uuid}/break-glass/"' in page
    assert "Give a reason to open this file" in page
    assert f'href="/children/{world.child.uuid}/"' not in page
    assert escape(world.child.legal_family_name) not in page
    # The family name's first letter, the area and why, but another area's number is not shown.
    row = re.search(r"<tr[^>]*>\s*<th[^>]*>Jayden H\.</th>.*?</tr>", page, re.S).group(0)
    assert world.area.name in row
    assert "Name they use" in row
    assert world.proceedings.court_number not in page


def test_search_all_on_the_page_shows_the_number_of_proceedings_in_ones_own_area(client, world):
    client.force_login(world.fca_same_team)
    page = post(client, q="jayden", scope="all").content.decode()
    row = re.search(r"<tr[^>]*>\s*<th[^>]*>Jayden H\.</th>.*?</tr>", page, re.S).group(0)
    assert f"{world.proceedings.court_number}, {escape(world.area.name)}" in row


def test_without_search_all_children_outside_access_are_not_mentioned(client, world):
    client.force_login(world.fca_other_area)
    page = post(client, q="jayden").content.decode()
    assert "No children found" in page
    assert str(world.child.uuid) not in page
    assert "use “Search all children”" in page


def test_system_administrators_are_not_offered_search_all(client, world):
    client.force_login(world.sysadmin)
    assert "Search all children" not in client.get("/children/").content.decode()
    page = post(client, q="jayden", scope="all").content.decode()
    assert "No children found" in page
    assert str(world.child.uuid) not in page


def test_national_roles_see_every_child_so_are_not_offered_search_all(client, world):
    client.force_login(world.national)
    assert "Search all children" not in client.get("/children/").content.decode()


def test_near_miss_spelling_is_explained(client, world):
    client.force_login(world.fca_allocated)
    page = post(client, q="Jaiden").content.decode()
    assert "No names start with “Jaiden”" in page
    assert f'href="/children/{world.child.uuid}/"' in page


def test_more_than_the_limit_is_explained(client, world, monkeypatch):
    monkeypatch.setattr("together.children.views.search.LIMIT", 2)
    for _ in range(3):
        in_world(world, legal_given_names="Jayda")
    client.force_login(world.fca_allocated)
    page = post(client, q="jay").content.decode()
    assert "More than 2 children found" in page
    assert "Only the first 2 are shown" in page
    assert len(re.findall(r'href="/children/[0-9a-f-]{36}/"', page)) == 2


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Enter a name, a court&#x27;s number or a date of birth"),
        ({"q": "   "}, "Enter a name, a court&#x27;s number or a date of birth"),
        ({"q": "j"}, "Enter at least 2 letters of a name"),
        ({"q": "jay@den"}, "A name can only include letters, spaces, hyphens and apostrophes"),
        ({"q": "LS26C<0001>"}, "A court&#x27;s number can only include letters, numbers"),
        ({"q": "x" * 101}, "Name or court&#x27;s number must be 100 characters or fewer"),
        ({"date_of_birth_day": "14", "date_of_birth_year": "2016"}, "must include a month"),
        (
            {"date_of_birth_day": "31", "date_of_birth_month": "2", "date_of_birth_year": "2016"},
            "Date of birth must be a real date",
        ),
        (
            {"date_of_birth_day": "1", "date_of_birth_month": "1", "date_of_birth_year": "2999"},
            "Date of birth must be today or in the past",
        ),
    ],
)
def test_empty_or_wrong_answers_get_a_plain_error_summary(client, world, data, message):
    client.force_login(world.fca_allocated)
    response = post(client, **data)
    page = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: Find a child" in page
    summary = re.search(r'<div class="govuk-error-summary".*?</ul>', page, re.S).group(0)
    assert message in summary
    assert "children found" not in page
    assert not AuditEvent.objects.filter(action=Action.CHILDREN_SEARCHED).exists()


def test_the_page_makes_a_fixed_number_of_queries(client, world, django_assert_num_queries):
    client.force_login(world.fca_allocated)
    post(client, q="jay")  # the first request also loads the session's user
    for _ in range(10):
        in_world(world, legal_given_names="Jayda")
    # session, user, then the search's 6 (see test_queries_do_not_grow_with_the_children_found)
    with django_assert_num_queries(8):
        post(client, q="jay")


# Who may open the page (rows in tests/children/access_search.py)


@pytest.mark.parametrize("relationship", SEES_CHILD)
def test_every_member_of_staff_may_search(client, world, relationship):
    client.force_login(world.users[relationship])
    expected = SEARCH_ACCESS["/children/"][relationship]
    assert client.get("/children/").status_code == expected
    assert post(client, q="jayden").status_code == expected


def test_someone_not_signed_in_is_asked_to_sign_in(client, db):
    response = client.get("/children/")
    assert response.status_code == 302 and response["Location"].startswith("/sign-in/")
