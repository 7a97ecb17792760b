"""The oversight page: introductory letters within 10 working days, ending letters, by team."""

import datetime

import pytest
from django.utils import timezone

from tests.children.factories import ChildFactory
from tests.letters.factories import start_letter
from tests.organisation.factories import TeamFactory
from tests.proceedings.factories import ProceedingsChildFactory, ProceedingsFactory, allocate
from together.letters import selectors
from together.letters.models import Kind, Letter, Status

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
    oversight = selectors.letters_oversight(user=w.manager_area)
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
    team = {r.name: r for r in selectors.letters_oversight(user=w.manager_area).teams}[w.team.name]
    assert team.introduced_on_time == 0 and team.introduced_late == 2


def test_each_manager_sees_only_their_part_of_the_service(figures_world):
    w, _ = figures_world
    assert selectors.letters_oversight(user=w.manager_other_area).total.allocated == 0
    assert selectors.letters_oversight(user=w.head_other_region).total.allocated == 0
    assert selectors.letters_oversight(user=w.head_region).total.allocated == 3
    assert selectors.letters_oversight(user=w.national).total.allocated == 3


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
