"""The plain-language check on a 10,000-word document for a child, against a floor measured in
the same run: re.findall(r"\\w+", text) over the same text (the least any word-level check does).

Also: throughput at 1,000, 10,000 and 100,000 words (it should stay flat: linear time), the
check through the service with the glossary from the database, and what a glossary edit costs
(the first check after it compiles the new version once; the ones after are as fast as before).

The document is built from the labelled corpus (tests/language/corpus.py): letters to
children, seven clean sentences to every three with something to flag, in paragraphs.

    .venv/bin/python bench/language.py
"""

import os
import random
import re
import statistics
import sys
import time

from common import ROOT, print_row, summary, time_calls
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

sys.path.insert(0, str(ROOT))

from tests.language.corpus import NAMES, PEOPLE, SAMPLES  # noqa: E402
from together.core.permissions import SYSTEM  # noqa: E402
from together.language import selectors, services  # noqa: E402
from together.language.engine import Audience, AudienceKind, check, preload  # noqa: E402
from together.language.models import GlossaryTerm  # noqa: E402
from together.language.readers import Reader  # noqa: E402

N = int(os.environ.get("BENCH_REQUESTS", "30"))


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
    glossary_edit_figures()
