"""The quality measure the scorecard shows from quality assurance: the share of FCAs of the
place with the framework's audits done in the twelve months to the day (four, two of them
collaborative), with their observations done (two), and with both. Counted by quality
(selectors.compliance_in_place); shown here with the scorecard's rule for too few people."""

import datetime

from together.quality.selectors import compliance_in_place

from .presentation import NO_FIGURE, SMALLEST, TOO_FEW
from .rules import Place


def quality_compliance(place: Place, day: datetime.date) -> dict:
    """What the scorecard's include (scorecard/_quality_compliance.html) shows for `place`."""
    level = "nation" if place.ids is None else place.level
    found = compliance_in_place(level=level, ids=place.ids, today=day)
    too_few = 0 < found.fcas < SMALLEST

    def share(count: int) -> str:
        if too_few:
            return TOO_FEW
        if not found.fcas:
            return NO_FIGURE
        return f"{count * 100 / found.fcas:.1f}%"

    return {
        "too_few": too_few,
        "rows": [
            (
                "Audits done: 4 in 12 months, 2 of them collaborative",
                share(found.audits_done),
            ),
            ("Observations done: 2 in 12 months", share(found.observations_done)),
            ("Both done", share(found.both_done)),
        ],
    }
