"""What every form of a plan shares: the version the person saw, yes or no, a section's text."""

from django import forms

from together.core.forms import text_field

from ..models import TEXT_LIMIT

YES_NO = [("yes", "Yes"), ("no", "No")]
OUT_OF_DATE = "This page is out of date. Reload it and make your change again."


def _yes_no(label, *, required_message, help_text=""):
    return forms.TypedChoiceField(
        label=label,
        choices=YES_NO,
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        help_text=help_text,
        error_messages={"required": required_message, "invalid_choice": required_message},
    )


def section_text(label, *, section, part="", required=False, help_text="", rows=8):
    """A free-text part of the plan, limited to TEXT_LIMIT with a message naming the section."""
    field = text_field(
        label,
        max_length=TEXT_LIMIT,
        required=required,
        rows=rows,
        help_text=help_text,
        name=f"Section {section}, {part}," if part else f"Section {section}",
    )
    # "Enter ..." asks for what the label asks, not for the section.
    field.error_messages["required"] = f"Enter {label[0].lower()}{label[1:]}"
    return field


class VersionForm(forms.Form):
    """Every form that changes a plan carries the version of the plan the person saw."""

    version = forms.IntegerField(
        widget=forms.HiddenInput,
        error_messages={"required": OUT_OF_DATE, "invalid": OUT_OF_DATE},
    )
