import pytest


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """Rate-limit counters live in the cache: start each test from none."""
    from django.core.cache import cache

    cache.clear()
