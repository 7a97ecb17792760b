"""Who is a parent or carer of a child: one definition (children.models.PARENT_OR_CARER), used
for letters to parents and carers and for sharing the plan with each of them."""

from tests.children.factories import ConnectionFactory, FamilyMemberFactory
from tests.letters.factories import ready_fca, start_letter
from together.children.models import ChildConnection, FamilyMember
from together.letters import selectors as letters_selectors
from together.letters.models import Kind
from together.plans.services.sharing import parents_and_carers as plan_parents_and_carers


def test_a_young_mother_recorded_as_a_child_is_a_parent_for_letters_and_for_the_plan(world):
    """A parent under 18 is still a parent: she gets the parents' letters and the plan is shared
    with her. (Letters once counted only adults, so she could not be sent one.)"""
    young_mum = FamilyMemberFactory(given_name="Kayla", kind=FamilyMember.Kind.CHILD)
    ConnectionFactory(child=world.child, person=young_mum, relationship="mother")
    assert letters_selectors.parents_and_carers(world.child) == [young_mum]
    assert [c.person for c in plan_parents_and_carers(world.child)] == [young_mum]
    letter = start_letter(
        world.child, ready_fca(world.fca_allocated), Kind.WELCOME_PARENT, young_mum
    )
    assert letter.recipient == young_mum and letter.body.startswith("Dear Kayla,")


def test_parents_step_parents_and_foster_carers_count_and_no_one_else(world):
    everyone = ("mother", "father", "step_parent", "foster_carer", "grandparent", "aunt_uncle")
    for relationship in (*everyone, "brother_sister", "family_friend", "other"):
        ConnectionFactory(child=world.child, relationship=relationship)
    expected = {"mother", "father", "step_parent", "foster_carer"}
    found = ChildConnection.objects.filter(child=world.child).parents_and_carers()
    assert {c.relationship for c in found} == expected
    assert {c.relationship for c in plan_parents_and_carers(world.child)} == expected
    people = {c.person for c in found}
    assert set(letters_selectors.parents_and_carers(world.child)) == people
