"""Forms for finding a child and for giving a reason to open a file without an everyday one."""

import re

from django import forms
from django.utils import timezone

from together.core.forms import DateField

from ..models import BreakGlass
from . import SearchTerms, name_words

# Court numbers mix capital letters and numbers, for example ZW26C00123.
COURT_NUMBER = re.compile(r"^[A-Za-z0-9][A-Za-z0-9/ -]{2,39}$")
# Letters in any alphabet, with the spaces, hyphens, apostrophes and full stops names contain.
NAME = re.compile(r"^[^\W\d_]+([ '’.-]+[^\W\d_]+)*[.]?$")
REASON_MIN = 10


class ChildSearchForm(forms.Form):
    q = forms.CharField(
        label="Name or court's number",
        help_text="For example, Jayden, Jayden Smith or ZW26C00123. Part of a name is fine.",
        max_length=100,
        required=False,
        error_messages={"max_length": "Name or court's number must be 100 characters or fewer"},
        widget=forms.TextInput(attrs={"spellcheck": "false", "autocomplete": "off"}),
    )
    date_of_birth = DateField(
        label="Date of birth",
        label_for_errors="date of birth",
        help_text="On its own or with a name. For example, 27 3 2016",
        required=False,
    )
    # Set by the "Search all children" button rather than shown as a field.
    scope = forms.ChoiceField(
        choices=[("", "Children you work with"), ("all", "All children")],
        required=False,
        widget=forms.HiddenInput,
    )

    def __init__(self, *args, may_search_all: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.may_search_all = may_search_all

    def clean_date_of_birth(self):
        born = self.cleaned_data["date_of_birth"]
        if born and born > timezone.localdate():
            raise forms.ValidationError("Date of birth must be today or in the past")
        return born

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        text = " ".join(data.get("q", "").split())
        born = data.get("date_of_birth")
        if not text and born is None:
            self.add_error("q", "Enter a name, a court's number or a date of birth")
            return data
        name = court_number = ""
        if any(c.isdigit() for c in text):
            if not COURT_NUMBER.match(text):
                self.add_error(
                    "q",
                    "A court's number can only include letters, numbers, spaces, hyphens "
                    "and slashes",
                )
            court_number = text
        elif text:
            if not NAME.match(text):
                self.add_error(
                    "q", "A name can only include letters, spaces, hyphens and apostrophes"
                )
            elif sum(len(w) for w in name_words(text)) < 2:
                self.add_error("q", "Enter at least 2 letters of a name")
            name = text
        if not self.errors:
            data["terms"] = SearchTerms(
                name=name,
                court_number=court_number,
                date_of_birth=born,
                all_children=self.may_search_all and data.get("scope") == "all",
            )
        return data


class BreakGlassForm(forms.Form):
    reason = forms.CharField(
        label="Why do you need to open this file?",
        help_text=(
            "For example, you are on duty today and a parent has phoned about this child. "
            f"Write at least {REASON_MIN} characters."
        ),
        max_length=BreakGlass._meta.get_field("reason").max_length,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": "Enter why you need to open this file",
            "max_length": "Your reason must be 1,000 characters or fewer",
        },
    )

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if len(reason) < REASON_MIN:
            raise forms.ValidationError(
                f"Your reason must be at least {REASON_MIN} characters, so your managers "
                "can understand it"
            )
        return reason
