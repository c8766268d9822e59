"""Start-up cost of the command, as whole-process ratios against a floor.

The floor is `python -c "import pydantic, yaml"`: the two libraries every command needs, so a
ratio of 1 would be a command that costs nothing of its own. Each case is a separate process:
1. `resume-lessons --help`                                   (target: <= 3x the floor)
2. `resume-lessons check alex_before.yaml` (the bundled sample)     (target: <= 5x the floor)
3. `resume-lessons explain "<one bullet>"`
4. `resume-lessons tailor alex_before.yaml recommendations_team.yaml --drafts ...`
   (target: under a second of wall time, start-up included)
The floor and the cases run interleaved (floor, case 1, case 2, case 3, floor, ...), so a
neighbour's load on this shared machine falls on all of them alike. For each it prints the
median over N rounds of the CPU time (user + system, of the child process, from
getrusage) and of the wall time, and the ratios of both to the floor; the targets are read
on CPU time, the figure that moves least with the machine. It never asserts on time.

Run: .venv/bin/python benchmarks/bench_cli.py [--repeat N]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "resume_lessons" / "samples" / "examples" / "alex_before.yaml"
DRAFTS = SAMPLE.with_name("alex_before.drafts.yaml")
POSTING = ROOT / "resume_lessons" / "samples" / "postings" / "recommendations_team.yaml"
BULLET = "Cut p99 ranking latency 40% by moving feature joins into Redis, serving 2M users."
# `python -m resume_lessons.cli` is what the `resume-lessons` script runs: the same imports.
CLI = [sys.executable, "-m", "resume_lessons.cli"]
# A learner's first run writes the kit's .pyc files and later runs read them (pip compiles an
# installed kit at install time). With PYTHONDONTWRITEBYTECODE set, as on some shared machines,
# every run would compile the kit's sources again and time that instead; the warm-up round
# below writes them, as a learner's first run does.
CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
FLOOR = ("floor: import pydantic, yaml", [sys.executable, "-c", "import pydantic, yaml"])
CASES = (
    ("--help", [*CLI, "--help"], 3.0),
    ("check alex_before.yaml", [*CLI, "check", str(SAMPLE)], 5.0),
    ("explain one bullet", [*CLI, "explain", BULLET], None),
    (
        "tailor a resume to a posting",
        [*CLI, "tailor", str(SAMPLE), str(POSTING), "--drafts", str(DRAFTS)],
        None,
    ),
)


def run_once(cmd: list[str]) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of one run of `cmd` to completion."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(
        cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT, env=CHILD_ENV
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):  # check exits 1 on findings only with --fail-under
        raise SystemExit(f"{' '.join(cmd)} failed:\n{done.stderr.decode()}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15, help="rounds (default %(default)s)")
    args = parser.parse_args()
    order = [FLOOR, *((name, cmd) for name, cmd, _ in CASES)]
    for _, cmd in order:  # warm the file cache and the .pyc files; not counted
        run_once(cmd)
    cpu: dict[str, list[float]] = {name: [] for name, _ in order}
    wall: dict[str, list[float]] = {name: [] for name, _ in order}
    for _ in range(args.repeat):
        for name, cmd in order:
            c, w = run_once(cmd)
            cpu[name].append(c)
            wall[name].append(w)
    floor_cpu = statistics.median(cpu[FLOOR[0]])
    floor_wall = statistics.median(wall[FLOOR[0]])
    print(f"median of {args.repeat} interleaved rounds; ratios are to the floor")
    print(f"{'case':<32}{'CPU s':>8}{'ratio':>8}{'wall s':>9}{'ratio':>8}  target (CPU)")
    print(f"{FLOOR[0]:<32}{floor_cpu:>8.3f}{1:>8.2f}{floor_wall:>9.3f}{1:>8.2f}")
    for name, _, target in CASES:
        c, w = statistics.median(cpu[name]), statistics.median(wall[name])
        ratio = c / floor_cpu
        verdict = ""
        if target is not None:
            verdict = f"<= {target:g}x: {'met' if ratio <= target else 'NOT met'}"
        if name.startswith("tailor"):
            verdict = "whole process, start-up included"
        print(f"{name:<32}{c:>8.3f}{ratio:>8.2f}{w:>9.3f}{w / floor_wall:>8.2f}  {verdict}")
    after_startup()


def after_startup(rounds: int = 5) -> None:
    """The tailoring itself, in one process after start-up (imports, profile, lemma cache):
    read the resume, its drafts and the posting, and tailor; the issue's "under a second"."""
    from resume_lessons.cli.options import resume_with_drafts
    from resume_lessons.core.tailor import tailor
    from resume_lessons.formats.posting import read_posting

    tailor(resume_with_drafts(str(SAMPLE), str(DRAFTS)), read_posting(POSTING))  # warm up
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        tailor(resume_with_drafts(str(SAMPLE), str(DRAFTS)), read_posting(POSTING))
        times.append(time.perf_counter() - start)
    best = statistics.median(times)
    print(
        f"tailor after start-up (in one process, median of {rounds}): {best * 1000:.0f} ms"
        f"  < 1 s: {'met' if best < 1 else 'NOT met'}"
    )


if __name__ == "__main__":
    main()
