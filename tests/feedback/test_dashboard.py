"""What the service learns at /feedback/: shares who felt listened to, trends and comments."""

import csv
import datetime
import io

import pytest
from django.utils import timezone

from tests.accounts.factories import UserFactory
from tests.organisation.factories import MembershipFactory, ServiceAreaFactory, TeamFactory
from together.audit.models import Action, AuditEvent
from together.feedback.models import Answer, Audience, Stage

from .factories import InvitationFactory, ResponseFactory

pytestmark = pytest.mark.django_db


def answers(n, *, fca, team, audience=Audience.YOUNGER_CHILD, listened=Answer.YES, **extra):
    made = []
    for _ in range(n):
        invitation = InvitationFactory(
            fca=fca, team=team, service_area=team.service_area, audience=audience
        )
        made.append(ResponseFactory(invitation=invitation, listened=listened, **extra))
    return made


@pytest.fixture
def place():
    area = ServiceAreaFactory()
    team = TeamFactory(service_area=area)
    fca = UserFactory(role="fca", service_area=area, given_name="Priya", family_name="Shah")
    MembershipFactory(user=fca, team=team)
    return area, team, fca


def test_the_share_counts_the_top_two_points_and_leaves_out_dont_know(client, make_user, place):
    area, team, fca = place
    answers(3, fca=fca, team=team, listened=Answer.YES)
    answers(1, fca=fca, team=team, listened=Answer.MOSTLY)
    answers(2, fca=fca, team=team, listened=Answer.NOT_REALLY)
    answers(4, fca=fca, team=team, listened=Answer.DONT_KNOW)
    client.force_login(make_user("service_manager", area=area))
    page = client.get("/feedback/").content.decode()
    assert "67% (4 of 6)" in page
    assert "left out of these figures" in page


def test_answers_about_an_introductory_letter_are_left_out_of_the_share(client, make_user, place):
    area, team, fca = place
    answers(5, fca=fca, team=team, listened=Answer.YES)
    # Asked only about the letter: "listened" was never asked.
    answers(3, fca=fca, team=team, listened=None, stage=Stage.INTRODUCTION)
    client.force_login(make_user("service_manager", area=area))
    page = client.get("/feedback/").content.decode()
    assert "100% (5 of 5)" in page
    assert "answers about an introductory letter, which do not ask it" in page


def test_a_figure_on_fewer_than_5_answers_is_hidden(client, make_user, place):
    area, team, fca = place
    answers(4, fca=fca, team=team, listened=Answer.YES)
    answers(4, fca=fca, team=team, audience=Audience.PARENT_CARER, listened=Answer.YES)
    answers(1, fca=fca, team=team, audience=Audience.PARENT_CARER, listened=Answer.NOT_AT_ALL)
    client.force_login(make_user("service_manager", area=area))
    page = client.get("/feedback/").content.decode()
    assert 'id="share-children">fewer than 5 answers<' in page
    assert 'id="share-parents">80% (4 of 5)<' in page
    assert "100% (4 of 4)" not in page and "(4 of 4)" not in page


def test_each_manager_sees_only_their_part(client, make_user, place):
    area, team, fca = place
    other_area = ServiceAreaFactory()
    other_team = TeamFactory(service_area=other_area)
    other_fca = UserFactory(role="fca", given_name="Olu", family_name="Adeyemi")
    answers(5, fca=fca, team=team, listened=Answer.YES)
    answers(5, fca=other_fca, team=other_team, listened=Answer.NOT_AT_ALL)

    def share(user):
        client.force_login(user)
        page = client.get("/feedback/").content.decode()
        return page.split('id="share-children">')[1].split("<")[0]

    assert share(make_user("service_manager", area=area)) == "100% (5 of 5)"
    assert share(make_user("service_manager", area=other_area)) == "0% (0 of 5)"
    assert share(make_user("practice_supervisor", team=team)) == "100% (5 of 5)"
    assert share(make_user("head_of_practice", region=area.region)) == "100% (5 of 5)"
    assert share(make_user("national_performance")) == "50% (5 of 10)"
    assert share(fca) == "100% (5 of 5)"
    assert share(other_fca) == "0% (0 of 5)"


def test_an_fca_sees_only_comments_about_their_own_work(client, place):
    area, team, fca = place
    other = UserFactory(role="fca")
    answers(1, fca=fca, team=team, do_better="More visits please")
    answers(1, fca=other, team=team, do_better="Call back when you say")
    client.force_login(fca)
    page = client.get("/feedback/").content.decode()
    assert "More visits please" in page
    assert "Call back when you say" not in page


def test_comments_filter_by_audience_and_month(client, make_user, place):
    area, team, fca = place
    old = answers(1, fca=fca, team=team, do_better="Old comment")[0]
    old.answered_at = timezone.now() - datetime.timedelta(days=70)
    old.save()
    answers(1, fca=fca, team=team, audience=Audience.PARENT_CARER, do_better="Parent comment")
    answers(1, fca=fca, team=team, do_better="Child comment")
    client.force_login(make_user("service_manager", area=area))
    page = client.get("/feedback/", {"audience": "parent_carer"}).content.decode()
    assert "Parent comment" in page and "Child comment" not in page
    month = timezone.localdate().strftime("%Y-%m")
    page = client.get("/feedback/", {"month": month}).content.decode()
    assert "Old comment" not in page and "Child comment" in page


def test_a_manager_cannot_filter_to_an_area_they_do_not_manage(client, make_user, place):
    area, team, fca = place
    far = ServiceAreaFactory()
    head = make_user("head_of_practice", region=area.region)
    client.force_login(head)
    response = client.get("/feedback/", {"area": str(far.uuid)})
    assert response.status_code == 200
    assert "Choose from the list" in response.content.decode()


def test_the_trend_has_twelve_months_with_a_text_alternative(client, make_user, place):
    area, team, fca = place
    answers(5, fca=fca, team=team, listened=Answer.YES)
    client.force_login(make_user("service_manager", area=area))
    page = client.get("/feedback/").content.decode()
    this_month = timezone.localdate().strftime("%B %Y")
    assert f"{this_month}</th>" in page
    assert page.count('class="together-chart__bar--children"') == 1
    assert "<desc" in page and 'role="img"' in page
    assert "style=" not in page


def test_the_download_has_the_same_suppression_and_is_logged(client, make_user, place):
    area, team, fca = place
    answers(5, fca=fca, team=team, listened=Answer.YES)
    answers(2, fca=fca, team=team, audience=Audience.PARENT_CARER)
    manager = make_user("service_manager", area=area)
    client.force_login(manager)
    response = client.get("/feedback/download/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    total = rows[1]
    assert total[:4] == ["All", area.name, "7", "100%"]
    assert total[5] == "fewer than 5 answers"
    event = AuditEvent.objects.get(action=Action.FEEDBACK_EXPORTED)
    assert event.actor == manager


# The first view of a new session: the cold page of test_summary.QUERIES (national 7, service
# manager 8), and three for the session's first visit being written.
NATIONAL_QUERIES = 10
MANAGER_QUERIES = 11


@pytest.mark.parametrize("role", ["business_services", "system_administrator"])
def test_roles_without_feedback_work_get_a_404(client, make_user, role):
    client.force_login(make_user(role))
    assert client.get("/feedback/").status_code == 404
    assert client.get("/feedback/download/").status_code == 404


def test_the_dashboard_asks_the_same_number_of_questions_whatever_the_data(
    client, make_user, place, django_assert_num_queries
):
    area, team, fca = place
    national = make_user("national_performance")
    manager = make_user("service_manager", area=area)

    def count(user):
        client.force_login(user)
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            assert client.get("/feedback/").status_code == 200
        return len(queries)

    answers(1, fca=fca, team=team, do_better="first")
    small = {"national": count(national), "manager": count(manager)}
    # Session and user, the figures, the comments and their count, the filters' lists.
    assert small == {"national": NATIONAL_QUERIES, "manager": MANAGER_QUERIES}
    for other in range(3):
        other_area = ServiceAreaFactory()
        other_team = TeamFactory(service_area=other_area)
        other_fca = UserFactory(role="fca")
        answers(6, fca=other_fca, team=other_team, do_better=f"comment {other}")
    answers(30, fca=fca, team=team, do_better="again")
    client.force_login(national)
    with django_assert_num_queries(small["national"]):
        client.get("/feedback/")
    client.force_login(manager)
    with django_assert_num_queries(small["manager"]):
        client.get("/feedback/")
