"""Links made without reverse() on every request: reverse() costs tens of microseconds a call,
which adds up across a page's navigation, the sub-navigation of a child's file, and a table of a
few hundred rows with two links each.

A URL with no arguments is the same for every request of a process (given its script prefix,
which comes from the server's settings, and its URL configuration), so it is reversed once and
kept. A URL with a record's UUID in it is reversed once with a placeholder, and each record's id
is put in its place."""

import functools
import uuid
from collections.abc import Callable

from django.urls import get_script_prefix, get_urlconf, reverse

_ANY = uuid.UUID(int=0)
_PLACEHOLDER = str(_ANY)


@functools.cache
def _fixed(url_name: str, prefix: str, urlconf) -> str:
    return reverse(url_name, urlconf=urlconf)


def fixed_url(url_name: str) -> str:
    """reverse(url_name) for a URL that takes no arguments, kept after its first use."""
    return _fixed(url_name, get_script_prefix(), get_urlconf())


@functools.cache
def _pattern(url_name: str, prefix: str, urlconf) -> str:
    return reverse(url_name, args=[_ANY], urlconf=urlconf)


def link_maker(url_name: str) -> Callable[[uuid.UUID], str]:
    """A function giving the URL `url_name` for a record's UUID, the same as reverse() would."""
    pattern = _pattern(url_name, get_script_prefix(), get_urlconf())

    def make(record_uuid: uuid.UUID) -> str:
        return pattern.replace(_PLACEHOLDER, str(record_uuid))

    return make
