"""Work for a child agreed outside the plan, shown with the plan of work (section 8).

The apps above plans (supervision: the actions agreed when a child's situation was thought about
together) know work for the child that the plan's writer should see beside the plan's own. Plans
imports none of them (ADR 0011): each registers, from its AppConfig.ready, a title and a function
of (user, child) giving the rows that person may see, with a link to mark each done where they
may. The function checks nothing about the child: the plan's page has already fetched the child
for the person, so they may see the file.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.utils import timezone


@dataclass(frozen=True)
class WorkElsewhere:
    """One piece of work agreed elsewhere: what, who, by when, and whether it is done."""

    what: str
    who: str
    due_on: datetime.date
    done_on: datetime.date | None
    # Where it was agreed, in words ("Group supervision, 3 March 2026"), and a link to it.
    agreed: str
    agreed_url: str
    # Where to post to mark it done (or not done), with the fields to send; "" when this
    # person may not.
    done_url: str = ""

    @property
    def is_overdue(self) -> bool:
        return self.done_on is None and self.due_on < timezone.localdate()


Source = Callable[..., list[WorkElsewhere]]

# (title, source) in the order the apps registered them.
SOURCES: list[tuple[str, Source]] = []


def work_elsewhere_register(title: str, source: Source) -> None:
    """Show `source(user=, child=)`'s rows with the plan of work, under `title`."""
    SOURCES.append((title, source))


def work_elsewhere(*, user, child) -> list[tuple[str, list[WorkElsewhere]]]:
    """Each registered title with its rows for `user` about `child` (titles with none left
    out): not done first, soonest due first, then the latest done."""
    found = []
    for title, source in SOURCES:
        rows = source(user=user, child=child)
        if rows:
            open_rows = sorted((r for r in rows if r.done_on is None), key=lambda r: r.due_on)
            done = sorted((r for r in rows if r.done_on), key=lambda r: r.done_on, reverse=True)
            found.append((title, open_rows + done))
    return found
