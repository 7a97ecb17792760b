"""Safeguarding enquiries for tests, made through the services as a person would make them."""

import datetime

from django.utils import timezone

from tests.children.factories import ConnectionFactory, FamilyMemberFactory
from tests.proceedings.factories import PartyFactory
from together.courtwork import enquiries
from together.courtwork.models import SafeguardingCheck, SafeguardingConversation
from together.proceedings.models import Kind, Law, Stage

# A Monday with a working week before it.
FIRST_HEARING = datetime.date(2026, 12, 14)


def make_private_law(world, *, first_hearing_on=FIRST_HEARING):
    """The world's proceedings as a private law application before its first hearing, with the
    child's mother and father as applicant and respondent."""
    proceedings = world.proceedings
    proceedings.law, proceedings.kind = Law.PRIVATE, Kind.PRIVATE_FIRST_HEARING
    proceedings.stage, proceedings.first_hearing_on = Stage.BEFORE_FIRST_HEARING, first_hearing_on
    proceedings.save()
    world.mother = FamilyMemberFactory(given_name="Amara", family_name="Okafor")
    world.father = FamilyMemberFactory(given_name="Daniel", family_name="Hughes")
    ConnectionFactory(child=world.child, person=world.mother, relationship="mother")
    ConnectionFactory(child=world.child, person=world.father, relationship="father")
    PartyFactory(proceedings=proceedings, person=world.mother, role="applicant")
    PartyFactory(proceedings=proceedings, person=world.father, role="respondent")
    return world


def ask_check(
    world, by=None, agency=SafeguardingCheck.Agency.POLICE, name="West Yorkshire Police", token=None
):
    return enquiries.safeguarding_check_add(
        by=by or world.fca_allocated,
        proceedings=world.proceedings,
        token=token,
        agency=agency,
        agency_name=name,
        asked_on=timezone.localdate() - datetime.timedelta(days=5),
    )


def answer_check(check, by, findings="Police were called to the family home in March 2025."):
    return enquiries.safeguarding_check_update(
        by=by,
        check=check,
        version=check.version,
        agency_name=check.agency_name,
        asked_on=check.asked_on,
        answered_on=timezone.localdate() - datetime.timedelta(days=1),
        result=SafeguardingCheck.Result.INFORMATION_HELD,
        findings=findings,
    )


def talk_with(world, person, by=None, token=None, **extra):
    fields = {
        "held_at": timezone.now() - datetime.timedelta(days=2),
        "method": SafeguardingConversation.Method.PHONE,
        "about_child": "Jayden is doing well at school and loves football.",
        "about_risk": "No worries about Jayden's safety with either parent.",
        "screening": SafeguardingConversation.Screening.ANSWERED,
        "screening_answers": "No abuse in the relationship, now or before.",
        **extra,
    }
    return enquiries.safeguarding_conversation_record(
        by=by or world.fca_allocated,
        proceedings=world.proceedings,
        person=person,
        token=token,
        **fields,
    )
