"""Court numbers: whether one is in use already, and the one way they are written."""

from .. import rules
from ..models import Proceedings


def court_number_holder(*, user, court_number: str) -> tuple[bool, Proceedings | None]:
    """Whether any proceedings already have this court's number, and, if `user` may see them,
    which (so the page can name them; otherwise it says only that the number is in use)."""
    number = normalise_court_number(court_number)
    holders = list(Proceedings.objects.filter(court_number=number).order_by("pk")[:1])
    if not holders:
        return False, None
    visible = rules.visible_proceedings(user).filter(court_number=number).order_by("pk").first()
    return True, visible


def normalise_court_number(number: str) -> str:
    """Upper case without spaces at either end, as courts write them (and as they are stored)."""
    return (number or "").strip().upper()
