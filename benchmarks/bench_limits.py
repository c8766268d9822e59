"""Time of `check` against resume size: it should grow in proportion (docs/limits.md).

Writes resumes of 1,000, 10,000 and 20,000 bullets (ten per role) to a temporary folder and
prints, for each, the seconds per 1,000 bullets of
1. `resume-lessons check FILE` as a user runs it (start-up included, so small files look
   dear: the start-up alone is printed first), and
2. loading and analysing in this process (no start-up): the figure that shows the growth.
It prints figures; it never asserts on time.

Run: .venv/bin/python benchmarks/bench_limits.py [--repeat N]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from resume_lessons.core.analyze import analyze
from resume_lessons.formats import load_resume

SIZES = (1_000, 10_000, 20_000)
DOMAINS = ("search", "fraud", "ads", "feeds", "pricing")
EXE = Path(sys.executable).with_name("resume-lessons")


def resume_data(bullets: int) -> dict:
    """A resume of `bullets` varied bullets, ten per role."""
    work = []
    for role in range(max(1, bullets // 10)):
        highlights = [
            f"Built ranker {role}-{i} in PyTorch for {DOMAINS[i % 5]}, CTR up {i % 40 + 1}%."
            for i in range(min(10, bullets - role * 10))
        ]
        work.append(
            {
                "name": f"Company {role}",
                "position": "ML Engineer",
                "startDate": "2020-01",
                "highlights": highlights,
            }
        )
    return {"basics": {"name": "Bench Mark", "summary": "ML engineer in search."}, "work": work}


def write(folder: Path, bullets: int) -> Path:
    path = folder / f"resume_{bullets}.yaml"
    path.write_text(yaml.safe_dump(resume_data(bullets), sort_keys=False, width=200), "utf-8")
    return path


def best(fn, repeat: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def cli_check(path: Path) -> None:
    done = subprocess.run(
        [str(EXE), "check", str(path), "--format", "json"], capture_output=True, check=False
    )
    if done.returncode not in (0, 1):
        raise SystemExit(f"check failed on {path}:\n{done.stderr.decode()}")


def in_process(path: Path) -> None:
    analyze(load_resume(path))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="best of N runs (default 3)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="rl-bench-limits-") as tmp:
        folder = Path(tmp)
        startup = best(lambda: cli_check(write(folder, 10)), args.repeat)
        print(f"check start-up (a 10-bullet resume): {startup:.2f} s")
        print(
            f"{'bullets':>8} {'MB':>6} {'check s':>8} {'s/1k':>6} {'in-process s':>13} {'s/1k':>6}"
        )
        per_k = []
        for n in SIZES:
            path = write(folder, n)
            cli = best(lambda p=path: cli_check(p), args.repeat)
            warm = best(lambda p=path: in_process(p), args.repeat)
            per_k.append(warm / n * 1000)
            print(
                f"{n:>8,} {path.stat().st_size / 1e6:>6.2f} {cli:>8.2f} {cli / n * 1000:>6.3f} "
                f"{warm:>13.2f} {per_k[-1]:>6.3f}"
            )
        print(
            f"in-process seconds per 1,000 bullets at {SIZES[-1]:,} / at {SIZES[0]:,}: "
            f"{per_k[-1] / per_k[0]:.2f} (1.0 is linear)"
        )


if __name__ == "__main__":
    main()
