"""Words that turn a child into a case, or a person into a label.

Children in family proceedings asked never to be called "a case", to be called by their names,
and for records about them and their families to be respectful, because they may read them
when they grow up. These rules apply to every audience, professionals included, unless a rule
says otherwise.

Suggestions may contain ``{name}``: it is filled with the person's name when the caller gives
it, and the suggestion is left out when not.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from together.language.base import CHILDREN_AND_FAMILIES, EVERYONE, AudienceKind, Category, words
from together.language.glossary import parse_entries
from together.language.phrases import Token, joined

Guard = Callable[[str, list[Token], int, int], bool]

DEP = Category.DEPERSONALISING
JUDGE = Category.JUDGEMENTAL


@dataclass(frozen=True, slots=True)
class PhraseRule:
    term: str
    category: Category
    message: str
    suggestions: tuple[str, ...] = ()
    inflect: str = "none"
    audiences: frozenset[AudienceKind] = EVERYONE
    role: str | None = None  # flag only when the caller names this person (person_names key)
    hint: str | None = None  # whose name fills {name} when there is no role
    guard: Guard | None = None  # extra check on the words around the match; False = skip


def name_for(role: str | None, person_names: Mapping[str, str]) -> str | None:
    """The name the caller gave for a role; "parents" falls back to mother and father."""
    if role is None:
        return None
    name = (person_names.get(role) or "").strip()
    if not name and role == "parents":
        both = [(person_names.get(r) or "").strip() for r in ("mother", "father")]
        name = " and ".join(both) if all(both) else ""
    return name or None


# --- "case" ------------------------------------------------------------------------------

_CASE_BEFORE = words(
    "lower upper pencil phone brief court test worst best edge use nut head book suit display "
    "glass basket packing"
)  # pencil case, court case, worst case
_CASE_AFTER = words("number numbers law laws study studies of for against that sensitive")
_DETERMINERS = words(
    "the this that these those her his their your my our a any which either each every such "
    "no some most many both all few several other"
)
_BE = words("is was be been being are were isn't wasn't not remains remained")


def _case_guard(text: str, tokens: list[Token], first: int, last: int) -> bool:
    """False for "in case", "in any case", "case law", "worst-case", "if that is the case"."""
    case = tokens[last]
    after = tokens[last + 1] if last + 1 < len(tokens) else None
    if after and joined(text, case.end, after.start) and after.norm in _CASE_AFTER:
        return False
    if text[case.end : case.end + 1] in ("-", "\u2010"):  # case-by-case, case-sensitive
        return False
    start = tokens[first].start
    if start and text[start - 1] in ("-", "\u2010"):  # worst-case
        return False
    before = tokens[first - 1].norm if first > 0 else ""
    before2 = tokens[first - 2].norm if first > 1 else ""
    if before == "in" or (before2 == "in" and (before in _DETERMINERS or before[-2:] == "'s")):
        return False  # in case, in any case, in her case, in some cases, in Jayden's case
    if first == last and before in _CASE_BEFORE:
        return False
    opening, preceding = (before, before2) if first == last else (tokens[first].norm, before)
    return not (opening == "the" and preceding in _BE)  # "if that is the case"


def _is_capital_lac(text: str, tokens: list[Token], first: int, last: int) -> bool:
    return text.startswith("LAC", tokens[first].start)


_CASE = (
    "Children asked never to be called a case. Use the child's name, or say "
    '"the proceedings" if you mean the court process.'
)
_CASES = 'Children asked not to be counted as cases. Say "children" or "families".'
_NAME = "Use the person's name: children asked to be talked about as people, not roles."
_LAC = (
    "Children in care told us they dislike this label. Use the child's name, or say "
    '"children in care".'
)
_WHO = "Say who you mean, by name if you can."


def _depersonalising() -> list[PhraseRule]:
    child_case = {"hint": "child", "guard": _case_guard}
    rules = [
        PhraseRule("case", DEP, _CASE, ("{name}", "the proceedings"), **child_case),
        PhraseRule("cases", DEP, _CASES, ("children", "families"), guard=_case_guard),
    ]
    for det in ("the", "this", "her", "his", "their", "your", "my", "our", "a"):
        rules += [
            PhraseRule(f"{det} case", DEP, _CASE, ("{name}", "the proceedings"), **child_case),
            PhraseRule(f"{det} cases", DEP, _CASES, ("the children",), guard=_case_guard),
        ]
    for role, terms in {
        "child": ("the child", "the young person"),
        "children": ("the children",),
        "mother": ("the mother", "the mum", "the mam", "the mom"),
        "father": ("the father", "the dad"),
        "parent": ("the parent",),
        "parents": ("the parents",),
        "carer": ("the carer",),
        "carers": ("the carers",),
    }.items():
        rules += [PhraseRule(term, DEP, _NAME, ("{name}",), role=role) for term in terms]
    own_file = 'It is the child\'s own file. Say "your file" or use their name.'
    counted = "Children and families asked not to be counted as cases."
    rules += [
        PhraseRule(
            "case file", DEP, own_file, ("your file", "{name}'s file"), "noun", hint="child"
        ),
        *(
            PhraseRule(
                f"{det} case file",
                DEP,
                own_file,
                ("your file", "{name}'s file"),
                "noun",
                hint="child",
            )
            # "the case file" stays "case file", so "the" is kept in front of "your file".
            for det in ("this", "her", "his", "their", "your", "my", "our")
        ),
        PhraseRule("case notes", DEP, _WHO, ("notes", "{name}'s file"), hint="child"),
        PhraseRule("case conference", DEP, _WHO, ("a meeting about {name}",), hint="child"),
        PhraseRule("case worker", DEP, _WHO, ("social worker", "worker"), "noun"),
        PhraseRule("caseworker", DEP, _WHO, ("social worker", "worker"), "noun"),
        PhraseRule(
            "caseload",
            DEP,
            counted,
            ("the children I work with",),
            "noun",
            audiences=CHILDREN_AND_FAMILIES,
        ),
        PhraseRule("subject child", DEP, _NAME, ("{name}",), "noun", hint="child"),
        PhraseRule("the subject child", DEP, _NAME, ("{name}",), "noun", hint="child"),
        PhraseRule(
            "lac",
            DEP,
            _LAC,
            ("{name}", "children in care"),
            "noun",
            hint="child",
            guard=_is_capital_lac,
        ),
        # The plural has its own rule and suggestion ("children in care").
        PhraseRule("looked after child", DEP, _LAC, ("{name}",), "none", hint="child"),
        PhraseRule("looked after children", DEP, _LAC, ("children in care",)),
        PhraseRule(
            "service user", DEP, _WHO, ("{name}", "the people we work with"), "noun", hint="child"
        ),
    ]
    return rules


# --- labels instead of descriptions ------------------------------------------------------
# Same format as the glossary: term | suggestions | inflect, then the message.

_JUDGEMENTAL_TEXT = """
non-compliant | did not do what was agreed | none
    Say what was agreed and what the person did or did not do.
non-compliance | not doing what was agreed | none
    Say what was agreed and what the person did or did not do.
presented as | seemed; looked; told me they felt | none
    Say what you saw and heard, and what the person told you about how they felt.
presents as | seems; looks | none
    Say what you saw and heard, and what the person told you about how they felt.
presenting as | seeming; looking | none
    Say what you saw and heard, and what the person told you about how they felt.
refuse to engage | did not come to the meetings; did not want to talk with me | verb
    Say what was offered and what happened: which meetings were missed, and why.
fail to engage | did not come to the meetings; did not want to talk with me | verb
    Say what was offered and what happened: which meetings were missed, and why.
did not engage | did not come to the meetings; did not want to talk with me | none
    Say what was offered and what happened: which meetings were missed, and why.
didn't engage | did not come to the meetings; did not want to talk with me | none
    Say what was offered and what happened: which meetings were missed, and why.
does not engage | does not come to the meetings; does not want to talk with me | none
    Say what was offered and what happened: which meetings were missed, and why.
doesn't engage | does not come to the meetings; does not want to talk with me | none
    Say what was offered and what happened: which meetings were missed, and why.
won't engage | will not come to the meetings; will not talk with me | none
    Say what was offered and what happened: which meetings were missed, and why.
not engaging | not coming to the meetings; not talking with me | none
    Say what was offered and what happened: which meetings were missed, and why.
unwilling to engage | did not want to meet | none
    Say what was offered and what the person said about it.
reluctant to engage | unsure about meeting | none
    Say what was offered and what the person said about it.
non-engagement | | none
    Say what was offered and what happened: which meetings were missed, and why.
poor engagement | | none
    Say what was offered and what happened: which meetings were missed, and why.
disengaged | | none
    Say what changed, and what the person said about why.
refuse to cooperate | did not do what was asked | verb
    Say what was asked and what the person said and did.
chaotic | | none
    Say what daily life is like: what happens, when, and what it means for the child.
disguised compliance | | none
    Say what the person agreed to and what actually happened.
kick off | got upset; got angry; shouted | verb
    Say what the child did and what had upset them.
claim that | said that; told me that | verb
    "Claimed" suggests you doubt the person. Write "said" and set out other facts separately.
claim to | said they; told me they | verb
    "Claimed" suggests you doubt the person. Write "said" and set out other facts separately.
allege that | said that; told me that | verb
    Write "told me that". Keep "allege" for the formal allegations the judge is deciding.
lack of insight | | none
    Say what the person said about what happened, and what they do not yet accept.
lacks insight | | none
    Say what the person said about what happened, and what they do not yet accept.
in denial | | none
    Say what the person said about what happened, in their words.
minimise | | verb
    Say what the person said about what happened, in their words.
minimize | | verb
    Say what the person said about what happened, in their words.
fail to attend | did not come to | verb
    Say the person did not come, and why if you know.
hard to reach | | none
    Say what you tried and what might work better.
challenging behaviour | | none
    Say what the child did, and what they might have been telling you.
unkempt | | none
    Describe what you saw, kindly, and why it matters for the child.
sabotage | | auto
    Say what the person did and what happened as a result.
dysfunctional | | none
    A label, not a description. Say what happens in the family.
broken home | parents who live apart | noun
    Say who the child lives with.
"""


_SPORT = words(
    "match matches game games football rugby cricket netball hockey party show season "
    "tournament race it"
)
_LESSEN = words(
    "risk risks disruption delay delays impact harm change changes stress worry upset time "
    "costs travel distress moves gaps"
)


def _not_sport(text: str, tokens: list[Token], first: int, last: int) -> bool:
    """False for "the match kicks off at 3" and "kick-off is at 2pm"."""
    before = tokens[first - 1].norm if first > 0 else ""
    after = tokens[last + 1].norm if last + 1 < len(tokens) else ""
    later = tokens[last + 2].norm if last + 2 < len(tokens) else ""
    return before not in _SPORT and not (after == "at" and later[:1].isdigit())


def _not_lessening(text: str, tokens: list[Token], first: int, last: int) -> bool:
    """False for "minimise the disruption", "to minimise delay": lessening, not denying."""
    following = [t.norm for t in tokens[last + 1 : last + 4]]
    return not any(word in _LESSEN for word in following)


_GUARDS = {
    "kick off": _not_sport,
    "minimise": _not_lessening,
    "minimize": _not_lessening,
}


def _judgemental() -> list[PhraseRule]:
    entries = parse_entries(_JUDGEMENTAL_TEXT, "judgemental")
    rules = [
        PhraseRule(e.term, JUDGE, e.reason, e.alternatives, e.inflect, guard=_GUARDS.get(e.term))
        for e in entries
    ]

    difficult = "Say what the person did that made the work hard, and what you tried."
    bad = "A label, not a description. Say what happened and what the person did."
    people = (
        "mother father parent parents child children family families man woman boy girl mum dad"
    )
    for who in sorted(words(people)):
        rules += [
            PhraseRule(f"difficult {who}", JUDGE, difficult),
            PhraseRule(f"bad {who}", JUDGE, bad),
        ]
    return rules


RULES: tuple[PhraseRule, ...] = (*_depersonalising(), *_judgemental())


# Everyday phrases that contain a flagged word but are fine: a finding that lies inside one
# of these is dropped, whichever glossary is in use.
ALLOWED_PHRASES: tuple[str, ...] = (
    *(
        f"contact {w}"
        for w in sorted(words("me us you him her them your my our their the a anyone someone"))
    ),
    "contact details",
    "contact number",
    "contact numbers",
    "in contact",
    "eye contact",
    "point of contact",
    "hearing aid",
    "hearing aids",
    "hard of hearing",
    "hearing loss",
    "hearing test",
    "hearing tests",
    "hearing impaired",
    "hearing impairment",
    "hearing problems",
    "hearing difficulties",
    "as an attachment",
    "as attachments",
    "in an attachment",
    "email attachment",
    "email attachments",
    "the attachment to this email",
    "see the attachment",
    "open the attachment",
    "work placement",
    "work placements",
    "student placement",
    "directions to",
    "to whom it may concern",
    "in case",
    "just in case",
)
