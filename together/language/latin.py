"""Latin and legal French of the court, with the plain words to use instead.

Flagged for every reader, professionals included: the child may read their file one day, and
plain English guidance for courts and public services asks for none of it. A few phrases that
have become everyday English ("vice versa", "status quo") are flagged for children and families
only. Same format as the glossary: ``term | alternatives | inflect``, then the reason.
"""

from __future__ import annotations

from together.language.base import CHILDREN_AND_FAMILIES, Category
from together.language.glossary import parse_entries
from together.language.respect import PhraseRule

_FOR_EVERYONE = """
inter alia | among other things | none
    Latin. Say "among other things", or list the things.
prima facie | at first sight; on the face of it | none
    Latin. Say "at first sight", or say what the evidence shows.
ex parte | without the other side there; without notice to the other side | none
    Legal Latin. Say that the other side was not told or was not there.
inter partes | with both sides there | none
    Legal Latin. Say that both sides were there.
in loco parentis | in the place of a parent; caring for the child as a parent would | none
    Latin. Say who is caring for the child and how.
de facto | in fact; in practice | none
    Latin. Say "in practice", or what actually happens.
de jure | in law | none
    Latin. Say "in law".
per se | in itself; on its own | none
    Latin. Say "in itself".
sine die | with no new date | none
    Legal Latin. Say that no new date was set.
de novo | again from the start | none
    Latin. Say "again, from the start".
ab initio | from the start | none
    Latin. Say "from the start".
bona fide | genuine; honest | none
    Latin. Say "genuine" or "honest".
bona fides | good faith; honesty | none
    Latin. Say what shows the person is honest.
mala fide | dishonest; in bad faith | none
    Latin. Say what the person did that was dishonest.
pro bono | free; without charging | none
    Latin. Say "free" or "without charging".
mutatis mutandis | with the changes needed | none
    Latin. Say "with the changes needed", or set out the changes.
ipso facto | because of that; by that fact | none
    Latin. Say "because of that".
in camera | in private | none
    Legal Latin. Say "in private".
in absentia | while they were not there | none
    Latin. Say the person was not there.
in situ | in place; where it is | none
    Latin. Say "in place" or where.
guardian ad litem | children's guardian; the person who speaks up for the child in court | noun
    An old Latin title. Say what the person does: speaks up for the child in court.
ad litem | for the court case | none
    Legal Latin. Say what the person does in the court proceedings.
sub judice | still being decided by the court | none
    Latin. Say that the court has not decided yet.
res judicata | already decided by a court | none
    Legal Latin. Say that a court has already decided it.
obiter | said in passing | none
    Legal Latin. Say the judge said it in passing.
obiter dicta | things said in passing | none
    Legal Latin. Say the judge said it in passing.
ratio decidendi | the reason for the decision | none
    Legal Latin. Say "the reason for the decision".
ultra vires | beyond its powers | none
    Legal Latin. Say the body had no power to do it.
locus standi | the right to be heard | none
    Legal Latin. Say whether the person may take part.
amicus curiae | adviser to the court | noun
    Legal Latin. Say who the person is and what they do.
nunc pro tunc | backdated | none
    Legal Latin. Say "backdated" and from when.
functus officio | has no more power to act | none
    Legal Latin. Say the court has finished and cannot change its decision.
de minimis | too small to matter | none
    Latin. Say "too small to matter".
sui generis | one of a kind | none
    Latin. Say "unique" or "one of a kind".
per incuriam | by mistake | none
    Legal Latin. Say the decision was made by mistake.
ex gratia | as a goodwill gesture | none
    Latin. Say "as a goodwill gesture" or "without having to".
ex officio | because of their job | none
    Latin. Say "because of their job".
a fortiori | all the more | none
    Latin. Say "all the more".
habeas corpus | the right not to be held unlawfully | none
    Legal Latin. Say what the right is.
mens rea | intention | none
    Legal Latin. Say what the person meant to do.
sine qua non | essential; a must | none
    Latin. Say "essential".
viz | namely; that is | none
    Latin. Say "namely" or "that is".
voir dire | a hearing to decide if evidence can be used | none
    Legal French. Say what the court was deciding.
autrefois acquit | already found not guilty | none
    Legal French. Say the person was already found not guilty.
force majeure | events no one could control | none
    French. Say what happened that no one could control.
"""

_FOR_FAMILIES = """
vice versa | the other way round | none
    Latin. Say "the other way round".
status quo | how things are now | none
    Latin. Say "how things are now".
ad hoc | when needed | none
    Latin. Say "when needed" or "for this one thing".
per annum | a year | none
    Latin. Say "a year".
pro rata | in proportion | none
    Latin. Say "in proportion", or give the figures.
"""


def _rules() -> list[PhraseRule]:
    rules = [
        PhraseRule(e.term, Category.LATIN, e.reason, e.alternatives, e.inflect)
        for e in parse_entries(_FOR_EVERYONE, "latin")
    ]
    rules += [
        PhraseRule(
            e.term,
            Category.LATIN,
            e.reason,
            e.alternatives,
            e.inflect,
            audiences=CHILDREN_AND_FAMILIES,
        )
        for e in parse_entries(_FOR_FAMILIES, "latin")
    ]
    return rules


LATIN_RULES: tuple[PhraseRule, ...] = tuple(_rules())
