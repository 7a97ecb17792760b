"""Ends a signed-in session after a period with no requests (30 minutes unless configured)."""

from django.conf import settings
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone

LAST_SEEN_KEY = "together_last_seen"


class IdleTimeoutMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = timezone.now().timestamp()
            last_seen = request.session.get(LAST_SEEN_KEY)
            # The time kept may be up to IDLE_PRECISION older than the last request (it is not
            # written on every one), so the session ends only when even the kept time is that
            # much past the timeout: never early, at most IDLE_PRECISION late.
            allowed = (settings.IDLE_TIMEOUT + settings.IDLE_PRECISION).total_seconds()
            if last_seen is not None and now - last_seen >= allowed:
                # The sign-out receiver records this as a timeout rather than a sign-out.
                request.together_idle_timeout = True
                logout(request)
                return redirect(f"{reverse('accounts:sign-in')}?timed_out=1")
            # The time of the last request is written at most once every IDLE_PRECISION (a
            # minute for the half-hour timeout), which spares a session write on most requests.
            if last_seen is None or now - last_seen >= settings.IDLE_PRECISION.total_seconds():
                request.session[LAST_SEEN_KEY] = now
        return self.get_response(request)
