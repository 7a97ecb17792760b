"""National leadership sets each area's thresholds and records prioritisation decisions with a
reason; whoever reads an area's scorecard reads its state and history."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tests.organisation.factories import ServiceAreaFactory
from together.accounts.models import Role
from together.core.exceptions import EditConflict
from together.organisation.models import AreaThresholds, PrioritisationEvent
from together.organisation.services import area_thresholds_set, prioritisation_change_record

from .access import ANONYMOUS

pytestmark = pytest.mark.django_db

ON = PrioritisationEvent.Change.PRIORITISATION_ON
REASON = "Saturation above 100% for six weeks; two advisers on long-term sick leave."


@pytest.fixture
def area():
    return ServiceAreaFactory(name="Tyne and Wear")


def _switch_on(by, area, token=None):
    return prioritisation_change_record(by=by, area=area, token=token, change=ON, reason=REASON)


def test_national_leadership_switches_an_area_into_prioritisation_and_sees_the_history(
    client, make_user, area
):
    national = make_user(Role.NATIONAL_PERFORMANCE, given_name="Ruth", family_name="Adeyemi")
    client.force_login(national)
    url = f"/scorecard/prioritisation/{area.uuid}/change/"
    form = client.get(url).content.decode()
    assert "Switched prioritisation on" in form
    assert "Switched prioritisation off" not in form  # it is not on yet
    response = client.post(url, {"change": ON, "reason": REASON}, follow=True)
    page = response.content.decode()
    assert "Switched prioritisation on for Tyne and Wear" in page
    assert "In prioritisation" in page
    assert REASON in page and "Ruth Adeyemi" in page
    area.refresh_from_db()
    assert area.in_prioritisation


def test_a_decision_needs_a_reason(client, make_user, area):
    client.force_login(make_user(Role.NATIONAL_PERFORMANCE))
    response = client.post(
        f"/scorecard/prioritisation/{area.uuid}/change/", {"change": ON, "reason": "  "}
    )
    assert "Enter why this has been decided" in response.content.decode()
    assert not PrioritisationEvent.objects.exists()
    with pytest.raises(ValidationError):
        prioritisation_change_record(
            by=make_user(Role.NATIONAL_PERFORMANCE), area=area, token=None, change=ON, reason=""
        )


def test_a_change_already_in_force_is_refused_in_plain_words(make_user, area):
    national = make_user(Role.NATIONAL_PERFORMANCE)
    _switch_on(national, area)
    with pytest.raises(ValidationError, match="has had this change already"):
        _switch_on(national, area)
    assert PrioritisationEvent.objects.count() == 1


def test_the_same_form_sent_twice_records_one_decision(make_user, area):
    national = make_user(Role.NATIONAL_PERFORMANCE)
    first = _switch_on(national, area, token="x" * 40)
    assert _switch_on(national, area, token="x" * 40) == first
    assert PrioritisationEvent.objects.count() == 1


def test_hubs_open_and_close_and_the_history_keeps_every_decision(client, make_user, area):
    national = make_user(Role.NATIONAL_PERFORMANCE)
    for change in ("allocation_hub_opened", "post_assessment_hub_opened", "allocation_hub_closed"):
        prioritisation_change_record(
            by=national, area=area, token=None, change=change, reason=f"Because {change}"
        )
    area.refresh_from_db()
    assert (area.allocation_hub_open, area.post_assessment_hub_open) == (False, True)
    client.force_login(national)
    page = client.get(f"/scorecard/prioritisation/{area.uuid}/").content.decode()
    assert page.index("Closed the allocation hub") < page.index("Opened an allocation hub")
    assert "Post-assessment hub open" in page


def test_the_history_cannot_be_changed_or_deleted(make_user, area):
    _switch_on(make_user(Role.NATIONAL_PERFORMANCE), area)
    with pytest.raises(TypeError):
        PrioritisationEvent.objects.update(reason="Something else")
    with pytest.raises(TypeError):
        PrioritisationEvent.objects.all().delete()


@pytest.mark.parametrize(
    "role", [Role.SERVICE_MANAGER, Role.HEAD_OF_PRACTICE, Role.FCA, Role.SYSTEM_ADMINISTRATOR]
)
def test_only_national_leadership_decides(make_user, area, role):
    with pytest.raises(PermissionDenied):
        _switch_on(make_user(role, area=area), area)
    with pytest.raises(PermissionDenied):
        area_thresholds_set(
            by=make_user(role, area=area),
            area=area,
            version=1,
            saturation_percent=80,
            held_on_duty=None,
            days_to_allocation=20,
            manager_duty_holdings=None,
        )
    assert not PrioritisationEvent.objects.exists()
    assert not AreaThresholds.objects.exists()


def test_thresholds_are_set_and_flag_an_area_past_them(client, make_user, area):
    national = make_user(Role.NATIONAL_PERFORMANCE)
    client.force_login(national)
    url = f"/scorecard/prioritisation/{area.uuid}/thresholds/"
    form = client.get(url).content.decode()
    assert 'value="90"' in form and 'value="20"' in form  # the board's defaults
    response = client.post(
        url,
        {
            "version": "1",
            "saturation_percent": "90",
            "held_on_duty": "0",
            "days_to_allocation": "20",
            "manager_duty_holdings": "",
        },
        follow=True,
    )
    assert "The thresholds for Tyne and Wear have been saved" in response.content.decode()
    thresholds = AreaThresholds.objects.get(service_area=area)
    assert (thresholds.held_on_duty, thresholds.manager_duty_holdings) == (0, None)
    from tests.proceedings.factories import ProceedingsFactory

    ProceedingsFactory(service_area=area)  # open, no lead: held on duty, past 0
    page = client.get("/scorecard/prioritisation/").content.decode()
    assert "Consider prioritisation" in page
    assert "1 held on duty (threshold 0)" in page


def test_two_people_setting_thresholds_at_once_do_not_overwrite_each_other(client, make_user, area):
    first = make_user(Role.NATIONAL_PERFORMANCE, given_name="Owen", family_name="Pryce")
    area_thresholds_set(
        by=first,
        area=area,
        version=1,
        saturation_percent=85,
        held_on_duty=None,
        days_to_allocation=20,
        manager_duty_holdings=None,
    )
    with pytest.raises(EditConflict):
        area_thresholds_set(
            by=first,
            area=area,
            version=1,
            saturation_percent=95,
            held_on_duty=None,
            days_to_allocation=20,
            manager_duty_holdings=None,
        )
    client.force_login(make_user(Role.NATIONAL_PERFORMANCE))
    response = client.post(
        f"/scorecard/prioritisation/{area.uuid}/thresholds/",
        {"version": "1", "saturation_percent": "95", "days_to_allocation": "20"},
    )
    assert "Owen Pryce changed these thresholds" in response.content.decode()
    assert AreaThresholds.objects.get().saturation_percent == 85


def test_a_threshold_that_is_not_a_number_is_an_error(client, make_user, area):
    client.force_login(make_user(Role.NATIONAL_PERFORMANCE))
    response = client.post(
        f"/scorecard/prioritisation/{area.uuid}/thresholds/",
        {"version": "1", "saturation_percent": "ninety"},
    )
    assert "Saturation must be a whole number, like 20" in response.content.decode()


# Who may open each page about one area: (role, the area is in their places) -> status.
READS = {Role.HEAD_OF_PRACTICE, Role.ASSISTANT_DIRECTOR, Role.SERVICE_MANAGER}


@pytest.mark.parametrize("mine", [True, False])
@pytest.mark.parametrize("role", [ANONYMOUS, *Role.values])
@pytest.mark.parametrize("page", ["", "change/", "thresholds/"])
def test_access_to_an_area(client, make_user, area, role, mine, page):
    if role != ANONYMOUS:
        place = area if mine else ServiceAreaFactory()
        user = make_user(role, area=place, region=place.region)
        client.force_login(user)
    response = client.get(f"/scorecard/prioritisation/{area.uuid}/{page}")
    if role == ANONYMOUS:
        expected = 302
    elif page:
        expected = 200 if role == Role.NATIONAL_PERFORMANCE else 404
    elif role == Role.NATIONAL_PERFORMANCE or (mine and role in READS):
        expected = 200
    else:
        expected = 404
    assert response.status_code == expected


def test_the_list_shows_only_the_places_a_manager_reads(client, make_user, area):
    other = ServiceAreaFactory(name="Somewhere Else")
    client.force_login(make_user(Role.SERVICE_MANAGER, area=area))
    page = client.get("/scorecard/prioritisation/").content.decode()
    assert "Tyne and Wear" in page and other.name not in page
    assert client.get(f"/scorecard/prioritisation/{other.uuid}/").status_code == 404


def test_pages_take_a_fixed_number_of_queries(client, make_user, area, django_assert_num_queries):
    national = make_user(Role.NATIONAL_PERFORMANCE)
    client.force_login(national)
    client.get("/scorecard/prioritisation/")
    with django_assert_num_queries(11):
        client.get("/scorecard/prioritisation/")
    with django_assert_num_queries(12):
        client.get(f"/scorecard/prioritisation/{area.uuid}/")
    ServiceAreaFactory.create_batch(3)
    _switch_on(national, area)
    with django_assert_num_queries(11):
        client.get("/scorecard/prioritisation/")
    with django_assert_num_queries(12):
        client.get(f"/scorecard/prioritisation/{area.uuid}/")


def test_each_setting_of_the_thresholds_is_kept(make_user, area):
    national = make_user(Role.NATIONAL_PERFORMANCE)
    for version, saturation in ((1, 85), (2, 80)):
        area_thresholds_set(
            by=national,
            area=area,
            version=version,
            saturation_percent=saturation,
            held_on_duty=None,
            days_to_allocation=20,
            manager_duty_holdings=None,
        )
    kept = AreaThresholds.history.filter(service_area=area).order_by("history_date")
    assert [row.saturation_percent for row in kept] == [90, 85, 80]
