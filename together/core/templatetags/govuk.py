"""Template helpers for GOV.UK Design System markup."""

from django import forms, template

register = template.Library()


@register.filter
def error_anchor(field) -> str:
    """The id an error summary link points at: the field's first input, as GOV.UK advises."""
    widget = field.field.widget
    if isinstance(widget, forms.MultiWidget):
        return f"{field.auto_id}_0"  # the first box (Django numbers a multi-widget's inputs)
    # Radios and checkboxes give their first option the field's own id, as GOV.UK Frontend does.
    return field.auto_id
