import datetime

import factory

from together.children.models import Child, ChildConnection, FamilyMember, Meeting
from together.children.services import first_meetings_keep


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
        skip_postgeneration_save = True

    child = factory.SubFactory(ChildFactory)
    occurred_at = factory.LazyFunction(
        lambda: datetime.datetime(2026, 10, 1, 15, 30, tzinfo=datetime.UTC)
    )
    method = Meeting.Method.IN_PERSON
    place = Meeting.Place.SCHOOL
    recorded_by = None

    @factory.post_generation
    def first_meeting(meeting, create, extracted, **kwargs):
        """Keep the child's first meeting in the proceedings, as every writer of meetings does."""
        if create and meeting.proceedings_id is not None:
            first_meetings_keep(
                meeting.child.proceedings_links.filter(proceedings_id=meeting.proceedings_id)
            )
