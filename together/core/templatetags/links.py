"""The layout's own links, made once per process rather than on every page (core.links)."""

import functools

from django import template
from django.conf import settings
from django.templatetags.static import static

from together.core.links import fixed_url

register = template.Library()


@register.simple_tag
def link(url_name: str) -> str:
    """{% url %} for an address with no arguments (the header, navigation and footer)."""
    return fixed_url(url_name)


@functools.cache
def _asset(path: str, static_url: str, storage: str) -> str:
    return static(path)


@register.simple_tag
def asset(path: str) -> str:
    """{% static %} for the layout's style sheets and scripts. A static file's address only
    changes with a deploy (the manifest is read when the process starts), so it is kept."""
    return _asset(path, settings.STATIC_URL, settings.STORAGES["staticfiles"]["BACKEND"])
