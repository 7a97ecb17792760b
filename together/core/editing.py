"""Saving a form over a record two people could edit at once: the one way a page says that
someone else saved first, keeps what this person typed, and shows a service's refusal.

The service checks the version (core.versioning) and raises EditConflict; the page then shows
what is saved now beside what was typed, with the version moved on, so that saving again is an
informed choice rather than a silent overwrite. Plans and reports to the court both save their
sections and items this way.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from .exceptions import EditConflict
from .forms import add_service_errors


def conflict_message(error: EditConflict, what: str) -> str:
    """'Sam Patel saved changes to `what` at 10:04 on 3 May 2026 while you were editing...'"""
    who = error.by.full_name if error.by else "Someone else"
    when = ""
    if error.at:
        at = timezone.localtime(error.at)
        when = f" at {at:%H:%M} on {at.day} {at:%B %Y}"
    return (
        f"{who} saved changes to {what}{when} while you were editing. What you typed is kept "
        "below. Check what is saved now, then save again if your changes are still right."
    )


def keep_typing(form_class, form, version: int, error: EditConflict, *, what: str, **kwargs):
    """What they typed stays; the version moves on so saving again is an informed choice."""
    data = form.data.copy()
    data["version"] = version
    fresh = form_class(data=data, **kwargs)
    fresh.is_valid()
    fresh.add_error(None, conflict_message(error, what))
    return fresh


@dataclass
class Attempt:
    """What came of sending a form: saved, or the form to draw again (with the conflict, if
    someone else saved first)."""

    saved: bool
    form: forms.Form
    conflict: EditConflict | None = None


def save_form(
    form: forms.Form,
    save: Callable[[dict], Any],
    *,
    record,
    what: str,
    form_kwargs: dict | None = None,
) -> Attempt:
    """Validate `form`, then `save(cleaned_data)` (a service call that checks the version).

    Someone else's save first (EditConflict) reloads `record`, whose page then shows what is
    saved now, and draws the form again with what was typed and the new version; a refusal
    (ValidationError) shows on the form in plain words."""
    if not form.is_valid():
        return Attempt(False, form)
    try:
        save(form.cleaned_data)
    except EditConflict as error:
        record.refresh_from_db()
        fresh = keep_typing(
            type(form), form, record.version, error, what=what, **(form_kwargs or {})
        )
        return Attempt(False, fresh, error)
    except ValidationError as error:
        add_service_errors(form, error)
        return Attempt(False, form)
    return Attempt(True, form)
