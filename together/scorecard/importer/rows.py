"""One row of an import file: its values, and checks that note each problem with its line."""

from __future__ import annotations

import datetime
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .checks import _Checker


class _Row:
    """One row of a file: its values, and checks that note each problem with the row's line."""

    def __init__(self, checker: _Checker, name: str, line: int, values: dict[str, str]):
        self.checker = checker
        self.name = name
        self.line = line
        self.values = values
        self.failed = False

    def fail(self, message: str) -> None:
        self.failed = True
        self.checker.problem(self.name, self.line, message)

    def required(self, column: str, *, length: int = 100) -> str:
        value = self.values[column]
        if not value:
            self.fail(f"{column} is empty")
        elif len(value) > length:
            self.fail(f"{column} is longer than {length} characters")
        return value

    def choice(self, column: str, choices) -> str:
        value = self.values[column]
        if not value:
            self.fail(f"{column} is empty: give one of {_or(choices)}")
        elif value not in choices:
            self.fail(f"{column} {value} is not one of {_or(choices)}")
        return value

    def date(self, column: str, *, required: bool = False) -> datetime.date | None:
        value = self.values[column]
        if not value:
            if required:
                self.fail(f"{column} is empty")
            return None
        try:
            return datetime.date.fromisoformat(value) if len(value) == 10 else _no_date(value)
        except ValueError:
            self.fail(f"{column} {value} is not a date in the form YYYY-MM-DD")
            return None

    def fte(self, column: str) -> Decimal | None:
        value = self.values[column]
        if not value:
            return Decimal("1.00")
        try:
            fte = Decimal(value)
        except InvalidOperation:
            self.fail(f"{column} {value} is not a number")
            return None
        if not (Decimal("0.10") <= fte <= Decimal("1.00")) or fte != round(fte, 2):
            self.fail(f"{column} {value} is not between 0.10 and 1.00 with two decimal places")
            return None
        return fte

    def _known(self, column: str, known, what: str) -> str:
        value = self.values[column]
        if not value:
            self.fail(f"{column} is empty")
        elif value not in known:
            self.fail(f"{column} {value}: no {what} has this id")
        return value

    def proceedings(self, column: str) -> str:
        return self._known(column, self.checker.proceedings, "proceedings")

    def child(self, column: str) -> str:
        return self._known(column, self.checker.children, "child")

    def staff(self, column: str) -> str:
        return self._known(column, self.checker.staff, "member of staff")

    def child_in(self, child_id: str, proceedings_id: str) -> None:
        if self.failed or not (child_id and proceedings_id):
            return
        if (proceedings_id, child_id) not in self.checker.links:
            self.fail(
                f"child {child_id} is not in proceedings {proceedings_id} "
                "(proceedings_children.csv)"
            )


def _no_date(value: str):
    raise ValueError(value)


def _or(choices) -> str:
    choices = list(choices)
    return ", ".join(choices[:-1]) + " or " + choices[-1] if len(choices) > 1 else choices[0]


def _columns(names: list[str]) -> str:
    if len(names) == 1:
        return f"the column {names[0]} is"
    return f"the columns {', '.join(names[:-1])} and {names[-1]} are"
