import pytest


@pytest.fixture
def immediate_tasks(settings):
    """Run background tasks at once, in the test (django-tasks resets its backends on change)."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    from django_tasks import task_backends
    from django_tasks.backends.immediate import ImmediateBackend

    assert isinstance(task_backends["default"], ImmediateBackend)
    return settings


@pytest.fixture
def sending(immediate_tasks, django_capture_on_commit_callbacks):
    """Use as `with sending():` around a request: what it queues on commit runs at once, so the
    emails it sends are in django.core.mail.outbox afterwards."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
