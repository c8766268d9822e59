"""Run notebooks with papermill in subprocesses, a few at a time, and read their outputs."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import nbformat

REPO = Path(__file__).resolve().parents[2]
NOTEBOOKS = REPO / "resume_lessons" / "notebook" / "lessons"


@dataclass
class Run:
    notebook: str
    label: str
    output: Path
    seconds: float
    returncode: int
    log: str


def run_papermill(notebook: Path, output: Path, params: dict[str, str]) -> Run:
    """Execute one notebook in-process (papermill starts its own kernel); never raises."""
    import papermill

    start = time.perf_counter()
    log, code = "", 0
    try:
        papermill.execute_notebook(
            str(notebook),
            str(output),
            parameters=params,
            kernel_name="python3",
            progress_bar=False,
        )
    except Exception as exc:  # reported by the test that reads this run
        log, code = f"{type(exc).__name__}: {exc}", 1
    return Run(notebook.name, "", output, time.perf_counter() - start, code, log)


def run_many(
    jobs: Iterable[tuple[str, Path, Path, dict[str, str]]], cwd: Path, workers: int
) -> list[Run]:
    """jobs: (label, notebook, output, params). Kernels start in ``cwd``; one per core at a time."""

    def one(job: tuple[str, Path, Path, dict[str, str]]) -> Run:
        label, notebook, output, params = job
        run = run_papermill(notebook, output, params)
        run.label = label
        return run

    before = os.getcwd()
    os.chdir(cwd)  # kernels inherit it; set once, since papermill's cwd= would race in threads
    try:
        with ThreadPoolExecutor(max_workers=workers) as pool:
            return list(pool.map(one, jobs))
    finally:
        os.chdir(before)


def outputs(path: Path) -> dict[str, dict[str, str]]:
    """Source of each code cell -> its output data by mime type (texts joined)."""
    nb = nbformat.read(path, as_version=4)
    found: dict[str, dict[str, str]] = {}
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        data: dict[str, str] = {}
        for out in cell.get("outputs", []):
            if out.output_type == "stream":
                data["stream"] = data.get("stream", "") + out.text
            elif out.output_type == "error":
                data["error"] = out.ename + ": " + out.evalue
            for mime, value in out.get("data", {}).items():
                data[mime] = value if isinstance(value, str) else json.dumps(value)
        found[cell.source.strip().splitlines()[-1]] = data
    return found
