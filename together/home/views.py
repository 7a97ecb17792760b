"""Each role's home page, and the bare pages the benchmarks measure every other page against."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from together.accounts.models import NATIONAL_ROLES, REGION_ROLES, Role
from together.children.views.file import render_file_page
from together.core.forms import add_service_errors
from together.documents.pdf import pdf_from_html
from together.organisation import selectors as organisation
from together.plans import rules as plan_rules
from together.plans.documents import professional_version_context
from together.plans.models import PlanStatus
from together.plans.selectors import plan_get_for_user
from together.plans.services import plan_state_change
from together.scorecard import views as scorecard
from together.scorecard.rules import may_read_scorecard

from .forms import ReviewForm
from .selectors import my_children_with_work
from .workspace import supervisor_workspace

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
        context = {"teams": teams, "workspace": supervisor_workspace(user)}
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


@require_http_methods(["GET", "POST"])
def plan_review(request, child_id):
    """The whole plan waiting for the supervisor's review, to read through, with "Agree" and
    "Send back with comments" at the end (plans.services.plan_state_change does the move)."""
    plan = plan_get_for_user(user=request.user, child_id=child_id)
    if not (
        plan.status == PlanStatus.READY_FOR_REVIEW and plan_rules.may_agree_plan(request.user, plan)
    ):
        raise Http404("No plan waiting for your review")
    form = ReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        to = PlanStatus.AGREED if form.cleaned_data["decision"] == "agree" else PlanStatus.DRAFT
        try:
            plan_state_change(
                by=request.user, plan=plan, to=to, comment=form.cleaned_data["comment"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            name = plan.child.preferred_name
            messages.success(
                request,
                f"You agreed {name}'s plan"
                if to == PlanStatus.AGREED
                else f"{name}'s plan has been sent back with your comments",
            )
            return redirect("home:home")
    context = {**professional_version_context(plan), "form": form}
    # The file's own sub-navigation is "sections" on every page of the file; the plan's list of
    # its sections is not needed here.
    context.pop("sections")
    return render_file_page(request, plan.child, "plan", "home/plan_review.html", context)
