import pytest

from tests.courtwork.factories import make_private_law


@pytest.fixture
def court_world(world):
    """The shared `world`, its proceedings a private law application before the first hearing
    with the child's mother and father as parties."""
    return make_private_law(world)
