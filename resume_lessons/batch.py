"""Reports for a whole class: find the learners, skip the unchanged, run the rest in processes.

A learner is a resume file in the folder (``ana.yaml``, ``.yml``, ``.json``, ``.pdf`` or ``.docx``) plus an
optional drafts file beside it named after it (``ana.drafts.yaml``, ``.yml`` or ``.json``).
Each report runs in its own process (papermill is not thread-safe), at most N at a time.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import __version__
from .drafts import Drafts, load_drafts
from .errors import ResumeError
from .loader import load_resume
from .overview import LearnerRow, summarize, write_overview
from .profile import DEFAULT_PROFILE
from .report import KernelFailed, ReportFailed, find_notebook, run_report, slugify, warm_up

DRAFTS_SUFFIXES = (".yaml", ".yml", ".json")
# PDF and Word resumes are imported in memory; Markdown and text are left out so that a
# README.md in the class folder is not taken for a learner.
RESUME_SUFFIXES = (*DRAFTS_SUFFIXES, ".pdf", ".docx")
DRAFTS_MARK = ".drafts"
MANIFEST = "manifest.json"


class BatchError(ValueError):
    """Bad arguments: no such folder, no learners in it, a bad worker count."""


@dataclass(frozen=True)
class Learner:
    key: str  # the resume file's stem: "ana"
    resume: Path
    drafts: Path | None
    slug: str  # safe output file stem


@dataclass
class BatchResult:
    rows: list[LearnerRow]
    overview_html: Path
    overview_csv: Path

    @property
    def failed(self) -> int:
        return sum(not r.ok for r in self.rows)

    @property
    def skipped(self) -> int:
        return sum(r.status == "skipped" for r in self.rows)


def discover(folder: Path) -> list[Learner]:
    """Every resume file in the folder (not recursive), with its drafts file when present."""
    if not folder.is_dir():
        raise BatchError(f"{folder} is not a folder")
    files = sorted(
        p
        for p in folder.iterdir()
        if p.is_file() and p.suffix.lower() in RESUME_SUFFIXES and not p.name.startswith(".")
    )
    learners: list[Learner] = []
    used: set[str] = set()
    for path in files:
        if path.stem.lower().endswith(DRAFTS_MARK):
            continue
        drafts = next(
            (
                path.with_name(f"{path.stem}{DRAFTS_MARK}{s}")
                for s in DRAFTS_SUFFIXES
                if path.with_name(f"{path.stem}{DRAFTS_MARK}{s}").is_file()
            ),
            None,
        )
        base = slugify(path.stem, fallback="learner-" + _digest(path.name.encode())[:8])
        slug, n = base, 2
        while slug in used or slug in {"class-overview", "manifest"}:
            slug, n = f"{base}-{n}", n + 1
        used.add(slug)
        learners.append(Learner(path.stem, path, drafts, slug))
    return learners


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def input_hash(learner: Learner, profile: str) -> str:
    """What a report depends on: the resume, the drafts, the kit version and its notebook."""
    h = hashlib.sha256()
    for part in (
        learner.resume.read_bytes(),
        learner.drafts.read_bytes() if learner.drafts else b"",
        __version__.encode(),
        find_notebook().read_bytes(),
        profile.encode(),
    ):
        h.update(_digest(part).encode())
    return h.hexdigest()


def load_manifest(out: Path) -> dict[str, Any]:
    try:
        data = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data.get("learners", {}) if isinstance(data, dict) else {}


def save_manifest(out: Path, entries: dict[str, Any]) -> None:
    tmp = out / f".{MANIFEST}.tmp"
    data = {"kit_version": __version__, "learners": entries}
    tmp.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, out / MANIFEST)


def run_with_retry(run: Callable[[], Any], attempts: int = 2) -> tuple[Any, int]:
    """Call run(); when the kernel fails to start, try again (once by default)."""
    for attempt in range(1, attempts + 1):
        try:
            return run(), attempt
        except KernelFailed:
            if attempt == attempts:
                raise
    raise AssertionError("unreachable")


def report_job(job: dict[str, Any]) -> dict[str, Any]:
    """Run in a worker process: one learner's report. Returns plain data, never raises."""
    try:
        result, attempts = run_with_retry(
            lambda: run_report(
                job["resume"],
                job["drafts"],
                out_dir=job["out"],
                learner_name=job["learner"],
                slug=job["slug"],
                profile=job["profile"],
                validated=True,
            )
        )
        return {"slug": job["slug"], "report": result.html.name, "attempts": attempts}
    except ReportFailed as exc:
        return {"slug": job["slug"], "error": str(exc)}
    except Exception as exc:  # an internal error must not take the other learners down
        return {"slug": job["slug"], "error": f"internal error: {type(exc).__name__}: {exc}"}


def _prepare(learner: Learner, profile: str) -> tuple[LearnerRow, dict[str, Any] | None]:
    """Validate in this process (no kernel) and summarise; a bad file becomes an error row."""
    row = LearnerRow(
        learner.key,
        learner.slug,
        "error",
        resume_file=learner.resume.name,
        drafts_file=learner.drafts.name if learner.drafts else "",
    )
    try:
        resume = load_resume(learner.resume)
        drafts = load_drafts(learner.drafts) if learner.drafts else Drafts()
    except ResumeError as exc:
        row.error = str(exc)
        return row, None
    row.learner = resume.basics.name or learner.key
    row.status = "pending"
    summary = summarize(resume, drafts, profile)
    row.scores, row.gaps, row.drafts = summary.scores, summary.gaps, summary.drafts
    job = {
        "resume": str(learner.resume),
        "drafts": str(learner.drafts) if learner.drafts else None,
        "learner": row.learner,
        "slug": learner.slug,
        "profile": profile,
    }
    return row, job


def run_batch(
    folder: str | Path,
    out: str | Path,
    *,
    workers: int | None = None,
    profile: str = DEFAULT_PROFILE,
    progress: bool = True,
    job: Callable[[dict[str, Any]], dict[str, Any]] = report_job,
) -> BatchResult:
    """Reports for every learner in the folder, then class_overview.html and .csv in out."""
    workers = workers if workers is not None else (os.cpu_count() or 1)
    if workers < 1:
        raise BatchError(f"--workers must be at least 1, not {workers}")
    folder, out = Path(folder), Path(out)
    learners = discover(folder)
    if not learners:
        raise BatchError(f"no resume files (.yaml, .yml, .json) in {folder}")
    out.mkdir(parents=True, exist_ok=True)
    manifest = load_manifest(out)
    rows: dict[str, LearnerRow] = {}
    hashes = {learner.slug: input_hash(learner, profile) for learner in learners}
    todo = []
    for learner in learners:
        entry = manifest.get(learner.slug, {})
        report = out / str(entry.get("row", {}).get("report") or "-")
        if entry.get("hash") == hashes[learner.slug] and report.is_file():
            rows[learner.slug] = LearnerRow(**{**entry["row"], "status": "skipped"})
        else:
            todo.append(learner)
    with _Progress(len(learners), len(learners) - len(todo), progress) as bar:
        _run_jobs(todo, rows, out, profile, workers, bar, job)
    for slug, row in rows.items():
        if row.status == "ok":
            manifest[slug] = {"hash": hashes[slug], "row": row.to_dict()}
        elif row.status == "error":
            manifest.pop(slug, None)  # a failed learner runs again next time
    manifest = {k: v for k, v in manifest.items() if k in rows}
    save_manifest(out, manifest)
    ordered = [rows[learner.slug] for learner in learners]
    html, csv = write_overview(ordered, out, title=f"Class overview: {folder.resolve().name}")
    return BatchResult(ordered, html, csv)


class _Progress:
    """A tqdm bar over all learners; skipped ones count as done from the start."""

    def __init__(self, total: int, done: int, enabled: bool) -> None:
        from tqdm import tqdm

        self.bar = tqdm(total=total, initial=done, unit="learner", disable=not enabled)

    def __enter__(self) -> _Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.bar.close()

    def step(self, row: LearnerRow) -> None:
        self.bar.set_postfix_str(row.learner[:20])
        self.bar.update()


def _run_jobs(
    todo: Sequence[Learner],
    rows: dict[str, LearnerRow],
    out: Path,
    profile: str,
    workers: int,
    bar: _Progress,
    job: Callable[[dict[str, Any]], dict[str, Any]],
) -> None:
    """Validate each learner here and hand the good ones to the pool as soon as they pass."""
    if not todo:
        return
    # spawn: a clean interpreter per worker, safe with the threads tqdm and pandas start;
    # the workers import papermill and nbconvert while this process validates the inputs.
    ctx = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(min(workers, len(todo)), mp_context=ctx, initializer=warm_up) as pool:
        futures = {}
        for learner in todo:
            row, job_data = _prepare(learner, profile)
            rows[learner.slug] = row
            if job_data is None:
                bar.step(row)
            else:
                futures[pool.submit(job, {**job_data, "out": str(out)})] = learner.slug
        for future in as_completed(futures):
            row = rows[futures[future]]
            try:
                outcome = future.result()
            except Exception as exc:  # the worker process itself died
                outcome = {"error": f"the report process failed: {type(exc).__name__}: {exc}"}
            if "error" in outcome:
                row.status, row.error = "error", outcome["error"]
            else:
                row.status, row.report = "ok", outcome["report"]
            bar.step(row)
