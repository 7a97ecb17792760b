"""Line charts of the main figures month by month, drawn on the server as SVG (no JavaScript), each
with the same figures as a table beside it (the template puts it in a details element).

A month whose snapshot was not kept, has nothing to count, or rests on fewer than 5 people or
answers has no point: the line breaks there, and the table says why.
"""

import datetime
from dataclasses import dataclass

from .presentation import LABELS, SHARE, shown, written

# The figures drawn, in order.
TRENDS = (
    "open_proceedings",
    "open_children",
    "held_on_duty",
    "caseload_post_first_hearing_avg",
    "days_to_allocation_avg_last_90_days",
    "children_seen_share",
    "audits_good_or_better_share_last_12_months",
    "children_felt_listened_to_share_last_12_months",
)

WIDTH, HEIGHT = 640, 220
LEFT, RIGHT, TOP, BOTTOM = 56, 16, 12, 36
NOT_KEPT = "Not kept"


@dataclass(frozen=True)
class Tick:
    y: float
    text: str


@dataclass(frozen=True)
class Label:
    x: float
    text: str


@dataclass(frozen=True)
class Chart:
    key: str
    title: str
    description: str
    # Each unbroken run of the line, as an SVG points attribute.
    lines: list[str]
    # Points on their own (a month with no neighbour), as (x, y).
    dots: list[tuple[float, float]]
    ticks: list[Tick]
    labels: list[Label]
    # (month, figure in words) for the table.
    rows: list[tuple[datetime.date, str]]
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    bottom_y: int = HEIGHT - BOTTOM
    right_x: int = WIDTH - RIGHT


def _top(largest: float, share: bool) -> float:
    """A round top for the scale: 100% for shares; for others the next of 1, 2, 5 × 10^n."""
    if share:
        return 1.0
    if largest <= 0:
        return 1.0
    step = 1.0
    while step * 10 <= largest:
        step *= 10
    for factor in (1, 2, 5, 10):
        if step * factor >= largest:
            return step * factor
    return step * 10


def _tick(value: float, share: bool, top: float) -> str:
    if share:
        return f"{value * 100:.0f}%"
    return f"{value:,.0f}" if top >= 4 else f"{value:.1f}"


def chart(key: str, months: list[tuple[datetime.date, dict | None]]) -> Chart:
    share = LABELS[key][1] == SHARE
    values = [shown(key, found) if found else None for _, found in months]
    present = [v for v in values if v is not None]
    top = _top(max(present, default=0), share)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    step = plot_w / max(len(months) - 1, 1)

    def point(i, value):
        return (round(LEFT + i * step, 1), round(TOP + plot_h * (1 - value / top), 1))

    runs, run = [], []
    for i, value in enumerate(values):
        if value is None:
            if run:
                runs.append(run)
            run = []
        else:
            run.append(point(i, value))
    if run:
        runs.append(run)
    lines = [" ".join(f"{x},{y}" for x, y in r) for r in runs if len(r) > 1]
    dots = [r[0] for r in runs if len(r) == 1]
    ticks = [
        Tick(round(TOP + plot_h * (1 - fraction), 1), _tick(top * fraction, share, top))
        for fraction in (0, 0.5, 1)
    ]
    labels = [
        Label(round(LEFT + i * step, 1), day.strftime("%b %Y"))
        for i, (day, _) in enumerate(months)
        if i in (0, len(months) // 2, len(months) - 1)
    ]
    rows = [(day, written(key, found[key], found) if found else NOT_KEPT) for day, found in months]
    title = LABELS[key][0]
    first = next(((d, t) for d, t in rows if t not in (NOT_KEPT,)), None)
    last = next(((d, t) for d, t in reversed(rows) if t not in (NOT_KEPT,)), None)
    if first and last:
        description = (
            f"{title}, month by month from {months[0][0]:%B %Y} to {months[-1][0]:%B %Y}: "
            f"{first[1]} at the end of {first[0]:%B %Y}, {last[1]} at the end of {last[0]:%B %Y}. "
            "The table below the chart gives every month."
        )
    else:
        description = f"{title}: no figures were kept for these months."
    return Chart(key, title, description, lines, dots, ticks, labels, rows)


def charts(months: list[tuple[datetime.date, dict | None]]) -> list[Chart]:
    return [chart(key, months) for key in TRENDS]
