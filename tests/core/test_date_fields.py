"""Every date a person types is refused with a plain message when it cannot be a date, however
large the year (it used to answer with an error page)."""

import importlib
import inspect
import pkgutil

import pytest
from django import forms

import together
from together.core.forms import DateField


def date_fields():
    """(form, field name, field) for every day-month-year field in the project's forms."""
    found = []
    for module_info in pkgutil.walk_packages(together.__path__, "together."):
        if ".forms" not in module_info.name or "migrations" in module_info.name:
            continue
        module = importlib.import_module(module_info.name)
        for name, form in inspect.getmembers(module, inspect.isclass):
            if not issubclass(form, forms.BaseForm) or form.__module__ != module.__name__:
                continue
            for field_name, field in getattr(form, "base_fields", {}).items():
                if isinstance(field, DateField):
                    found.append(pytest.param(field, id=f"{name}.{field_name}"))
    return found


FIELDS = date_fields()


def test_the_project_has_the_date_fields_this_test_walks():
    assert len(FIELDS) >= 10


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("year", ["10000000000000000000000", "99999", "-1", "2O26", "1e5", "٢٠٢٦"])
def test_a_year_that_cannot_be_a_date_is_refused_with_a_message(field, year):
    with pytest.raises(forms.ValidationError) as refused:
        field.clean(["12", "3", year])
    message = " ".join(refused.value.messages)
    assert "must be a real date" in message or "must be after 1900" in message


@pytest.mark.parametrize("field", FIELDS)
def test_an_enormous_day_or_month_is_refused_too(field):
    with pytest.raises(forms.ValidationError):
        field.clean(["10000000000000000000000", "10000000000000000000000", "2026"])
