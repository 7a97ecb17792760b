"""Check a text file's language for a reader, from the command line.

    python manage.py checklanguage letter.txt --audience child --age 9 --names "Amira,Jo"
    cat letter.txt | python manage.py checklanguage - --audience adult --json

Uses the service's glossary (the built-in list if the database has none yet). Exit status 0
whether or not anything is found; 2 for bad arguments or input that cannot be read.
"""

from __future__ import annotations

import json
import sys
from bisect import bisect_right

from django.core.management.base import BaseCommand, CommandError

from together.language import display, selectors
from together.language.engine import Audience
from together.language.readers import OLDEST_CHILD_AGE, Reader
from together.language.views import AUDIENCES

BAD_INPUT = 2


class Command(BaseCommand):
    help = "Check the language of a text for a child, a family or professionals."
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument(
            "path", metavar="PATH", help="a UTF-8 text file, or - for standard input"
        )
        parser.add_argument(
            "--audience",
            choices=sorted(AUDIENCES),
            default="adult",
            help="who will read it: child (give --age), adult (a parent or carer; the default) "
            "or professional",
        )
        parser.add_argument(
            "--age", type=int, help="the child's age in years (for --audience child)"
        )
        parser.add_argument(
            "--names", default="", help='names in the text, never flagged: "Amira,Jo"'
        )
        parser.add_argument("--json", action="store_true", help="print the report as JSON")

    def handle(self, *args, path, audience, age, names, json: bool, **options):
        reader = self._reader(audience, age, names)
        text = self._read(path)
        if len(text) > selectors.MAX_CHARACTERS:
            raise CommandError(
                f"{path}: {len(text):,} characters is too long. The most checked at once is "
                f"{selectors.MAX_CHARACTERS:,}: split the file.",
                returncode=BAD_INPUT,
            )
        report = selectors.language_check(text=text, reader=reader)
        if json:
            self.stdout.write(_dumps(display.as_json(report, audience, text)))
        else:
            self._print(text, report, reader)

    def _reader(self, audience: str, age: int | None, names: str) -> Reader:
        listed = [n.strip() for n in names.split(",") if n.strip()]
        if audience == "child":
            if age is None:
                raise CommandError(
                    "--audience child needs --age, the child's age in years.", returncode=BAD_INPUT
                )
            if not 0 <= age <= OLDEST_CHILD_AGE:
                raise CommandError(
                    f"--age must be from 0 to {OLDEST_CHILD_AGE}, not {age}.", returncode=BAD_INPUT
                )
            return Reader.for_child(age=age, names=listed)
        if age is not None:
            raise CommandError("--age is only for --audience child.", returncode=BAD_INPUT)
        return Reader(Audience(AUDIENCES[audience]), tuple(listed))

    def _read(self, path: str) -> str:
        try:
            if path == "-":
                data = sys.stdin.buffer.read()
            else:
                with open(path, "rb") as file:
                    data = file.read()
        except OSError as error:
            raise CommandError(
                f"{path}: cannot read it ({error.strerror or error}).", returncode=BAD_INPUT
            ) from error
        try:
            # Line endings are kept as they are, so offsets index the file's own text.
            return data.decode("utf-8")
        except UnicodeDecodeError as error:
            raise CommandError(
                f"{path}: this is not UTF-8 text (byte {error.start} cannot be read). "
                "Save it as UTF-8 and try again.",
                returncode=BAD_INPUT,
            ) from error

    def _print(self, text: str, report, reader: Reader) -> None:
        r = report.readability
        if r.words:
            self.stdout.write(
                f"{r.words} words, {r.sentences} sentences. {reader.reading_age_note(report)} "
                f"(Flesch reading ease {r.flesch_reading_ease:.1f}, "
                f"Flesch-Kincaid grade {r.flesch_kincaid_grade:.1f})"
            )
        else:
            self.stdout.write("There are no words to check.")
        hardest = display.hardest_text(text, report)
        if hardest and r.sentences > 1:
            if len(hardest) > 100:
                hardest = hardest[:97] + "..."
            without = report.hardest.reading_age_without
            self.stdout.write(
                f'The sentence that most raises the reading age: "{hardest}"'
                + (f" (without it: {without})." if without is not None else ".")
            )
        self.stdout.write(display.summary(report))
        line_starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
        for finding in report.findings:
            line = bisect_right(line_starts, finding.start)
            column = finding.start - line_starts[line - 1] + 1
            quoted = " ".join(finding.text.split())
            if len(quoted) > 60:
                quoted = quoted[:57] + "..."
            tips = "; ".join(finding.suggestions)
            self.stdout.write(
                f'  {line}:{column} {display.LABELS[finding.category].lower()}: "{quoted}". '
                f"{finding.message}" + (f" Try: {tips}." if tips else "")
            )


def _dumps(data: dict) -> str:
    return json.dumps(data, indent=2)
