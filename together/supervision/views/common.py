"""What the supervision pages share: the reader of what is written, and opening a new record."""

from django.urls import reverse

from together.core.forms import made_from_form
from together.language.readers import Reader


def _reader(people=(), children=()) -> Reader:
    """Supervision is read by professionals (and perhaps one day by the child): the names of
    those in the room and of the children are never flagged."""
    names = [n for p in people for n in (p.given_name, p.family_name)]
    names += [n for c in children for n in (c.preferred_name, c.legal_family_name)]
    return Reader.for_professionals(names=names)


def _made_then_opened(request, form, make, *, answers, said: str, page: str):
    """Make a new record from the form sent (made_from_form), then open its page: `page` names
    the address that takes the new record's uuid."""
    return made_from_form(
        request,
        form,
        make,
        answers=answers,
        said=said,
        then=lambda made: reverse(page, args=[made.uuid]),
    )
