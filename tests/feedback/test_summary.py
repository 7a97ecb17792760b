"""The monthly summary the dashboard reads: never stale after a save, and always the same figures
as counting every answer, for every role's part of the country."""

import datetime
import random

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.models import Sum
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.accounts.factories import UserFactory
from tests.organisation.factories import (
    MembershipFactory,
    RegionFactory,
    ServiceAreaFactory,
    TeamFactory,
)
from together.feedback import services
from together.feedback.models import (
    CHILD_AUDIENCES,
    POSITIVE_ANSWERS,
    Answer,
    Audience,
    FeedbackAreaMonthSummary,
    FeedbackMonthSummary,
    FeedbackResponse,
    SummaryCounts,
)
from together.feedback.selectors import (
    LONDON,
    comments_for,
    comments_kept_for,
    dashboard_for,
    figures_changed,
    month_starts,
    responses_for,
)

from .factories import InvitationFactory, ResponseFactory

pytestmark = pytest.mark.django_db

ANSWER_NAMES = ("listened", "respected", "explained", "understood_reasons", "could_say")


def _answers(**overrides):
    values = dict.fromkeys(ANSWER_NAMES, Answer.YES)
    values.update(do_better="", anything_else="")
    values.update(overrides)
    return values


def _share_of(responses, audiences):
    counted = [r for r in responses if r.audience in audiences and r.listened != Answer.DONT_KNOW]
    return sum(r.listened in POSITIVE_ANSWERS for r in counted), len(counted)


def _raw_total(responses):
    """The figures counted the slow way, from every answer."""
    return {
        "answers": len(responses),
        "children": _share_of(responses, CHILD_AUDIENCES),
        "parents": _share_of(responses, {Audience.PARENT_CARER}),
        "professionals": _share_of(responses, {Audience.PROFESSIONAL}),
    }


def _shown_total(row):
    return {
        "answers": row.answers,
        "children": (row.children.yes, row.children.counted),
        "parents": (row.parents.yes, row.parents.counted),
        "professionals": (row.professionals.yes, row.professionals.counted),
    }


def _raw_months(responses):
    out = {}
    for start in month_starts():
        inside = [
            r
            for r in responses
            if timezone.localtime(r.answered_at, LONDON).date().replace(day=1) == start
        ]
        out[start] = (
            _share_of(inside, CHILD_AUDIENCES),
            _share_of(inside, {Audience.PARENT_CARER}),
        )
    return out


@pytest.fixture
def country():
    """Two regions, three service areas, four teams, six FCAs and 300 answers over 14 months,
    with every audience and every answer, some written comments and some "I don't know"."""
    rng = random.Random(11)
    north, south = RegionFactory(), RegionFactory()
    areas = [
        ServiceAreaFactory(region=north),
        ServiceAreaFactory(region=north),
        ServiceAreaFactory(region=south),
    ]
    teams = [
        TeamFactory(service_area=areas[0]),
        TeamFactory(service_area=areas[0]),
        TeamFactory(service_area=areas[1]),
        TeamFactory(service_area=areas[2]),
    ]
    fcas = []
    for i in range(6):
        team = teams[i % 4]
        fca = UserFactory(role="fca", service_area=team.service_area)
        MembershipFactory(user=fca, team=team)
        fcas.append((fca, team))
    now = timezone.now()
    for _ in range(300):
        fca, team = rng.choice(fcas)
        invitation = InvitationFactory(
            fca=fca,
            team=team,
            service_area=team.service_area,
            audience=rng.choice(list(Audience)),
        )
        ResponseFactory(
            invitation=invitation,
            listened=rng.choice(list(Answer)),
            answered_at=now - datetime.timedelta(days=rng.random() * 420),
            do_better="Sooner please" if rng.random() < 0.3 else "",
        )
    return {"regions": (north, south), "areas": areas, "teams": teams, "fcas": fcas}


def _everyone(make_user, country):
    north, _ = country["regions"]
    area = country["areas"][0]
    team = country["teams"][0]
    fca, _ = country["fcas"][0]
    supervisor = make_user("practice_supervisor", team=team)
    MembershipFactory(user=supervisor, team=country["teams"][3])  # supervises two teams
    return {
        "national": make_user("national_performance"),
        "head of practice": make_user("head_of_practice", region=north),
        "assistant director": make_user("assistant_director", region=north),
        "service manager": make_user("service_manager", area=area),
        "practice supervisor": supervisor,
        "fca": fca,
    }


def test_the_figures_equal_those_counted_from_every_answer_for_every_role(make_user, country):
    for name, user in _everyone(make_user, country).items():
        responses = list(responses_for(user))
        assert responses, name
        figures = dashboard_for(user)
        assert _shown_total(figures.total) == _raw_total(responses), name
        months = {
            m.month: ((m.children.yes, m.children.counted), (m.parents.yes, m.parents.counted))
            for m in figures.months
        }
        assert months == _raw_months(responses), name
        for table in figures.tables:
            assert sum(row.answers for row in table.rows) == len(responses), (name, table.title)


def test_each_row_of_each_table_equals_the_count_from_every_answer(make_user, country):
    national = make_user("national_performance")
    figures = dashboard_for(national)
    by_area = next(t for t in figures.tables if t.level == "Service area")
    for area in country["areas"]:
        row = next(r for r in by_area.rows if r.name == area.name)
        raw = list(FeedbackResponse.objects.filter(service_area=area))
        assert _shown_total(row) == _raw_total(raw)
    manager = make_user("service_manager", area=country["areas"][0])
    figures = dashboard_for(manager)
    by_fca = next(t for t in figures.tables if t.level == "Family Court Adviser")
    for fca, team in country["fcas"]:
        if team.service_area != country["areas"][0]:
            continue
        row = next(r for r in by_fca.rows if r.name == f"{fca.given_name} {fca.family_name}")
        assert _shown_total(row) == _raw_total(list(FeedbackResponse.objects.filter(fca=fca)))


def test_filtered_figures_equal_the_count_from_every_answer(make_user, country):
    north, _ = country["regions"]
    head = make_user("head_of_practice", region=north)
    area, team = country["areas"][1], country["teams"][1]
    figures = dashboard_for(head, area=area)
    assert _shown_total(figures.total) == _raw_total(
        list(responses_for(head).filter(service_area=area))
    )
    figures = dashboard_for(head, team=team)
    assert _shown_total(figures.total) == _raw_total(list(responses_for(head).filter(team=team)))


def test_a_new_answer_shows_in_the_figures_straight_after_it_is_sent(client, make_user):
    area = ServiceAreaFactory()
    team = TeamFactory(service_area=area)
    fca = UserFactory(role="fca", service_area=area)
    MembershipFactory(user=fca, team=team)
    manager = make_user("service_manager", area=area)
    client.force_login(manager)
    for n in range(1, 6):
        invitation = InvitationFactory(fca=fca, team=team, service_area=area)
        services.feedback_response_record(invitation=invitation, **_answers())
        assert dashboard_for(manager).total.answers == n
    page = client.get("/feedback/").content.decode()
    assert 'id="share-children">100% (5 of 5)<' in page
    invitation = InvitationFactory(fca=fca, team=team, service_area=area)
    services.feedback_response_record(invitation=invitation, **_answers(listened=Answer.NOT_AT_ALL))
    page = client.get("/feedback/").content.decode()
    assert 'id="share-children">83% (5 of 6)<' in page


def test_a_changed_answer_moves_to_its_new_place_in_the_figures(make_user):
    area = ServiceAreaFactory()
    team = TeamFactory(service_area=area)
    fca = UserFactory(role="fca", service_area=area)
    MembershipFactory(user=fca, team=team)
    manager = make_user("service_manager", area=area)
    saved = []
    for _ in range(5):
        invitation = InvitationFactory(fca=fca, team=team, service_area=area)
        saved.append(services.feedback_response_record(invitation=invitation, **_answers()))
    assert str(dashboard_for(manager).total.children) == "100% (5 of 5)"
    services.feedback_response_change(
        response=saved[0], version=1, **_answers(listened=Answer.NOT_REALLY, do_better="More")
    )
    assert str(dashboard_for(manager).total.children) == "80% (4 of 5)"
    assert comments_for(manager).paginator.count == 1
    services.feedback_response_change(
        response=saved[0], version=2, **_answers(listened=Answer.DONT_KNOW)
    )
    figures = dashboard_for(manager)
    assert str(figures.total.children) == "fewer than 5 answers"  # 4 counted: still hidden
    assert figures.total.answers == 5
    assert comments_for(manager).paginator.count == 0
    # Nothing left behind: the summaries are what a rebuild from the answers gives.
    kept, kept_by_area = _cells(), _area_cells()
    services.feedback_summary_rebuild()
    assert _cells() == kept
    assert _area_cells() == kept_by_area


def _cells(model=FeedbackMonthSummary, place=("month", "service_area_id", "team_id", "fca_id")):
    """Each place's counts in a summary (a place may be in more than one row: only sums count)."""
    columns = [f.name for f in SummaryCounts._meta.fields]
    totals = {}
    for row in model.objects.values(*place).annotate(**{f"n_{c}": Sum(c) for c in columns}):
        counts = tuple(row[f"n_{c}"] for c in columns)
        if any(counts):
            totals[tuple(row[k] for k in place)] = counts
    return totals


def _area_cells():
    return _cells(FeedbackAreaMonthSummary, ("month", "service_area_id"))


def test_the_summary_kept_as_answers_arrive_equals_a_rebuild(country):
    kept, kept_by_area = _cells(), _area_cells()
    assert sum(n[0] for n in kept.values()) == FeedbackResponse.objects.count() == 300
    call_command("feedback_summary_rebuild", verbosity=0)
    assert _cells() == kept
    assert _area_cells() == kept_by_area
    # Fewer rows than answers, and fewer again by service area: that is the point of them.
    assert FeedbackAreaMonthSummary.objects.count() < FeedbackMonthSummary.objects.count() < 300


def test_the_coarse_summary_adds_up_the_fine_one(country):
    columns = [f.name for f in SummaryCounts._meta.fields]
    by_area = {}
    for place, counts in _cells().items():
        month, area = place[:2]
        before = by_area.get((month, area), (0,) * len(columns))
        by_area[(month, area)] = tuple(a + b for a, b in zip(before, counts, strict=True))
    assert _area_cells() == by_area


def test_a_month_is_a_month_in_london(make_user):
    area = ServiceAreaFactory()
    team = TeamFactory(service_area=area)
    fca = UserFactory(role="fca", service_area=area)
    MembershipFactory(user=fca, team=team)
    this_month = timezone.localdate().replace(day=1)
    # Half past eleven at night (UTC) on the last day of the month before: in summer that is
    # already this month in London.
    edge = datetime.datetime.combine(this_month, datetime.time(0, 30), tzinfo=LONDON)
    invitation = InvitationFactory(fca=fca, team=team, service_area=area)
    ResponseFactory(invitation=invitation, answered_at=edge)
    assert FeedbackMonthSummary.objects.get().month == this_month
    assert FeedbackAreaMonthSummary.objects.get().month == this_month
    services.feedback_summary_rebuild()
    assert FeedbackMonthSummary.objects.get().month == this_month
    assert FeedbackAreaMonthSummary.objects.get().month == this_month


def test_the_comments_count_equals_the_written_answers_with_each_filter(make_user, country):
    north, _ = country["regions"]
    head = make_user("head_of_practice", region=north)
    month = timezone.localdate().strftime("%Y-%m")
    written = responses_for(head).exclude(do_better="", anything_else="")
    start = datetime.datetime.strptime(month, "%Y-%m").replace(tzinfo=LONDON)
    end = (start + datetime.timedelta(days=32)).replace(day=1)
    cases = [
        ({}, written),
        ({"area": country["areas"][0]}, written.filter(service_area=country["areas"][0])),
        ({"team": country["teams"][2]}, written.filter(team=country["teams"][2])),
        ({"audience": "children"}, written.filter(audience__in=sorted(CHILD_AUDIENCES))),
        ({"audience": "parent_carer"}, written.filter(audience="parent_carer")),
        ({"month": month}, written.filter(answered_at__gte=start, answered_at__lt=end)),
    ]
    for filters, expected in cases:
        page = comments_for(head, **filters)
        assert page.paginator.count == expected.count(), filters
        assert [c.pk for c in page] == list(
            expected.order_by("-answered_at", "-id").values_list("pk", flat=True)[:20]
        )


# Each role's page, asked the first time after a save and then again: a fixed number of
# questions whatever the number of answers (see also test_dashboard.py). Every page asks for the
# session and the user, and the filters for their lists of places; the first time after a save
# also the figures, the comments' count by month (a summary) and the page of comments, which are
# then kept until the next save.
QUERIES = {
    # Figures: the coarse summary's rows for their part of the country, read once and added up
    # by service area and by month; the comments' count is one grouped query of it too.
    # Filters: the service areas and the teams.
    "national_performance": (7, 4),
    # As national, and the region's name for the page's caption (the first time only).
    "head_of_practice": (8, 4),
    # The area's name for the caption; figures: teams and FCAs in one grouped query of the fine
    # summary, the months (and the comments' count) from the coarse one. Filters: the teams.
    "service_manager": (8, 3),
    # Figures: teams and FCAs, and the months, from the fine summary, as is the comments' count.
    # Filters: the teams.
    "practice_supervisor": (7, 3),
    # Figures: their months, from the fine summary (the total is added up from them), as is the
    # comments' count. No filters of places.
    "fca": (5, 2),
}


@pytest.mark.parametrize("role", sorted(QUERIES))
def test_each_role_asks_a_fixed_number_of_questions(client, make_user, country, role):
    north, _ = country["regions"]
    if role == "fca":
        user = country["fcas"][0][0]
    else:
        user = make_user(role, region=north, area=country["areas"][0], team=country["teams"][0])
    client.force_login(user)
    client.get("/feedback/")  # the session settles

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/feedback/").status_code == 200
        return len(queries)

    figures_changed()
    cold = count()
    warm = count()  # the figures and comments are kept: only the session, user and filters
    assert (cold, warm) == QUERIES[role]


def test_every_page_of_comments_equals_the_written_answers_newest_first(make_user, country):
    north, _ = country["regions"]
    for user in (make_user("head_of_practice", region=north), make_user("national_performance")):
        expected = list(
            responses_for(user)
            .exclude(do_better="", anything_else="")
            .order_by("-answered_at", "-id")
            .values_list("pk", flat=True)
        )
        first = comments_for(user)
        assert first.paginator.num_pages > 2
        shown = []
        for number in first.paginator.page_range:
            shown += [c.pk for c in comments_for(user, page=number)]
        assert shown == expected
        # A page past the end shows the last page, as before.
        last = comments_for(user, page=999)
        assert [c.pk for c in last] == expected[(first.paginator.num_pages - 1) * 20 :]


def test_a_page_of_comments_kept_in_the_cache_shows_the_same_comments_and_links(make_user, country):
    north, _ = country["regions"]
    user = make_user("head_of_practice", region=north)
    figures_changed()
    fresh = comments_for(user, page=2)
    assert fresh.paginator.num_pages > 2
    for _ in range(2):  # counted and kept, then read back from the cache
        kept = comments_kept_for(user, page=2)
        assert [c.pk for c in kept] == [c.pk for c in fresh]
        assert [c.heading for c in kept] == [c.heading for c in fresh]
        assert (kept.number, kept.paginator.num_pages) == (2, fresh.paginator.num_pages)
        assert (kept.previous_page_number(), kept.next_page_number()) == (1, 3)


def test_the_page_says_when_the_figures_were_counted_and_a_save_counts_again(client, make_user):
    area = ServiceAreaFactory()
    team = TeamFactory(service_area=area)
    fca = UserFactory(role="fca", service_area=area)
    MembershipFactory(user=fca, team=team)
    client.force_login(make_user("service_manager", area=area))
    page = client.get("/feedback/").content.decode()
    assert 'id="figures-at">Figures as at ' in page
    assert "Answers in all: fewer than 5." in page
    for _ in range(6):
        invitation = InvitationFactory(fca=fca, team=team, service_area=area)
        services.feedback_response_record(invitation=invitation, **_answers())
    page = client.get("/feedback/").content.decode()
    assert "Answers in all: 6." in page


def test_changed_words_show_straight_after_though_the_figures_do_not_change(client, make_user):
    area = ServiceAreaFactory()
    team = TeamFactory(service_area=area)
    fca = UserFactory(role="fca", service_area=area)
    MembershipFactory(user=fca, team=team)
    client.force_login(make_user("service_manager", area=area))
    invitation = InvitationFactory(fca=fca, team=team, service_area=area)
    saved = services.feedback_response_record(
        invitation=invitation, **_answers(do_better="Visit sooner")
    )
    assert "Visit sooner" in client.get("/feedback/").content.decode()
    services.feedback_response_change(
        response=saved, version=1, **_answers(do_better="Visit sooner, please")
    )
    assert "Visit sooner, please" in client.get("/feedback/").content.decode()
