"""Every service that changes a child's file checks who is changing it, whoever calls it: a page,
an API or a task (see tests/write_permissions.py for how these tests work)."""

import datetime

from tests.children.factories import ConnectionFactory, FamilyMemberFactory, MeetingFactory
from tests.write_permissions import (
    INACTIVE,
    MAY_NOT_CHANGE_THE_FILE,
    SIGNED_OUT,
    Write,
    WritePermissions,
)
from together.children import services
from together.children.models import Meeting
from together.core.form_tokens import new_token


def _confidential_person(world):
    person = FamilyMemberFactory(address="1 Hidden Lane", address_confidential=True)
    ConnectionFactory(child=world.child, person=person, relationship="mother")
    return person


def _meeting(world):
    return MeetingFactory(
        child=world.child,
        recorded_by=world.fca_allocated,
        child_words="I like my school.",
        why_this_way="Jayden asked to meet at school.",
    )


WRITES = {
    "professional_add": Write(
        lambda world, by, _: services.professional_add(
            by=by,
            child=world.child,
            token=new_token(),
            role="school",
            name="Ms Priya Shah",
            organisation="Hillside Primary School",
            consulted_on=datetime.date(2026, 11, 2),
            what_they_said="Jayden is settled in class and has good friends.",
        ),
        refused=MAY_NOT_CHANGE_THE_FILE,
        allowed="fca_allocated",
    ),
    "child_domestic_abuse_mark": Write(
        lambda world, by, _: services.child_domestic_abuse_mark(
            by=by,
            child=world.child,
            version=world.child.version,
            marked=True,
            source="enquiries",
            reason="The police told us of two call-outs to the family home in 2025.",
        ),
        refused=MAY_NOT_CHANGE_THE_FILE,
        allowed="fca_allocated",
    ),
    "child_update_about_me": Write(
        lambda world, by, _: services.child_update_about_me(
            by=by, child=world.child, version=world.child.version, preferred_name="Jay"
        ),
        refused=MAY_NOT_CHANGE_THE_FILE,
        allowed="fca_allocated",
    ),
    "family_member_add": Write(
        lambda world, by, _: services.family_member_add(
            by=by,
            child=world.child,
            token=new_token(),
            relationship="grandparent",
            given_name="Rose",
        ),
        refused=MAY_NOT_CHANGE_THE_FILE,
        allowed="supervisor_team",
    ),
    "meeting_record": Write(
        lambda world, by, _: services.meeting_record(
            by=by,
            child=world.child,
            token=new_token(),
            occurred_at=datetime.datetime(2026, 6, 10, 15, 0, tzinfo=datetime.UTC),
            method=Meeting.Method.IN_PERSON,
            place=Meeting.Place.SCHOOL,
            child_words="I like my school.",
            why_this_way="Jayden asked to meet at school.",
        ),
        refused=MAY_NOT_CHANGE_THE_FILE,
        allowed="fca_allocated",
    ),
    "meeting_update": Write(
        lambda world, by, meeting: services.meeting_update(
            by=by, meeting=meeting, version=meeting.version, child_words="I love my school."
        ),
        refused=MAY_NOT_CHANGE_THE_FILE,
        allowed="supervisor_team",
        setup=_meeting,
    ),
    # Business services change the file but do not see a confidential address.
    "confidential_address_view_record": Write(
        lambda world, by, person: services.confidential_address_view_record(
            by=by, child=world.child, person=person
        ),
        refused=(*MAY_NOT_CHANGE_THE_FILE, "business_area"),
        allowed="manager_area",
        setup=_confidential_person,
    ),
    # Anyone active may ask to open a file, except system administrators.
    "break_glass_open": Write(
        lambda world, by, _: services.break_glass_open(
            by=by, child=world.child, reason="The court asked me to check a hearing date"
        ),
        refused=("sysadmin", SIGNED_OUT, INACTIVE),
        allowed="fca_other_area",
    ),
}

# Checked elsewhere, as their docstrings say: steps of other services (a file is started only
# with a new application, which proceedings_create checks; a timeline line is part of the change
# it records), and the record of a page view, which the selector that read the child checked.
NO_CHECK_BY_DESIGN = frozenset(
    {
        "child_create",
        "timeline_entry_add",
        "child_view_record",
        # Steps of proceedings_create too: the people named on the application, and the record
        # of linking a child whose file another area holds (ADR 0017).
        "family_member_add_for_children",
        "child_link_from_another_area_record",
        # Steps of a higher app's service that decided the grant and checked its own actor (a
        # national audit's assignment and its closing: ADR 0026).
        "temporary_access_add",
        "temporary_access_end",
    }
)


class TestWritePermissions(WritePermissions):
    app = "children"
    writes = WRITES
    no_check_by_design = NO_CHECK_BY_DESIGN
