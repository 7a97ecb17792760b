"""Fixtures shared by the plan's tests."""

import pytest


@pytest.fixture
def fca_client(client, world):
    """A client signed in as the FCA allocated to `world`'s proceedings."""
    client.force_login(world.fca_allocated)
    return client
