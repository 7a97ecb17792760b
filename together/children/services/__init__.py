"""Changes to children's files, each with its audit event and timeline entry in one transaction:
the file and About me (file.py), family, important people and professionals (people.py),
meetings (meetings.py), views and access (access.py), and the timeline line other apps' services
add as a step of theirs (timeline.py)."""

from .access import (
    BREAK_GLASS_LASTS,
    break_glass_open,
    child_link_from_another_area_record,
    child_view_record,
    confidential_address_view_record,
    temporary_access_add,
    temporary_access_end,
)
from .file import (
    ABOUT_ME_FIELDS,
    MAY_NOT_EDIT,
    child_create,
    child_domestic_abuse_mark,
    child_update_about_me,
    search_text_for,
)
from .meetings import MEETING_FIELDS, first_meetings_keep, meeting_record, meeting_update
from .people import family_member_add, family_member_add_for_children, professional_add
from .timeline import timeline_entry_add

__all__ = [
    "ABOUT_ME_FIELDS",
    "BREAK_GLASS_LASTS",
    "MAY_NOT_EDIT",
    "MEETING_FIELDS",
    "break_glass_open",
    "child_create",
    "child_domestic_abuse_mark",
    "child_link_from_another_area_record",
    "child_update_about_me",
    "child_view_record",
    "confidential_address_view_record",
    "family_member_add",
    "family_member_add_for_children",
    "first_meetings_keep",
    "meeting_record",
    "meeting_update",
    "professional_add",
    "search_text_for",
    "temporary_access_add",
    "temporary_access_end",
    "timeline_entry_add",
]
