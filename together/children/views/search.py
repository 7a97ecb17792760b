"""Finding a child, opening a file by giving a reason ("breaking the glass"), and the list of
files opened that way for the managers responsible for the children."""

from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from together.accounts.models import Role

from .. import rules, selectors
from ..search import LIMIT, OtherChild, children_search, family_initial
from ..search.forms import BreakGlassForm, ChildSearchForm
from ..services import break_glass_open

# Who sees the files opened by breaking the glass: those who manage the children's areas, for the
# children they see every day. (A rule for children.rules once another page needs it.)
SEES_BREAK_GLASS_LOG = frozenset(
    {
        Role.SERVICE_MANAGER,
        Role.HEAD_OF_PRACTICE,
        Role.ASSISTANT_DIRECTOR,
        Role.NATIONAL_PERFORMANCE,
    }
)


@require_http_methods(["GET", "POST"])
def search(request):
    # A search is posted, not put in the address, so children's names and dates of birth stay
    # out of server logs and browser history.
    user = request.user
    # National roles see every child already; system administrators may not ask to open a file.
    may_search_all = rules.may_break_glass(user) and user.role not in rules.SEES_EVERY_CHILD
    results = None
    if request.method == "POST":
        form = ChildSearchForm(request.POST, may_search_all=may_search_all)
        if form.is_valid():
            results = children_search(by=user, terms=form.cleaned_data["terms"], limit=LIMIT)
    else:
        form = ChildSearchForm(may_search_all=may_search_all)
    return render(
        request,
        "children/search.html",
        {"form": form, "results": results, "limit": LIMIT, "may_search_all": may_search_all},
    )


@require_http_methods(["GET", "POST"])
def break_glass(request, child_id):
    child = selectors.child_get_for_break_glass(user=request.user, child_id=child_id)
    if rules.may_see_child(request.user, child):
        return redirect("children:about", child_id=child.uuid)
    if request.method == "POST":
        form = BreakGlassForm(request.POST)
        if form.is_valid():
            break_glass_open(by=request.user, child=child, reason=form.cleaned_data["reason"])
            return redirect("children:about", child_id=child.uuid)
    else:
        form = BreakGlassForm()
    # Only what the search showed: nothing more about the child until the reason is given.
    shown = OtherChild(
        child.uuid,
        child.preferred_name,
        child.date_of_birth,
        family_initial=family_initial(child.legal_family_name),
    )
    return render(request, "children/break_glass.html", {"form": form, "child": shown})


@require_GET
def break_glass_log(request):
    if request.user.role not in SEES_BREAK_GLASS_LOG:
        raise Http404("No such page")
    return render(
        request,
        "children/break_glass_log.html",
        {"openings": selectors.break_glass_for_managers(request.user)},
    )
