"""The scorecard's figures as a person reads them: each key's name in words, and its value
written as a number, a percentage or an average."""

from dataclasses import dataclass

from .selectors import BASE

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
    # The quality framework's (selectors.COMPLIANCE_KEYS), shown in a table of their own.
    "fcas_audits_done_share_last_12_months": (
        "FCAs with their audits done: 4 in 12 months, 2 of them collaborative",
        SHARE,
    ),
    "fcas_observations_done_share_last_12_months": (
        "FCAs with their observations done: 2 in 12 months",
        SHARE,
    ),
    "fcas_audits_and_observations_done_share_last_12_months": (
        "FCAs with both their audits and observations done (last 12 months)",
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
# No share or average built on fewer than this many people, answers or records is shown, on the
# page or in a download: a figure about one or two children or families could identify them.
SMALLEST = 5
TOO_FEW = "fewer than 5"


@dataclass(frozen=True)
class Figure:
    key: str
    label: str
    text: str
    numeric: bool
    # Shown as a number (not "No figure" or "fewer than 5"), so it can be compared.
    value: float | None = None


def too_few(key: str, figures: dict) -> bool:
    """Whether the figure `key` is built on fewer than SMALLEST (but some) people or answers."""
    base = figures.get(f"{BASE}{key}")
    return base is not None and 0 < base < SMALLEST


def shown(key: str, figures: dict):
    """The value of `key` as it may be shown: None when there is nothing or too few to count."""
    return None if too_few(key, figures) else figures.get(key)


def written(key: str, value, figures: dict | None = None) -> str:
    kind = LABELS[key][1]
    if figures is not None and too_few(key, figures):
        return TOO_FEW
    if value is None:
        return NO_FIGURE
    if kind == COUNT:
        return f"{value:,}"
    if kind == SHARE:
        return f"{value * 100:.1f}%"
    if kind == DAYS:
        return f"{value:.1f} days"
    return f"{value:.1f}"


def csv_value(key: str, figures: dict) -> str:
    """The figure as a download holds it: the number itself (shares as fractions), empty when there
    is nothing to count, and "fewer than 5" (never the number) when built on too few."""
    if too_few(key, figures):
        return TOO_FEW
    value = figures.get(key)
    return "" if value is None else str(value)


def change(key: str, now: dict, before: dict, since: str) -> str:
    """The direction of change from `before` to `now`, in words: "up 6% on last year" for counts
    and averages, "down 2 points on last month" for shares, "no change on last year"; empty when
    either has no figure to show."""
    a, b = shown(key, before), shown(key, now)
    if a is None or b is None:
        return ""
    if LABELS[key][1] == SHARE:
        points = round((b - a) * 100)
        if points == 0:
            return f"no change on {since}"
        unit = "point" if abs(points) == 1 else "points"
        return f"{'up' if points > 0 else 'down'} {abs(points)} {unit} on {since}"
    if a == 0:
        return f"no change on {since}" if b == 0 else f"up from none on {since}"
    percent = round((b - a) / a * 100)
    if percent == 0:
        return f"no change on {since}"
    return f"{'up' if percent > 0 else 'down'} {abs(percent)}% on {since}"


def figures_in_words(figures: dict, keys=None) -> list[Figure]:
    return [
        Figure(
            key,
            LABELS[key][0],
            written(key, figures[key], figures),
            figures[key] is not None and not too_few(key, figures),
            shown(key, figures),
        )
        for key in (keys or LABELS)
    ]


@dataclass(frozen=True)
class Compared:
    """One measure at the day, a month before and a year before, with the changes in words."""

    figure: Figure
    month_before: str
    year_before: str
    changes: str
    drill: str = ""


def compared(
    now: dict, month: dict, year: dict, drills: dict | None = None, keys=None
) -> list[Compared]:
    rows = []
    for key in keys or LABELS:
        words = [
            c
            for c in (change(key, now, month, "last month"), change(key, now, year, "last year"))
            if c
        ]
        text = "; ".join(words)
        rows.append(
            Compared(
                figures_in_words(now, [key])[0],
                written(key, month[key], month),
                written(key, year[key], year),
                text[:1].upper() + text[1:] if text else "No comparison",
                (drills or {}).get(key, ""),
            )
        )
    return rows
