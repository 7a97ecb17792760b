"""Pages that belong to the whole service: home, the statements in the footer, error pages."""

from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token

from together.accounts.models import NATIONAL_ROLES, REGION_ROLES, Role
from together.organisation import selectors as organisation


def home(request):
    """Each role lands on the page it starts its day from."""
    user = request.user
    if user.role in NATIONAL_ROLES:
        context = {"regions": organisation.areas_overview()}
        return render(request, "core/home_national.html", context)
    if user.role in REGION_ROLES:
        context = {"regions": organisation.areas_overview(regions=[user.region_id])}
        return render(request, "core/home_region.html", context)
    if user.role in (Role.SERVICE_MANAGER, Role.BUSINESS_SERVICES):
        context = {
            "area": user.service_area,
            "teams": organisation.service_area_overview(user.service_area),
        }
        return render(request, "core/home_service_area.html", context)
    teams = organisation.teams_for_user(user)
    if user.role == Role.PRACTICE_SUPERVISOR:
        context = {"teams": [(team, organisation.team_members(team)) for team in teams]}
        return render(request, "core/home_supervisor.html", context)
    from .selectors import my_children_with_work

    rows = my_children_with_work(user)
    return render(request, "core/home_fca.html", {"teams": teams, "rows": rows})


@login_not_required
def accessibility(request):
    return render(request, "core/accessibility.html")


@login_not_required
def privacy(request):
    return render(request, "core/privacy.html")


def layout_floor(request):
    """The bare signed-in page the benchmarks compare every other page with."""
    return render(request, "core/floor.html")


# The least a PDF can be: a heading and a paragraph, through the same code as every document.
FLOOR_DOCUMENT = (
    '<html lang="en-GB"><head><title>Floor</title></head>'
    "<body><h1>Hello</h1><p>A minimal document.</p></body></html>"
)


def document_floor(request):
    """The bare signed-in download the benchmarks compare a document's download with: the same
    request, sign-in and middleware, answering with a minimal PDF."""
    from django.http import HttpResponse

    from together.documents.pdf import pdf_from_html

    response = HttpResponse(pdf_from_html(FLOOR_DOCUMENT), content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="floor.pdf"'
    return response


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
    return render(request, "errors/csrf.html", status=403)
