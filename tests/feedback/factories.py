"""Factories for feedback links and answers."""

import datetime
import uuid

import factory
from django.utils import timezone

from tests.accounts.factories import UserFactory
from tests.children.factories import ChildFactory
from together.feedback.models import (
    Answer,
    Audience,
    FeedbackInvitation,
    FeedbackResponse,
    Source,
)
from together.feedback.services import feedback_summary_count, new_code, new_token


class InvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FeedbackInvitation

    token = factory.LazyFunction(new_token)
    code = factory.LazyFunction(new_code)
    audience = Audience.YOUNGER_CHILD
    source = Source.LETTER
    source_id = factory.LazyFunction(uuid.uuid4)
    child = factory.SubFactory(ChildFactory)
    fca = factory.SubFactory(UserFactory, role="fca")
    expires_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=120))
    # Open: as a shared plan's link, or a sent letter's.
    opened_at = factory.LazyFunction(timezone.now)


class ResponseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FeedbackResponse

    invitation = factory.SubFactory(InvitationFactory)
    audience = factory.LazyAttribute(lambda o: o.invitation.audience)
    fca = factory.LazyAttribute(lambda o: o.invitation.fca)
    team = factory.LazyAttribute(lambda o: o.invitation.team)
    service_area = factory.LazyAttribute(lambda o: o.invitation.service_area)
    listened = Answer.YES
    respected = Answer.YES
    explained = Answer.MOSTLY
    understood_reasons = Answer.SOMETIMES
    could_say = Answer.YES

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        # Answers made here skip the services, so count them in the dashboard's summary as the
        # services would.
        response = super()._create(model_class, *args, **kwargs)
        feedback_summary_count(response=response, delta=1)
        return response
