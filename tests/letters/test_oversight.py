"""The oversight page: introductory letters within 10 working days, ending letters, by team."""

import datetime

import pytest
from django.utils import timezone
from django.utils.html import escape

from tests.children.factories import ChildFactory
from tests.letters.factories import start_letter
from tests.organisation.factories import TeamFactory
from tests.proceedings.factories import ProceedingsChildFactory, ProceedingsFactory, allocate
from together.letters import selectors
from together.letters.models import Kind, Letter, Status
from together.letters.oversight import letters_oversight, letters_oversight_children

UTC = datetime.UTC


def _sent(letter, when):
    Letter.objects.filter(pk=letter.pk).update(
        status=Status.SENT, sent_at=when, sent_how="post", started_at=when
    )


def _child_allocated(area, team, fca, at):
    child = ChildFactory()
    proceedings = ProceedingsFactory(service_area=area)
    ProceedingsChildFactory(proceedings=proceedings, child=child)
    allocate(proceedings, fca, team, at=at)
    return child


@pytest.fixture
def figures_world(letters_world):
    w = letters_world
    # Jayden was allocated on Friday 5 June 2026 (see tests/proceedings/factories.allocate).
    on_time = start_letter(w.child, w.fca_allocated)
    _sent(on_time, datetime.datetime(2026, 6, 19, 10, tzinfo=UTC))  # the 10th working day
    late_child = _child_allocated(w.area, w.team, w.fca_allocated, at=on_time.started_at)
    late = start_letter(late_child, w.fca_allocated)
    Letter.objects.filter(pk=late.pk).update(
        status=Status.SENT,
        sent_at=on_time.started_at + datetime.timedelta(days=30),
        sent_how="post",
    )
    other_team = TeamFactory(service_area=w.area)
    _child_allocated(w.area, other_team, w.fca_allocated, at=on_time.started_at)  # none yet
    closed = ProceedingsFactory(
        service_area=w.area, team=w.team, closed_on=timezone.localdate() - datetime.timedelta(30)
    )
    ended = ChildFactory()
    ProceedingsChildFactory(proceedings=closed, child=ended)
    Letter.objects.create(
        child=ended,
        kind=Kind.ENDING_CHILD,
        recipient_name=ended.preferred_name,
        fca=w.fca_allocated,
        style="older",
        body="Goodbye",
        started_by=w.fca_allocated,
        status=Status.SENT,
        sent_at=timezone.now(),
        sent_how="post",
    )
    ProceedingsChildFactory(proceedings=closed, child=ChildFactory())  # no ending letter
    return w, other_team


def test_the_figures_count_on_time_late_and_ending_letters_by_team(figures_world):
    w, other_team = figures_world
    oversight = letters_oversight(user=w.manager_area)
    rows = {row.name: row for row in oversight.teams}
    team = rows[w.team.name]
    assert (team.allocated, team.introduced_on_time, team.introduced_late) == (2, 1, 1)
    assert team.introduced_share == 50
    assert (team.closed, team.ended_with_letter, team.ending_share) == (2, 1, 50)
    assert rows[other_team.name].allocated == 1
    assert rows[other_team.name].introduced_on_time == 0
    assert oversight.total.allocated == 3


def test_a_letter_one_working_day_late_is_late(figures_world):
    w, _ = figures_world
    letter = Letter.objects.get(child=w.child)
    Letter.objects.filter(pk=letter.pk).update(
        sent_at=datetime.datetime(2026, 6, 22, 10, tzinfo=UTC)  # the 11th working day
    )
    team = {r.name: r for r in letters_oversight(user=w.manager_area).teams}[w.team.name]
    assert team.introduced_on_time == 0 and team.introduced_late == 2


def test_each_manager_sees_only_their_part_of_the_service(figures_world):
    w, _ = figures_world
    assert letters_oversight(user=w.manager_other_area).total.allocated == 0
    assert letters_oversight(user=w.head_other_region).total.allocated == 0
    assert letters_oversight(user=w.head_region).total.allocated == 3
    assert letters_oversight(user=w.national).total.allocated == 3


def test_the_oversight_page_takes_the_same_queries_at_any_size(
    client, figures_world, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    w, other_team = figures_world
    client.force_login(w.manager_area)
    client.get("/letters/oversight/")
    with CaptureQueriesContext(connection) as before:
        response = client.get("/letters/oversight/")
    assert response.status_code == 200
    for _ in range(5):
        _child_allocated(w.area, other_team, w.fca_allocated, at=timezone.now())
    with django_assert_num_queries(len(before.captured_queries)):
        html = client.get("/letters/oversight/").content.decode()
    assert other_team.name in html


def test_children_with_an_introductory_letter_in_one_query(
    figures_world, django_assert_num_queries
):
    w, _ = figures_world
    ids = list(Letter.objects.values_list("child_id", flat=True))
    with django_assert_num_queries(1):
        found = selectors.children_with_introductory_letter(ids)
    intro = Letter.objects.filter(kind=Kind.INTRODUCTORY_CHILD, status=Status.SENT)
    assert found == set(intro.values_list("child_id", flat=True))


# The children behind each figure


def _names(found) -> set[str]:
    return {row.name for row in found.rows}


def _name(child) -> str:
    return f"{child.preferred_name} {child.legal_family_name}"


def test_every_figure_lists_the_children_behind_it_by_team_and_for_all(figures_world):
    w, other_team = figures_world
    manager = w.manager_area
    counted = {row.name: row for row in letters_oversight(user=manager).teams}[w.team.name]
    team = str(w.team.uuid)
    for figure, count in (
        ("allocated", counted.allocated),
        ("on-time", counted.introduced_on_time),
        ("late", counted.introduced_late),
        ("no-letter", counted.not_introduced),
        ("closed", counted.closed),
        ("ending-letter", counted.ended_with_letter),
        ("no-ending-letter", counted.no_ending_letter),
    ):
        found = letters_oversight_children(user=manager, figure=figure, team=team)
        assert found.total == len(found.rows) == count, figure
        assert found.team_name == w.team.name
    on_time = letters_oversight_children(user=manager, figure="on-time", team=team)
    assert _names(on_time) == {_name(w.child)}
    # "No letter yet": the child the page used to leave out (allocated 3, sent 2, and 1 nowhere).
    missing = letters_oversight_children(user=manager, figure="no-letter")
    assert missing.team_name == "All teams" and missing.total == 1
    [row] = missing.rows
    assert row.team == other_team.name and row.sent_on is None
    assert row.lead_fca == w.fca_allocated.full_name
    assert not row.overdue  # allocated today: due in 10 working days
    ended = letters_oversight_children(user=manager, figure="ending-letter", team=team)
    assert [row.sent_on is not None for row in ended.rows] == [True]


def test_a_team_outside_ones_part_of_the_service_or_an_unknown_figure_is_not_found(
    figures_world,
):
    from django.http import Http404

    w, other_team = figures_world
    for user, figure, team in (
        (w.manager_other_area, "allocated", str(w.team.uuid)),  # another area's team
        (w.manager_area, "allocated", "not-a-uuid"),
        (w.manager_area, "everything", None),
        (w.fca_allocated, "allocated", None),  # not a manager
    ):
        with pytest.raises(Http404):
            letters_oversight_children(user=user, figure=figure, team=team)


def test_every_row_is_a_child_whose_file_the_manager_may_see(figures_world, monkeypatch):
    """Today every role that oversees letters sees every child in its part of the service, so the
    child's own rule is narrowed here to show the list asks it of every row."""
    from django.db.models import Q

    from together.letters.oversight import lists

    w, _ = figures_world
    everyone = letters_oversight_children(user=w.manager_area, figure="allocated")
    assert _name(w.child) in _names(everyone)
    monkeypatch.setattr(lists, "everyday_access_q", lambda user: ~Q(pk=w.child.pk))
    narrowed = letters_oversight_children(user=w.manager_area, figure="allocated")
    assert _names(narrowed) == _names(everyone) - {_name(w.child)}


def test_the_oversight_page_links_each_figure_to_its_children(client, figures_world):
    w, other_team = figures_world
    client.force_login(w.manager_area)
    page = client.get("/letters/oversight/").content.decode()
    assert "No introductory letter yet" in page and "No ending letter" in page
    link = f'href="/letters/oversight/children/?figure=no-letter&amp;team={other_team.uuid}"'
    assert f"{link}>1<" in page
    # The total row links to all teams at once.
    assert 'href="/letters/oversight/children/?figure=no-letter">1<' in page
    assert 'href="/letters/oversight/children/?figure=late">1<' in page
    # A figure of 0 is not a link.
    assert f'?figure=late&amp;team={other_team.uuid}"' not in page


def test_the_list_page_names_the_children_with_a_way_to_their_letters(client, figures_world):
    w, other_team = figures_world
    # Allocated on Friday 5 June 2026, and still no letter: overdue since 19 June.
    waiting = _child_allocated(
        w.area, other_team, w.fca_allocated, at=datetime.datetime(2026, 6, 5, 9, tzinfo=UTC)
    )
    client.force_login(w.manager_area)
    response = client.get(
        "/letters/oversight/children/", {"figure": "no-letter", "team": str(other_team.uuid)}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert '<h1 class="govuk-heading-l">No introductory letter yet</h1>' in page
    assert f"{w.area.name}: {other_team.name}" in page
    assert "2 children." in page
    # The longest since allocation first, overdue, with a way to the child's letters.
    assert page.index(escape(_name(waiting))) < page.index("Not yet")
    assert page.count('<strong class="govuk-tag govuk-tag--red">Overdue</strong>') == 1
    assert "19 June 2026" in page
    assert f'href="/children/{waiting.uuid}/letters/"' in page


@pytest.mark.parametrize("extra", [0, 6])
def test_the_list_page_takes_the_same_queries_at_any_size(
    client, figures_world, django_assert_num_queries, extra
):
    w, other_team = figures_world
    for _ in range(extra):
        _child_allocated(w.area, other_team, w.fca_allocated, at=timezone.now())
    client.force_login(w.manager_area)
    url = f"/letters/oversight/children/?figure=allocated&team={other_team.uuid}"
    client.get(url)  # the first request after signing in saves the session
    # Session and user; the team; the manager's service area, named above the list; every
    # child behind the figure; the page's children in full.
    with django_assert_num_queries(6):
        page = client.get(url).content.decode()
    assert f"{1 + extra} child" in page
