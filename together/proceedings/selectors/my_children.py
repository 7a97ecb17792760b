"""The "My children" list: children in the open proceedings an FCA leads, most urgent first."""

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from django.db.models import Model, OuterRef, Subquery
from django.utils import timezone

from together.children.models import Child, Meeting
from together.children.seen import SeenStatus, seen_status
from together.core.queries import database_now

from .. import rules
from ..models import Hearing, Proceedings, ProceedingsChild

# When a child is overdue a meeting is said once, in children.seen, with the status every page
# shows.


@dataclass(frozen=True)
class MyChild:
    child: Child
    age: int
    proceedings: Proceedings
    next_hearing: datetime | None
    last_seen: datetime | None
    last_seen_method: str | None
    allocated_at: datetime | None
    overdue: list[str]
    urgency: tuple
    seen: SeenStatus | None = None  # the one seen status, as the child's file says it


# What a row of "My children" shows of the child and of the proceedings.
MY_CHILDREN_CHILD = ("id", "uuid", "preferred_name", "legal_family_name", "date_of_birth")
MY_CHILDREN_PROCEEDINGS = ("id", "uuid", "kind", "court_number")


def my_children_links(*, user_id=None, now=None):
    """The query behind "My children": one row (as a dict) per child in each open set of
    proceedings led by the user (by every lead FCA when `user_id` is None, for a query built once
    and refined with .filter(proceedings__lead_fca_id=...)), with their last meeting, next hearing
    and when the lead FCA's current allocation began. Other apps add their own annotations on
    child_id and proceedings_id (see home.selectors). Without `now`, the next hearing is read
    against the database's clock (core.queries)."""
    now = database_now() if now is None else now
    last_meeting = Meeting.objects.filter(
        child=OuterRef("child_id"), outcome=Meeting.Outcome.MET
    ).order_by("-occurred_at")
    next_hearing = Hearing.objects.filter(
        proceedings=OuterRef("proceedings_id"), starts_at__gte=now
    ).order_by("starts_at")
    allocated = (
        rules.current_allocations("proceedings__")
        .filter(fca_id=OuterRef("proceedings__lead_fca_id"))
        .order_by("-started_at")
    )
    rows = ProceedingsChild.objects.filter(proceedings__closed_on__isnull=True)
    if user_id is not None:
        rows = rows.filter(proceedings__lead_fca_id=user_id)
    return (
        rows.order_by("id")
        .values(
            *(f"child__{name}" for name in MY_CHILDREN_CHILD),
            *(f"proceedings__{name}" for name in MY_CHILDREN_PROCEEDINGS),
        )
        .annotate(
            last_seen=Subquery(last_meeting.values("occurred_at")[:1]),
            last_seen_method=Subquery(last_meeting.values("method")[:1]),
            next_hearing=Subquery(next_hearing.values("starts_at")[:1]),
            allocated_at=Subquery(allocated.values("started_at")[:1]),
        )
    )


def _loaded(model, row: dict, prefix: str, names) -> Model:
    """An instance of `model` holding only the named fields, as a queryset's .only() would load
    it (Model.from_db: the other fields are deferred rather than set to their defaults, which
    for a child's forty fields took most of the time of a row)."""
    fields = [f.attname for f in model._meta.concrete_fields if f.attname in names]
    return model.from_db(None, fields, [row[prefix + name] for name in fields])


def my_children(user, today: date | None = None) -> list[MyChild]:
    """Every child in the open proceedings led by `user`, most urgent first. One query."""
    now = timezone.now()
    rows = my_children_links(user_id=user.pk, now=now)
    return my_children_rows(rows, now=now, today=today or timezone.localdate())


def my_children_rows(rows, *, now, today) -> list[MyChild]:
    """Rows of "My children" from my_children_links, with what is overdue, most urgent first.

    Each row's child and proceedings are made from the values the row carries (those in
    MY_CHILDREN_CHILD and MY_CHILDREN_PROCEEDINGS; the rest keep their defaults): the page shows
    nothing else of them."""
    result = []
    methods = dict(Meeting.Method.choices)
    for row in rows:
        child = _loaded(Child, row, "child__", MY_CHILDREN_CHILD)
        proceedings = _loaded(Proceedings, row, "proceedings__", MY_CHILDREN_PROCEEDINGS)
        last_seen, allocated_at = row["last_seen"], row["allocated_at"]
        next_hearing = row["next_hearing"]
        seen = seen_status(
            last_seen=last_seen,
            method=row["last_seen_method"],
            now=now,
            waiting_since=allocated_at,
        )
        overdue = [seen.needs] if seen.needs else []
        seen_since_allocation = last_seen is not None and (
            allocated_at is None or last_seen >= allocated_at
        )
        hearing_soon = next_hearing and next_hearing - now <= timedelta(days=14)
        if hearing_soon and not seen_since_allocation:
            overdue.append("Hearing within 2 weeks, not seen since allocation")
        # Soonest need first: flagged children, then the nearest hearing, then the longest unseen.
        urgency = (
            0 if overdue else 1,
            next_hearing or datetime.max.replace(tzinfo=UTC),
            last_seen or datetime.min.replace(tzinfo=UTC),
        )
        result.append(
            MyChild(
                child=child,
                age=child.age_on(today),
                proceedings=proceedings,
                next_hearing=next_hearing,
                last_seen=last_seen,
                last_seen_method=methods.get(row["last_seen_method"]),
                allocated_at=allocated_at,
                overdue=overdue,
                urgency=urgency,
                seen=seen,
            )
        )
    return sorted(result, key=lambda row: row.urgency)
