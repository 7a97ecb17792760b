"""Pages of the whole service that know no domain: the footer's statements and the error pages."""

from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token


@login_not_required
def accessibility(request):
    return render(request, "core/accessibility.html")


@login_not_required
def privacy(request):
    return render(request, "core/privacy.html")


# Error pages. Each is plain words in the service's layout and never shows a stack trace.


@login_not_required
@requires_csrf_token
def bad_request(request, exception=None):
    return render(request, "errors/400.html", status=400)


@login_not_required
@requires_csrf_token
def permission_denied(request, exception=None):
    return render(request, "errors/403.html", status=403)


@login_not_required
@requires_csrf_token
def page_not_found(request, exception=None):
    return render(request, "errors/404.html", status=404)


@login_not_required
@requires_csrf_token
def server_error(request):
    # No context processors: the database or the session may be what failed.
    return HttpResponseServerError(loader.get_template("errors/500.html").render())


@login_not_required
def csrf_failure(request, reason=""):
    if request.content_type == "application/json":
        # A script posting JSON (the language API) reads the refusal in JSON.
        return JsonResponse(
            {"error": "The CSRF token is missing or wrong: send it in the X-CSRFToken header."},
            status=403,
        )
    return render(request, "errors/csrf.html", status=403)
