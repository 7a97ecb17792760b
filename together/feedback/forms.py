"""The public feedback form (one shape, worded for each audience) and the dashboard's filters."""

from html import escape  # as django.utils.html.escape writes it, without the lazy-text check

from django import forms
from django.utils.safestring import SafeString, mark_safe

from together.organisation.models import ServiceArea, Team

from .models import Answer, Audience, Stage
from .questions import wording_for

MAX_TEXT = 2000

# The order the scale is shown in: worst to best, then "I don't know" apart.
SCALE_ORDER = [
    Answer.NOT_AT_ALL,
    Answer.NOT_REALLY,
    Answer.SOMETIMES,
    Answer.MOSTLY,
    Answer.YES,
    Answer.DONT_KNOW,
]


class FeedbackForm(forms.Form):
    """Up to five questions on the scale (those that fit the stage) and two boxes to write in.
    Labels come from questions.WORDING."""

    listened = forms.TypedChoiceField(coerce=int)
    respected = forms.TypedChoiceField(coerce=int)
    explained = forms.TypedChoiceField(coerce=int)
    understood_reasons = forms.TypedChoiceField(coerce=int)
    could_say = forms.TypedChoiceField(coerce=int)
    do_better = forms.CharField(required=False, strip=True)
    anything_else = forms.CharField(required=False, strip=True)

    def __init__(self, *args, audience: str, fca_name: str, stage: str = Stage.ENDING, **kwargs):
        super().__init__(*args, **kwargs)
        self.wording = wording_for(audience, stage)
        for name in ("listened", "respected", "explained", "understood_reasons", "could_say"):
            if name not in self.wording.questions:
                del self.fields[name]
        choices = [(int(value), self.wording.scale[value]) for value in SCALE_ORDER]
        for name, question in self.wording.questions.items():
            field = self.fields[name]
            field.label = question.format(name=fca_name)
            field.choices = choices
            field.error_messages["required"] = (
                "Choose an answer, or choose \u201cI don't know\u201d"
            )
            field.error_messages["invalid_choice"] = "Choose one of the answers"
        for name, label in (
            ("do_better", self.wording.do_better),
            ("anything_else", self.wording.anything_else),
        ):
            field = self.fields[name]
            field.label = label
            field.widget.attrs["rows"] = 4
        self.fields["anything_else"].help_text = ""

    def clean(self):
        cleaned = super().clean()
        for name in ("do_better", "anything_else"):
            value = cleaned.get(name) or ""
            if len(value) > MAX_TEXT:
                self.add_error(
                    name,
                    f"Write {MAX_TEXT:,} characters or fewer. You have written {len(value):,}.",
                )
        return cleaned

    def scale_fields(self):
        return [self[name] for name in self.wording.questions]


class TeamChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name} ({obj.service_area.name})"


class DashboardFilterForm(forms.Form):
    """What a manager narrows the dashboard to, within what they may see."""

    area = forms.ModelChoiceField(
        queryset=ServiceArea.objects.none(),
        required=False,
        label="Service area",
        empty_label="All you can see",
        to_field_name="uuid",
    )
    team = TeamChoiceField(
        queryset=Team.objects.none(),
        required=False,
        label="Team",
        empty_label="All you can see",
        to_field_name="uuid",
    )
    audience = forms.ChoiceField(
        required=False,
        label="Who answered",
        choices=[("", "Everyone"), ("children", "Children"), *Audience.choices],
    )
    month = forms.ChoiceField(required=False, label="Month", choices=[("", "Any month")])

    def __init__(self, *args, areas, teams, months, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = areas
        self.fields["team"].queryset = teams
        self.fields["month"].choices = [("", "Any month")] + [
            (month.strftime("%Y-%m"), month.strftime("%B %Y")) for month in months
        ]
        for field in self.fields.values():
            field.error_messages["invalid_choice"] = "Choose from the list"
        self._listed: dict[str, list[tuple[str, str]]] = {}

    def options(self, name: str) -> SafeString:
        """The <option> elements of a list, written once here rather than by the template, where
        a long list of teams costs more than the figures. The lists of places are read as plain
        values, not as records."""
        current = str(self[name].value())
        return mark_safe(  # noqa: S308 (every value and label is escaped here)
            "".join(
                f'<option value="{escape(value)}"'
                f"{' selected' if value == current else ''}>{escape(label)}</option>"
                for value, label in self._choices(name)
            )
        )

    def has_choice_of_area(self) -> bool:
        return len(self._choices("area")) > 1

    def _choices(self, name: str) -> list[tuple[str, str]]:
        if name not in self._listed:
            self._listed[name] = self._list(name)
        return self._listed[name]

    def _list(self, name: str) -> list[tuple[str, str]]:
        field = self.fields[name]
        if name == "area":
            rows = field.queryset.values_list("uuid", "name")
            return [("", field.empty_label), *((str(uuid), area) for uuid, area in rows)]
        if name == "team":
            # As TeamChoiceField.label_from_instance words it.
            rows = field.queryset.values_list("uuid", "name", "service_area__name")
            return [
                ("", field.empty_label),
                *((str(uuid), f"{team} ({area})") for uuid, team, area in rows),
            ]
        return [(str(value), str(label)) for value, label in field.choices]
