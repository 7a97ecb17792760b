"""Words that judge a person's character instead of describing what they did.

"Volatile", "manipulative", "needy": a label tells the reader what the writer concluded, not
what happened, and it stays in the child's file, which the child and their parents may read.
Flagged for every reader, professionals included, with the same advice each time: describe what
was seen and heard (what the person did and said, when, how often), so the reader can judge.

Same format as the glossary: ``term | alternatives | inflect``, then the reason. A few words also
describe things ("unstable housing", "a demanding job", "erratic attendance", "a defensive
midfielder", "water-resistant"); those are flagged only when a person is being described.
"""

from __future__ import annotations

from together.language.base import Category, words
from together.language.glossary import parse_entries
from together.language.phrases import Token
from together.language.respect import PhraseRule

ADVICE = "Describe what was seen and heard: what the person did and said, when, and how often."

_CHARACTER_TEXT = """
manipulative | | none
    A label, not a description.
deceitful | | none
    A label, not a description. Say what the person said and what you found was different.
devious | | none
    A label, not a description.
dishonest | | none
    A label, not a description. Say what the person said and what you found was different.
untruthful | | none
    A label, not a description. Say what the person said and what you found was different.
liar | | noun
    A label, not a description. Say what the person said and what you found was different.
sly | | none
    A label, not a description.
sneaky | | none
    A label, not a description.
hysterical | very upset | none
    A label that dismisses how upset someone was.
histrionic | | none
    A label that dismisses how someone felt.
melodramatic | | none
    A label that dismisses how someone felt.
overdramatic | | none
    A label that dismisses how someone felt.
volatile | | none
    A label, not a description.
hot-headed | | none
    A label, not a description.
highly strung | | none
    A label, not a description.
erratic | | none
    A label, not a description.
unstable | | none
    A label, not a description.
unpredictable | | none
    A label, not a description.
obstructive | | none
    A label, not a description. Say what was asked and what the person did or did not do.
uncooperative | | none
    A label, not a description. Say what was asked and what the person did.
unco-operative | | none
    A label, not a description. Say what was asked and what the person did.
resistant | | none
    A label, not a description. Say what the person said about the plan.
defensive | | none
    A label, not a description. Say what the person said.
evasive | | none
    A label, not a description. Say what was asked and what the person answered.
guarded | | none
    A label, not a description. Say what was asked and what the person answered.
hostile | | none
    A label, not a description.
aggressive | | none
    A label, not a description.
argumentative | | none
    A label, not a description.
confrontational | | none
    A label, not a description.
combative | | none
    A label, not a description.
belligerent | | none
    A label, not a description.
abrasive | | none
    A label, not a description.
overbearing | | none
    A label, not a description.
domineering | | none
    A label, not a description.
demanding | | none
    A label, not a description. Say what the person asked for.
needy | | none
    A label, not a description. Say what the person needed and asked for.
clingy | | none
    A label, not a description. Say what the child did and what they might have needed.
attention-seeking | | none
    A label, not a description. Say what the child did and what they might have needed.
attention seeker | | noun
    A label, not a description. Say what the child did and what they might have needed.
spoilt | | none
    A label, not a description.
spoiled | | none
    A label, not a description.
naughty | | none
    A label, not a description.
defiant | | none
    A label, not a description.
rude | | none
    A label, not a description.
insolent | | none
    A label, not a description.
disrespectful | | none
    A label, not a description.
sullen | | none
    A label, not a description.
surly | | none
    A label, not a description.
moody | | none
    A label, not a description.
stubborn | | none
    A label, not a description.
obstinate | | none
    A label, not a description.
wilful | | none
    A label, not a description.
lazy | | none
    A label, not a description. Say what the person did and did not do.
unmotivated | | none
    A label, not a description. Say what the person has and has not done.
feckless | | none
    A label, not a description.
irresponsible | | none
    A label, not a description.
selfish | | none
    A label, not a description.
immature | | none
    A label, not a description.
uncaring | | none
    A label, not a description.
neglectful | | none
    A label, not a description. Say what the child needed and did not get.
controlling | | none
    A label, not a description. Say what the person did to control others, and how often.
stroppy | | none
    A label, not a description.
callous | | none
    A label, not a description.
cold-hearted | | none
    A label, not a description.
vindictive | | none
    A label, not a description.
spiteful | | none
    A label, not a description.
toxic | | none
    A label, not a description. Say what happened and the effect on the child.
paranoid | | none
    A label, not a description. Say what the person said they were afraid of.
neurotic | | none
    A label, not a description.
irrational | | none
    A label, not a description.
obsessive | | none
    A label, not a description. Say what the person does and how often.
unreliable | | none
    A label, not a description. Say what was agreed and what happened.
inadequate | | none
    A label, not a description. Say what the child needed and did not get.
feral | | none
    A label that hurts. Describe the child's needs and what they have missed out on.
promiscuous | | none
    A judgement that blames. Say what happened and any risk to the young person.
troublemaker | | noun
    A label, not a description.
drama queen | | noun
    A label that dismisses how someone felt.
"""

# Words around a label that show it describes a thing, not a person.
_THINGS = words(
    """housing accommodation home homes house tenancy income job jobs work working hours shift
    shifts employment finances money prices market weather ground structure situation
    attendance attendances payments payment sleep sleeping pattern patterns signal connection
    internet phone driving heartbeat schedule timetable rota role course courses exam exams
    week weeks day days period periods times time task tasks subject level levels word words
    joke jokes gesture gestures message messages song songs"""
)
# After a word, these make it a diagnosis rather than a label.
_NOT_A_LABEL_AFTER = words(
    """schizophrenia personality disorder disorders delusions ideation psychosis compulsive"""
)
# After a word that is also a verb, these make it the verb: "spoiled the day", "demanding to".
_VERB_AFTER = words(
    "the a an it his her their my our your everything to that money how who what another others "
    "him them someone people where when whether"
)
# "Coercive and controlling behaviour" names a kind of abuse in the law: not a label.
_BEHAVIOUR = words("behaviour behaviours behavior behaviors")
_POSITIONS = words(
    """midfielder midfielders player players position positions line end play driving skills
    skill coach back backs"""
)


def _describes_a_person(text: str, tokens: list[Token], first: int, last: int) -> bool:
    """False when a thing is near: "unstable housing", "the job is demanding", "erratic
    attendance", "a defensive midfielder"."""
    after = tokens[last + 1].norm if last + 1 < len(tokens) else ""
    if after in _THINGS or after in _POSITIONS or after in _NOT_A_LABEL_AFTER:
        return False
    return not any(t.norm.removesuffix("'s") in _THINGS for t in tokens[max(0, first - 4) : first])


def _not_a_verb(text: str, tokens: list[Token], first: int, last: int) -> bool:
    """False for "the rain spoiled the day", "demanding to see him", "guarded the door"."""
    after = tokens[last + 1].norm if last + 1 < len(tokens) else ""
    return after not in _VERB_AFTER and _describes_a_person(text, tokens, first, last)


def _not_a_verb_or_the_law(text: str, tokens: list[Token], first: int, last: int) -> bool:
    """False for "controlling behaviour" (the law's words for a kind of abuse) and "controlling
    the money" (what the person did)."""
    after = tokens[last + 1].norm if last + 1 < len(tokens) else ""
    return after not in _BEHAVIOUR and _not_a_verb(text, tokens, first, last)


def _not_compound(text: str, tokens: list[Token], first: int, last: int) -> bool:
    """False for "water-resistant", "heat-resistant": a thing, not a person."""
    start = tokens[first].start
    return not (start and text[start - 1] in "-\u2010")


_GUARDS = {
    **dict.fromkeys(
        words(
            "unstable erratic unpredictable inadequate defensive rude paranoid obsessive "
            "defiant volatile stubborn"
        ),
        _describes_a_person,
    ),
    **dict.fromkeys(words("demanding guarded spoilt spoiled"), _not_a_verb),
    "resistant": _not_compound,
    "controlling": _not_a_verb_or_the_law,
}


def _rules() -> list[PhraseRule]:
    return [
        PhraseRule(
            e.term,
            Category.CHARACTER,
            f"{e.reason} {ADVICE}",
            e.alternatives,
            e.inflect,
            guard=_GUARDS.get(e.term),
        )
        for e in parse_entries(_CHARACTER_TEXT, "character")
    ]


CHARACTER_RULES: tuple[PhraseRule, ...] = tuple(_rules())
