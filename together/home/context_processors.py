"""The service navigation for the signed-in person's role, on every page's layout."""

from together.accounts.models import REGION_ROLES, Role
from together.core.links import fixed_url
from together.organisation.rules import sees_staff_changes
from together.quality.national_rules import may_read_national_report, may_run_national_audits
from together.quality.rules import may_use_quality
from together.scorecard.rules import may_read_scorecard


def navigation(request):
    return {"navigation": navigation_for(request)}


def navigation_for(request) -> list[dict]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return []
    items = [("Home", fixed_url("home:home")), ("Find a child", fixed_url("children:search"))]
    if user.role == Role.SERVICE_MANAGER or user.role in REGION_ROLES:
        items.append(("Duty list", fixed_url("proceedings:duty-list")))
        items.append(("Children not seen", fixed_url("proceedings:children-not-seen")))
    if user.role in {Role.SERVICE_MANAGER, Role.NATIONAL_PERFORMANCE} | REGION_ROLES:
        items.append(("Letters", fixed_url("letters:oversight")))
    if user.role not in (Role.BUSINESS_SERVICES, Role.SYSTEM_ADMINISTRATOR):
        items.append(("Feedback", fixed_url("feedback:dashboard")))
    if user.role in {Role.FCA, Role.PRACTICE_SUPERVISOR, Role.SERVICE_MANAGER} | REGION_ROLES:
        items.append(("Supervision", fixed_url("supervision:sessions")))
    if may_use_quality(user):
        items.append(("Quality", fixed_url("quality:home")))
    # The national pages: national leadership runs the national audits (the report and the
    # letters spotlight are linked from there); regional leadership reads the national report.
    if may_run_national_audits(user):
        items.append(("National audits", fixed_url("quality-national:rounds")))
    elif may_read_national_report(user):
        items.append(("Quality report", fixed_url("quality-national:report")))
    # A practice supervisor reads their teams' (scorecard.rules.may_read_team_scorecard).
    if may_read_scorecard(user) or user.role == Role.PRACTICE_SUPERVISOR:
        items.append(("Scorecard", fixed_url("scorecard:scorecard")))
    if user.role == Role.BUSINESS_SERVICES:
        items.append(("New application", fixed_url("proceedings:new")))
    if sees_staff_changes(user):
        items.append(("Staff changes", fixed_url("organisation:staff-changes")))
    items.append(("Your details", fixed_url("accounts:profile")))
    if user.is_staff:
        items.append(("Administration", fixed_url("admin:index")))
    path = request.path
    # The page is under the longest address it starts with (/quality/national/ is not Quality).
    within = [href for _, href in items if path == href or (href != "/" and path.startswith(href))]
    current = max(within, key=len, default=None)
    return [{"text": text, "href": href, "current": href == current} for text, href in items]
