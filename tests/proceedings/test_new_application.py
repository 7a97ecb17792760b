"""A new application as business services make it: the details (a court from the list, the
applicant, the parties, the first hearing), which child each one is when a file may exist, a
check of the answers, and only then the save. A child whose file another area holds is shown
with only what it takes to decide, linked only with a reason that area's managers see, and the
new area sees none of the confidential details recorded before the link (ADR 0017)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.html import escape

from tests.children.factories import ChildFactory, ConnectionFactory, FamilyMemberFactory
from tests.organisation.factories import MembershipFactory, TeamFactory
from tests.proceedings.factories import ProceedingsChildFactory, ProceedingsFactory, allocate
from together.audit.models import Action, AuditEvent
from together.children import rules as child_rules
from together.children.models import BreakGlass, Child, ChildConnection, FamilyMember
from together.children.selectors import break_glass_for_managers
from together.children.services import family_member_add
from together.proceedings import services
from together.proceedings.courts import HEARING_CENTRES
from together.proceedings.models import Law, Party, PartyRole, Proceedings, ProceedingsChild
from together.proceedings.views import DRAFT

COURT = "Leeds Combined Court Centre"


def text(response) -> str:
    return response.content.decode()


def application(**changes):
    data = {
        "court": COURT,
        "court_number": "LS26P00123",
        "kind": "private_fh",
        "received_on_day": "2",
        "received_on_month": "11",
        "received_on_year": "2026",
        "first_hearing_on_day": "",
        "first_hearing_on_month": "",
        "first_hearing_on_year": "",
        "applicant_local_authority": "",
        "child1_legal_given_names": "Jaden Lee",
        "child1_legal_family_name": "Okafor",
        "child1_preferred_name": "",
        "child1_date_of_birth_day": "9",
        "child1_date_of_birth_month": "9",
        "child1_date_of_birth_year": "2018",
        "party1_given_name": "Grace",
        "party1_family_name": "Okafor",
        "party1_relationship": "mother",
        "party1_role": "applicant",
    }
    return {**data, **changes}


BORN_LIKE_JAYDEN = {
    "child1_date_of_birth_day": "14",
    "child1_date_of_birth_month": "5",
    "child1_date_of_birth_year": "2016",
}


@pytest.fixture
def business(world):
    return world.business_area


def details(client, **changes):
    return client.post(reverse("proceedings:new"), application(**changes))


def accept(client):
    return client.post(reverse("proceedings:new-check"))


# The details, then the check of the answers: nothing is saved before "Accept and save"


def test_continue_saves_nothing_and_shows_the_answers_to_check(client, business):
    client.force_login(business)
    response = details(
        client, first_hearing_on_day="20", first_hearing_on_month="11", first_hearing_on_year="2026"
    )
    assert response.status_code == 302 and response["Location"] == reverse("proceedings:new-check")
    assert not Proceedings.objects.filter(court_number="LS26P00123").exists()

    page = text(client.get(response["Location"]))
    assert "Check your answers before saving the application" in page
    for shown in (COURT, "LS26P00123", "2 November 2026", "20 November 2026", "Jaden Okafor"):
        assert shown in page
    assert "Grace Okafor" in page and "Applicant. Mother to the children" in page
    assert "A new file will be started" in page
    assert f'href="{reverse("proceedings:new")}?change#id_court"' in page
    assert "Accept and save" in page
    assert not Proceedings.objects.filter(court_number="LS26P00123").exists()


def test_accept_and_save_records_the_application_its_parties_and_first_hearing(client, business):
    client.force_login(business)
    details(
        client, first_hearing_on_day="20", first_hearing_on_month="11", first_hearing_on_year="2026"
    )
    response = accept(client)
    proceedings = Proceedings.objects.get(court_number="LS26P00123")
    assert response["Location"] == reverse("proceedings:detail", args=[proceedings.uuid])
    assert proceedings.court == COURT
    assert proceedings.first_hearing_on == datetime.date(2026, 11, 20)
    child = proceedings.children.get()
    assert (child.preferred_name, child.legal_given_names) == ("Jaden", "Jaden Lee")
    party = Party.objects.select_related("person").get(proceedings=proceedings)
    assert (str(party.person), party.role) == ("Grace Okafor", PartyRole.APPLICANT)
    assert ChildConnection.objects.get(person=party.person).child == child
    assert DRAFT not in client.session  # the answers are gone once saved
    page = text(client.get(response["Location"]))
    assert "Proceedings LS26P00123 saved" in page and "Grace Okafor" in page


def test_a_public_law_application_records_the_local_authority_that_applied(client, business):
    client.force_login(business)
    details(
        client,
        kind="care_s31",
        court_number="LS26C00123",
        applicant_local_authority="Leeds City Council",
        party1_role="respondent",
    )
    assert "Leeds City Council" in text(client.get(reverse("proceedings:new-check")))
    accept(client)
    proceedings = Proceedings.objects.get(court_number="LS26C00123")
    assert (proceedings.law, proceedings.applicant_local_authority) == (
        Law.PUBLIC,
        "Leeds City Council",
    )
    page = text(client.get(reverse("proceedings:detail", args=[proceedings.uuid])))
    assert "Leeds City Council" in page


def test_a_change_link_brings_back_the_answers_to_change(client, business):
    client.force_login(business)
    details(client)
    page = text(client.get(reverse("proceedings:new") + "?change"))
    assert 'value="Jaden Lee"' in page and f'<option value="{COURT}" selected>' in page
    assert "There is a problem" not in page
    # Changed and continued: the check page shows the new answer, still nothing saved.
    details(client, child1_preferred_name="JJ")
    assert "JJ Okafor" in text(client.get(reverse("proceedings:new-check")))
    assert not Proceedings.objects.filter(court_number="LS26P00123").exists()


def test_a_fresh_visit_starts_a_new_application(client, business):
    client.force_login(business)
    details(client)
    page = text(client.get(reverse("proceedings:new")))
    assert 'value="Jaden Lee"' not in page
    assert client.get(reverse("proceedings:new-check"))["Location"] == reverse("proceedings:new")


def test_the_court_is_chosen_from_the_list_of_hearing_centres(client, business):
    client.force_login(business)
    page = text(client.get(reverse("proceedings:new")))
    assert 'id="id_court" name="court"' in page and '<select class="govuk-select' in page
    assert all(escape(name) in page for name in HEARING_CENTRES)
    response = details(client, court="Newcastle")
    assert response.status_code == 200
    assert "Choose the court from the list" in text(response)
    assert not Proceedings.objects.filter(court_number="LS26P00123").exists()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {"child1_date_of_birth_year": "2099"},
            "Child 1&#x27;s date of birth must be today or in the past",
        ),
        (
            {"received_on_year": "2099"},
            "The date the application was received must be today or in the past",
        ),
        (
            {"received_on_day": "30", "received_on_month": "2"},
            "The date the application was received must be a real date",
        ),
        (
            {"received_on_year": "26"},
            "The date the application was received must have a year with 4 numbers",
        ),
        (
            {
                "first_hearing_on_day": "1",
                "first_hearing_on_month": "11",
                "first_hearing_on_year": "2026",
            },
            "The first hearing must be on or after the date the application was received",
        ),
        ({"child1_legal_given_names": "  "}, "Enter child 1&#x27;s given names"),
        ({"court": ""}, "Choose the court"),
        ({"court_number": "L" * 41}, "The court&#x27;s number must be 40 characters or fewer"),
        (
            {"child1_legal_family_name": "x" * 101},
            "Child 1&#x27;s family name must be 100 characters or fewer",
        ),
        ({"kind": ""}, "Choose the kind of application"),
        ({"child2_legal_given_names": "Ruby"}, "Enter child 2&#x27;s family name"),
        (
            {
                "child2_legal_given_names": "jaden lee",
                "child2_legal_family_name": "OKAFOR",
                "child2_date_of_birth_day": "9",
                "child2_date_of_birth_month": "9",
                "child2_date_of_birth_year": "2018",
            },
            "Child 2 has the same name and date of birth as child 1",
        ),
        (
            {"kind": "care_s31", "applicant_local_authority": ""},
            "Enter the local authority that applied, for a public law application",
        ),
        (
            {"party1_role": "respondent"},
            "Add the person who applied, with their part as applicant",
        ),
        ({"party1_relationship": ""}, "Choose who person 1 is to the children"),
        ({"party2_family_name": "Okafor"}, "Enter person 2&#x27;s given name"),
    ],
    ids=[
        "birth-in-future",
        "received-in-future",
        "not-a-real-date",
        "two-digit-year",
        "first-hearing-before-received",
        "empty-name",
        "no-court",
        "court-number-too-long",
        "name-too-long",
        "no-kind",
        "half-filled-row",
        "same-child-twice",
        "public-law-without-local-authority",
        "private-law-without-applicant",
        "party-without-relationship",
        "party-without-name",
    ],
)
def test_a_problem_with_the_details_shows_an_error_summary_and_keeps_nothing(
    client, business, changes, message
):
    children_before = Child.objects.count()
    client.force_login(business)
    response = details(client, **changes)
    page = text(response)
    assert response.status_code == 200
    assert "There is a problem" in page and message in page
    assert DRAFT not in client.session
    assert not Proceedings.objects.filter(court_number__startswith="LS26P").exists()
    assert Child.objects.count() == children_before


# The same court's number twice


def test_a_court_number_already_used_names_the_proceedings_the_user_may_see(client, business):
    used = ProceedingsFactory(
        service_area=business.service_area, court_number="LS26P00123", court="Leeds Court"
    )
    ProceedingsChildFactory(proceedings=used, child=ChildFactory())
    client.force_login(business)
    response = details(client, court_number="ls26p00123 ")
    page = text(response)
    assert response.status_code == 200 and "There is a problem" in page
    assert (
        "Court&#x27;s number LS26P00123 is already used by the proceedings at Leeds Court" in page
    )
    assert Proceedings.objects.filter(court_number="LS26P00123").count() == 1


def test_a_court_number_used_by_proceedings_the_user_may_not_see_is_only_said_to_be_in_use(
    client, world, business
):
    elsewhere = ProceedingsFactory(
        service_area=world.other_area, court_number="LS26P00123", court="Secret Court"
    )
    ProceedingsChildFactory(proceedings=elsewhere, child=ChildFactory())
    client.force_login(business)
    page = text(details(client))
    assert "Court&#x27;s number LS26P00123 is already used by other proceedings" in page
    assert "Secret Court" not in page


def test_a_court_number_taken_while_checking_the_answers_is_refused_on_saving(client, business):
    client.force_login(business)
    details(client)
    ProceedingsFactory(service_area=business.service_area, court_number="LS26P00123")
    page = text(accept(client))
    assert "There is a problem" in page and "LS26P00123 is already used by" in page
    assert Proceedings.objects.filter(court_number="LS26P00123").count() == 1


# Children who may already have a file


def test_a_possible_duplicate_is_asked_about_before_the_answers_are_checked(
    client, world, business
):
    jayden = world.child  # Jayden, born 14 May 2016, in proceedings in the user's own area
    client.force_login(business)
    response = details(client, **BORN_LIKE_JAYDEN)
    assert response["Location"] == reverse("proceedings:new-children")
    page = text(client.get(response["Location"]))
    assert "Check whether these children already have a file" in page
    assert f"Link to this child: Jayden {escape(jayden.legal_family_name)}" in page
    assert f"In proceedings {world.proceedings.court_number}" in page
    assert "This is a new child" in page
    assert "another area" not in page.split("</h1>")[1].split("<form")[1]
    # Going straight to the check page is sent back to the question.
    check = client.get(reverse("proceedings:new-check"))
    assert check["Location"] == reverse("proceedings:new-children")


def test_linking_to_a_child_in_the_users_own_area_needs_no_reason(client, world, business):
    before = Child.objects.count()
    client.force_login(business)
    details(client, **BORN_LIKE_JAYDEN)
    response = client.post(reverse("proceedings:new-children"), {"match1": str(world.child.uuid)})
    assert response["Location"] == reverse("proceedings:new-check")
    page = text(client.get(reverse("proceedings:new-check")))
    assert f"Linked to the file of Jayden {escape(world.child.legal_family_name)}" in page
    accept(client)
    proceedings = Proceedings.objects.get(court_number="LS26P00123")
    assert list(proceedings.children.all()) == [world.child]
    assert Child.objects.count() == before
    assert not BreakGlass.objects.exists()


def test_a_change_to_the_details_goes_back_to_the_check_keeping_the_answer_about_the_child(
    client, world, business
):
    client.force_login(business)
    details(client, **BORN_LIKE_JAYDEN)
    client.post(reverse("proceedings:new-children"), {"match1": str(world.child.uuid)})
    response = details(client, **BORN_LIKE_JAYDEN, court_number="LS26P00124")
    assert response["Location"] == reverse("proceedings:new-check")
    page = text(client.get(response["Location"]))
    assert "LS26P00124" in page and "Linked to the file of Jayden" in page


def test_each_partys_change_link_opens_their_own_row(client, business):
    client.force_login(business)
    details(
        client,
        party1_given_name="",
        party1_family_name="",
        party1_relationship="",
        party1_role="",
        party2_given_name="Grace",
        party2_relationship="mother",
        party2_role="applicant",
    )
    page = text(client.get(reverse("proceedings:new-check")))
    assert "?change#id_party2_given_name" in page and "id_party1_given_name" not in page


def test_saying_it_is_a_new_child_starts_a_new_file(client, business):
    before = Child.objects.count()
    client.force_login(business)
    details(client, **BORN_LIKE_JAYDEN)
    client.post(reverse("proceedings:new-children"), {"match1": "new"})
    accept(client)
    assert Child.objects.count() == before + 1
    new = Proceedings.objects.get(court_number="LS26P00123").children.get()
    assert new.preferred_name == "Jaden"


def test_the_duplicate_question_must_be_answered(client, business):
    client.force_login(business)
    details(client, **BORN_LIKE_JAYDEN)
    page = text(client.post(reverse("proceedings:new-children"), {}))
    assert "There is a problem" in page
    assert "Say whether Jaden already has a file, or is a new child" in page
    assert 'href="#id_match1"' in page


def test_only_the_children_found_can_be_linked(client, business):
    stranger = ChildFactory(date_of_birth=datetime.date(2010, 1, 1))
    client.force_login(business)
    details(client, **BORN_LIKE_JAYDEN)
    page = text(client.post(reverse("proceedings:new-children"), {"match1": str(stranger.uuid)}))
    assert "Choose one of the children listed" in page


def test_two_children_cannot_both_be_linked_to_the_same_existing_child(client, world, business):
    client.force_login(business)
    details(
        client,
        **BORN_LIKE_JAYDEN,
        child2_legal_given_names="Jaydon",
        child2_legal_family_name="Okafor",
        child2_date_of_birth_day="14",
        child2_date_of_birth_month="5",
        child2_date_of_birth_year="2016",
    )
    chosen = {"match1": str(world.child.uuid), "match2": str(world.child.uuid)}
    page = text(client.post(reverse("proceedings:new-children"), chosen))
    assert "Child 2 and child 1 cannot both be the same child" in page


# A child whose file another area holds (issue 14, item 7)


@pytest.fixture
def elsewhere(world):
    """Business services in the other area, making an application about the world's child."""
    return world.business_other_area


def _link_from_elsewhere(client, world, elsewhere, reason="The court says it is the same child"):
    client.force_login(elsewhere)
    details(client, **BORN_LIKE_JAYDEN, court_number="WY26P00001")
    answers = {"match1": str(world.child.uuid), "reason1": reason}
    return client.post(reverse("proceedings:new-children"), answers)


def test_a_child_held_by_another_area_is_shown_without_its_court_numbers(client, world, elsewhere):
    address = FamilyMemberFactory(address="12 Hidden Lane, NE1 4XX", address_confidential=True)
    ConnectionFactory(child=world.child, person=address)
    client.force_login(elsewhere)
    details(client, **BORN_LIKE_JAYDEN, court_number="WY26P00001")
    page = text(client.get(reverse("proceedings:new-children")))
    assert f"Link to this child: Jayden {escape(world.child.legal_family_name)}" in page
    assert world.proceedings.court_number not in page
    assert "In proceedings" not in page and "Hidden Lane" not in page
    assert f"Their file is held by another area: {escape(world.area.name)}" in page
    assert "say why" in page


def test_linking_a_child_held_by_another_area_without_a_reason_is_refused(client, world, elsewhere):
    response = _link_from_elsewhere(client, world, elsewhere, reason="   ")
    page = text(response)
    assert response.status_code == 200
    assert "There is a problem" in page
    assert "Say why you are linking Jaden to the child whose file" in page
    assert 'href="#id_reason1"' in page
    assert client.get(reverse("proceedings:new-check"))["Location"] == reverse(
        "proceedings:new-children"
    )
    assert not Proceedings.objects.filter(court_number="WY26P00001").exists()
    assert not BreakGlass.objects.exists()


def test_a_link_with_a_reason_is_recorded_and_listed_for_the_other_areas_managers(
    client, world, elsewhere
):
    _link_from_elsewhere(client, world, elsewhere)
    page = text(client.get(reverse("proceedings:new-check")))
    assert "Your reason: The court says it is the same child" in page
    accept(client)
    proceedings = Proceedings.objects.get(court_number="WY26P00001")
    assert list(proceedings.children.all()) == [world.child]

    record = BreakGlass.objects.get()
    assert (record.kind, record.user, record.child) == (
        BreakGlass.Kind.LINKED,
        elsewhere,
        world.child,
    )
    assert record.reason == "The court says it is the same child"
    event = AuditEvent.objects.get(action=Action.CHILD_LINKED_FROM_ANOTHER_AREA)
    assert event.reason == record.reason and event.child_id == world.child.uuid

    # Listed for the managers of the area that held the child, with the reason.
    client.force_login(world.manager_area)
    listing = text(client.get(reverse("children:break-glass-log")))
    assert f"Linked to a new application in {escape(world.other_area.name)}" in listing
    assert "The court says it is the same child" in listing
    assert escape(elsewhere.full_name) in listing
    # A link grants nothing by itself: no broken glass for the person who linked.
    assert not Child.objects.filter(child_rules.broken_glass_q(elsewhere)).exists()


def test_after_the_link_the_new_area_does_not_see_the_earlier_confidential_address(
    client, world, elsewhere
):
    hidden = FamilyMemberFactory(
        given_name="Dawn", address="12 Hidden Lane, NE1 4XX", address_confidential=True
    )
    ConnectionFactory(child=world.child, person=hidden)
    _link_from_elsewhere(client, world, elsewhere)
    accept(client)
    link = ProceedingsChild.objects.get(proceedings__court_number="WY26P00001")
    assert link.confidential_from is not None

    # The new area's manager and the FCA they allocate see the child's file...
    new_proceedings = link.proceedings
    far_team = TeamFactory(service_area=world.other_area)
    MembershipFactory(user=world.fca_other_area, team=far_team)
    allocate(new_proceedings, world.fca_other_area, far_team)
    family = reverse("children:family", args=[world.child.uuid])
    address = reverse("children:family-address", args=[world.child.uuid, hidden.uuid])
    for user in (world.manager_other_area, world.fca_other_area):
        client.force_login(user)
        page = text(client.get(family))
        assert "Confidential address" in page and "Show the address" not in page
        assert "Hidden Lane" not in page
        assert client.get(address).status_code == 404
        assert not child_rules.may_see_confidential_address(user, world.child, hidden)

    # ...while those who already had the address still have it.
    for user in (world.manager_area, world.fca_allocated):
        client.force_login(user)
        assert "Show the address" in text(client.get(family))
        assert "Hidden Lane" in text(client.get(address))

    # An address the new area records after the link is theirs to see.
    newer = family_member_add(
        by=world.fca_other_area,
        child=world.child,
        token=None,
        relationship="aunt_uncle",
        given_name="Rose",
        address="3 New Street, LS1 1AA",
        address_confidential=True,
    ).person
    client.force_login(world.fca_other_area)
    shown = reverse("children:family-address", args=[world.child.uuid, newer.uuid])
    assert "New Street" in text(client.get(shown))


def test_linking_a_child_held_elsewhere_needs_a_reason_in_the_service_too(world, elsewhere):
    with pytest.raises(ValidationError, match="Say why you are linking Jayden"):
        services.proceedings_create(
            by=elsewhere,
            service_area=elsewhere.service_area,
            court=COURT,
            court_number="WY26P00002",
            kind="care_s31",
            applicant_local_authority="Leeds City Council",
            received_on=datetime.date(2026, 11, 2),
            children=[world.child],
        )
    assert not Proceedings.objects.filter(court_number="WY26P00002").exists()
    assert not BreakGlass.objects.exists()
    assert not FamilyMember.objects.exists()


def test_the_other_areas_links_are_listed_for_the_managers_who_held_the_child(world, elsewhere):
    services.proceedings_create(
        by=elsewhere,
        service_area=elsewhere.service_area,
        court=COURT,
        court_number="WY26C00003",
        kind="care_s31",
        applicant_local_authority="Leeds City Council",
        received_on=datetime.date(2026, 11, 2),
        children=[world.child],
        link_reasons={world.child.pk: "Same child, the court confirmed"},
    )
    assert [r.reason for r in break_glass_for_managers(world.manager_area)] == [
        "Same child, the court confirmed"
    ]


@pytest.mark.parametrize(
    "relationship",
    [
        "fca_allocated",
        "supervisor_team",
        "manager_area",
        "manager_other_area",
        "business_area",
        "business_other_area",
        "head_region",
        "national",
    ],
)
def test_after_a_link_only_those_who_had_an_earlier_confidential_address_keep_it(
    world, elsewhere, relationship
):
    hidden = FamilyMemberFactory(address="12 Hidden Lane", address_confidential=True)
    ConnectionFactory(child=world.child, person=hidden)
    services.proceedings_create(
        by=elsewhere,
        service_area=elsewhere.service_area,
        court=COURT,
        court_number="WY26C00004",
        kind="care_s31",
        applicant_local_authority="Leeds City Council",
        received_on=datetime.date(2026, 11, 2),
        children=[world.child],
        link_reasons={world.child.pk: "Same child"},
    )
    user = world.users[relationship]
    kept = relationship in {"fca_allocated", "supervisor_team", "manager_area"}
    assert child_rules.may_see_confidential_address(user, world.child, hidden) is kept
