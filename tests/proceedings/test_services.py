"""Services that change proceedings: each writes its audit event and the children's timeline
entries in the same transaction, or nothing at all."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from tests.children.factories import ChildFactory
from tests.organisation.factories import MembershipFactory, TeamFactory
from tests.proceedings.factories import ProceedingsChildFactory, ProceedingsFactory
from together.accounts.models import Role
from together.audit.models import Action, AuditEvent
from together.children.models import Child, FamilyMember, Relationship, TimelineEntry
from together.core.exceptions import EditConflict
from together.proceedings import services
from together.proceedings.models import (
    Allocation,
    Hearing,
    Kind,
    Law,
    Party,
    PartyRole,
    Proceedings,
    Stage,
)
from together.proceedings.selectors import ChildDetails, PartyDetails


@pytest.fixture
def on_duty(area):
    """Open proceedings about two children, held on duty in `area`."""
    proceedings = ProceedingsFactory(service_area=area, stage=Stage.BEFORE_FIRST_HEARING)
    for name in ("Amira", "Zak"):
        ProceedingsChildFactory(proceedings=proceedings, child=ChildFactory(preferred_name=name))
    return proceedings


@pytest.fixture
def manager(make_user, area):
    return make_user(Role.SERVICE_MANAGER, area=area)


# Allocation


def test_allocating_names_the_lead_fca_and_writes_audit_and_timeline(on_duty, manager, fca, team):
    allocation = services.allocation_create(
        by=manager, proceedings=on_duty, fca=fca, version=on_duty.version
    )
    on_duty.refresh_from_db()
    assert (allocation.fca, allocation.team, allocation.allocated_by) == (fca, team, manager)
    assert allocation.ended_at is None
    assert on_duty.lead_fca == fca and on_duty.team == team
    assert on_duty.first_allocated_at == allocation.started_at
    assert on_duty.version == 2
    event = AuditEvent.objects.get(action=Action.ALLOCATED)
    assert event.actor == manager and event.object_id == str(on_duty.uuid)
    assert event.detail["fca"] == str(fca.uuid)
    entries = TimelineEntry.objects.filter(kind=TimelineEntry.Kind.ALLOCATION)
    assert sorted(e.child.preferred_name for e in entries) == ["Amira", "Zak"]
    assert {e.summary for e in entries} == {f"Lead Family Court Adviser named: {fca.full_name}"}


def test_reallocating_ends_the_current_allocation_and_keeps_the_first_allocation_time(
    on_duty, manager, fca, team, make_user
):
    first = services.allocation_create(by=manager, proceedings=on_duty, fca=fca, version=1)
    other = make_user(Role.FCA, team=TeamFactory(service_area=on_duty.service_area))
    second = services.allocation_create(by=manager, proceedings=on_duty, fca=other, version=2)
    first.refresh_from_db()
    on_duty.refresh_from_db()
    assert first.ended_at == second.started_at
    assert on_duty.lead_fca == other and on_duty.team == second.team
    assert on_duty.first_allocated_at == first.started_at
    assert Allocation.objects.filter(proceedings=on_duty, ended_at__isnull=True).get() == second


def test_a_stale_version_is_refused_and_says_who_allocated_first(on_duty, manager, fca, make_user):
    # Two managers opened the same proceedings at version 1; the first allocates.
    other_manager = make_user(Role.SERVICE_MANAGER, area=on_duty.service_area)
    services.allocation_create(by=other_manager, proceedings=on_duty, fca=fca, version=1)
    second_choice = make_user(Role.FCA, team=TeamFactory(service_area=on_duty.service_area))
    with pytest.raises(EditConflict) as conflict:
        services.allocation_create(by=manager, proceedings=on_duty, fca=second_choice, version=1)
    assert conflict.value.by == other_manager
    on_duty.refresh_from_db()
    assert on_duty.lead_fca == fca
    assert Allocation.objects.filter(proceedings=on_duty).count() == 1
    assert AuditEvent.objects.filter(action=Action.ALLOCATED).count() == 1


def test_allocation_is_all_or_nothing(on_duty, manager, fca, monkeypatch):
    def broken(**kwargs):
        raise RuntimeError("the timeline could not be written")

    monkeypatch.setattr(services, "timeline_entry_add", broken)
    with pytest.raises(RuntimeError):
        services.allocation_create(by=manager, proceedings=on_duty, fca=fca, version=1)
    on_duty.refresh_from_db()
    assert on_duty.lead_fca is None and on_duty.version == 1 and on_duty.first_allocated_at is None
    assert not Allocation.objects.exists()
    assert not AuditEvent.objects.filter(action=Action.ALLOCATED).exists()


def test_only_an_fca_in_the_areas_teams_can_be_named(on_duty, manager, make_user):
    elsewhere = make_user(Role.FCA)  # a team in another area
    supervisor = make_user(
        Role.PRACTICE_SUPERVISOR, team=TeamFactory(service_area=on_duty.service_area)
    )
    for person in (elsewhere, supervisor):
        with pytest.raises(ValidationError) as error:
            services.allocation_create(by=manager, proceedings=on_duty, fca=person, version=1)
        assert "works in one of this area's teams" in str(error.value)
    assert not Allocation.objects.exists()


def test_an_fca_who_left_the_team_cannot_be_named(on_duty, manager, fca):
    fca.team_memberships.update(ended_on=datetime.date(2026, 1, 31))
    with pytest.raises(ValidationError):
        services.allocation_create(by=manager, proceedings=on_duty, fca=fca, version=1)


def test_only_the_areas_service_manager_allocates(on_duty, fca, make_user):
    for person in (
        make_user(Role.SERVICE_MANAGER),
        make_user(Role.HEAD_OF_PRACTICE, region=on_duty.service_area.region),
        fca,
    ):
        with pytest.raises(PermissionDenied):
            services.allocation_create(by=person, proceedings=on_duty, fca=fca, version=1)


def test_the_same_fca_cannot_be_named_twice_in_a_row(on_duty, manager, fca):
    services.allocation_create(by=manager, proceedings=on_duty, fca=fca, version=1)
    with pytest.raises(ValidationError, match="already the lead"):
        services.allocation_create(by=manager, proceedings=on_duty, fca=fca, version=2)


def test_the_fca_is_placed_in_their_newest_team_in_the_area(on_duty, manager, fca, team):
    hub = TeamFactory(service_area=on_duty.service_area, kind="allocation_hub")
    MembershipFactory(user=fca, team=hub, started_on=datetime.date(2026, 9, 1))
    allocation = services.allocation_create(by=manager, proceedings=on_duty, fca=fca, version=1)
    assert allocation.team == hub


# A new application


@pytest.fixture
def business(make_user, area):
    return make_user(Role.BUSINESS_SERVICES, area=area)


def new_child(**changes):
    fields = {
        "legal_given_names": "Jaden Lee",
        "legal_family_name": "Okafor",
        "preferred_name": "Jaden",
        "date_of_birth": datetime.date(2016, 5, 14),
    }
    return ChildDetails(**{**fields, **changes})


def create(business, children, **changes):
    fields = {
        "by": business,
        "service_area": business.service_area,
        "court": "Family Court at Leeds",
        "court_number": "LS26C00999",
        "kind": Kind.PRIVATE_FIRST_HEARING,
        "received_on": datetime.date(2026, 11, 2),
        "children": children,
        # Whoever applied: the local authority in public law, a party in private law.
        "applicant_local_authority": "Leeds City Council",
        "parties": [PartyDetails("Grace", "Okafor", Relationship.MOTHER, PartyRole.APPLICANT)],
    }
    return services.proceedings_create(**{**fields, **changes})


def test_a_new_application_starts_a_file_for_each_new_child(business):
    proceedings = create(
        business, [new_child(), new_child(legal_given_names="Ruby", preferred_name="Ruby")]
    )
    assert proceedings.law == Law.PRIVATE and proceedings.stage == Stage.BEFORE_FIRST_HEARING
    assert proceedings.lead_fca is None and proceedings.service_area == business.service_area
    children = Child.objects.filter(proceedings=proceedings).order_by("preferred_name")
    assert [c.preferred_name for c in children] == ["Jaden", "Ruby"]
    assert children[0].created_by == business and children[0].search_text
    event = AuditEvent.objects.get(action=Action.PROCEEDINGS_CREATED)
    assert event.actor == business and len(event.detail["children_added"]) == 2
    assert AuditEvent.objects.filter(action=Action.CHILD_CREATED).count() == 2
    for child in children:
        entry = child.timeline.get(kind=TimelineEntry.Kind.PROCEEDINGS)
        assert entry.summary == (
            "Proceedings started at Family Court at Leeds, court's number LS26C00999"
        )


def test_linking_an_existing_child_adds_them_instead_of_starting_a_new_file(business):
    jayden = ChildFactory(preferred_name="Jayden", legal_family_name="Okafor")
    before = Child.objects.count()
    proceedings = create(business, [jayden])
    assert Child.objects.count() == before
    assert list(proceedings.children.all()) == [jayden]
    assert jayden.timeline.filter(kind=TimelineEntry.Kind.PROCEEDINGS).exists()
    event = AuditEvent.objects.get(action=Action.PROCEEDINGS_CREATED)
    assert event.detail["children_linked"] == [str(jayden.uuid)]


def test_law_follows_from_kind_and_other_kinds_say_which_law(business):
    assert create(business, [new_child()], kind=Kind.CARE_S31).law == Law.PUBLIC
    assert (
        create(
            business,
            [new_child(date_of_birth=datetime.date(2019, 1, 2))],
            kind=Kind.SECTION_7,
            court_number="LS26P00002",
        ).stage
        == Stage.AFTER_FIRST_HEARING
    )
    other = create(
        business,
        [new_child(date_of_birth=datetime.date(2020, 1, 2))],
        kind=Kind.OTHER,
        law=Law.PUBLIC,
        court_number="LS26C00003",
    )
    assert (other.kind, other.law) == (Kind.OTHER, Law.PUBLIC)
    with pytest.raises(ValidationError):
        create(
            business,
            [new_child(date_of_birth=datetime.date(2021, 1, 2))],
            kind=Kind.OTHER,
            court_number="LS26C00004",
        )


@pytest.mark.parametrize(
    ("changes", "children", "message"),
    [
        (
            {},
            [new_child(date_of_birth=datetime.date(2099, 1, 1))],
            "Date of birth must be today or in the past",
        ),
        ({"received_on": datetime.date(2099, 1, 1)}, [new_child()], "must be today or in the past"),
        ({}, [new_child(legal_given_names="  ", preferred_name="  ")], "Child 1"),
        ({"court_number": "X" * 41}, [new_child()], "at most 40 characters"),
        (
            {},
            [new_child(), new_child(legal_given_names="jaden  lee")],
            "The same child is in the list twice",
        ),
        ({}, [], "Add at least one child"),
    ],
    ids=[
        "birth-in-future",
        "received-in-future",
        "empty-name",
        "too-long",
        "same-child-twice",
        "no-children",
    ],
)
def test_bad_input_saves_nothing(business, changes, children, message):
    with pytest.raises(ValidationError, match=message):
        create(business, children, **changes)
    assert not Proceedings.objects.exists()
    assert not Child.objects.exists()
    assert not TimelineEntry.objects.exists()
    assert not AuditEvent.objects.filter(
        action__in=[Action.PROCEEDINGS_CREATED, Action.CHILD_CREATED]
    ).exists()


def test_the_same_existing_child_cannot_be_linked_twice(business):
    jayden = ChildFactory()
    with pytest.raises(ValidationError, match="twice"):
        create(business, [jayden, jayden])
    assert not Proceedings.objects.exists()


def test_a_later_child_failing_undoes_the_whole_application(business):
    with pytest.raises(ValidationError, match="Child 2"):
        create(business, [new_child(), new_child(legal_family_name="", legal_given_names="Ruby")])
    assert not Proceedings.objects.exists() and not Child.objects.exists()


def test_only_business_services_of_the_area_add_applications(business, make_user):
    with pytest.raises(PermissionDenied):
        create(
            make_user(Role.SERVICE_MANAGER, area=business.service_area),
            [new_child()],
            by=make_user(Role.SERVICE_MANAGER, area=business.service_area),
        )
    other_area = make_user(Role.BUSINESS_SERVICES)
    with pytest.raises(PermissionDenied):
        create(business, [new_child()], by=other_area)
    assert not Proceedings.objects.exists()


# Hearings


def test_recording_a_hearing_writes_audit_and_a_timeline_entry_for_each_child(world):
    ProceedingsChildFactory(
        proceedings=world.proceedings, child=ChildFactory(preferred_name="Ruby")
    )
    starts = timezone.make_aware(datetime.datetime(2026, 7, 3, 10, 30))
    hearing = services.hearing_record(
        by=world.fca_allocated,
        proceedings=world.proceedings,
        token=None,
        kind=Hearing.Kind.FIRST,
        starts_at=starts,
        outcome="Interim order made. Section 7 report ordered.",
    )
    assert hearing.proceedings == world.proceedings
    event = AuditEvent.objects.get(action=Action.HEARING_RECORDED)
    assert event.actor == world.fca_allocated and event.object_id == str(hearing.uuid)
    entries = TimelineEntry.objects.filter(kind=TimelineEntry.Kind.HEARING)
    assert entries.count() == 2
    assert entries[0].summary.startswith(
        "First hearing on 3 July 2026 at 10:30. What the court decided: Interim order"
    )
    assert entries[0].occurred_at == starts
    world.proceedings.refresh_from_db()
    assert world.proceedings.first_hearing_on == datetime.date(2026, 7, 3)


def test_a_hearing_before_the_application_was_received_is_refused(world):
    before = timezone.make_aware(datetime.datetime(2026, 5, 31, 10, 0))
    with pytest.raises(ValidationError) as error:
        services.hearing_record(
            by=world.fca_allocated,
            proceedings=world.proceedings,
            token=None,
            kind=Hearing.Kind.FIRST,
            starts_at=before,
        )
    assert "starts_at" in error.value.message_dict
    assert (
        not Hearing.objects.exists() and not TimelineEntry.objects.filter(kind="hearing").exists()
    )
    world.proceedings.refresh_from_db()
    assert world.proceedings.first_hearing_on is None


def test_a_known_first_hearing_date_is_not_overwritten(world):
    world.proceedings.first_hearing_on = datetime.date(2026, 6, 20)
    world.proceedings.save()
    later = timezone.make_aware(datetime.datetime(2026, 8, 1, 14, 0))
    services.hearing_record(
        by=world.fca_allocated,
        proceedings=world.proceedings,
        token=None,
        kind=Hearing.Kind.FIRST,
        starts_at=later,
    )
    world.proceedings.refresh_from_db()
    assert world.proceedings.first_hearing_on == datetime.date(2026, 6, 20)


def test_oversight_roles_do_not_record_hearings(world):
    with pytest.raises(PermissionDenied):
        services.hearing_record(
            by=world.head_region,
            proceedings=world.proceedings,
            token=None,
            kind=Hearing.Kind.OTHER,
            starts_at=timezone.now(),
        )


def test_every_view_of_proceedings_is_logged(world):
    services.proceedings_view_record(by=world.national, proceedings=world.proceedings)
    event = AuditEvent.objects.get(action=Action.PROCEEDINGS_VIEWED)
    assert event.actor == world.national and event.object_id == str(world.proceedings.uuid)


# One court's number, one set of proceedings


def test_a_court_number_already_used_is_refused(business):
    create(business, [new_child()])
    with pytest.raises(ValidationError, match="LS26C00999 is already used"):
        create(business, [new_child(legal_given_names="Ruby")], court_number=" ls26c00999")
    assert Proceedings.objects.count() == 1


def test_the_same_number_saved_by_someone_else_meanwhile_is_refused_not_a_crash(
    business, monkeypatch
):
    other = ProceedingsFactory(court_number="LS26C00999")  # saved after the check "ran"
    real = services.court_number_in_use_message
    answers = iter([None])
    monkeypatch.setattr(
        services,
        "court_number_in_use_message",
        lambda **kw: next(answers, None) or real(**kw),
    )
    with pytest.raises(ValidationError, match="already used by other proceedings"):
        create(business, [new_child()])
    assert list(Proceedings.objects.all()) == [other]
    assert not Child.objects.exists()


def test_parties_are_added_to_each_childs_family_with_their_part(business):
    proceedings = create(
        business,
        [new_child(), new_child(legal_given_names="Ruby", preferred_name="Ruby")],
        parties=[
            PartyDetails("Grace", "Okafor", Relationship.MOTHER, PartyRole.APPLICANT),
            PartyDetails("Tom", "Okafor", Relationship.FATHER, PartyRole.RESPONDENT),
        ],
        first_hearing_on=datetime.date(2026, 11, 20),
    )
    assert proceedings.first_hearing_on == datetime.date(2026, 11, 20)
    parties = {str(p.person): p.role for p in Party.objects.filter(proceedings=proceedings)}
    assert parties == {"Grace Okafor": PartyRole.APPLICANT, "Tom Okafor": PartyRole.RESPONDENT}
    grace = FamilyMember.objects.get(given_name="Grace")
    assert set(grace.connections.values_list("child__preferred_name", flat=True)) == {
        "Jaden",
        "Ruby",
    }


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"kind": Kind.CARE_S31, "applicant_local_authority": " "}, "local authority"),
        ({"parties": []}, "Add the person who applied"),
        (
            {"parties": [PartyDetails("", "X", Relationship.MOTHER, PartyRole.APPLICANT)]},
            "Person 1: enter their given name",
        ),
    ],
    ids=["public-law-without-local-authority", "private-law-without-applicant", "no-name"],
)
def test_an_application_without_its_applicant_saves_nothing(business, changes, message):
    with pytest.raises(ValidationError, match=message):
        create(business, [new_child()], **changes)
    assert not Proceedings.objects.exists() and not Child.objects.exists()
