"""'My children' brings the plan and letters together with meetings and hearings."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.html import escape

from tests.letters.factories import ready_fca, start_letter
from tests.plans.factories import start_plan
from together.letters.models import Letter, Status
from together.plans.models import Activity


def _home(client, user) -> str:
    client.force_login(user)
    response = client.get("/")
    assert response.status_code == 200
    return response.content.decode()


def test_a_child_with_no_plan_and_no_letter_shows_both_as_needing_doing(client, world):
    page = _home(client, world.fca_allocated)
    assert "No introductory letter yet" in page
    assert "Not started" in page
    assert "Nothing overdue" not in page


def test_the_plan_status_links_to_the_plan_and_overdue_work_is_flagged(client, world):
    plan = start_plan(world)
    Activity.objects.create(
        plan=plan, what="Visit school", due_on=timezone.localdate() - datetime.timedelta(days=3)
    )
    Activity.objects.create(
        plan=plan, what="Check with the police", due_on=timezone.localdate() + datetime.timedelta(7)
    )
    page = _home(client, world.fca_allocated)
    assert f'href="/children/{world.child.uuid}/plan/"' in page
    assert "Draft" in page
    assert "1 thing in the plan of work overdue" in page


def test_a_sent_introductory_letter_clears_the_flag(client, world):
    ready_fca(world.fca_allocated)
    letter = start_letter(world.child, world.fca_allocated)
    assert "No introductory letter yet" in _home(client, world.fca_allocated)
    Letter.objects.filter(pk=letter.pk).update(status=Status.SENT, sent_at=timezone.now())
    assert "No introductory letter yet" not in _home(client, world.fca_allocated)


def test_my_children_takes_the_same_queries_with_plans_and_letters(client, world):
    from tests.children.factories import ChildFactory
    from tests.proceedings.factories import ProceedingsChildFactory

    client.force_login(world.fca_allocated)
    client.get("/")

    def count():
        with CaptureQueriesContext(connection) as captured:
            client.get("/")
        return len(captured.captured_queries)

    before = count()
    start_plan(world)
    for _ in range(3):
        ProceedingsChildFactory(proceedings=world.proceedings, child=ChildFactory())
    # Session and user, teams, then one query: the children with their meetings, hearings,
    # plans and introductory letters.
    assert count() == before == 4


def test_each_row_shows_the_childs_names_and_the_proceedings_as_recorded(client, world):
    client.force_login(world.fca_allocated)
    page = client.get("/").content.decode()
    child, proceedings = world.child, world.proceedings
    # Escaped as the page escapes it: the made-up surname may be O'Sullivan.
    assert f'">{escape(child.preferred_name)} {escape(child.legal_family_name)}</a>' in page
    assert f"{proceedings.get_kind_display()}<br>" in page
    assert f'<span class="govuk-body-s">{proceedings.court_number}</span>' in page


def test_the_query_built_once_keeps_nothing_of_the_last_person(client, world):
    """My children's query is built once per process and refined for each person
    (core.queries): the FCA asking second sees their own children, not the first one's."""
    from tests.children.factories import ChildFactory
    from tests.organisation.factories import TeamFactory
    from tests.proceedings.factories import ProceedingsChildFactory, ProceedingsFactory, allocate

    other = world.fca_other_area
    proceedings = ProceedingsFactory(service_area=other.service_area)
    allocate(proceedings, other, TeamFactory(service_area=other.service_area))
    ProceedingsChildFactory(proceedings=proceedings, child=ChildFactory(preferred_name="Zebedee"))
    first = _home(client, world.fca_allocated)
    second = _home(client, other)
    assert world.child.preferred_name in first and "Zebedee" not in first
    assert "Zebedee" in second and world.child.preferred_name not in second
