"""Reads that bring several apps together for the home pages."""

import functools
from dataclasses import dataclass

from django.utils import timezone

from together.core.links import link_maker
from together.courtwork.report_selectors import court_annotations_for_links
from together.courtwork.selectors import letter_annotations_for_links, letter_due_for_row
from together.letters.selectors import introduced_annotation
from together.plans.models import PlanStatus
from together.plans.selectors import plan_annotations_for_links
from together.proceedings.models import Kind as ProceedingsKind
from together.proceedings.selectors import MyChild, my_children_links, my_children_rows
from together.supervision.selectors import overdue_actions_annotation


@dataclass(frozen=True)
class MyChildWork(MyChild):
    """A row of "My children" with the plan and letters as well as meetings and hearings."""

    plan_status: str | None = None
    plan_status_label: str | None = None
    introduced: bool = False
    # What the court is waiting for that is not yet overdue ("Report due by 3 March 2027").
    court_due: tuple[str, ...] = ()
    file_url: str = ""
    plan_url: str = ""
    # As the page writes them, made here rather than by template filters for each of dozens of
    # rows: "4 Mar 2027" (local time) or "None listed"; the kind of proceedings in words.
    next_hearing_text: str = ""
    kind_label: str = ""
    # The safeguarding letter, while one is due and not yet late ("due 10 December").
    safeguarding_due: str = ""


@functools.cache
def my_children_query():
    """The one query behind "My children", for every lead FCA: built once per process and
    refined for each person (core.queries: it takes no arguments and reads the time from the
    database, so nothing about one person or one moment is kept in it)."""
    return my_children_links().annotate(
        **plan_annotations_for_links(),
        **letter_annotations_for_links(),
        **court_annotations_for_links(),
        introduced=introduced_annotation(),
        supervision_overdue=overdue_actions_annotation(),
    )


def my_children_with_work(user) -> list[MyChildWork]:
    """ "My children" as an FCA sees it: each child's plan status, and what is overdue across
    meetings, the introductory letter and the plan of work, most urgent first. One query
    whatever the number of children."""
    now, today = timezone.now(), timezone.localdate()
    found = list(my_children_query().filter(proceedings__lead_fca_id=user.pk))
    work = {(row["child__id"], row["proceedings__id"]): row for row in found}
    labels = dict(PlanStatus.choices)
    kinds = dict(ProceedingsKind.choices)
    file_url, plan_url = link_maker("children:about"), link_maker("plans:plan")
    result = []
    for row in my_children_rows(found, now=now, today=today):
        extra = work[(row.child.pk, row.proceedings.pk)]
        overdue = list(row.overdue)
        if not extra["introduced"]:
            overdue.append("No introductory letter yet")
        if n := extra["plan_overdue"]:
            overdue.append(f"{n} thing{'s' if n != 1 else ''} in the plan of work overdue")
        if n := extra["supervision_overdue"]:
            overdue.append(f"{n} action{'s' if n != 1 else ''} from supervision overdue")
        due = letter_due_for_row(extra, today)
        if due and due.overdue:
            overdue.append(due.label)
        overdue_court, court_due = _court_work(extra, today)
        overdue += overdue_court
        fields = {f: getattr(row, f) for f in MyChild.__dataclass_fields__}
        fields.update(overdue=overdue, urgency=(0 if overdue else 1, *row.urgency[1:]))
        status = extra["plan_status"]
        result.append(
            MyChildWork(
                **fields,
                plan_status=PlanStatus(status) if status else None,
                plan_status_label=labels[status] if status else None,
                introduced=bool(extra["introduced"]),
                court_due=tuple(court_due),
                file_url=file_url(row.child.uuid),
                plan_url=plan_url(row.child.uuid),
                next_hearing_text=_short_day(row.next_hearing),
                kind_label=kinds.get(row.proceedings.kind, row.proceedings.kind),
                safeguarding_due=due.label if due and not due.overdue else "",
            )
        )
    return sorted(result, key=lambda row: row.urgency)


def _short_day(moment) -> str:
    if moment is None:
        return "None listed"
    local = timezone.localtime(moment)
    return f"{local.day} {local:%b %Y}"


def _day(value) -> str:
    return f"{value.day} {value:%B %Y}"


def _court_work(extra: dict, today) -> tuple[list[str], list[str]]:
    """What is overdue, and what is due, of the reports to the court and of telling the child
    what the judge decided (courtwork.report_selectors.court_annotations_for_links)."""
    overdue, due = [], []
    if n := extra["reports_overdue"]:
        overdue.append(f"{n} report{'s' if n != 1 else ''} to the court overdue")
    elif next_due := extra["report_next_due"]:
        due.append(f"Report to the court due by {_day(next_due)}")
    if tell_by := extra["tell_child_by"]:
        if tell_by < today:
            overdue.append("Not yet told what the judge decided")
        else:
            due.append(f"Tell them what the judge decided by {_day(tell_by)}")
    return overdue, due
