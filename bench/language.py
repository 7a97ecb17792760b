"""The plain-language check on a 10,000-word document for a child, against a floor measured in
the same run: re.findall(r"\\w+", text) over the same text (the least any word-level check does).

Also: throughput at 1,000, 10,000 and 100,000 words (it should stay flat: linear time), the
check through the service with the glossary from the database, and what a glossary edit costs
(the first check after it compiles the new version once; the ones after are as fast as before).

The document is built from the labelled corpus (tests/language/corpus.py): letters to
children, seven clean sentences to every three with something to flag, in paragraphs.

Today's engine (the engine before it learnt the shapes of the law, at BASELINE; set
BENCH_LANGUAGE_BASELINE to another commit) is checked in the same run, on the same document, in
its own process (taken from git into a temporary directory; the engine needs no Django), in turns
with this engine so both see the same machine. Both are also scored on the labelled corpus: the
tuned part and the frozen part (tests/language/corpus_frozen.py, written before the engine was
run on it), precision and recall printed apart.

    .venv/bin/python bench/language.py
"""

import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time

from common import ROOT, print_row, summary, time_calls
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

sys.path.insert(0, str(ROOT))

from tests.language.corpus import FROZEN_SAMPLES, NAMES, PEOPLE, SAMPLES  # noqa: E402
from tests.language.test_corpus import Score, score_samples  # noqa: E402
from together.core.permissions import SYSTEM  # noqa: E402
from together.language import selectors, services  # noqa: E402
from together.language.engine import Audience, AudienceKind, check, preload  # noqa: E402
from together.language.models import GlossaryTerm  # noqa: E402
from together.language.readers import Reader  # noqa: E402

N = int(os.environ.get("BENCH_REQUESTS", "30"))
# The engine as it was before references to the law, Latin, labels of character, word sense and
# plural phrases were added.
BASELINE = os.environ.get("BENCH_LANGUAGE_BASELINE", "35940e44ed89102aa7be70edf9b822d6bf9e7968")


def cpu_calls(call, n: int, warmup: int = 3) -> list[float]:
    """Milliseconds of this process's CPU time for each of n calls: the cost on one core,
    steady even when other work shares the machine (wall-clock figures are printed too)."""
    for _ in range(warmup):
        call()
    times = []
    for _ in range(n):
        start = time.process_time()
        call()
        times.append((time.process_time() - start) * 1000)
    return times


CHILD = Audience(AudienceKind.CHILD, age=9)
READER = Reader.for_child(age=9, name="Jayden", names=NAMES, person_names=PEOPLE)


def words(text: str) -> int:
    return len(re.findall(r"\w+", text))


def document(word_count: int, seed: int = 20261122) -> str:
    """Paragraphs of four to six sentences from letters to children until word_count words."""
    rng = random.Random(seed)
    letters = [s for s in SAMPLES if s.reader.startswith("c")]
    clean = [s.text for s in letters if s.clean]
    flagged = [s.text for s in letters if not s.clean]
    paragraphs, total = [], 0
    while total < word_count:
        paragraph = [
            rng.choice(flagged if rng.random() < 0.3 else clean) for _ in range(rng.randint(4, 6))
        ]
        text = " ".join(paragraph)
        paragraphs.append(text)
        total += words(text)
    return "\n\n".join(paragraphs)


def engine_figures():
    text = document(10_000)
    findings = len(check(text, CHILD, NAMES, PEOPLE).findings)
    print(
        f"\nOne document for a child of 9: {words(text):,} words, {len(text):,} characters, "
        f"{findings} findings"
    )

    def floor_call():
        return re.findall(r"\w+", text)

    def engine_call():
        return check(text, CHILD, NAMES, PEOPLE)

    def service_call():
        return selectors.language_check(text=text, reader=READER)

    for clock, timer in (("CPU time", cpu_calls), ("wall clock", time_calls)):
        print(f" {clock}, median of {N}:")
        floor = summary(timer(floor_call, N * 10, 20))
        print_row('floor: re.findall(r"\\w+", text)', floor)
        stats = summary(timer(engine_call, N, 3))
        print_row("engine check", stats, floor)
        with CaptureQueriesContext(connection) as queries:
            service_call()
        print_row(
            "service check (glossary from the database)",
            summary(timer(service_call, N, 3)),
            floor,
            len(queries),
        )
        verdict = "met" if stats["median"] < 100 else "NOT met"
        print(f"  target, median under 100 ms on one core: {stats['median']:.1f} ms, {verdict}")


def linear_figures():
    print("\nThroughput by size, CPU time (flat words per millisecond means linear time):")
    rates = {}
    for count, runs in ((1_000, N * 4), (10_000, N), (100_000, max(3, N // 6))):
        text = document(count)
        floor = statistics.median(cpu_calls(lambda t=text: re.findall(r"\w+", t), runs, 3))
        median = statistics.median(
            cpu_calls(lambda t=text: check(t, CHILD, NAMES, PEOPLE), runs, 2)
        )
        rates[count] = words(text) / median
        print(
            f"  {words(text):>7,} words  median {median:8.1f} ms  {rates[count]:6.0f} words/ms  "
            f"{median / floor:5.1f}x floor"
        )
    print(f"  100k words per ms / 1k words per ms: {rates[100_000] / rates[1_000]:.2f}")


# --- today's engine, in its own process ----------------------------------------------------

_WORKER = r"""
import json, sys, time
sys.path.insert(0, sys.argv[1])
from together.language.engine import Audience, AudienceKind, check, preload
job = json.load(sys.stdin)
preload()
names, people = tuple(job["names"]), job["people"]
def audience(reader):
    if reader.startswith("c"):
        return Audience(AudienceKind.CHILD, age=int(reader[1:]))
    kind = AudienceKind.ADULT_FAMILY if reader == "adult" else AudienceKind.PROFESSIONAL
    return Audience(kind)
result = {"times": [], "samples": []}
child = Audience(AudienceKind.CHILD, age=9)
text = job["text"]
for _ in range(3):
    check(text, child, names, people)
for _ in range(job["runs"]):
    start = time.process_time()
    check(text, child, names, people)
    result["times"].append((time.process_time() - start) * 1000)
for reader, sample in job["samples"]:
    report = check(sample, audience(reader), names, people)
    result["samples"].append([[f.category.value, f.text] for f in report.findings])
json.dump(result, sys.stdout)
"""


class Baseline:
    """Today's engine, taken from git at BASELINE and run in a process of its own."""

    def __init__(self):
        self.folder = tempfile.TemporaryDirectory(prefix="language-baseline-")
        archive = subprocess.run(  # noqa: S603 (git, fixed arguments)
            ["git", "archive", BASELINE, "together/__init__.py", "together/language"],  # noqa: S607
            cwd=ROOT,
            capture_output=True,
            check=True,
        )
        subprocess.run(  # noqa: S603
            ["tar", "-x", "-C", self.folder.name],  # noqa: S607
            input=archive.stdout,
            check=True,
        )

    def run(self, text: str, runs: int, samples=(), folder: str | None = None) -> dict:
        """Check ``text`` ``runs`` times and each sample once, in a process of its own, with
        today's engine (or the engine in ``folder``: ROOT for this checkout's)."""
        job = {
            "text": text,
            "runs": runs,
            "names": list(NAMES),
            "people": PEOPLE,
            "samples": [[s.reader, s.text] for s in samples],
        }
        done = subprocess.run(  # noqa: S603 (our own interpreter, fixed arguments)
            [sys.executable, "-c", _WORKER, folder or self.folder.name],
            input=json.dumps(job),
            capture_output=True,
            text=True,
            check=True,
            cwd=folder or self.folder.name,
            env={**os.environ, "PYTHONPATH": ""},
        )
        return json.loads(done.stdout)

    def close(self):
        self.folder.cleanup()


def same_run_figures(baseline: Baseline):
    """Today's engine and this one on the same 10,000 words, in turns, CPU time, each in a fresh
    process of its own (so that neither runs in a process already full of Django)."""
    text = document(10_000)
    rounds = 3
    runs = max(3, N // rounds)
    old: list[float] = []
    new: list[float] = []
    for _ in range(rounds):
        old += baseline.run(text, runs)["times"]
        new += baseline.run(text, runs, folder=str(ROOT))["times"]
    old_median, new_median = statistics.median(old), statistics.median(new)
    print(
        f"\nToday's engine ({BASELINE[:10]}) and this one, the same {words(text):,} words, in "
        f"turns, CPU time, median of {len(new)}:"
    )
    print(f"  today's engine  {old_median:8.1f} ms")
    print(f"  this engine     {new_median:8.1f} ms  ({new_median / old_median:4.2f}x today's)")
    verdict = "met" if new_median <= old_median * 1.10 else "NOT met"
    print(f"  target, within today's time (10% for noise): {verdict}")


def _score_lines(name: str, samples, scored: Score) -> None:
    clean = sum(s.clean for s in samples)
    print(f"\n{name}: {len(samples)} sentences, {clean} clean")
    for line in scored.table():
        print(f"  {line}")
    for mistake in scored.mistakes:
        print(f"    {mistake}")


def corpus_figures(baseline: Baseline):
    """Precision and recall on the tuned corpus and, apart, on the frozen part."""
    print("\nPrecision and recall (a finding counts when its category and words match a label):")
    for name, samples in (
        ("Tuned corpus (tests/language/corpus.py)", SAMPLES),
        ("Frozen part (tests/language/corpus_frozen.py, written before the engine ran)", FROZEN),
    ):
        scored = score_samples(samples)
        _score_lines(f"{name}, this engine", samples, scored)
        found = baseline.run("", 0, samples)["samples"]
        _score_lines(f"{name}, today's engine", samples, _score_found(samples, found))
        if samples is FROZEN:
            met = scored.overall_recall() >= 0.95 and scored.total(scored.false_alarms) <= 2
            verdict = "met" if met else "NOT met"
            print(f"  target on the frozen part, recall >= 0.95 and at most 2 false: {verdict}")


FROZEN = FROZEN_SAMPLES


def _score_found(samples, found) -> Score:
    """Score findings reported by today's engine as (category, words) pairs."""
    from collections import Counter

    score = Score()
    for sample, got_list in zip(samples, found, strict=True):
        got = Counter((category, text) for category, text in got_list)
        wanted = Counter((category.value, text) for category, text in sample.spans)
        for key in got.keys() | wanted.keys():
            both = min(got[key], wanted[key])
            score.found[key[0]] += both
            if got[key] > both:
                score.false_alarms[key[0]] += got[key] - both
                score.mistakes.append(f"false alarm {key[0]} {key[1]!r}: {sample.text}")
            if wanted[key] > both:
                score.missed[key[0]] += wanted[key] - both
                score.mistakes.append(f"missed {key[0]} {key[1]!r}: {sample.text}")
    return score


def glossary_edit_figures():
    text = document(10_000)
    before = summary(cpu_calls(lambda: selectors.language_check(text=text, reader=READER), N, 3))
    term = services.glossary_term_create(
        by=SYSTEM,
        term="bench word",
        alternatives="a plain word",
        reason="Added by the benchmark, and removed at its end.",
        category="social_work",
    )
    try:
        start = time.process_time()
        selectors.language_check(text=text, reader=READER)
        first = (time.process_time() - start) * 1000
        after = summary(cpu_calls(lambda: selectors.language_check(text=text, reader=READER), N, 0))
    finally:
        services.glossary_term_delete(by=SYSTEM, term=term)
    print("\nA glossary edit (one term added), then checks of the same 10,000 words, CPU time:")
    print_row("before the edit", before)
    print(f"  first check after the edit (compiles the new version once): {first:7.1f} ms")
    print_row("checks after the edit", after, before)
    print(f"  glossary: {GlossaryTerm.objects.filter(active=True).count()} active terms")


if __name__ == "__main__":
    call_command("migrate", verbosity=0, interactive=False)
    preload()
    selectors.glossary_current()
    engine_figures()
    linear_figures()
    baseline = Baseline()
    try:
        same_run_figures(baseline)
        corpus_figures(baseline)
    finally:
        baseline.close()
    glossary_edit_figures()
