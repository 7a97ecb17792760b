import pytest

from tests.letters.factories import ready_fca


@pytest.fixture
def letters_world(world):
    """The shared `world`, with the allocated FCA's "about me" filled in."""
    ready_fca(world.fca_allocated)
    return world


@pytest.fixture
def immediate_tasks(settings):
    """Run background tasks at once, in the test (django-tasks resets its backends on change)."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    from django_tasks import task_backends
    from django_tasks.backends.immediate import ImmediateBackend

    # django-tasks clears its cached backends when TASKS changes; make sure it did.
    assert isinstance(task_backends["default"], ImmediateBackend)
    return settings
