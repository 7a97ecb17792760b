"""Line charts of the main figures month by month, drawn on the server as SVG (no JavaScript), each
with the same figures as a table beside it (the template puts it in a details element).

A month whose snapshot was not kept, has nothing to count, or rests on fewer than 5 people or
answers has no point: the line breaks there, and the table says why.
"""

import datetime
from dataclasses import dataclass

from together.core.charts import Drawing, count_tick, line_chart, percent_tick

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
    "fcas_audits_and_observations_done_share_last_12_months",
)

NOT_KEPT = "Not kept"


@dataclass(frozen=True)
class Chart:
    key: str
    title: str
    description: str
    drawing: Drawing
    # (month, figure in words) for the table.
    rows: list[tuple[datetime.date, str]]

    @property
    def picture_title(self) -> str:
        return f"{self.title}, month by month"


def chart(key: str, months: list[tuple[datetime.date, dict | None]]) -> Chart:
    share = LABELS[key][1] == SHARE
    values = [shown(key, found) if found else None for _, found in months]
    drawing = line_chart(
        values,
        [day.strftime("%b %Y") for day, _ in months],
        top=1.0 if share else None,
        tick_text=percent_tick if share else count_tick,
    )
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
    return Chart(key, title, description, drawing, rows)


def charts(months: list[tuple[datetime.date, dict | None]]) -> list[Chart]:
    return [chart(key, months) for key in TRENDS]
