"""Long free text on a model: a TextField with a limit, and the limit enforced by full_clean.

TextField's max_length only sizes the form's box; a service's full_clean enforces it through
text_length_errors, in the words the GOV.UK pattern uses."""

from django.db import models
from django.utils.text import capfirst


def limited_text(verbose_name: str, max_length: int) -> models.TextField:
    """Optional free text of at most `max_length` characters."""
    return models.TextField(verbose_name, max_length=max_length, blank=True)


def text_length_errors(instance: models.Model, skip=()) -> dict:
    """{field name: "<Field> must be 5,000 characters or fewer"} for each text too long."""
    errors = {}
    for field in instance._meta.concrete_fields:
        if isinstance(field, models.TextField) and field.max_length and field.name not in skip:
            value = getattr(instance, field.name) or ""
            if len(value) > field.max_length:
                errors[field.name] = (
                    f"{capfirst(field.verbose_name)} must be {field.max_length:,} characters "
                    "or fewer"
                )
    return errors
