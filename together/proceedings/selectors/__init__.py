"""Reading proceedings. Every read of one set of proceedings checks access as it reads (detail.py).
The duty list (duty.py), caseloads for choosing whom to allocate (caseloads.py), possible
duplicates and court numbers for a new application (duplicates.py, court_numbers.py), "My
children" (my_children.py) and the children not seen (not_seen.py)."""

from .caseloads import (
    CEILING_AFTER_FIRST_HEARING,
    CEILING_BEFORE_FIRST_HEARING,
    Caseload,
    StageLoad,
    fca_caseloads,
    scaled_ceiling,
)
from .court_numbers import court_number_holder, normalise_court_number
from .detail import (
    ProceedingsDetail,
    current_allocation,
    proceedings_detail,
    proceedings_get_for_allocation,
    proceedings_get_for_hearing,
    proceedings_get_for_user,
)
from .duplicates import (
    CLOSE_SPELLING,
    ChildDetails,
    PartyDetails,
    PossibleMatch,
    is_possible_match,
    possible_duplicates,
)
from .duty import DUTY_LIST_PAGE_SIZE, DutyListPage, DutyRow, duty_list, duty_list_page
from .my_children import (
    MY_CHILDREN_CHILD,
    MY_CHILDREN_PROCEEDINGS,
    MyChild,
    my_children,
    my_children_links,
    my_children_rows,
)
from .not_seen import NOT_SEEN_LIMIT, NotSeenPage, NotSeenRow, children_not_seen

__all__ = [
    "CEILING_AFTER_FIRST_HEARING",
    "CEILING_BEFORE_FIRST_HEARING",
    "CLOSE_SPELLING",
    "Caseload",
    "ChildDetails",
    "DUTY_LIST_PAGE_SIZE",
    "DutyListPage",
    "DutyRow",
    "MY_CHILDREN_CHILD",
    "MY_CHILDREN_PROCEEDINGS",
    "MyChild",
    "NOT_SEEN_LIMIT",
    "NotSeenPage",
    "NotSeenRow",
    "PartyDetails",
    "PossibleMatch",
    "ProceedingsDetail",
    "StageLoad",
    "children_not_seen",
    "court_number_holder",
    "current_allocation",
    "duty_list",
    "duty_list_page",
    "fca_caseloads",
    "is_possible_match",
    "my_children",
    "my_children_links",
    "my_children_rows",
    "normalise_court_number",
    "possible_duplicates",
    "proceedings_detail",
    "proceedings_get_for_allocation",
    "proceedings_get_for_hearing",
    "proceedings_get_for_user",
    "scaled_ceiling",
]
