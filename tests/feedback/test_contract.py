"""The contract letters and plans call: making a feedback link."""

import datetime
import uuid

import pytest
from django.utils import timezone

from tests.children.factories import ChildFactory
from tests.proceedings.factories import ProceedingsChildFactory, ProceedingsFactory, allocate
from together.audit.models import Action, AuditEvent
from together.feedback.models import Audience, FeedbackInvitation, Source
from together.feedback.services import audience_for_child, feedback_invitation_create

pytestmark = pytest.mark.django_db

CLOSED_ON = datetime.date(2026, 3, 2)


def test_children_under_eleven_get_the_younger_wording_and_from_eleven_the_older():
    today = timezone.localdate()
    ten = ChildFactory(date_of_birth=today.replace(year=today.year - 11) + datetime.timedelta(1))
    eleven = ChildFactory(date_of_birth=today.replace(year=today.year - 11))
    assert audience_for_child(ten) == Audience.YOUNGER_CHILD
    assert audience_for_child(eleven) == Audience.OLDER_CHILD


def test_a_link_is_about_the_lead_fca_and_snapshots_their_team_and_area(world):
    letter_id = uuid.uuid4()
    invitation = feedback_invitation_create(
        by=world.business_area,
        child=world.child,
        audience=Audience.PARENT_CARER,
        source=Source.LETTER,
        source_id=letter_id,
    )
    assert invitation.fca == world.fca_allocated
    assert invitation.team == world.team
    assert invitation.service_area == world.area
    assert invitation.source_id == letter_id
    assert invitation.created_by == world.business_area
    days = (invitation.expires_at - invitation.created_at).days
    assert days == 120
    event = AuditEvent.objects.get(action=Action.FEEDBACK_INVITATION_CREATED)
    assert event.child_id == world.child.uuid
    assert event.actor == world.business_area


def test_the_token_is_long_random_and_found_by_exact_match(world):
    made = [
        feedback_invitation_create(
            by=world.fca_allocated,
            child=world.child,
            audience=Audience.YOUNGER_CHILD,
            source=Source.PLAN_SHARE,
            source_id=uuid.uuid4(),
            expires_in_days=7,
        )
        for _ in range(3)
    ]
    tokens = {invitation.token for invitation in made}
    assert len(tokens) == 3
    for token in tokens:
        assert len(token) >= 32  # 24 random bytes, at least 128 bits
        assert FeedbackInvitation.objects.get(token=token)
    assert (made[0].expires_at - made[0].created_at).days == 7


def test_the_link_is_short_and_absolute(world, settings):
    settings.TOGETHER_PUBLIC_URL = "https://together.example"
    invitation = feedback_invitation_create(
        by=world.fca_allocated,
        child=world.child,
        audience=Audience.OLDER_CHILD,
        source=Source.LETTER,
        source_id=uuid.uuid4(),
    )
    assert invitation.get_absolute_url() == f"/f/{invitation.token}"
    assert invitation.short_link == f"https://together.example/f/{invitation.token}"


def test_without_open_proceedings_the_link_is_about_whoever_made_it(fca, team):
    # The FCA was allocated to the child's proceedings, which are closed now: they still work
    # with the child (and so may ask for feedback), but no open proceedings name a lead FCA.
    child = ChildFactory()
    closed = ProceedingsFactory(
        service_area=fca.service_area, received_on=datetime.date(2025, 1, 6), closed_on=CLOSED_ON
    )
    ProceedingsChildFactory(proceedings=closed, child=child)
    allocate(closed, fca, team)
    invitation = feedback_invitation_create(
        by=fca, child=child, audience="older_child", source="letter", source_id=uuid.uuid4()
    )
    assert invitation.fca == fca
    assert invitation.team is not None
    assert invitation.service_area == fca.service_area
