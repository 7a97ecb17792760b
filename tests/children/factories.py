import datetime

import factory

from together.children.models import Child, ChildConnection, FamilyMember, Meeting


class ChildFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Child

    legal_given_names = factory.Faker("first_name", locale="en_GB")
    legal_family_name = factory.Faker("last_name", locale="en_GB")
    preferred_name = factory.LazyAttribute(lambda o: o.legal_given_names)
    date_of_birth = datetime.date(2016, 5, 14)
    search_text = factory.LazyAttribute(
        lambda o: " ".join(
            sorted(
                {o.legal_given_names.lower(), o.preferred_name.lower(), o.legal_family_name.lower()}
            )
        )
    )


class FamilyMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FamilyMember

    given_name = factory.Faker("first_name", locale="en_GB")
    family_name = factory.Faker("last_name", locale="en_GB")


class ConnectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ChildConnection

    child = factory.SubFactory(ChildFactory)
    person = factory.SubFactory(FamilyMemberFactory)
    relationship = "mother"


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    child = factory.SubFactory(ChildFactory)
    occurred_at = factory.LazyFunction(
        lambda: datetime.datetime(2026, 10, 1, 15, 30, tzinfo=datetime.UTC)
    )
    method = Meeting.Method.IN_PERSON
    place = Meeting.Place.SCHOOL
    recorded_by = None
