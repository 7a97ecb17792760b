"""Form fields shared by every app, shaped for the GOV.UK Design System's patterns."""

import datetime

from django import forms


class DateInputWidget(forms.MultiWidget):
    """Day, month and year boxes (the GOV.UK date input)."""

    template_name = "components/date_input_widget.html"

    def __init__(self, attrs=None):
        widgets = {
            "day": forms.TextInput(attrs={"inputmode": "numeric", "maxlength": 2}),
            "month": forms.TextInput(attrs={"inputmode": "numeric", "maxlength": 2}),
            "year": forms.TextInput(attrs={"inputmode": "numeric", "maxlength": 4}),
        }
        super().__init__(widgets, attrs)

    def id_for_label(self, id_):
        # Labels and error links point at the first box, the day (Django numbers the boxes).
        return f"{id_}_0" if id_ else ""

    def decompress(self, value):
        if isinstance(value, datetime.date):
            return [value.day, value.month, value.year]
        return [None, None, None]


class DateField(forms.MultiValueField):
    """A date typed as day, month and year, with the GOV.UK error messages."""

    widget = DateInputWidget

    def __init__(self, *, label_for_errors: str, required=True, **kwargs):
        self.label_for_errors = label_for_errors
        fields = tuple(forms.CharField(required=False) for _ in range(3))
        super().__init__(fields=fields, require_all_fields=False, required=required, **kwargs)
        self.error_messages["required"] = f"Enter {label_for_errors}"
        self.error_messages["incomplete"] = (
            f"{label_for_errors.capitalize()} must include a day, month and year"
        )

    def compress(self, data_list):
        if not data_list or not any(data_list):
            return None
        day, month, year = (str(part or "").strip() for part in data_list)
        missing = [
            name for name, part in (("day", day), ("month", month), ("year", year)) if not part
        ]
        if missing:
            raise forms.ValidationError(
                f"{self.label_for_errors.capitalize()} must include a {' and '.join(missing)}"
            )
        # Only the digits 0 to 9, and a year of four of them: int() alone would take other
        # scripts' digits, and a year of twenty digits overflows the date.
        digits = all(part.isascii() and part.isdigit() for part in (day, month, year))
        if digits and len(year) < 4:
            raise forms.ValidationError(
                f"{self.label_for_errors.capitalize()} must have a year with 4 numbers, like 2019"
            )
        if not (digits and len(year) == 4 and len(day) <= 2 and len(month) <= 2):
            raise forms.ValidationError(
                f"{self.label_for_errors.capitalize()} must be a real date, like 27 3 2019"
            )
        try:
            parsed = datetime.date(int(year), int(month), int(day))
        except (ValueError, OverflowError):
            raise forms.ValidationError(
                f"{self.label_for_errors.capitalize()} must be a real date, like 27 3 2019"
            ) from None
        if parsed.year < 1900:
            raise forms.ValidationError(f"{self.label_for_errors.capitalize()} must be after 1900")
        return parsed


class TimeField(forms.TimeField):
    """A time of day typed as 14:30 or 2:30pm."""

    input_formats = ["%H:%M", "%H.%M", "%I:%M%p", "%I:%M %p", "%I%p", "%I %p"]

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().lower().replace(" ", "")
        return super().to_python(value)
