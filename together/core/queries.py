"""Pieces of queries that several apps share.

Time inside a query. A query that reads the clock from the database (`database_now`,
`database_today`) holds no moment of its own, so a page can build it once per process and refine
it for each request (see home.selectors.my_children_with_work): building a query of a dozen
subqueries took Django longer than PostgreSQL took to run it. A query built once must take no
arguments at all, so that nothing about one person or one moment can be kept in it for the next.
"""

import zoneinfo

from django.conf import settings
from django.db.models.functions import Now, TruncDate


def database_now() -> Now:
    """The database's own clock, as an expression (UTC)."""
    return Now()


def database_today() -> TruncDate:
    """Today's date where the service works (settings.TIME_ZONE, as timezone.localdate() gives
    it), from the database's own clock, as an expression."""
    return TruncDate(Now(), tzinfo=zoneinfo.ZoneInfo(settings.TIME_ZONE))
