import datetime

import factory

from tests.organisation.factories import ServiceAreaFactory
from together.children.services import first_meetings_keep
from together.proceedings.models import (
    Allocation,
    Hearing,
    Kind,
    Law,
    Party,
    Proceedings,
    ProceedingsChild,
    Stage,
)


class ProceedingsFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Proceedings

    service_area = factory.SubFactory(ServiceAreaFactory)
    court = "Family Court at Leeds"
    court_number = factory.Sequence(lambda n: f"LS26C{n:05d}")
    law = Law.PUBLIC
    kind = Kind.CARE_S31
    stage = Stage.AFTER_FIRST_HEARING
    received_on = datetime.date(2026, 6, 1)


class ProceedingsChildFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProceedingsChild
        skip_postgeneration_save = True

    @factory.post_generation
    def first_meeting(link, create, extracted, **kwargs):
        """Keep the child's first meeting in the proceedings (any meetings made before the link)."""
        if create:
            first_meetings_keep(ProceedingsChild.objects.filter(pk=link.pk))


class PartyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Party

    role = "respondent"


class HearingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Hearing

    kind = Hearing.Kind.CASE_MANAGEMENT
    starts_at = datetime.datetime(2026, 12, 1, 10, 0, tzinfo=datetime.UTC)


def allocate(proceedings, fca, team, *, at=None):
    """Name `fca` as lead FCA directly (the service is tested on its own)."""
    started = at or datetime.datetime(2026, 6, 5, 9, 0, tzinfo=datetime.UTC)
    Allocation.objects.create(proceedings=proceedings, fca=fca, team=team, started_at=started)
    proceedings.lead_fca = fca
    proceedings.team = team
    proceedings.first_allocated_at = proceedings.first_allocated_at or started
    proceedings.save()
    return proceedings
