"""Pages about the organisation: the changes made to staff and teams in the admin site."""

from django.shortcuts import render
from django.views.decorators.http import require_GET

from together.accounts.models import REGION_ROLES, Role

from . import selectors


@require_GET
def staff_changes(request):
    user = request.user
    page = selectors.staff_changes_page(user=user, page=request.GET.get("page"))
    if user.role == Role.SERVICE_MANAGER:
        place = user.service_area.name
    elif user.role in REGION_ROLES:
        place = user.region.name
    else:
        place = "National"
    return render(request, "organisation/staff_changes.html", {"page": page, "place": place})
