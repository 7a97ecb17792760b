"""Forms for the plain-language checks: the "Check my writing" button, and confirming findings.

The inline check (see ``templatetags/language.py``) needs one thing from a form: pressing
"Check my writing" (no JavaScript) must show the page again with the findings, and save
nothing. ``LanguageCheckMixin`` does that by making such a submission not valid, with no
errors shown, so any view that re-renders an invalid form needs no change::

    class LetterForm(LanguageCheckMixin, forms.Form):
        ...
"""

from __future__ import annotations

from django import forms
from django.forms.utils import ErrorDict

from together.language.selectors import LanguageReport

# The name of the "Check my writing" button; its value is the field it was pressed for.
CHECK_BUTTON = "language-check"
# The name under which the inline check sends the signed reader.
READER_TOKEN = "language-reader"  # noqa: S105 (a field name, not a secret)


class LanguageCheckMixin:
    """Treat a press of "Check my writing" as a request to check, not to save."""

    @property
    def language_check_requested(self) -> bool:
        return bool(self.is_bound and CHECK_BUTTON in self.data)

    def full_clean(self):
        super().full_clean()
        if self.language_check_requested:
            # Checking is not saving: say nothing about missing answers yet.
            self._errors = ErrorDict(renderer=self.renderer)

    def is_valid(self) -> bool:
        return super().is_valid() and not self.language_check_requested


class LanguageConfirmForm(forms.Form):
    """A reason for each finding the author keeps (the language report before sending)."""

    prefix = "language"

    def __init__(self, report: LanguageReport, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.report = report
        self.items = []
        for number, item in enumerate(report.unresolved, start=1):
            name = f"reason_{number}"
            self.fields[name] = forms.CharField(
                label=f"Why keep “{item.first.short_text}”?",
                max_length=1000,
                initial=item.reason,
                widget=forms.Textarea(attrs={"rows": 2}),
                error_messages={
                    "required": (
                        f"Say why you are keeping “{item.first.short_text}”, or change the words"
                    ),
                    "max_length": "The reason must be 1,000 characters or fewer",
                },
            )
            self.items.append((item, name))

    def rows(self):
        """Each remaining finding with its reason field, for the template."""
        return [(item, self[name]) for item, name in self.items]

    def reasons(self) -> dict[str, str]:
        return {item.key: self.cleaned_data[name].strip() for item, name in self.items}
