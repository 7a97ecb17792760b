"""Template helpers for GOV.UK Design System markup."""

from django import forms, template

register = template.Library()


@register.filter
def error_anchor(field) -> str:
    """The id an error summary link points at: the field's first input, as GOV.UK advises."""
    widget = field.field.widget
    if isinstance(widget, forms.MultiWidget):
        # The first box the error is about (Django numbers a multi-widget's inputs).
        first = _boxes_in_error(field).index(True) if field.errors else 0
        return f"{field.auto_id}_{first}"
    # Radios and checkboxes give their first option the field's own id, as GOV.UK Frontend does.
    return field.auto_id


DATE_BOXES = (("Day", "govuk-input--width-2"), ("Month", "govuk-input--width-2"))
DATE_BOXES += (("Year", "govuk-input--width-4"),)


def _boxes_in_error(field) -> list[bool]:
    """Which of a date's day, month and year boxes an error is about, as GOV.UK's date input
    pattern asks: the boxes left empty when only some are, the year alone when it is too short,
    otherwise all three."""
    if not field.errors:
        return [False, False, False]
    values = [str(v or "").strip() for v in (field.value() or [None, None, None])]
    values = (values + ["", "", ""])[:3]
    empty = [not value for value in values]
    if any(empty) and not all(empty):
        return empty
    year = values[2]
    if all(v.isascii() and v.isdigit() for v in values) and len(year) < 4:
        return [False, False, True]
    return [True, True, True]


@register.filter
def date_boxes(field) -> list[dict]:
    """The three boxes of a date input, each with its label, name, value and whether it shows
    the error (govuk-input--error on that box only)."""
    in_error = _boxes_in_error(field)
    widget = field.field.widget
    value = field.value()
    if not isinstance(value, list):
        value = widget.decompress(value)
    context = widget.get_context(field.html_name, value, {"id": field.auto_id})
    boxes = []
    for index, box in enumerate(context["widget"]["subwidgets"]):
        label, width = DATE_BOXES[index]
        boxes.append(
            {
                "label": label,
                "width": width,
                "id": box["attrs"].get("id") or f"{field.auto_id}_{index}",
                "name": box["name"],
                "value": box["value"],
                "error": in_error[index],
            }
        )
    return boxes
