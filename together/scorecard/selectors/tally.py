"""A place's tally for a part of the figures: what its records hold, in a form that adds up.

Each part of the figures (board.py, framework.py) reads the records once, grouped by place, into
a Tally for each place, and then turns a tally into its figures. Two places' tallies added give
the tally of both together, so the figures of a region, and of the nation, can be put together
from the tallies of their service areas without reading the records again (rolled_up.py):

- counts add (proceedings open, pairs seen, answers);
- counts by person add person by person (an FCA's caseload in two areas is the sum of the two);
- sets of people are joined (an FCA leading work in two areas is one FCA of the region, and a
  child in proceedings in two areas one child);
- lists of values are joined (the days each set of proceedings waited for allocation);
- `shared` is what is the same for every place (the FCAs audited anywhere), kept as it is.
"""

from collections import Counter
from dataclasses import dataclass, field


@dataclass
class Tally:
    counts: Counter = field(default_factory=Counter)
    by_person: dict[str, Counter] = field(default_factory=dict)
    people: dict[str, frozenset] = field(default_factory=dict)
    values: dict[str, list] = field(default_factory=dict)
    shared: dict = field(default_factory=dict)

    def __add__(self, other: "Tally") -> "Tally":
        def joined(mine: dict, theirs: dict, empty, join):
            return {
                name: join(mine.get(name, empty), theirs.get(name, empty))
                for name in mine.keys() | theirs.keys()
            }

        return Tally(
            counts=self.counts + other.counts,
            by_person=joined(self.by_person, other.by_person, Counter(), lambda a, b: a + b),
            people=joined(self.people, other.people, frozenset(), lambda a, b: a | b),
            values=joined(self.values, other.values, [], lambda a, b: a + b),
            shared=self.shared or other.shared,
        )


def total(tallies) -> Tally:
    """The tallies added together (an empty tally for none)."""
    found = Tally()
    for tally in tallies:
        found = found + tally
    return found
