"""A plan as plain JSON, section by section: what a PlanVersion keeps and what versions compare."""

from django.db.models import prefetch_related_objects

from together.core.prepared import PreparedQuery

from .models import Activity, Plan, PlanHarm, PlanShare, ProfessionalContact, Recommendation

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


def _date(value) -> str | None:
    return value.isoformat() if value else None


def _items(queryset):
    """A plan's items of one kind, in their usual order: a prepared query (ADR 0010), since
    every save of the plan takes a snapshot."""
    return PreparedQuery(lambda shape, *, plan_id: queryset.filter(plan_id=plan_id))


_HARMS = _items(PlanHarm.objects.all())
_CONTACTS = _items(ProfessionalContact.objects.all())
_WISHES_MEETINGS = _items(Plan.wishes_meetings.through.objects.values("meeting__uuid"))
_RECOMMENDATIONS = _items(Recommendation.objects.all())
_ACTIVITIES = _items(Activity.objects.select_related("who"))
_SHARES = _items(PlanShare.objects.all())


def plan_snapshot(plan: Plan) -> dict:
    """Every section's text and items, in a stable order, as plain JSON.

    Section keys follow SECTIONS. Once stored (PostgreSQL's jsonb), the keys come back in the
    database's order, so walk SECTIONS to show them in order. A text section is
    {"title", "text"}; a section of items is {"title", "items": [...]}; sections 1, 5 and 9
    have both parts.
    """
    titles = {key: title for key, _number, title in SECTIONS}
    harms = _HARMS.get("harms", plan_id=plan.pk)
    recommendations = _RECOMMENDATIONS.get("recommendations", plan_id=plan.pk)
    shares = _SHARES.get("shares", plan_id=plan.pk)
    # What recommendations rest on, and the responses to each share: one query each, and only
    # when there is something to ask about.
    prefetch_related_objects(recommendations, "rests_on_harms")
    prefetch_related_objects(shares, "responses")
    harm_ids = {harm.pk: str(harm.uuid) for harm in harms}
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
                    "uuid": str(harm.uuid),
                    "what": harm.what,
                    "when": harm.when_happened,
                    "source": harm.source,
                    "certainty": harm.certainty,
                }
                for harm in harms
            ],
            "contacts": [
                {
                    "uuid": str(contact.uuid),
                    "kind": contact.kind,
                    "organisation": contact.organisation,
                    "contacted_on": _date(contact.contacted_on),
                    "what_they_said": contact.what_they_said,
                }
                for contact in _CONTACTS.get("contacts", plan_id=plan.pk)
            ],
        },
        "unique": {"title": titles["unique"], "text": plan.unique_about_child},
        "strengths": {"title": titles["strengths"], "text": plan.family_strengths},
        "impact": {"title": titles["impact"], "text": plan.impact_on_child},
        "wishes": {
            "title": titles["wishes"],
            "text": plan.wishes_and_feelings,
            "meetings": sorted(
                str(row["meeting__uuid"]) for row in _WISHES_MEETINGS.get("wishes", plan_id=plan.pk)
            ),
        },
        "recommendations": {
            "title": titles["recommendations"],
            "items": [
                {
                    "uuid": str(rec.uuid),
                    "recommendation": rec.recommendation,
                    "reasoning": rec.reasoning,
                    "rests_on_harms": sorted(
                        harm_ids.get(harm.pk, str(harm.uuid)) for harm in rec.rests_on_harms.all()
                    ),
                    "rests_on_strengths": rec.rests_on_strengths,
                    "rests_on_wishes": rec.rests_on_wishes,
                    "differs_from_wishes": rec.differs_from_wishes,
                    "why_different": rec.why_different,
                }
                for rec in recommendations
            ],
        },
        "words": {"title": titles["words"], "text": plan.words_for_child},
        "work": {
            "title": titles["work"],
            "items": [
                {
                    "uuid": str(activity.uuid),
                    "what": activity.what,
                    "who": activity.who_label,
                    "due_on": _date(activity.due_on),
                    "done_on": _date(activity.done_on),
                }
                for activity in _ACTIVITIES.get("activities", plan_id=plan.pk)
            ],
        },
        "sharing": {
            "title": titles["sharing"],
            "text": plan.child_response_not_sought_reason,
            "items": [
                {
                    "uuid": str(share.uuid),
                    "recipient_kind": share.recipient_kind,
                    "recipient_name": share.recipient_name,
                    "shared": share.shared,
                    "shared_on": _date(share.shared_on),
                    "method": share.method,
                    "not_shared_reason": share.not_shared_reason,
                    "plan_version": share.plan_version,
                    "responses": [
                        {
                            "uuid": str(response.uuid),
                            "response": response.response,
                            "about_recommendations": response.about_recommendations,
                            "recorded_on": _date(response.recorded_on),
                        }
                        for response in share.responses.all()
                    ],
                }
                for share in shares
            ],
        },
    }
