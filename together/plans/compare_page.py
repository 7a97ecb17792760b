"""What "How our thinking changed" shows: the list of a plan's versions and the changes between
the two chosen, read in one query when the two chosen are the ones asked for (or, without a
choice, the last two), and the parts of the page repeated for every version or every change,
made here as HTML rather than by the template engine.

With fifty versions the page names each version three times (two lists and the table): made
through format_html or template loops, those 150 rows and the changes were most of the page's
time. Every value is escaped with html.escape, as Django's own escape does, so the page reads
exactly as the template made it.
"""

from dataclasses import dataclass
from html import escape

from django.db.models import Case, F, Q, When
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from .compare import SectionChanges, compare_snapshots
from .models import Plan, PlanStatus, PlanVersion
from .snapshot import SECTIONS


class Version:
    """One version in the list (without its snapshot): what the page says about it, and the same
    already escaped for HTML."""

    __slots__ = ("number", "status", "change", "when", "label", "by", "html")

    def __init__(self, row: dict, zone):
        self.number, self.status, self.change = row["number"], row["status"], row["change"]
        saved = row["saved_at"].astimezone(zone)
        self.when = f"{saved.day} {saved.strftime('%B %Y, %H:%M')}"
        self.label = f"Version {self.number}, {self.when}"
        self.by = f"{row['saved_by__given_name']} {row['saved_by__family_name']}".strip()
        self.html = {"when": escape(self.when), "label": escape(self.label)}
        self.html |= {"by": escape(self.by), "change": escape(self.change)}

    def get_status_display(self) -> str:
        return PlanStatus(self.status).label


def _versions(plan_id: int, first: int, second: int) -> list[dict]:
    """Every version of the plan, newest first, without their snapshots except those of versions
    `first` and `second` (the two most likely to be compared). One query."""
    chosen = Case(When(Q(number=first) | Q(number=second), then=F("snapshot")), default=None)
    return list(
        PlanVersion.objects.filter(plan_id=plan_id)
        .order_by("-number")
        .values(
            "number",
            "status",
            "change",
            "saved_at",
            "saved_by__given_name",
            "saved_by__family_name",
            chosen=chosen,
        )
    )


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


@dataclass
class Comparison:
    versions: list[Version]
    old: Version | None
    new: Version | None
    sections: list[SectionChanges]
    error: str | None


def comparison(plan: Plan, asked_from, asked_to) -> Comparison:
    """The versions of `plan` and the changes from version `asked_from` to `asked_to` (as the
    address gave them: perhaps missing, or nonsense). Without them, the last change; with a
    version not in the list, the last change and an error."""
    asked_old, asked_new = _int(asked_from), _int(asked_to)
    latest = plan.version

    def likely(asked, default):
        number = default if asked is None else asked
        return number if 0 <= number <= latest else -1  # no version has that number

    rows = _versions(plan.pk, likely(asked_old, latest - 1), likely(asked_new, latest))
    if not rows:
        return Comparison([], None, None, [], None)
    zone = timezone.get_current_timezone()
    versions = [Version(row, zone) for row in rows]
    snapshots = {row["number"]: row["chosen"] for row in rows if row["chosen"] is not None}
    numbers = [v.number for v in versions]
    newest = numbers[0]
    previous = numbers[1] if len(numbers) > 1 else newest
    old_number = previous if asked_old is None else asked_old
    new_number = newest if asked_new is None else asked_new
    error = None
    if old_number not in numbers or new_number not in numbers:
        error = "Choose versions from the list"
        old_number, new_number = previous, newest
    if old_number not in snapshots or new_number not in snapshots:
        # Not the versions the first query guessed (a plan saved meanwhile, or an error above).
        snapshots = dict(
            PlanVersion.objects.filter(plan=plan, number__in={old_number, new_number}).values_list(
                "number", "snapshot"
            )
        )
    by_number = {v.number: v for v in versions}
    sections = compare_snapshots(snapshots.get(old_number), snapshots.get(new_number), SECTIONS)
    return Comparison(versions, by_number[old_number], by_number[new_number], sections, error)


def options_html(versions: list[Version], chosen: Version | None) -> SafeString:
    """The <option>s of a list of versions, `chosen` selected."""
    chosen_number = chosen.number if chosen else None
    return mark_safe(  # noqa: S308 (every value is escaped)
        "".join(
            f'<option value="{v.number}"{" selected" if v.number == chosen_number else ""}>'
            f"{v.html['label']}</option>"
            for v in versions
        )
    )


def rows_html(versions: list[Version]) -> SafeString:
    """The rows of the table of every version, each with a link to its changes."""
    cell = '<td class="govuk-table__cell">'
    rows = []
    for v in versions:
        link = (
            f' <a class="govuk-link" href="?from={v.number - 1}&amp;to={v.number}">See the changes'
            f'<span class="govuk-visually-hidden"> in version {v.number}</span></a>'
            if v.number > 1
            else ""
        )
        rows.append(
            f'<tr class="govuk-table__row">{cell}{v.number}</td>{cell}{v.html["when"]}</td>'
            f"{cell}{v.html['by']}</td>{cell}{v.html['change']}{link}</td></tr>"
        )
    return mark_safe("\n".join(rows))  # noqa: S308 (every value is escaped)


_RUN_HTML = {
    "removed": '<del><span class="govuk-visually-hidden">removed: </span>{}</del> ',
    "added": '<ins><span class="govuk-visually-hidden">added: </span>{}</ins> ',
    "kept": "{} ",
}


def sections_html(sections: list[SectionChanges]) -> SafeString:
    """Each section with its changes in sentences, and changed text word by word: struck out
    what went, underlined what came (with the words "removed" and "added" for screen readers)."""
    parts = []
    for section in sections:
        key = escape(section.key)
        parts.append(
            f'<section class="together-compare-section" aria-labelledby="section-{key}">\n'
            f'  <h3 class="govuk-heading-s" id="section-{key}">'
            f"{section.number}. {escape(section.title)}</h3>\n"
        )
        if not section.changes:
            parts.append('  <p class="govuk-body govuk-hint">No changes.</p>\n</section>\n')
            continue
        parts.append('  <ul class="govuk-list govuk-list--bullet">\n')
        for change in section.changes:
            parts.append(f"    <li>{escape(change.summary)}")
            if change.runs:
                runs = "".join(_RUN_HTML[run.op].format(escape(run.text)) for run in change.runs)
                parts.append(f'\n      <p class="govuk-body together-diff">{runs}</p>')
            parts.append("\n    </li>\n")
        parts.append("  </ul>\n</section>\n")
    return mark_safe("".join(parts))  # noqa: S308 (every value is escaped)
