"""Settings and fixtures shared by every test."""

import pytest

from tests.accounts.factories import PASSWORD, UserFactory
from tests.organisation.factories import MembershipFactory, ServiceAreaFactory, TeamFactory


@pytest.fixture(autouse=True)
def _fast_settings(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def area(db):
    return ServiceAreaFactory()


@pytest.fixture
def team(area):
    return TeamFactory(service_area=area)


@pytest.fixture
def fca(team):
    user = UserFactory(role="fca", service_area=team.service_area, password=PASSWORD)
    MembershipFactory(user=user, team=team)
    return user


@pytest.fixture
def make_user(db):
    """Make a member of staff in a role, placed where that role works."""

    def make(role, *, team=None, area=None, region=None, **fields):
        from together.accounts.models import REGION_ROLES, SERVICE_AREA_ROLES, TEAM_ROLES

        if role in TEAM_ROLES:
            team = team or TeamFactory(service_area=area or ServiceAreaFactory())
            user = UserFactory(role=role, service_area=team.service_area, **fields)
            MembershipFactory(user=user, team=team)
            return user
        if role in SERVICE_AREA_ROLES:
            return UserFactory(role=role, service_area=area or ServiceAreaFactory(), **fields)
        if role in REGION_ROLES:
            return UserFactory(role=role, region=region or ServiceAreaFactory().region, **fields)
        return UserFactory(role=role, **fields)

    return make
