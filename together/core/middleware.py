"""Middleware that gives each request an id, works out the client's address, and keeps pages
out of caches."""

import re
import time
import uuid

from django.conf import settings
from django.utils.cache import add_never_cache_headers, patch_cache_control

from . import request_context
from .logs import log_access

_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")


def client_ip(request) -> str | None:
    """The client's address: REMOTE_ADDR, or the address our own trusted proxies saw."""
    proxies = settings.TOGETHER_TRUSTED_PROXIES
    if proxies:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR") or None


class RequestIdMiddleware:
    """Tags the request (and its response) with an id that the audit log and logs record, and
    writes the access line (when the together.access logger is on: in production)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        incoming = request.META.get("HTTP_X_REQUEST_ID", "")
        trusted = settings.TOGETHER_TRUSTED_PROXIES and _REQUEST_ID.match(incoming)
        request.request_id = incoming if trusted else uuid.uuid4().hex
        token = request_context.set_current(
            request_context.RequestContext(
                request_id=request.request_id, ip_address=client_ip(request), path=request.path
            )
        )
        try:
            response = self.get_response(request)
            response["X-Request-ID"] = request.request_id
            log_access(request, response, started)
        finally:
            request_context.reset(token)
        return response


# Features of the browser no page of the service uses: a page can never ask for them.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
        "xr-spatial-tracking",
    )
)


class PrivatePagesMiddleware:
    """Every page the application makes may hold a child's details (signed-in pages, and the
    letters and feedback forms behind a link), so none is kept by a browser or a proxy. Static
    files are answered earlier, by whitenoise, and stay cacheable."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        add_never_cache_headers(response)
        patch_cache_control(response, private=True)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
