"""Figures and comments kept in the cache for a short while, and forgotten whenever an answer is
saved or changed (figures_changed), or at the turn of a month.

They are kept per part of the country (not per person) and per filter, under keys that also
name the figures' version, which saving an answer renews."""

import datetime
import uuid
from hashlib import sha256

from django.core.cache import cache
from django.core.paginator import Page
from django.http import Http404
from django.utils import timezone

from together.accounts.models import REGION_ROLES, Role

from .. import rules
from .comments import comments_for, comments_page
from .figures import Dashboard, dashboard_for, month_starts

# How long a computed dashboard is kept. Saving an answer starts afresh at once (see
# figures_changed); this bounds how old the figures can be in another process whose cache did not
# hear of it (the local-memory cache is per process).
FIGURES_KEPT_FOR = 120
_VERSION_KEY = "feedback:figures:version"
# Part of every key: raised when what is kept changes shape, so a cache shared across a deploy
# (CACHE_URL) is never asked for an object of a class that has moved or changed.
_KEPT_FORMAT = 2


def figures_changed() -> None:
    """Forget every computed dashboard: the next view counts again from the summary."""
    cache.set(_VERSION_KEY, uuid.uuid4().hex, None)


def _figures_version() -> str:
    version = cache.get(_VERSION_KEY)
    if version is None:
        cache.add(_VERSION_KEY, uuid.uuid4().hex, None)
        version = cache.get(_VERSION_KEY, "")
    return version


def _scope_key(user) -> str:
    if user.role == Role.NATIONAL_PERFORMANCE:
        return user.role
    if user.role in REGION_ROLES:
        return f"{user.role}:{user.region_id}"
    if user.role == Role.SERVICE_MANAGER:
        return f"{user.role}:{user.service_area_id}"
    return f"{user.role}:{user.pk}"  # practice supervisors' teams, FCAs' own work


def _kept_key(kind: str, user, area, team) -> str:
    return ":".join(
        (
            kind,
            f"v{_KEPT_FORMAT}",
            _figures_version(),
            f"{month_starts()[-1]:%Y-%m}",
            _scope_key(user),
            str(area.pk) if area is not None else "",
            str(team.pk) if team is not None else "",
        )
    )


def dashboard_kept_for(user, *, area=None, team=None) -> tuple[Dashboard, datetime.datetime, str]:
    """dashboard_for, kept in the cache for a short while, with the time it was counted and the
    key it is kept under (the page keeps its rendered figures under the same key).

    Kept per part of the country (not per person) and per filter; forgotten whenever an answer
    is saved or changed, and at the turn of a month."""
    if not rules.may_see_feedback(user):
        raise Http404
    key = _kept_key("feedback:figures", user, area, team)
    kept = cache.get(key)
    if kept is None:
        kept = (dashboard_for(user, area=area, team=team), timezone.now())
        cache.set(key, kept, FIGURES_KEPT_FOR)
    return (*kept, key)


def comments_kept_for(user, *, area=None, team=None, audience="", month="", page=1) -> Page:
    """comments_for, kept in the cache as the figures are (and forgotten with them: whenever an
    answer is saved or changed)."""
    if not rules.may_see_feedback(user):
        raise Http404
    chosen = f"{audience}:{month}:{page}"
    key = (
        f"{_kept_key('feedback:comments', user, area, team)}:{sha256(chosen.encode()).hexdigest()}"
    )
    kept = cache.get(key)
    if kept is None:
        found = comments_for(user, area=area, team=team, audience=audience, month=month, page=page)
        kept = (found.object_list, found.number, found.paginator.count)
        cache.set(key, kept, FIGURES_KEPT_FOR)
    return comments_page(*kept)
