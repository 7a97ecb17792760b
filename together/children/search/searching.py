"""The search: among a team member's own children or through the index, and its audit record."""

from dataclasses import dataclass

from django.db import connection, transaction
from django.db.models import BooleanField, ExpressionWrapper, Q
from django.utils import timezone

from together.accounts.models import TEAM_ROLES
from together.audit.models import Action
from together.audit.services import audit_event_record
from together.organisation.rules import supervises_team_q

from .. import rules
from ..models import BreakGlass, Child
from .index import _names_close, _names_starting, court_number_q
from .results import FoundChild, OtherChild, SearchResults, SearchTerms, _Reasons, family_initial
from .words import _guessable, _Matcher, name_words

# At most this many children are listed; the page says so when more match.
LIMIT = 50


# The only columns a search reads.
SHOWN = ("uuid", "preferred_name", "legal_given_names", "legal_family_name", "date_of_birth")


@transaction.atomic
def children_search(*, by, terms: SearchTerms, limit: int = LIMIT) -> SearchResults:
    """Find children for `by`, and record that they searched (what kind of search, never the
    names). With terms.all_children, children outside their access are listed with only enough
    to pick the right one (OtherChild), for staff who may ask to open a file by giving a reason;
    which children those were is logged too. Each child found says why it matched."""
    all_children = terms.all_children and rules.may_break_glass(by)
    words = name_words(terms.name)
    narrow = Q()
    if terms.court_number:
        narrow &= court_number_q(terms.court_number)
    if terms.date_of_birth:
        narrow &= Q(date_of_birth=terms.date_of_birth)

    if by.role in TEAM_ROLES and not all_children:
        rows, close = _among_their_own(by, narrow, words)
    else:
        rows, close = _through_the_index(by, narrow, words, all_children, limit)

    results = SearchResults(terms=terms, more=len(rows) > limit, close_spellings=close)
    rows = rows[:limit]
    proceedings = _proceedings_of([c.pk for c in rows])
    today = timezone.localdate()
    why = _Reasons(terms, words, close)
    for child in rows:
        theirs = proceedings.get(child.pk, [])
        if all_children and not child.may_see:
            latest = theirs[-1] if theirs else None
            results.others.append(
                OtherChild(
                    uuid=child.uuid,
                    preferred_name=child.preferred_name,
                    date_of_birth=child.date_of_birth,
                    family_initial=family_initial(child.legal_family_name),
                    area=latest.area if latest else "",
                    court_number=latest.court_number
                    if latest and rules.may_see_court_number_outside_access(by, latest.area_id)
                    else "",
                    matched=why.of(child),
                )
            )
        else:
            results.children.append(
                FoundChild(
                    uuid=child.uuid,
                    preferred_name=child.preferred_name,
                    legal_name=f"{child.legal_given_names} {child.legal_family_name}",
                    date_of_birth=child.date_of_birth,
                    age=child.age_on(today),
                    court_numbers=sorted(p.court_number for p in theirs if p.is_open),
                    matched=why.of(child),
                )
            )

    detail = {
        "by": terms.kinds,
        "all_children": all_children,
        "close_spellings": close,
        "found": len(results.children),
        "found_outside_access": len(results.others),
    }
    if all_children:
        # Which children outside their access the searcher was shown (never their names).
        detail["shown_outside_access"] = [str(other.uuid) for other in results.others]
    audit_event_record(by=by, action=Action.CHILDREN_SEARCHED, detail=detail)
    return results


def _by_name(children: list[Child]) -> list[Child]:
    return sorted(children, key=lambda c: (c.preferred_name.lower(), c.legal_family_name.lower()))


def _among_their_own(by, narrow: Q, words: list[str]) -> tuple[list[Child], bool]:
    """Every child `by` may see that fits the date of birth or court's number, matched by name
    here. Their own children are few, so reading them all is quicker than using the index."""
    visible = rules.everyday_access_q(by) | rules.broken_glass_q(by)
    children = Child.objects.filter(narrow, visible, pk__in=_their_own_ids(by))
    children = list(children.only(*SHOWN, "search_text").order_by())
    if not words:
        return _by_name(children), False
    matcher = _Matcher(words)
    found = [c for c in children if matcher.starts(c.search_text)]
    if found or not _guessable(words):
        return _by_name(found), False
    close = [c for c in children if matcher.close(c.search_text)]
    return _by_name(close), bool(close)


def _their_own_ids(by) -> set[int]:
    """A quick first cut of the children a team member sees every day or has opened with a
    reason: those in proceedings allocated to them, their team's (for a practice supervisor), and
    those they opened, each read on its own (one query). children.rules still decides, in the
    query that uses these."""

    def ids(*conditions):
        return Child.objects.filter(*conditions).order_by().values_list("pk", flat=True)

    own = ids(rules.allocated_to_q(by)).union(
        ids(supervises_team_q(by, rules.PROCEEDINGS)),  # nothing unless a practice supervisor
        BreakGlass.objects.filter(user=by, expires_at__gt=timezone.now())
        .order_by()
        .values_list("child_id", flat=True),
    )
    return set(own)


def _through_the_index(
    by, narrow: Q, words: list[str], all_children: bool, limit: int
) -> tuple[list[Child], bool]:
    visible = rules.everyday_access_q(by) | rules.broken_glass_q(by)
    # No order: the database stops at the first limit + 1 it finds (see the module's docstring).
    children = Child.objects.filter(narrow).only(*SHOWN).order_by()
    if all_children:
        children = children.annotate(
            may_see=ExpressionWrapper(visible, output_field=BooleanField())
        )
    else:
        children = children.filter(visible)
    if not words:
        return _by_name(children[: limit + 1]), False
    found = list(_names_starting(children, words)[: limit + 1])
    if found or not _guessable(words):
        return _by_name(found), False
    close = list(_names_close(children, words)[: limit + 1])
    if connection.vendor != "postgresql":
        close = _by_name(close)  # PostgreSQL has put the closest first
    return close, bool(close)


@dataclass(frozen=True)
class _ProceedingsSeen:
    court_number: str
    is_open: bool
    area_id: int
    area: str


def _proceedings_of(child_ids: list[int]) -> dict[int, list[_ProceedingsSeen]]:
    """Each child's proceedings, oldest first (the latest last), in one query: the court's
    numbers of the open ones for children the searcher may see, the latest one's area (and
    perhaps number) for the others."""
    found: dict[int, list[_ProceedingsSeen]] = {}
    if not child_ids:
        return found
    links = (
        Child.objects.filter(pk__in=child_ids, proceedings__isnull=False)
        .order_by("proceedings__received_on", "proceedings__pk")
        .values_list(
            "pk",
            "proceedings__court_number",
            "proceedings__closed_on",
            "proceedings__service_area_id",
            "proceedings__service_area__name",
        )
    )
    for child_id, number, closed_on, area_id, area in links:
        found.setdefault(child_id, []).append(
            _ProceedingsSeen(number, closed_on is None, area_id, area)
        )
    return found
