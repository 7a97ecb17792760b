"""Middleware that gives each request an id and works out the client's address."""

import re
import uuid

from django.conf import settings

from . import request_context

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
    """Tags the request (and its response) with an id that the audit log and logs record."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.META.get("HTTP_X_REQUEST_ID", "")
        trusted = settings.TOGETHER_TRUSTED_PROXIES and _REQUEST_ID.match(incoming)
        request.request_id = incoming if trusted else uuid.uuid4().hex
        token = request_context.set_current(
            request_context.RequestContext(
                request_id=request.request_id, ip_address=client_ip(request)
            )
        )
        try:
            response = self.get_response(request)
        finally:
            request_context.reset(token)
        response["X-Request-ID"] = request.request_id
        return response
