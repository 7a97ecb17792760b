"""Run every benchmark in bench/ against its own database (var/bench.sqlite3, or DATABASE_URL).

Each benchmark prints its figures as ratios against a floor measured in the same run.
"""

import os
import runpy
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'bench.sqlite3'}")
os.environ["TOGETHER_BENCH_ROUTES"] = "1"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "together.settings")

BENCHMARKS = [
    "floor.py",
    "pages.py",
    "language.py",
    "plans.py",
    "letters.py",
    "storyboards.py",
    "feedback.py",
    "court_reports.py",
    "supervision.py",
]

if __name__ == "__main__":
    for name in BENCHMARKS:
        runpy.run_path(str(Path(__file__).parent / name), run_name="__main__")
