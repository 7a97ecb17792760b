import datetime

import factory

from together.organisation.models import Region, ServiceArea, Team, TeamMembership


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region

    name = factory.Sequence(lambda n: f"Region {n}")
    code = factory.Sequence(lambda n: f"R{n}")


class ServiceAreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ServiceArea

    region = factory.SubFactory(RegionFactory)
    name = factory.Sequence(lambda n: f"Service area {n}")
    code = factory.Sequence(lambda n: f"SA{n}")


class TeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Team

    service_area = factory.SubFactory(ServiceAreaFactory)
    name = factory.Sequence(lambda n: f"Team {n}")
    kind = Team.Kind.POST_FIRST_HEARING


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TeamMembership

    user = None
    team = factory.SubFactory(TeamFactory)
    started_on = datetime.date(2024, 4, 1)
