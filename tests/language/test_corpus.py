"""The engine measured against the labelled corpus (tests/language/corpus.py): precision and recall
per category, printed in the test run's summary, with a floor of 0.9 on both for acronyms,
jargon and depersonalising words (and judgemental labels, which reach it too).

The frozen part (tests/language/corpus_frozen.py, written before the engine was run on it) is
scored apart, and held to recall of at least 0.95 with at most two false findings."""

from collections import Counter
from dataclasses import dataclass, field

import pytest

from tests.language.corpus import FROZEN_SAMPLES, NAMES, PEOPLE, SAMPLES
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

    def total(self, counter: Counter) -> int:
        return sum(counter.values())

    def overall_recall(self) -> float:
        labelled = self.total(self.found) + self.total(self.missed)
        return self.total(self.found) / labelled if labelled else 1.0

    def overall_precision(self) -> float:
        flagged = self.total(self.found) + self.total(self.false_alarms)
        return self.total(self.found) / flagged if flagged else 1.0

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
        lines.append(
            f"{'all':<16} {self.total(self.found) + self.total(self.missed):>8} "
            f"{self.total(self.found):>6} {self.total(self.false_alarms):>6} "
            f"{self.total(self.missed):>6} {self.overall_precision():>9.2f} "
            f"{self.overall_recall():>7.2f}"
        )
        return lines


def score_corpus() -> Score:
    return score_samples(SAMPLES)


def score_samples(samples) -> Score:
    """A finding counts when its category and words match a labelled span exactly."""
    score = Score()
    for sample in samples:
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
    frozen = score_samples(FROZEN_SAMPLES)
    lines = []
    for name, samples, scored in (
        ("tuned corpus", SAMPLES, result),
        ("frozen part, written before the engine ran on it", FROZEN_SAMPLES, frozen),
    ):
        clean = sum(s.clean for s in samples)
        lines += [f"{name}: {len(samples)} sentences, {clean} that must come back clean"]
        lines += [*scored.table(), *(f"  {m}" for m in scored.mistakes)]
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


# --- the frozen part ----------------------------------------------------------------------------

FROZEN_RECALL = 0.95
FROZEN_MOST_FALSE = 2


def test_the_frozen_part_is_big_enough():
    flagged = [s for s in FROZEN_SAMPLES if not s.clean]
    assert len(FROZEN_SAMPLES) >= 80
    assert len(flagged) >= 50 and len(FROZEN_SAMPLES) - len(flagged) >= 30
    labelled = Counter(category for s in flagged for category, _ in s.spans)
    for category in (Category.LEGAL_REFERENCE, Category.LATIN, Category.CHARACTER):
        assert labelled[category] >= 10, labelled


def test_the_frozen_part_reaches_its_targets():
    frozen = score_samples(FROZEN_SAMPLES)
    assert frozen.overall_recall() >= FROZEN_RECALL, frozen.mistakes
    assert frozen.total(frozen.false_alarms) <= FROZEN_MOST_FALSE, frozen.mistakes
