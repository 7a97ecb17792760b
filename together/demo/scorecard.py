"""Demo scorecard snapshots: the figures at the end of each of the last 24 months (and
yesterday's), kept as the nightly task keeps them, so the scorecard's trends have two years to
draw. Month-ends only, not every day, to keep the demo quick to make; the figures are computed
from the demo's own records at each day, as the nightly run would have on that night.
"""

from together.scorecard.snapshots import month_ends, snapshots_fill

from .generator import Context

MONTHS = 24


def generate(ctx: Context) -> None:
    days = month_ends(ctx.today, MONTHS)
    snapshots_fill(days)
    ctx.count("scorecard snapshots", len(days))
    ctx.made["scorecard snapshot days"] = days
