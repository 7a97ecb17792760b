"""Which sense an ambiguous glossary word has here, from the words around it.

"The hearing is on Monday" is a day in court; "thank you for hearing me out" is not. "Contact with
your dad" is time with a parent; "get in contact with the office" and "contact lenses" are
everyday words. Each guard is a few simple patterns on the neighbouring words; it returns False
when the word has its everyday sense, and the finding is dropped. The guards are attached to the
glossary's entries by their term, so they hold for the editable glossary too. ("Case" has its own
guard with the depersonalising rules: a child is never "a case", but "briefcase", "in any case"
and "a pencil case" are fine.)
"""

from __future__ import annotations

from together.language.base import words
from together.language.phrases import Token
from together.language.respect import Guard

# --- hearing -------------------------------------------------------------------------------

# Before a noun: "the hearing", "your next hearing", "Jayden's hearing".
_DETERMINERS = words(
    """the a an this that your his her their our my next final first last court each every
    another any no second third urgent short full whole same earlier later"""
)
# Before a verb: "for hearing me", "was hearing", "keeps hearing", "on hearing the news".
_VERB_BEFORE = words(
    """for after on upon when while without keep keeps kept keeping stop stopped stops enjoy
    enjoys enjoyed like likes liked love loves loved hate hates remember remembers imagine
    imagined start started starts am is are was were be been being not i'm you're we're
    they're he's she's it's worth avoid mind"""
)
# After a verb: "hearing me out", "hearing from you", "hearing what you said".
_OBJECTS = words(
    """me you him them us it what about from voices things everything something anything
    nothing people noises noise sounds sound music birds stories news how why who whether if
    those these back more"""
)
# "Jayden's hearing is much better": the sense, not the court.
_STATES = words(
    """good poor fine bad better worse normal excellent weak impaired damaged tested checked
    ok okay improving improved fading affected"""
)
_LINKS = words("is was has had seems seemed got gets has been")


def _hearing(text: str, tokens: list[Token], first: int, last: int) -> bool:
    if tokens[first].norm != "hearing":
        return True  # "hearings" is always the court's
    before = tokens[first - 1].norm if first > 0 else ""
    after = tokens[last + 1].norm if last + 1 < len(tokens) else ""
    if before in _DETERMINERS or before.endswith(("'s", "s'")):
        if after in _LINKS:
            return not any(t.norm in _STATES for t in tokens[last + 2 : last + 5])
        return True
    if before in _VERB_BEFORE:
        return False
    return after not in _OBJECTS


# --- contact -------------------------------------------------------------------------------

# "to contact", "please contact", "make contact", "get in contact", "keep in contact".
_CONTACT_VERB_BEFORE = words(
    """to please can could will would should may might must do does don't doesn't did didn't
    not never i we they make made makes making get got gets getting keep kept keeps keeping
    stay stayed stays lose lost loses losing eye physical skin emergency main"""
)
# "contact lenses", "contact details", "contact sport".
_CONTACT_NOUNS_AFTER = words(
    """details number numbers lens lenses sport sports form forms information info point name
    names list address addresses tracing person card page email phone"""
)
# "contact with the school": an office, not a parent.
_INSTITUTIONS = words(
    """school schools office college nursery police council team teams service services gp
    doctor doctors hospital agency agencies professionals worker workers teacher teachers staff
    court me us company bank firm clinic surgery"""
)


def _contact(text: str, tokens: list[Token], first: int, last: int) -> bool:
    before = tokens[first - 1].norm if first > 0 else ""
    after = tokens[last + 1].norm if last + 1 < len(tokens) else ""
    if before in _CONTACT_VERB_BEFORE or after in _CONTACT_NOUNS_AFTER:
        return False
    if after == "with":
        return not any(t.norm in _INSTITUTIONS for t in tokens[last + 2 : last + 5])
    return True


SENSE_GUARDS: dict[str, Guard] = {"hearing": _hearing, "contact": _contact}
