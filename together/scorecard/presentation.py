"""The scorecard's figures as a person reads them: each key's name in words, and its value
written as a number, a percentage or an average."""

from dataclasses import dataclass

COUNT, SHARE, AVERAGE, DAYS = "count", "share", "average", "days"

# key: (what it is, in words; how it is written)
LABELS = {
    "open_proceedings": ("Open sets of proceedings", COUNT),
    "open_proceedings_public": ("Open in public law", COUNT),
    "open_proceedings_private": ("Open in private law", COUNT),
    "open_children": ("Children in open proceedings", COUNT),
    "held_on_duty": ("Proceedings held on duty (no lead FCA)", COUNT),
    "caseload_post_first_hearing_avg": (
        "Average caseload after the first hearing (sets of proceedings per FCA)",
        AVERAGE,
    ),
    "caseload_post_first_hearing_share_over_25": (
        "FCAs over 25 sets of proceedings after the first hearing",
        SHARE,
    ),
    "caseload_pre_first_hearing_avg": (
        "Average caseload before the first hearing (sets of proceedings per FCA)",
        AVERAGE,
    ),
    "caseload_pre_first_hearing_share_over_40": (
        "FCAs over 40 sets of proceedings before the first hearing",
        SHARE,
    ),
    "days_to_allocation_avg_last_90_days": (
        "Average days to allocation (lead FCAs named in the last 90 days)",
        DAYS,
    ),
    "children_seen_share": ("Children seen in their proceedings", SHARE),
    "children_seen_in_person_share": ("Children seen in person", SHARE),
    "audits_good_or_better_share_last_12_months": (
        "Audits graded good or outstanding (last 12 months)",
        SHARE,
    ),
    "fcas_without_audit_last_3_months_share": (
        "FCAs with open work and no audit in the last 3 months",
        SHARE,
    ),
    "children_felt_listened_to_share_last_12_months": (
        "Children who felt listened to (last 12 months)",
        SHARE,
    ),
    "parents_carers_felt_listened_to_share_last_12_months": (
        "Parents and carers who felt listened to (last 12 months)",
        SHARE,
    ),
}

# The few figures shown for each service area side by side, with the short headings of that table
# (the full words are in the table above it).
BY_AREA = {
    "open_proceedings": "Open proceedings",
    "open_children": "Children",
    "held_on_duty": "On duty",
    "caseload_post_first_hearing_avg": "Caseload after first hearing",
    "days_to_allocation_avg_last_90_days": "Days to allocation",
    "children_seen_share": "Children seen",
}

NO_FIGURE = "No figure"


@dataclass(frozen=True)
class Figure:
    key: str
    label: str
    text: str
    numeric: bool


def written(key: str, value) -> str:
    kind = LABELS[key][1]
    if value is None:
        return NO_FIGURE
    if kind == COUNT:
        return f"{value:,}"
    if kind == SHARE:
        return f"{value * 100:.1f}%"
    if kind == DAYS:
        return f"{value:.1f} days"
    return f"{value:.1f}"


def figures_in_words(figures: dict, keys=None) -> list[Figure]:
    return [
        Figure(key, LABELS[key][0], written(key, figures[key]), figures[key] is not None)
        for key in (keys or LABELS)
    ]
