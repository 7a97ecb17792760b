"""Small charts drawn on the server as SVG (no JavaScript): where the lines, points and bars go,
from a list of numbers and a label for each. The template components/chart.html draws them.

A chart is a picture of figures a page also gives as a table or in words: the page names the
chart (its title and description) and keeps the table, which is the accessible source of the
figures. A value of None has no point: a line breaks there, a bar is left out.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

WIDTH, HEIGHT = 640, 220
# Room for the scale on the left and the labels underneath.
LEFT, RIGHT, TOP, BOTTOM = 56, 16, 12, 36


@dataclass(frozen=True)
class Tick:
    y: float
    text: str


@dataclass(frozen=True)
class Label:
    x: float
    text: str


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class Drawing:
    width: int
    height: int
    left: int
    right_x: int
    bottom_y: int
    ticks: list[Tick]
    labels: list[Label]
    # A line chart: each unbroken run of the line as an SVG points attribute, and the points on
    # their own (a value with no neighbour) as (x, y).
    lines: list[str] = field(default_factory=list)
    dots: list[tuple[float, float]] = field(default_factory=list)
    # A bar chart: one bar a value.
    bars: list[Bar] = field(default_factory=list)


def round_top(largest: float) -> float:
    """A round top for a scale that reaches `largest`: the next of 1, 2, 5 × 10^n."""
    if largest <= 0:
        return 1.0
    step = 1.0
    while step * 10 <= largest:
        step *= 10
    for factor in (1, 2, 5, 10):
        if step * factor >= largest:
            return step * factor
    return step * 10


def count_tick(value: float, top: float) -> str:
    return f"{value:,.0f}" if top >= 4 else f"{value:.1f}"


def percent_tick(value: float, top: float) -> str:
    """For shares drawn from 0 to 1."""
    return f"{value * 100:.0f}%"


@dataclass(frozen=True)
class _Frame:
    width: int
    height: int
    top: float
    tick_text: Callable[[float, float], str]
    tick_at: Sequence[float]

    @property
    def plot_width(self) -> float:
        return self.width - LEFT - RIGHT

    @property
    def plot_height(self) -> float:
        return self.height - TOP - BOTTOM

    def y(self, value: float) -> float:
        return round(TOP + self.plot_height * (1 - value / self.top), 1)

    def drawing(self, labels: list[Label], **marks) -> Drawing:
        ticks = [
            Tick(self.y(self.top * fraction), self.tick_text(self.top * fraction, self.top))
            for fraction in self.tick_at
        ]
        return Drawing(
            self.width,
            self.height,
            LEFT,
            self.width - RIGHT,
            self.height - BOTTOM,
            ticks,
            labels,
            **marks,
        )


def _frame(values, top, tick_text, tick_at, width, height) -> _Frame:
    if top is None:
        top = round_top(max((v for v in values if v is not None), default=0))
    return _Frame(width, height, top, tick_text, tick_at)


def _labelled(labels: Sequence[str]) -> list[int]:
    """The points labelled underneath: the first, the middle and the last."""
    return sorted({0, len(labels) // 2, len(labels) - 1}) if labels else []


def line_chart(
    values: Sequence[float | None],
    labels: Sequence[str],
    *,
    top: float | None = None,
    tick_text: Callable[[float, float], str] = count_tick,
    tick_at: Sequence[float] = (0, 0.5, 1),
    width: int = WIDTH,
    height: int = HEIGHT,
) -> Drawing:
    """A line through `values` (one a label), on a scale from 0 to `top` (a round number above
    the largest value unless given)."""
    frame = _frame(values, top, tick_text, tick_at, width, height)
    step = frame.plot_width / max(len(values) - 1, 1)
    runs, run = [], []
    for i, value in enumerate(values):
        if value is None:
            if run:
                runs.append(run)
            run = []
        else:
            run.append((round(LEFT + i * step, 1), frame.y(value)))
    if run:
        runs.append(run)
    return frame.drawing(
        [Label(round(LEFT + i * step, 1), labels[i]) for i in _labelled(labels)],
        lines=[" ".join(f"{x},{y}" for x, y in r) for r in runs if len(r) > 1],
        dots=[r[0] for r in runs if len(r) == 1],
    )


def bar_chart(
    values: Sequence[float | None],
    labels: Sequence[str],
    *,
    top: float | None = None,
    tick_text: Callable[[float, float], str] = count_tick,
    tick_at: Sequence[float] = (0, 0.5, 1),
    width: int = WIDTH,
    height: int = HEIGHT,
) -> Drawing:
    """A bar for each of `values` (one a label), on a scale from 0 to `top`. A value of 0 has a
    bar with no height, so each label still has its bar."""
    frame = _frame(values, top, tick_text, tick_at, width, height)
    slot = frame.plot_width / max(len(values), 1)
    gap = min(slot * 0.2, 8)
    bars = [
        Bar(
            round(LEFT + i * slot + gap / 2, 1),
            frame.y(value),
            round(slot - gap, 1),
            round(frame.plot_height * value / frame.top, 1),
        )
        for i, value in enumerate(values)
        if value is not None
    ]

    def label_x(i: int) -> float:
        # The first and last labels line up with the chart's edges, the others with their bar.
        if i == 0:
            return LEFT
        if i == len(labels) - 1:
            return LEFT + frame.plot_width
        return round(LEFT + (i + 0.5) * slot, 1)

    return frame.drawing([Label(label_x(i), labels[i]) for i in _labelled(labels)], bars=bars)
