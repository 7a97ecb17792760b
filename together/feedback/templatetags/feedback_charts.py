"""The feedback page's month-by-month chart: the SVG's geometry, worked out from the months'
figures where the page draws it, so the figures themselves stay free of drawing."""

from django import template

from ..selectors import MONTHS, Month, Share

register = template.Library()

# The chart's drawing area, in SVG units.
CHART_HEIGHT = 200
CHART_TOP = 10
BAR_WIDTH = 14
MONTH_WIDTH = 44


@register.simple_tag
def month_chart(months: list[Month]) -> dict:
    """The chart of `months` (oldest first): a bar for the children's and the parents' and
    carers' share in each month (none where the figure is not shown), the months' names and the
    gridlines, every mark as plain strings for the template to write out as they are."""
    bars = []
    for index, month in enumerate(months):
        x = _month_x(index)
        for kind, share, who, bar_x in (
            ("children", month.children, "Children", x),
            ("parents", month.parents, "Parents and carers", x + BAR_WIDTH + 2),
        ):
            if share.shown:
                bars.append(_bar(kind, bar_x, share, f"{who}, {month.month:%B %Y}"))
    return {
        "bars": bars,
        "labels": [
            {"x": str(_month_x(index) + BAR_WIDTH + 1), "text": f"{month.month:%b}"}
            for index, month in enumerate(months)
        ],
        "width": str(40 + MONTHS * MONTH_WIDTH),
        "height": str(CHART_HEIGHT + CHART_TOP + 30),
        "label_y": str(CHART_TOP + CHART_HEIGHT + 18),
        "gridlines": [
            {"y": str(CHART_TOP + CHART_HEIGHT - CHART_HEIGHT * p // 100), "label": f"{p}%"}
            for p in (0, 50, 100)
        ],
    }


def _month_x(index: int) -> int:
    return 40 + index * MONTH_WIDTH


def _bar(kind: str, x: int, share: Share, label: str) -> dict:
    height = CHART_HEIGHT * share.percent // 100
    return {
        "kind": kind,
        "x": str(x),
        "y": str(CHART_TOP + CHART_HEIGHT - height),
        "height": str(height),
        "label": f"{label}: {share}",
    }
