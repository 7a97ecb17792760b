"""The feedback page's figures as a CSV file, with the same figures hidden as on the page."""

import csv

from .selectors import Dashboard, Row, Share


def export_rows(dashboard: Dashboard) -> list[list[str]]:
    """The dashboard's figures as CSV rows, with the same figures hidden."""
    rows = [
        [
            "Level",
            "Name",
            "Answers",
            "Children who felt listened to",
            "Children counted",
            "Parents and carers who felt listened to",
            "Parents and carers counted",
            "Other professionals who felt listened to",
            "Other professionals counted",
        ]
    ]

    def line(level, row):
        cells = [level, row.name, row.answers_shown]
        for share in (row.children, row.parents, row.professionals):
            if share.shown:
                cells += [f"{share.percent}%", str(share.counted)]
            else:
                cells += ["fewer than 5 answers", ""]
        return cells

    rows.append(line("All", dashboard.total))
    for table in dashboard.tables:
        rows += [line(table.level, row) for row in table.rows]
    for month in dashboard.months:
        cells = line("Month", Row(month.label, month.children, month.parents, Share(0, 0), 0))
        rows.append([*cells[:2], "", *cells[3:7], "", ""])
    return rows


def write_csv(out, rows: list[list[str]]) -> None:
    """Write `rows` to the file-like `out`, each cell safe to open in a spreadsheet."""
    writer = csv.writer(out)
    for row in rows:
        writer.writerow([_safe_cell(cell) for cell in row])


def _safe_cell(value: str) -> str:
    # A spreadsheet would run a cell starting with these as a formula.
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text
