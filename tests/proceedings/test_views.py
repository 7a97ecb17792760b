"""The proceedings pages as a person sees them: what they show, what they save, their errors."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from tests.children.factories import ChildFactory, FamilyMemberFactory
from tests.organisation.factories import TeamFactory
from tests.proceedings.factories import (
    HearingFactory,
    PartyFactory,
    ProceedingsChildFactory,
    ProceedingsFactory,
    allocate,
)
from together.accounts.models import Role
from together.audit.models import Action, AuditEvent
from together.children.models import TimelineEntry
from together.organisation.models import Team
from together.proceedings.models import Allocation, Hearing, Stage


def text(response) -> str:
    return response.content.decode()


# A set of proceedings


def test_proceedings_page_shows_children_parties_hearings_and_allocation_history(client, world):
    mother = FamilyMemberFactory(given_name="Grace", family_name="Okafor")
    PartyFactory(proceedings=world.proceedings, person=mother, role="applicant")
    PartyFactory(
        proceedings=world.proceedings,
        person=FamilyMemberFactory(given_name="Aunt Bea"),
        role="not_a_party",
    )
    HearingFactory(
        proceedings=world.proceedings,
        kind=Hearing.Kind.FIRST,
        starts_at=timezone.make_aware(datetime.datetime(2026, 6, 15, 10, 0)),
        outcome="Section 7 report ordered",
    )
    client.force_login(world.manager_area)
    page = text(client.get(reverse("proceedings:detail", args=[world.proceedings.uuid])))
    assert f"Proceedings {world.proceedings.court_number}</h1>" in page
    assert "Family Court at Leeds" in page and "Public law" in page
    assert (
        f'href="/children/{world.child.uuid}/">Jayden {escape(world.child.legal_family_name)}</a>'
        in page
    )
    assert "Grace Okafor</th>" in page and "Applicant" in page and "Not a party" in page
    assert "15 June 2026, 10:00" in page and "Section 7 report ordered" in page
    assert escape(world.fca_allocated.full_name) in page and world.team.name in page
    assert "Allocation history" in page and ">Now</td>" in page
    assert "Change the lead Family Court Adviser" in page  # the area's manager may
    assert "Record the hearing" in page  # and works with the children


def test_viewing_proceedings_is_logged(client, world):
    client.force_login(world.head_region)
    client.get(reverse("proceedings:detail", args=[world.proceedings.uuid]))
    event = AuditEvent.objects.get(action=Action.PROCEEDINGS_VIEWED)
    assert event.actor == world.head_region and event.object_id == str(world.proceedings.uuid)


def test_oversight_roles_read_the_page_without_the_forms(client, world):
    client.force_login(world.national)
    page = text(client.get(reverse("proceedings:detail", args=[world.proceedings.uuid])))
    assert "Record the hearing" not in page and "lead Family Court Adviser</a>" not in page


def test_proceedings_on_duty_say_how_long_they_have_waited(client, world):
    proceedings = ProceedingsFactory(
        service_area=world.area, received_on=timezone.localdate() - datetime.timedelta(days=9)
    )
    ProceedingsChildFactory(proceedings=proceedings, child=ChildFactory())
    client.force_login(world.manager_area)
    page = text(client.get(reverse("proceedings:detail", args=[proceedings.uuid])))
    assert "Waiting for a lead Family Court Adviser</strong> for 9 days" in page
    assert "None yet: held on duty" in page
    assert "Allocate a lead Family Court Adviser" in page


def _grow(proceedings, area, n):
    for i in range(n):
        ProceedingsChildFactory(proceedings=proceedings, child=ChildFactory())
        PartyFactory(proceedings=proceedings, person=FamilyMemberFactory())
        HearingFactory(
            proceedings=proceedings,
            starts_at=timezone.make_aware(datetime.datetime(2026, 7, 1 + i, 10)),
        )
    for _ in range(n):
        team = TeamFactory(service_area=area)
        from tests.accounts.factories import UserFactory
        from tests.organisation.factories import MembershipFactory

        fca = UserFactory(role=Role.FCA, service_area=area)
        MembershipFactory(user=fca, team=team)
        Allocation.objects.filter(proceedings=proceedings, ended_at__isnull=True).update(
            ended_at=timezone.now()
        )
        allocate(proceedings, fca, team)


# Session and user (2); the proceedings, access checked as they are read (1); children, parties,
# hearings and allocations (4); the audit event: a savepoint, the insert, its release (3); whether
# the hearing form is offered (1); the session's idle-timeout stamp in its savepoint (3); and
# what the work for the court links to (courtwork.report_selectors.proceedings_links): the
# outcomes recorded and whether this person records them (2).
PROCEEDINGS_PAGE_QUERIES = 16


@pytest.mark.parametrize("extra", [0, 4])
def test_proceedings_page_takes_a_fixed_number_of_queries(
    client, world, django_assert_num_queries, extra
):
    _grow(world.proceedings, world.area, extra)
    client.force_login(world.manager_area)
    url = reverse("proceedings:detail", args=[world.proceedings.uuid])
    with django_assert_num_queries(PROCEEDINGS_PAGE_QUERIES):
        response = client.get(url)
    assert response.status_code == 200
    links_to_children = re.findall(r'href="/children/[0-9a-f-]{36}/"', text(response))
    assert len(links_to_children) == 1 + extra


# Recording a hearing


def hearing_post(**changes):
    data = {
        "kind": "first",
        "date_day": "3",
        "date_month": "7",
        "date_year": "2026",
        "time": "10:30",
        "outcome": "Interim order made",
    }
    return {**data, **changes}


def test_recording_a_hearing_from_the_proceedings_page(client, world):
    client.force_login(world.fca_allocated)
    url = reverse("proceedings:hearing-add", args=[world.proceedings.uuid])
    response = client.post(url, hearing_post())
    assert response.status_code == 302
    assert response["Location"].endswith(f"/proceedings/{world.proceedings.uuid}/#hearings")
    hearing = Hearing.objects.get()
    assert timezone.localtime(hearing.starts_at).strftime("%Y-%m-%d %H:%M") == "2026-07-03 10:30"
    page = text(client.get(response["Location"]))
    assert "The hearing has been recorded" in page and "Interim order made" in page
    assert world.child.timeline.filter(kind=TimelineEntry.Kind.HEARING).exists()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {"date_day": "31", "date_month": "5"},
            "A hearing must be on or after the date the application was received",
        ),
        ({"date_day": "31", "date_month": "2"}, "The date of the hearing must be a real date"),
        ({"date_month": ""}, "The date of the hearing must include a month"),
        ({"date_day": "", "date_month": "", "date_year": ""}, "Enter the date of the hearing"),
        ({"time": "half ten"}, "Enter the time of the hearing, like 10:30 or 2pm"),
        ({"kind": ""}, "Choose the kind of hearing"),
        ({"outcome": "x" * 2001}, "What the court decided must be 2000 characters or fewer"),
    ],
    ids=[
        "before-received",
        "not-a-real-date",
        "no-month",
        "no-date",
        "bad-time",
        "no-kind",
        "too-long",
    ],
)
def test_a_hearing_with_a_problem_shows_an_error_summary_and_saves_nothing(
    client, world, changes, message
):
    client.force_login(world.fca_allocated)
    url = reverse("proceedings:hearing-add", args=[world.proceedings.uuid])
    response = client.post(url, hearing_post(**changes))
    assert response.status_code == 200
    page = text(response)
    assert "There is a problem" in page and message in page
    assert "<title>Error: Record a hearing" in page
    assert not Hearing.objects.exists()
    assert not world.child.timeline.filter(kind=TimelineEntry.Kind.HEARING).exists()


def test_the_hearing_error_summary_links_to_the_date(client, world):
    client.force_login(world.fca_allocated)
    url = reverse("proceedings:hearing-add", args=[world.proceedings.uuid])
    page = text(client.post(url, hearing_post(date_day="31", date_month="5")))
    assert 'href="#id_date_0"' in page and 'id="id_date_0"' in page  # the day box
    assert 'value="31"' in page  # what they typed is kept


# The duty list


def on_duty(area, days, *, hub=None, names=("Amira",)):
    proceedings = ProceedingsFactory(
        service_area=area,
        received_on=timezone.localdate() - datetime.timedelta(days=days),
        team=hub,
        stage=Stage.BEFORE_FIRST_HEARING,
    )
    for name in names:
        ProceedingsChildFactory(
            proceedings=proceedings,
            child=ChildFactory(preferred_name=name, legal_family_name="Khan"),
        )
    return proceedings


def test_duty_list_without_dates_shows_the_longest_waiting_first(client, world):
    hub = TeamFactory(
        service_area=world.area, kind=Team.Kind.ALLOCATION_HUB, name="Leeds allocation hub"
    )
    newer = on_duty(world.area, 3, names=("Zak",))
    older = on_duty(world.area, 30, hub=hub, names=("Amira", "Bilal"))
    client.force_login(world.manager_area)
    page = text(client.get(reverse("proceedings:duty-list")))
    assert page.index(older.court_number) < page.index(newer.court_number)
    assert world.proceedings.court_number not in page  # allocated already
    assert "Amira Khan, Bilal Khan" in page and ">30</td>" in page and ">3</td>" in page
    # The hub by its name, once ("Allocation hub Leeds allocation hub" said it twice).
    assert '"Held">Leeds allocation hub</td>' in page and '"Held">On duty</td>' in page
    assert page.lower().count("allocation hub") == 1
    assert f'href="/allocation/{older.uuid}/allocate/"' in page
    # Each row's own court number, kind and children, in the right columns.
    assert f'/{older.uuid}/">{older.court_number}</a></th>' in page
    kind = older.get_kind_display()
    assert f'<td class="govuk-table__cell" data-label="Kind">{kind}</td>' in page


def test_duty_list_puts_the_work_needed_soonest_first_with_the_first_hearing(client, world):
    today = timezone.localdate()
    # Ten sets of proceedings waiting longer, with no hearing yet, and care proceedings that
    # arrived last but have their first hearing in 2 days.
    waiting_long = [on_duty(world.area, 20 + n) for n in range(9)]
    urgent = on_duty(world.area, 1, names=("Maisie",))
    urgent.first_hearing_on = today + datetime.timedelta(days=2)
    urgent.save()
    client.force_login(world.manager_area)
    page = text(client.get(reverse("proceedings:duty-list")))
    order = sorted([urgent, *waiting_long], key=lambda p: page.index(p.court_number))
    assert order[0] == urgent
    assert order[1:] == sorted(waiting_long, key=lambda p: p.received_on)
    when = f"{urgent.first_hearing_on:%-d %B %Y}"
    assert f'First hearing: {when} <span class="govuk-!-font-weight-bold">(in 2 days)' in page
    assert page.count("No date yet") == 9


def test_duty_list_flags_an_interpreter_or_domestic_abuse(client, world):
    from together.children.models import Child

    child_needs = on_duty(world.area, 5, names=("Oskar",))
    Child.objects.filter(proceedings=child_needs).update(needs_interpreter=True)
    parent_needs = on_duty(world.area, 6, names=("Lena",))
    PartyFactory(proceedings=parent_needs, person=FamilyMemberFactory(needs_interpreter=True))
    abuse = on_duty(world.area, 7, names=("Ruby",))
    abuse.domestic_abuse_noted = True
    abuse.save()
    nothing = on_duty(world.area, 8, names=("Sam",))
    client.force_login(world.manager_area)
    page = text(client.get(reverse("proceedings:duty-list")))

    def row(proceedings):
        number = proceedings.court_number
        return re.search(rf"<tr[^>]*>\s*<th[^>]*><a[^>]*>{number}.*?</tr>", page, re.S).group(0)

    interpreter = '<strong class="govuk-tag govuk-tag--orange">Interpreter needed</strong>'
    abuse_tag = '<strong class="govuk-tag govuk-tag--orange">Domestic abuse noted</strong>'
    assert interpreter in row(child_needs) and abuse_tag not in row(child_needs)
    assert interpreter in row(parent_needs)
    assert abuse_tag in row(abuse) and interpreter not in row(abuse)
    assert "Nothing noted" in row(nothing) and "govuk-tag" not in row(nothing)


def test_regional_leaders_read_the_duty_list_without_allocating(client, world):
    waiting = on_duty(world.area, 5)
    client.force_login(world.head_region)
    page = text(client.get(reverse("proceedings:duty-list")))
    assert waiting.court_number in page and world.area.name in page
    assert f'<span class="govuk-caption-l">{world.area.region.name}</span>' in page
    assert "/allocate/" not in page


def test_an_empty_duty_list_says_so_under_the_name_of_its_service_area(client, world):
    client.force_login(world.manager_area)
    page = text(client.get(reverse("proceedings:duty-list") + "?page=3"))
    assert f'<span class="govuk-caption-l">{world.area.name}</span>' in page
    assert "No proceedings are waiting for a lead Family Court Adviser." in page


# Session and user (2); the page of proceedings with their teams, how many are waiting in all and
# the service area's name, then their children (2); the session's idle-timeout stamp in its
# savepoint (3).
DUTY_LIST_QUERIES = 7


def test_a_long_duty_list_is_shown_a_page_at_a_time_longest_waiting_first(client, world):
    from together.proceedings.selectors import DUTY_LIST_PAGE_SIZE

    waiting = [on_duty(world.area, 200 - n) for n in range(DUTY_LIST_PAGE_SIZE + 3)]
    client.force_login(world.manager_area)
    first = text(client.get(reverse("proceedings:duty-list")))
    assert f"{DUTY_LIST_PAGE_SIZE + 3} sets of proceedings waiting" in first
    assert f"Showing 1 to {DUTY_LIST_PAGE_SIZE}." in first and "Page 1 of 2" in first
    assert waiting[0].court_number in first and waiting[-1].court_number not in first
    assert 'href="?page=2" rel="next"' in first and 'rel="prev"' not in first
    second = text(client.get(reverse("proceedings:duty-list") + "?page=2"))
    assert waiting[-1].court_number in second and waiting[0].court_number not in second
    assert f"Showing {DUTY_LIST_PAGE_SIZE + 1} to {DUTY_LIST_PAGE_SIZE + 3}." in second
    assert 'href="?page=1" rel="prev"' in second and 'rel="next"' not in second
    assert f'<span class="govuk-caption-l">{world.area.name}</span>' in second
    # A page that does not exist, or is not a number, still answers with a page of the list.
    for odd, shown in (("99", 2), ("two", 1), ("-1", 1), ("0", 1)):
        page = text(client.get(reverse("proceedings:duty-list") + f"?page={odd}"))
        assert f"Page {shown} of 2" in page
        assert f"{DUTY_LIST_PAGE_SIZE + 3} sets of proceedings waiting" in page


@pytest.mark.parametrize("rows", [1, 8])
def test_duty_list_takes_a_fixed_number_of_queries(client, world, django_assert_num_queries, rows):
    hub = TeamFactory(service_area=world.area, kind=Team.Kind.ALLOCATION_HUB)
    for n in range(rows):
        on_duty(world.area, n, hub=hub if n % 2 else None, names=("Amira", "Bilal"))
    client.force_login(world.manager_area)
    with django_assert_num_queries(DUTY_LIST_QUERIES):
        response = client.get(reverse("proceedings:duty-list"))
    assert text(response).count("/allocate/") == rows


# Allocating


def test_allocate_page_shows_each_fcas_caseload_against_the_ceiling(client, world):
    waiting = on_duty(world.area, 4)
    for _ in range(12):
        allocate(ProceedingsFactory(service_area=world.area), world.fca_same_team, world.team)
    for _ in range(24):
        allocate(ProceedingsFactory(service_area=world.area), world.fca_allocated, world.team)
    client.force_login(world.manager_area)
    page = text(client.get(reverse("proceedings:allocate", args=[waiting.uuid])))
    assert f"{escape(world.fca_same_team.full_name)}, {world.team.name}" in page
    assert "12 of 25 after first hearing" in page and "0 of 40 before first hearing" in page
    warning = '<strong class="govuk-tag govuk-tag--red">At or over the ceiling'
    assert f"25 of 25 after first hearing, with 1 child {warning}" in page
    assert f"12 of 25 after first hearing, with 0 children {warning}" not in page
    assert escape(world.supervisor_team.full_name) not in page  # only FCAs
    assert escape(world.fca_other_area.full_name) not in page
    assert AuditEvent.objects.filter(
        action=Action.PROCEEDINGS_VIEWED, detail__page="allocate"
    ).exists()


def test_allocate_page_scales_each_ceiling_by_working_hours_and_counts_children(client, world):
    from decimal import Decimal

    waiting = on_duty(world.area, 4)
    part_time = world.fca_same_team
    part_time.fte = Decimal("0.60")
    part_time.save()
    for _ in range(3):
        brothers = ProceedingsFactory(service_area=world.area)
        for name in ("Leo", "Max"):
            ProceedingsChildFactory(proceedings=brothers, child=ChildFactory(preferred_name=name))
        allocate(brothers, part_time, world.team)
    client.force_login(world.manager_area)
    page = text(client.get(reverse("proceedings:allocate", args=[waiting.uuid])))
    # 25 x 0.6 = 15 after the first hearing; 40 x 0.6 = 24 before it.
    assert "Works 0.6 of full time<br>" in page
    assert "3 of 15 after first hearing, with 6 children<br>" in page
    assert "0 of 24 before first hearing, with 0 children" in page
    assert "3 of 25 after first hearing" not in page
    # Full time: the ceilings as they are, and Jayden in world.proceedings counted.
    assert "1 of 25 after first hearing, with 1 child<br>" in page


def test_choosing_an_fca_shows_the_children_and_court_to_confirm_and_saves_nothing(client, world):
    waiting = on_duty(world.area, 4, names=("Amira", "Bilal"))
    waiting.first_hearing_on = timezone.localdate() + datetime.timedelta(days=2)
    waiting.save()
    client.force_login(world.manager_area)
    url = reverse("proceedings:allocate", args=[waiting.uuid])
    response = client.post(url, {"fca": str(world.fca_same_team.uuid), "version": "1"})
    page = text(response)
    assert response.status_code == 200
    assert '<h1 class="govuk-heading-l">Check before you allocate</h1>' in page
    assert "Amira Khan, " in page and "Bilal Khan, " in page
    assert waiting.court in page and waiting.court_number in page
    assert f"{waiting.first_hearing_on:%-d %B %Y}" in page
    # Their caseload at this stage (before the first hearing) once allocated.
    assert "1 of 40, with 2 children (now 0, with 0)" in page
    assert f"Allocate to {escape(world.fca_same_team.full_name)}</button>" in page
    assert not Allocation.objects.filter(proceedings=waiting).exists()
    # Choosing someone else goes back to the question with the choice kept.
    again = text(
        client.post(url, {"fca": str(world.fca_same_team.uuid), "version": "1", "action": "change"})
    )
    assert "Choose a lead Family Court Adviser</h1>" in again
    assert f'value="{world.fca_same_team.uuid}" aria-describedby' in again
    assert re.search(rf'value="{world.fca_same_team.uuid}"[^>]* checked', again)
    assert not Allocation.objects.filter(proceedings=waiting).exists()


def test_the_check_page_warns_when_the_allocation_goes_over_the_scaled_ceiling(client, world):
    from decimal import Decimal

    waiting = on_duty(world.area, 4)
    waiting.stage = Stage.AFTER_FIRST_HEARING
    waiting.save()
    part_time = world.fca_same_team
    part_time.fte = Decimal("0.50")  # 25 x 0.5 = 12.5: the 13th set is over the line
    part_time.save()
    for _ in range(12):
        allocate(ProceedingsFactory(service_area=world.area), part_time, world.team)
    client.force_login(world.manager_area)
    url = reverse("proceedings:allocate", args=[waiting.uuid])
    page = text(client.post(url, {"fca": str(part_time.uuid), "version": "1"}))
    assert "13 of 13, with 1 child (now 12, with 0)" in page
    assert "0.5 of full time" in page
    assert "govuk-warning-text" not in page  # at the ceiling, not over it
    allocate(ProceedingsFactory(service_area=world.area), part_time, world.team)
    page = text(client.post(url, {"fca": str(part_time.uuid), "version": "1"}))
    assert "14 of 13" in page
    assert "over the ceiling for their working hours (13)" in page


def test_allocating_from_the_duty_list(client, world):
    waiting = on_duty(world.area, 4)
    client.force_login(world.manager_area)
    url = reverse("proceedings:allocate", args=[waiting.uuid])
    chosen = {"fca": str(world.fca_same_team.uuid), "version": "1"}
    client.post(url, chosen)  # the check page
    response = client.post(url, {**chosen, "action": "confirm"})
    assert response.status_code == 302 and response["Location"] == reverse("proceedings:duty-list")
    page = text(client.get(response["Location"]))
    named = escape(world.fca_same_team.full_name)
    assert f"{named} is now the lead Family Court Adviser for {waiting.court_number}" in page
    assert f"/allocation/{waiting.uuid}/" not in page  # gone from the duty list
    waiting.refresh_from_db()
    assert waiting.lead_fca == world.fca_same_team
    detail = text(client.get(reverse("proceedings:detail", args=[waiting.uuid])))
    assert (
        f"{escape(world.fca_same_team.full_name)}</th>" in detail
        and escape(world.manager_area.full_name) in detail
    )


def test_allocating_without_choosing_shows_an_error(client, world):
    waiting = on_duty(world.area, 4)
    client.force_login(world.manager_area)
    response = client.post(reverse("proceedings:allocate", args=[waiting.uuid]), {"version": "1"})
    page = text(response)
    assert response.status_code == 200
    assert "There is a problem" in page and 'href="#id_fca">Choose a Family Court Adviser' in page
    assert not Allocation.objects.filter(proceedings=waiting).exists()


def test_the_second_of_two_managers_allocating_at_once_is_told_who_did_it(client, world, make_user):
    waiting = on_duty(world.area, 4)
    first_manager = make_user(
        Role.SERVICE_MANAGER, area=world.area, given_name="Priya", family_name="Shah"
    )
    url = reverse("proceedings:allocate", args=[waiting.uuid])
    # Both managers open the page at version 1; Priya allocates first.
    client.force_login(first_manager)
    client.post(url, {"fca": str(world.fca_allocated.uuid), "version": "1", "action": "confirm"})
    client.force_login(world.manager_area)
    response = client.post(
        url, {"fca": str(world.fca_same_team.uuid), "version": "1", "action": "confirm"}
    )
    page = text(response)
    assert response.status_code == 200
    assert (
        f"Priya Shah allocated these proceedings to {escape(world.fca_allocated.full_name)}" in page
    )
    assert "Your choice was not saved" in page
    assert 'name="version" value="2"' in page  # choosing again is now possible
    waiting.refresh_from_db()
    assert waiting.lead_fca == world.fca_allocated
