"""Reads that bring several apps together for the home pages."""

from dataclasses import dataclass

from together.children.selectors import MyChild, my_children
from together.letters.selectors import children_with_introductory_letter
from together.plans.selectors import plan_summaries_for_children


@dataclass(frozen=True)
class MyChildWork(MyChild):
    """A row of "My children" with the plan and letters as well as meetings and hearings."""

    plan_status: str | None = None
    plan_status_label: str | None = None
    introduced: bool = False


def my_children_with_work(user) -> list[MyChildWork]:
    """ "My children" as an FCA sees it: each child's plan status, and what is overdue across
    meetings, the introductory letter and the plan of work, most urgent first. Three queries
    whatever the number of children."""
    rows = my_children(user)
    ids = [row.child.pk for row in rows]
    plans = plan_summaries_for_children(ids) if ids else {}
    introduced = children_with_introductory_letter(ids) if ids else set()
    result = []
    for row in rows:
        overdue = list(row.overdue)
        if row.child.pk not in introduced:
            overdue.append("No introductory letter yet")
        plan = plans.get(row.child.pk)
        if plan and plan["overdue_activities"]:
            n = plan["overdue_activities"]
            overdue.append(f"{n} thing{'s' if n != 1 else ''} in the plan of work overdue")
        fields = {f: getattr(row, f) for f in MyChild.__dataclass_fields__}
        fields.update(overdue=overdue, urgency=(0 if overdue else 1, *row.urgency[1:]))
        result.append(
            MyChildWork(
                **fields,
                plan_status=plan["status"] if plan else None,
                plan_status_label=plan["status_label"] if plan else None,
                introduced=row.child.pk in introduced,
            )
        )
    return sorted(result, key=lambda row: row.urgency)
