import factory

from together.accounts.models import User

PASSWORD = "correct-horse-battery-staple"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User

    email = factory.Sequence(lambda n: f"staff{n}@example.org")
    given_name = factory.Faker("first_name", locale="en_GB")
    family_name = factory.Faker("last_name", locale="en_GB")
    role = "fca"

    @classmethod
    def _create(cls, model_class, *args, password=PASSWORD, **kwargs):
        # Through the manager, so the model's own validation runs as it does for real accounts.
        return model_class.objects.create_user(*args, password=password, **kwargs)
