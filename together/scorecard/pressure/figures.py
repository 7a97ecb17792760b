"""One place's pressure counts (Figures, which add up), their windows and types, and dates."""

import datetime
from dataclasses import dataclass, field

from together.proceedings.models import Kind, Law

DEMAND_MONTHS = 3
DURATION_WINDOW = 365
SUPERVISOR_LIMIT = 12

PUBLIC, PRIVATE_AFTER_FIRST_HEARING, RULE_16_4 = "public", "private_after_fh", "rule_16_4"
DURATION_TYPES = {
    PUBLIC: "Public law",
    PRIVATE_AFTER_FIRST_HEARING: "Private law after the first hearing",
    RULE_16_4: "Rule 16.4",
}


def months_before(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` calendar months earlier (the month's last day if it is shorter)."""
    month = day.month - months
    year = day.year + (month - 1) // 12
    month = (month - 1) % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)  # pragma: no cover


def a_year_before(day: datetime.date) -> datetime.date:
    return months_before(day, 12)


@dataclass
class Figures:
    """One place's pressure at D: counts that add up from areas to regions to the nation."""

    opened: int = 0
    opened_year_before: int = 0
    closed: int = 0
    duration_days: dict = field(default_factory=lambda: dict.fromkeys(DURATION_TYPES, 0))
    duration_count: dict = field(default_factory=lambda: dict.fromkeys(DURATION_TYPES, 0))
    led: int = 0
    capacity: int = 0
    held_on_duty: int = 0
    manager_duty: int = 0

    def add(self, other: "Figures") -> None:
        for name in ("opened", "opened_year_before", "closed", "led", "capacity"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.held_on_duty += other.held_on_duty
        self.manager_duty += other.manager_duty
        for kind in DURATION_TYPES:
            self.duration_days[kind] += other.duration_days[kind]
            self.duration_count[kind] += other.duration_count[kind]

    @property
    def demand_change(self) -> float | None:
        """Received in the last 3 months against the same months a year before, as a fraction
        (0.06 is up 6%); None with nothing a year before to compare with."""
        if not self.opened_year_before:
            return None
        return self.opened / self.opened_year_before - 1

    @property
    def demand_change_text(self) -> str:
        """The change in words: "up 6% on last year", "the same as last year"."""
        change = self.demand_change
        if change is None:
            return "None a year before"
        if round(change * 100) == 0:
            return "the same as last year"
        return f"{'up' if change > 0 else 'down'} {abs(change):.0%} on last year"

    @property
    def saturation_text(self) -> str:
        return "No capacity" if self.saturation is None else f"{self.saturation:.0%}"

    @property
    def saturation(self) -> float | None:
        """Open proceedings led against capacity, as a fraction; None with no capacity."""
        return self.led / self.capacity if self.capacity else None

    def duration_weeks(self, kind: str) -> float | None:
        n = self.duration_count[kind]
        return self.duration_days[kind] / n / 7 if n else None

    @property
    def durations(self) -> list[tuple[str, str, int]]:
        """(type in words, average weeks in words, how many closed) for each type."""
        rows = []
        for kind, label in DURATION_TYPES.items():
            weeks = self.duration_weeks(kind)
            rows.append(
                (
                    label,
                    "None closed" if weeks is None else f"{weeks:.1f}",
                    self.duration_count[kind],
                )
            )
        return rows


def duration_type(law: str, kind: str, first_hearing_on) -> str | None:
    if kind == Kind.RULE_16_4:
        return RULE_16_4
    if law == Law.PUBLIC:
        return PUBLIC
    if law == Law.PRIVATE and first_hearing_on is not None:
        return PRIVATE_AFTER_FIRST_HEARING
    return None
