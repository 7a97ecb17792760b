"""Reading proceedings: the duty list, caseloads against the ceilings, possible duplicates."""

import datetime

import pytest
from django.http import Http404

from tests.children.factories import ChildFactory
from tests.organisation.factories import MembershipFactory, TeamFactory
from tests.proceedings.factories import ProceedingsChildFactory, ProceedingsFactory, allocate
from together.accounts.models import Role
from together.organisation.models import Team
from together.proceedings import selectors
from together.proceedings.models import Stage
from together.proceedings.selectors import ChildDetails

TODAY = datetime.date(2026, 11, 22)


def waiting(area, received, **fields):
    proceedings = ProceedingsFactory(service_area=area, received_on=received, **fields)
    ProceedingsChildFactory(proceedings=proceedings, child=ChildFactory())
    return proceedings


# The duty list


def test_duty_list_holds_open_unallocated_proceedings_of_the_area_oldest_first(
    make_user, area, fca, team
):
    manager = make_user(Role.SERVICE_MANAGER, area=area)
    newer = waiting(area, datetime.date(2026, 11, 1))
    older = waiting(area, datetime.date(2026, 10, 2))
    allocate(waiting(area, datetime.date(2026, 9, 1)), fca, team)  # allocated
    waiting(area, datetime.date(2026, 8, 1), closed_on=datetime.date(2026, 11, 1))  # closed
    waiting(TeamFactory().service_area, datetime.date(2026, 7, 1))  # another area
    rows = selectors.duty_list(user=manager, today=TODAY)
    assert [row.proceedings for row in rows] == [older, newer]
    assert [row.days_waiting for row in rows] == [51, 21]


def test_duty_list_says_which_proceedings_are_held_in_an_allocation_hub(make_user, area):
    manager = make_user(Role.SERVICE_MANAGER, area=area)
    hub = TeamFactory(service_area=area, kind=Team.Kind.ALLOCATION_HUB)
    in_hub = waiting(area, datetime.date(2026, 10, 1), team=hub)
    on_duty = waiting(area, datetime.date(2026, 10, 2))
    rows = {row.proceedings: row for row in selectors.duty_list(user=manager, today=TODAY)}
    assert rows[in_hub].in_allocation_hub and not rows[on_duty].in_allocation_hub


def test_duty_list_puts_the_work_needed_soonest_first(make_user, area):
    manager = make_user(Role.SERVICE_MANAGER, area=area)
    day = datetime.timedelta(days=1)
    no_date_old = waiting(area, TODAY - 60 * day)
    no_date_new = waiting(area, TODAY - 2 * day)
    hearing_soon = waiting(area, TODAY - day, first_hearing_on=TODAY + 2 * day)
    hearing_later = waiting(area, TODAY - 30 * day, first_hearing_on=TODAY + 20 * day)
    # The first hearing has passed: the report's due date is what the work is needed by.
    report_due = waiting(
        area,
        TODAY - 90 * day,
        first_hearing_on=TODAY - 40 * day,
        report_ordered_on=TODAY - 40 * day,
        report_due_on=TODAY + 10 * day,
    )
    hearing_today = waiting(area, TODAY - 3 * day, first_hearing_on=TODAY)
    rows = selectors.duty_list(user=manager, today=TODAY)
    assert [row.proceedings for row in rows] == [
        hearing_today,
        hearing_soon,
        report_due,
        hearing_later,
        no_date_old,
        no_date_new,
    ]
    assert [(row.needed_for, row.how_soon) for row in rows] == [
        ("First hearing", "today"),
        ("First hearing", "in 2 days"),
        ("Report due", "in 10 days"),
        ("First hearing", "in 20 days"),
        ("", ""),
        ("", ""),
    ]
    # The same order a page at a time.
    page = selectors.duty_list_page(user=manager, today=TODAY, per_page=4)
    assert [row.proceedings for row in page.rows] == [
        hearing_today,
        hearing_soon,
        report_due,
        hearing_later,
    ]


def test_regional_leaders_read_every_area_in_their_region(make_user, area):
    from tests.organisation.factories import ServiceAreaFactory

    neighbour = ServiceAreaFactory(region=area.region)
    mine = [
        waiting(area, datetime.date(2026, 10, 1)),
        waiting(neighbour, datetime.date(2026, 10, 5)),
    ]
    waiting(ServiceAreaFactory(), datetime.date(2026, 10, 3))  # another region
    head = make_user(Role.HEAD_OF_PRACTICE, region=area.region)
    assert [row.proceedings for row in selectors.duty_list(user=head)] == mine


@pytest.mark.parametrize(
    "role", [Role.FCA, Role.PRACTICE_SUPERVISOR, Role.BUSINESS_SERVICES, Role.NATIONAL_PERFORMANCE]
)
def test_no_duty_list_for_other_roles(make_user, role):
    with pytest.raises(Http404):
        selectors.duty_list(user=make_user(role))


# Caseloads


def lead(fca, team, count, stage, **fields):
    for _ in range(count):
        allocate(
            ProceedingsFactory(service_area=team.service_area, stage=stage, **fields), fca, team
        )


def test_caseloads_count_open_proceedings_led_by_stage(area, team, fca, make_user):
    lead(fca, team, 12, Stage.AFTER_FIRST_HEARING)
    lead(fca, team, 3, Stage.BEFORE_FIRST_HEARING)
    lead(fca, team, 2, Stage.AFTER_FIRST_HEARING, closed_on=datetime.date(2026, 11, 1))
    lead(fca, team, 1, Stage.CONCLUDED)
    quiet = make_user(Role.FCA, team=TeamFactory(service_area=area))
    make_user(Role.PRACTICE_SUPERVISOR, team=team)  # not an FCA
    make_user(Role.FCA)  # another area
    loads = {load.fca: load for load in selectors.fca_caseloads(area)}
    assert set(loads) == {fca, quiet}
    assert (loads[fca].after_first_hearing, loads[fca].before_first_hearing) == (12, 3)
    assert (loads[quiet].after_first_hearing, loads[quiet].before_first_hearing) == (0, 0)
    assert loads[fca].team == team
    assert not loads[fca].at_ceiling


def test_the_ceiling_is_reached_at_25_after_and_40_before_the_first_hearing(
    area, team, fca, make_user
):
    lead(fca, team, 25, Stage.AFTER_FIRST_HEARING)
    other = make_user(Role.FCA, team=team)
    lead(other, team, 39, Stage.BEFORE_FIRST_HEARING)
    loads = {load.fca: load for load in selectors.fca_caseloads(area)}
    assert loads[fca].at_ceiling_after and loads[fca].at_ceiling
    assert not loads[other].at_ceiling
    lead(other, team, 1, Stage.BEFORE_FIRST_HEARING)
    assert {load.fca: load for load in selectors.fca_caseloads(area)}[other].at_ceiling_before


@pytest.mark.parametrize(
    ("fte", "after", "before"),
    [("1.00", 25, 40), ("0.60", 15, 24), ("0.80", 20, 32), ("0.50", 13, 20), ("0.10", 3, 4)],
)
def test_the_ceilings_follow_working_hours(area, team, fca, fte, after, before):
    from decimal import Decimal

    fca.fte = Decimal(fte)
    fca.save()
    [load] = selectors.fca_caseloads(area)
    assert (load.ceiling_after, load.ceiling_before) == (after, before)
    lead(fca, team, after - 1, Stage.AFTER_FIRST_HEARING)
    assert not selectors.fca_caseloads(area)[0].at_ceiling_after
    lead(fca, team, 1, Stage.AFTER_FIRST_HEARING)
    assert selectors.fca_caseloads(area)[0].at_ceiling_after


def test_caseloads_count_the_children_once_each_by_stage(area, team, fca):
    sisters = [ChildFactory(), ChildFactory()]
    for stage, children in (
        (Stage.AFTER_FIRST_HEARING, sisters),
        (Stage.AFTER_FIRST_HEARING, sisters[:1]),  # the same girl in a second set
        (Stage.BEFORE_FIRST_HEARING, [ChildFactory()]),
    ):
        proceedings = ProceedingsFactory(service_area=area, stage=stage)
        for child in children:
            ProceedingsChildFactory(proceedings=proceedings, child=child)
        allocate(proceedings, fca, team)
    [load] = selectors.fca_caseloads(area)
    assert (load.after_first_hearing, load.children_after) == (2, 2)
    assert (load.before_first_hearing, load.children_before) == (1, 1)


def test_an_fca_in_two_of_the_areas_teams_is_listed_once(area, team, fca):
    MembershipFactory(user=fca, team=TeamFactory(service_area=area))
    assert [load.fca for load in selectors.fca_caseloads(area)] == [fca]


def test_caseloads_take_one_query_however_many_fcas(
    area, team, make_user, django_assert_num_queries
):
    for _ in range(5):
        lead(make_user(Role.FCA, team=team), team, 2, Stage.AFTER_FIRST_HEARING)
    with django_assert_num_queries(1):
        assert len(selectors.fca_caseloads(area)) == 5


# Possible duplicates

BORN = datetime.date(2016, 5, 14)


def details(given, family, born=BORN, preferred=None):
    return ChildDetails(given, family, preferred or given.split()[0], born)


@pytest.fixture
def business(make_user):
    return make_user(Role.BUSINESS_SERVICES)


@pytest.mark.parametrize(
    ("existing", "typed", "found"),
    [
        (("Jayden", "Okafor"), details("Jaden", "Okafor-Smith"), True),  # close spelling
        (("Jayden", "Okafor"), details("Jaden Lee", "Brown"), True),  # first given name close
        (("Jayden", "Okafor"), details("Tom", "Okafor"), True),  # same family name
        (("Jayden", "Okafor"), details("Tom", "Brown"), False),
        (("Jayden", "Okafor"), details("Jaden", "Okafor", born=datetime.date(2016, 5, 15)), False),
        (("Mohammed", "Ali"), details("Adam", "Grant", preferred="Mohamed"), True),  # name they use
    ],
    ids=[
        "jaden-jayden",
        "first-given-name",
        "family-name",
        "different-names",
        "different-birthday",
        "name-they-use",
    ],
)
def test_possible_duplicates_by_birthday_and_name(business, existing, typed, found):
    ChildFactory(
        legal_given_names=existing[0], preferred_name=existing[0], legal_family_name=existing[1]
    )
    matches = selectors.possible_duplicates(user=business, children=[typed])
    assert bool(matches[0]) is found


def test_possible_duplicates_show_own_area_court_numbers_in_two_queries(
    business, django_assert_num_queries
):
    jayden = ChildFactory(
        legal_given_names="Jayden", preferred_name="Jayden", legal_family_name="Okafor"
    )
    ours = ProceedingsFactory(court_number="LS26C00002", service_area=business.service_area)
    theirs = ProceedingsFactory(court_number="NE25C00001")  # in another area
    for proceedings in (ours, theirs):
        ProceedingsChildFactory(proceedings=proceedings, child=jayden)
    ChildFactory(date_of_birth=datetime.date(2012, 1, 1))
    typed = [details("Jaden", "Okafor"), details("Ruby", "Okafor", born=datetime.date(2019, 3, 3))]
    with django_assert_num_queries(2):
        matches = selectors.possible_duplicates(user=business, children=typed)
    assert [m.child for m in matches[0]] == [jayden]
    # Another area's court numbers are not shown, even beside one of the user's own area.
    assert matches[0][0].court_numbers == ["LS26C00002"]
    assert not matches[0][0].held_elsewhere  # their own area holds the child too
    assert matches[1] == []


def test_a_child_held_only_by_another_area_is_shown_with_that_areas_name_only(business):
    jayden = ChildFactory(legal_given_names="Jayden", legal_family_name="Okafor")
    theirs = ProceedingsFactory(court_number="NE25C00001")
    ProceedingsChildFactory(proceedings=theirs, child=jayden)
    [[match]] = selectors.possible_duplicates(user=business, children=[details("Jaden", "Okafor")])
    assert match.child == jayden and match.court_numbers == []
    assert match.held_by == [theirs.service_area.name] and match.held_elsewhere


def test_only_those_who_add_applications_may_look_for_duplicates(make_user):
    with pytest.raises(Http404):
        selectors.possible_duplicates(
            user=make_user(Role.FCA), children=[details("Jaden", "Okafor")]
        )
