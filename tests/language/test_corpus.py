"""The engine measured against the labelled corpus (tests/language/corpus.py): precision and recall
per category, printed in the test run's summary, with a floor of 0.9 on both for acronyms,
jargon and depersonalising words (and judgemental labels, which reach it too)."""

from collections import Counter
from dataclasses import dataclass, field

import pytest

from tests.language.corpus import NAMES, PEOPLE, SAMPLES
from together.language.engine import Category, check

FLOOR = 0.9
HELD_TO_THE_FLOOR = [
    Category.ACRONYM,
    Category.JARGON,
    Category.DEPERSONALISING,
    Category.JUDGEMENTAL,
]


@dataclass
class Score:
    found: Counter = field(default_factory=Counter)  # true positives
    false_alarms: Counter = field(default_factory=Counter)
    missed: Counter = field(default_factory=Counter)
    mistakes: list[str] = field(default_factory=list)

    def precision(self, category: Category) -> float:
        flagged = self.found[category] + self.false_alarms[category]
        return self.found[category] / flagged if flagged else 1.0

    def recall(self, category: Category) -> float:
        labelled = self.found[category] + self.missed[category]
        return self.found[category] / labelled if labelled else 1.0

    def table(self) -> list[str]:
        lines = [
            f"{'category':<16} {'labelled':>8} {'found':>6} {'false':>6} {'missed':>6} "
            f"{'precision':>9} {'recall':>7}"
        ]
        for c in Category:
            lines.append(
                f"{c.value:<16} {self.found[c] + self.missed[c]:>8} {self.found[c]:>6} "
                f"{self.false_alarms[c]:>6} {self.missed[c]:>6} "
                f"{self.precision(c):>9.2f} {self.recall(c):>7.2f}"
            )
        return lines


def score_corpus() -> Score:
    """A finding counts when its category and words match a labelled span exactly."""
    score = Score()
    for sample in SAMPLES:
        report = check(sample.text, sample.audience, names=NAMES, person_names=PEOPLE)
        got = Counter((f.category, f.text) for f in report.findings)
        wanted = Counter(sample.spans)
        for key in got.keys() | wanted.keys():
            both = min(got[key], wanted[key])
            score.found[key[0]] += both
            if got[key] > both:
                score.false_alarms[key[0]] += got[key] - both
                score.mistakes.append(f"false alarm {key[0].value} {key[1]!r}: {sample.text}")
            if wanted[key] > both:
                score.missed[key[0]] += wanted[key] - both
                score.mistakes.append(f"missed {key[0].value} {key[1]!r}: {sample.text}")
    return score


class _Summary:
    """Prints the figures at the end of the run, whatever pytest's output capture."""

    def __init__(self, lines: list[str]):
        self.lines = lines

    def pytest_terminal_summary(self, terminalreporter):
        terminalreporter.section("plain-language corpus: precision and recall")
        for line in self.lines:
            terminalreporter.write_line(line)


@pytest.fixture(scope="module")
def score(pytestconfig):
    result = score_corpus()
    clean = sum(s.clean for s in SAMPLES)
    lines = [f"{len(SAMPLES)} sentences, {clean} that must come back clean", *result.table()]
    lines += [f"  {m}" for m in result.mistakes]
    print("\n" + "\n".join(lines))
    if not pytestconfig.pluginmanager.has_plugin("language-corpus-summary"):
        pytestconfig.pluginmanager.register(_Summary(lines), "language-corpus-summary")
    return result


def test_the_corpus_is_big_enough():
    assert len(SAMPLES) >= 150
    assert sum(s.clean for s in SAMPLES) >= 60
    sections = {s.section for s in SAMPLES}
    assert any("children" in s for s in sections) and any("parents" in s for s in sections)
    assert any("court" in s for s in sections)
    labelled = Counter(category for s in SAMPLES for category, _ in s.spans)
    assert all(labelled[c] >= 20 for c in HELD_TO_THE_FLOOR), labelled


@pytest.mark.parametrize("category", HELD_TO_THE_FLOOR, ids=lambda c: c.value)
def test_precision_and_recall_reach_the_floor(score, category):
    assert score.precision(category) >= FLOOR, score.mistakes
    assert score.recall(category) >= FLOOR, score.mistakes


@pytest.mark.parametrize(
    "sample", [s for s in SAMPLES if s.clean], ids=lambda s: f"{s.reader}: {s.text[:50]}"
)
def test_clean_sentences_come_back_clean(sample):
    report = check(sample.text, sample.audience, names=NAMES, person_names=PEOPLE)
    assert report.findings == []
