"""A child as the reader of a text, for the plain-language check, with the names of their people.

The language app knows no domain, so the names it must never flag, and whom it may name for
"the mother", are read here from the child's family and given to it.
"""

from together.language.readers import Reader
from together.language.selectors import reader_for_child

from .selectors import connections_for_child

# A relationship to the child as the language check's roles ("the mother" -> the mother's name).
_ROLES = {"mother": "mother", "father": "father", "foster_carer": "carer"}


def child_reader(child) -> Reader:
    """The child as the reader of their own file, a letter or their plan: their age, and the
    names of their people, never flagged. The name for "the mother" is what the child calls her
    where that is recorded ("Mum"), else her first name. One query."""
    names: list[str] = []
    people: dict[str, str] = {}
    for connection in connections_for_child(child):
        person = connection.person
        names += [person.given_name, person.family_name, connection.child_calls_them]
        role = _ROLES.get(connection.relationship)
        if role:
            people.setdefault(role, connection.child_calls_them or person.given_name)
    return reader_for_child(child, names=names, person_names=people)
