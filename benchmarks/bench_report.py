"""Speed of reports, measured side by side in one run.

1. One report against its floor: papermill running a notebook that only imports what the
   report notebook imports, plus the same nbconvert export (target: ratio at most 1.5).
2. A batch of 8 learners with 2 workers against 1 worker (target: speedup at least 1.6).
3. The class overview's analysis of 1,000 resumes, no kernels (target: under 2 s).

Run: .venv/bin/python benchmarks/bench_report.py [--repeat N]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import nbformat

from resume_lessons.core.drafts import load_drafts
from resume_lessons.formats import load_resume
from resume_lessons.present.overview import LearnerRow, class_average, common_gaps, summarize_many
from resume_lessons.runners.batch import run_batch
from resume_lessons.runners.report import (
    execute,
    export_html,
    find_notebook,
    run_report,
    sample_inputs,
)

ROOT = Path(__file__).resolve().parents[1]
WORKSHOP = ROOT / "resume_lessons" / "samples" / "workshop"


def floor_notebook(folder: Path) -> Path:
    """The report notebook's title, parameters and imports, and nothing else."""
    report = nbformat.read(find_notebook(), as_version=4)
    imports = "from resume_lessons.present import report_content as rv\nfrom resume_lessons.present.plots import show"
    floor = nbformat.v4.new_notebook(metadata=report.metadata)
    floor.cells = [report.cells[0], report.cells[1], nbformat.v4.new_code_cell(imports)]
    path = folder / "floor.ipynb"
    nbformat.write(floor, path)
    return path


def timed(fn) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def bench_report(tmp: Path, repeat: int) -> tuple[float, float]:
    resume, drafts = sample_inputs()
    floor = floor_notebook(tmp)

    def run_floor() -> None:
        nb = execute(resume, drafts, "", "ml-engineer", tmp / "floor-out.ipynb", notebook=floor)
        export_html(nb, tmp / "floor.html")

    def run_full() -> None:
        run_report(resume, drafts, out_dir=tmp / "report")

    run_floor()  # warm caches (matplotlib's font cache, bytecode) before measuring
    floors, reports = [], []
    for _ in range(repeat):  # interleaved, so load on the machine hits both alike
        floors.append(timed(run_floor))
        reports.append(timed(run_full))
    return statistics.median(floors), statistics.median(reports)


def bench_batch(tmp: Path) -> tuple[float, float]:
    folder = tmp / "class"
    folder.mkdir()
    resumes = sorted(
        p for p in WORKSHOP.iterdir() if p.suffix in (".yaml", ".json") and ".drafts" not in p.name
    )
    for i in range(8):  # 8 learners from the workshop class (one resume used twice)
        src = resumes[i % len(resumes)]
        stem = f"learner{i}"
        shutil.copy(src, folder / f"{stem}{src.suffix}")
        drafts = src.with_name(f"{src.stem}.drafts.yaml")
        if drafts.exists():
            shutil.copy(drafts, folder / f"{stem}.drafts.yaml")
    one = timed(lambda: run_batch(folder, tmp / "w1", workers=1, progress=False))
    two = timed(lambda: run_batch(folder, tmp / "w2", workers=2, progress=False))
    return one, two


def bench_overview(n: int = 1000) -> tuple[float, float]:
    sources = []
    for path in sorted(WORKSHOP.iterdir()):
        if path.suffix in (".yaml", ".json") and ".drafts" not in path.name:
            drafts = path.with_name(f"{path.stem}.drafts.yaml")
            sources.append((load_resume(path), load_drafts(drafts) if drafts.exists() else None))
    examples = ROOT / "resume_lessons" / "samples" / "examples"
    sources.append(
        (
            load_resume(examples / "alex_before.yaml"),
            load_drafts(examples / "alex_before.drafts.yaml"),
        )
    )
    sources.append((load_resume(examples / "priya_fraud.yaml"), None))
    learners = []
    for i in range(n):  # distinct objects, each with its own name
        resume, drafts = sources[i % len(sources)]
        copy = resume.model_copy(deep=True)
        copy.basics.name = f"Learner {i}"
        learners.append((copy, drafts))

    def overview(workers: int) -> None:
        summaries = summarize_many(learners, workers=workers)
        rows = [
            LearnerRow(r.basics.name, f"l{i}", "ok", scores=s.scores, gaps=s.gaps)
            for i, ((r, _), s) in enumerate(zip(learners, summaries, strict=True))
        ]
        class_average(rows)
        common_gaps(rows)

    serial = timed(lambda: overview(1))
    parallel = timed(lambda: overview(os.cpu_count() or 1))
    return serial, parallel


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="report/floor pairs (median)")
    args = parser.parse_args()
    print(f"cores: {os.cpu_count()}  load average: {os.getloadavg()[0]:.1f}", flush=True)
    with tempfile.TemporaryDirectory(prefix="rl-bench-") as tmp_name:
        tmp = Path(tmp_name)
        floor, report = bench_report(tmp, args.repeat)
        ratio = report / floor
        print(
            f"report: {report:.2f} s  floor: {floor:.2f} s  ratio {ratio:.2f} "
            f"(target <= 1.5) {'ok' if ratio <= 1.5 else 'MISSED'}",
            flush=True,
        )
        one, two = bench_batch(tmp)
        speedup = one / two
        print(
            f"batch of 8: 1 worker {one:.1f} s  2 workers {two:.1f} s  speedup {speedup:.2f} "
            f"(target >= 1.6) {'ok' if speedup >= 1.6 else 'MISSED'}",
            flush=True,
        )
    serial, parallel = bench_overview()
    print(
        f"overview analysis of 1,000 resumes: {parallel:.2f} s on {os.cpu_count()} cores "
        f"({serial:.2f} s in one process) (target < 2 s) {'ok' if parallel < 2 else 'MISSED'}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
