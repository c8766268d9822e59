"""Print how long papermill takes to execute each lesson notebook with its default parameters.

Usage: .venv/bin/python benchmarks/bench_notebooks.py [--repeat N]
Runs one notebook at a time (kernel python3) so the times do not compete for the CPU.
Drafts go to a temporary file, so nothing under notebooks/drafts/ is read or written.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

import papermill

NOTEBOOKS = Path(__file__).resolve().parents[1] / "resume_lessons" / "notebook" / "lessons"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=1, help="runs per notebook (median shown)")
    args = parser.parse_args()
    total = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        drafts = str(Path(tmp) / "bench.yaml")
        print(f"{'notebook':40} {'seconds':>8}")
        for notebook in sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")):
            times = []
            for _ in range(args.repeat):
                start = time.perf_counter()
                papermill.execute_notebook(
                    str(notebook),
                    str(Path(tmp) / notebook.name),
                    parameters={"drafts_path": drafts},
                    kernel_name="python3",
                    progress_bar=False,
                )
                times.append(time.perf_counter() - start)
            median = statistics.median(times)
            total += median
            print(f"{notebook.name:40} {median:8.2f}")
    print(f"{'total':40} {total:8.2f}")


if __name__ == "__main__":
    main()
