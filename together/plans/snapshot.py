"""A plan as plain JSON, section by section: what a PlanVersion keeps and what versions compare.

Every change to a plan takes a snapshot, so its items (harms, professional contacts, the meetings
section 5 draws on, recommendations and the harms they rest on, the plan of work, sharing and
the responses) are read in one query: one subquery per kind of item, each answering a JSON list
of its rows (PostgreSQL's json_agg, SQLite's json_group_array). A query for each kind cost a
round trip each on PostgreSQL. Only table and column names (from the models) go into the SQL's
text; the plan is a parameter. Each row carries its place in the model's own ordering (n), so
the lists come out in the order the ORM would give them on either database.
"""

import json
import uuid

from django.db import connection

from together.accounts.models import User
from together.children.models import Meeting

from .models import (
    Activity,
    Plan,
    PlanHarm,
    PlanResponse,
    PlanShare,
    ProfessionalContact,
    Recommendation,
)

# The nine sections of the plan, in order: (key, number, title).
SECTIONS = [
    ("risks", 1, "What are the risks for the child?"),
    ("unique", 2, "What is special and unique about the child?"),
    ("strengths", 3, "What are the strengths in the family?"),
    ("impact", 4, "Impact on the child"),
    ("wishes", 5, "The child's wishes and feelings"),
    ("recommendations", 6, "Recommendations"),
    ("words", 7, "Words for the child"),
    ("work", 8, "Plan of work"),
    ("sharing", 9, "Sharing and responses"),
]
SECTION_BY_KEY = {key: (number, title) for key, number, title in SECTIONS}
SECTION_BY_NUMBER = {number: (key, title) for key, number, title in SECTIONS}


def _table(model) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def _column(model, name: str, alias: str = "i") -> str:
    return f"{alias}.{connection.ops.quote_name(model._meta.get_field(name).column)}"


def _ordering(model, alias: str = "i") -> str:
    """The model's own ordering (Meta.ordering), in SQL."""
    return ", ".join(
        _column(model, name.removeprefix("-"), alias) + (" DESC" if name.startswith("-") else "")
        for name in model._meta.ordering
    )


def _rows(vendor: str, select: dict[str, str], source: str, order: str) -> str:
    """A subquery answering the rows of `source` as a JSON list of objects holding `select`
    (name: SQL expression) and n, each row's place in `order`."""
    inner = ", ".join(f"{sql} AS {connection.ops.quote_name(name)}" for name, sql in select.items())
    pairs = ", ".join(f"'{name}', t.{connection.ops.quote_name(name)}" for name in [*select, "n"])
    if vendor == "postgresql":
        aggregate = f"json_agg(json_build_object({pairs}))"
    else:
        aggregate = f"json_group_array(json_object({pairs}))"
    return (
        f"(SELECT {aggregate} FROM (SELECT {inner}, "  # noqa: S608 (names from the models)
        f"ROW_NUMBER() OVER (ORDER BY {order}) AS n FROM {source}) t)"
    )


def _fields(model, *names: str) -> dict[str, str]:
    return {name: _column(model, name) for name in names}


def _lists_sql(vendor: str) -> str:
    """One plan's items as eight columns (`subquery AS name`), each subquery taking the plan's
    id as its parameter."""
    q = connection.ops.quote_name
    harm_link = Recommendation.rests_on_harms.through
    meeting_link = Plan.wishes_meetings.through
    plan_of = f"{_column(PlanHarm, 'plan')} = %s"
    lists = {
        "harms": _rows(
            vendor,
            _fields(PlanHarm, "uuid", "what", "when_happened", "source", "certainty"),
            f"{_table(PlanHarm)} i WHERE {plan_of}",
            _ordering(PlanHarm),
        ),
        "contacts": _rows(
            vendor,
            _fields(ProfessionalContact, "uuid", "kind", "organisation", "contacted_on")
            | _fields(ProfessionalContact, "what_they_said"),
            f"{_table(ProfessionalContact)} i WHERE {plan_of}",
            _ordering(ProfessionalContact),
        ),
        "meetings": _rows(
            vendor,
            {"uuid": _column(Meeting, "uuid", "m")},
            f"{_table(meeting_link)} i INNER JOIN {_table(Meeting)} m ON m.id = i.{q('meeting_id')}"
            f" WHERE i.{q('plan_id')} = %s",
            _column(Meeting, "uuid", "m"),
        ),
        "recommendations": _rows(
            vendor,
            _fields(Recommendation, "id", "uuid", "recommendation", "reasoning")
            | _fields(Recommendation, "rests_on_strengths", "rests_on_wishes")
            | _fields(Recommendation, "differs_from_wishes", "why_different"),
            f"{_table(Recommendation)} i WHERE {plan_of}",
            _ordering(Recommendation),
        ),
        "rests_on": _rows(
            vendor,
            {
                "recommendation": f"i.{q('recommendation_id')}",
                "uuid": _column(PlanHarm, "uuid", "h"),
            },
            f"{_table(harm_link)} i INNER JOIN {_table(PlanHarm)} h ON h.id = i.{q('planharm_id')}"
            f" WHERE {_column(PlanHarm, 'plan', 'h')} = %s",
            f"i.{q('id')}",
        ),
        "activities": _rows(
            vendor,
            _fields(Activity, "uuid", "what", "who", "who_else", "due_on", "done_on")
            | _fields(Activity, "for_child")
            | {
                "given_name": _column(User, "given_name", "u"),
                "family_name": _column(User, "family_name", "u"),
            },
            f"{_table(Activity)} i LEFT OUTER JOIN {_table(User)} u"
            f" ON u.id = {_column(Activity, 'who')} WHERE {plan_of}",
            _ordering(Activity),
        ),
        "shares": _rows(
            vendor,
            _fields(PlanShare, "id", "uuid", "recipient_kind", "recipient_name", "shared")
            | _fields(PlanShare, "shared_on", "method", "not_shared_reason", "plan_version"),
            f"{_table(PlanShare)} i WHERE {plan_of}",
            _ordering(PlanShare),
        ),
        "responses": _rows(
            vendor,
            _fields(PlanResponse, "share", "uuid", "response", "about_recommendations")
            | _fields(PlanResponse, "recorded_on"),
            f"{_table(PlanResponse)} i INNER JOIN {_table(PlanShare)} s"
            f" ON s.id = {_column(PlanResponse, 'share')}"
            f" WHERE {_column(PlanShare, 'plan', 's')} = %s",
            _ordering(PlanResponse),
        ),
    }
    return ", ".join(f"{sql} AS {q(name)}" for name, sql in lists.items())


_SQL: dict[str, str] = {}


def items_sql() -> str:
    """The columns that answer a plan's items (for a SELECT, or the RETURNING of the UPDATE that
    saves the plan: plans.services.saving._save), each with the plan's id as its parameters
    (items_parameters)."""
    vendor = connection.vendor
    if vendor not in _SQL:
        _SQL[vendor] = _lists_sql(vendor)
    return _SQL[vendor]


def items_parameters(plan_id: int) -> list[int]:
    """The parameters of items_sql: the plan's id, once for each subquery."""
    return [plan_id] * items_sql().count("%s")


def read_items(names: list[str], row) -> dict[str, list[dict]]:
    """Each kind of item, from the row items_sql answered: rows (dicts by column name) in the
    model's own ordering."""
    result = {}
    for name, value in zip(names, row, strict=True):
        rows = json.loads(value) if isinstance(value, str) else value or []
        result[name] = sorted(rows, key=lambda item: item["n"])
    return result


def plan_items(plan_id: int) -> dict[str, list[dict]]:
    """Each kind of item of the plan (read_items), in one query."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {items_sql()}", items_parameters(plan_id))  # noqa: S608
        return read_items([column[0] for column in cursor.description], cursor.fetchone())


def _uuid(value) -> str:
    """A UUID as the ORM gives it (SQLite keeps it as 32 hex digits)."""
    return str(uuid.UUID(value)) if len(value) == 32 else value


def _name(given: str, family: str) -> str:
    """A person's name as str(User) gives it (User.full_name)."""
    return f"{given} {family}".strip()


def plan_snapshot(plan: Plan, items: dict | None = None) -> dict:
    """Every section's text and items, in a stable order, as plain JSON.

    Section keys follow SECTIONS. Once stored (PostgreSQL's jsonb), the keys come back in the
    database's order, so walk SECTIONS to show them in order. A text section is
    {"title", "text"}; a section of items is {"title", "items": [...]}; sections 1, 5 and 9
    have both parts. `items` are the plan's items as plan_items reads them, when the caller has
    already read them.
    """
    titles = {key: title for key, _number, title in SECTIONS}
    if items is None:
        items = plan_items(plan.pk)
    rests_on: dict[int, list[str]] = {}
    for link in items["rests_on"]:
        rests_on.setdefault(link["recommendation"], []).append(_uuid(link["uuid"]))
    responses: dict[int, list[dict]] = {}
    for response in items["responses"]:
        responses.setdefault(response["share"], []).append(
            {
                "uuid": _uuid(response["uuid"]),
                "response": response["response"],
                "about_recommendations": bool(response["about_recommendations"]),
                "recorded_on": response["recorded_on"],
            }
        )
    return {
        "risks": {
            "title": titles["risks"],
            "text": plan.risks_remaining,
            "domestic_abuse_alleged": plan.domestic_abuse_alleged,
            "domestic_abuse_kinds": list(plan.domestic_abuse_kinds or []),
            "domestic_abuse_assessment": plan.domestic_abuse_assessment,
            "domestic_abuse_reasoning": plan.domestic_abuse_reasoning,
            "non_recent_harm": plan.non_recent_harm,
            "mental_health_misuse": plan.mental_health_misuse,
            "items": [
                {
                    "uuid": _uuid(harm["uuid"]),
                    "what": harm["what"],
                    "when": harm["when_happened"],
                    "source": harm["source"],
                    "certainty": harm["certainty"],
                }
                for harm in items["harms"]
            ],
            "contacts": [
                {
                    "uuid": _uuid(contact["uuid"]),
                    "kind": contact["kind"],
                    "organisation": contact["organisation"],
                    "contacted_on": contact["contacted_on"],
                    "what_they_said": contact["what_they_said"],
                }
                for contact in items["contacts"]
            ],
        },
        "unique": {"title": titles["unique"], "text": plan.unique_about_child},
        "strengths": {"title": titles["strengths"], "text": plan.family_strengths},
        "impact": {"title": titles["impact"], "text": plan.impact_on_child},
        "wishes": {
            "title": titles["wishes"],
            "text": plan.wishes_and_feelings,
            "meetings": sorted(_uuid(meeting["uuid"]) for meeting in items["meetings"]),
        },
        "recommendations": {
            "title": titles["recommendations"],
            "items": [
                {
                    "uuid": _uuid(rec["uuid"]),
                    "recommendation": rec["recommendation"],
                    "reasoning": rec["reasoning"],
                    "rests_on_harms": sorted(rests_on.get(rec["id"], [])),
                    "rests_on_strengths": bool(rec["rests_on_strengths"]),
                    "rests_on_wishes": bool(rec["rests_on_wishes"]),
                    "differs_from_wishes": bool(rec["differs_from_wishes"]),
                    "why_different": rec["why_different"],
                }
                for rec in items["recommendations"]
            ],
        },
        "words": {"title": titles["words"], "text": plan.words_for_child},
        "work": {
            "title": titles["work"],
            "items": [
                {
                    "uuid": _uuid(activity["uuid"]),
                    "what": activity["what"],
                    "who": (
                        _name(activity["given_name"], activity["family_name"])
                        if activity["who"] is not None
                        else activity["who_else"]
                    ),
                    "due_on": activity["due_on"],
                    "done_on": activity["done_on"],
                    # Only when written, so versions kept before there was such a thing compare
                    # equal to those since that have none.
                    **({"for_child": activity["for_child"]} if activity.get("for_child") else {}),
                }
                for activity in items["activities"]
            ],
        },
        "sharing": {
            "title": titles["sharing"],
            "text": plan.child_response_not_sought_reason,
            "items": [
                {
                    "uuid": _uuid(share["uuid"]),
                    "recipient_kind": share["recipient_kind"],
                    "recipient_name": share["recipient_name"],
                    "shared": bool(share["shared"]),
                    "shared_on": share["shared_on"],
                    "method": share["method"],
                    "not_shared_reason": share["not_shared_reason"],
                    "plan_version": share["plan_version"],
                    "responses": responses.get(share["id"], []),
                }
                for share in items["shares"]
            ],
        },
    }
