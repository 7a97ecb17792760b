"""Each role's home page, and the bare pages the benchmarks measure every other page against."""

from django.http import HttpResponse
from django.shortcuts import render

from together.accounts.models import NATIONAL_ROLES, REGION_ROLES, Role
from together.documents.pdf import pdf_from_html
from together.organisation import selectors as organisation
from together.scorecard import views as scorecard
from together.scorecard.rules import may_read_scorecard

from .selectors import my_children_with_work

# Roles whose day starts from the scorecard (issue 16): national leadership, heads of practice and
# assistant directors. Service managers keep their area's page, which links to theirs.
SCORECARD_HOME = frozenset({Role.NATIONAL_PERFORMANCE, *REGION_ROLES})


def home(request):
    """Each role lands on the page it starts its day from."""
    user = request.user
    if user.role in SCORECARD_HOME and may_read_scorecard(user):
        return scorecard.scorecard(request)
    if user.role in NATIONAL_ROLES:
        context = {"regions": organisation.areas_overview()}
        return render(request, "home/national.html", context)
    if user.role in REGION_ROLES:
        context = {"regions": organisation.areas_overview(regions=[user.region_id])}
        return render(request, "home/region.html", context)
    if user.role in (Role.SERVICE_MANAGER, Role.BUSINESS_SERVICES):
        context = {
            "area": user.service_area,
            "teams": organisation.service_area_overview(user.service_area),
        }
        return render(request, "home/service_area.html", context)
    teams = organisation.teams_for_user(user)
    if user.role == Role.PRACTICE_SUPERVISOR:
        context = {"teams": [(team, organisation.team_members(team)) for team in teams]}
        return render(request, "home/supervisor.html", context)
    rows = my_children_with_work(user)
    return render(request, "home/fca.html", {"teams": teams, "rows": rows})


def layout_floor(request):
    """The bare signed-in page the benchmarks compare every other page with."""
    return render(request, "home/floor.html")


# The least a PDF can be: a heading and a paragraph, through the same code as every document.
FLOOR_DOCUMENT = (
    '<html lang="en-GB"><head><title>Floor</title></head>'
    "<body><h1>Hello</h1><p>A minimal document.</p></body></html>"
)


def document_floor(request):
    """The bare signed-in download the benchmarks compare a document's download with: the same
    request, sign-in and middleware, answering with a minimal PDF."""
    response = HttpResponse(pdf_from_html(FLOOR_DOCUMENT), content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="floor.pdf"'
    return response
