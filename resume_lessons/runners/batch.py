"""Reports for a whole class: find the learners, skip the unchanged, run the rest in processes.

A learner is a resume file in the folder (``ana.yaml``, ``.yml``, ``.json``, ``.pdf`` or ``.docx``) plus an
optional drafts file beside it named after it (``ana.drafts.yaml``, ``.yml`` or ``.json``).
Each report runs in its own process (papermill is not thread-safe), at most N at a time.
With a job posting (``--job``) every learner is tailored to it: each report gets its
"Tailored to …" section and the overview lists the posting's terms most learners miss.

Ctrl-C (SIGINT) or SIGTERM stops the batch cleanly: no new learner starts, the reports that
are running finish (a second signal stops those too), and the manifest and the overview are
written for what is done, so the next run skips it. The manifest is also written after every
report, so even a batch that is killed keeps what it finished.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import signal
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import Any

from .. import __version__
from ..core.drafts import Drafts, load_drafts
from ..core.errors import ResumeError
from ..core.files import ensure_folder, read_capped, write_atomic
from ..core.limits import MAX_DOCUMENT_BYTES, MAX_DRAFTS_BYTES, MAX_MANIFEST_BYTES
from ..core.parsing import load_json
from ..core.posting import Posting
from ..core.profile import DEFAULT_PROFILE
from ..core.tailor import tailor
from ..formats import CLASS_FOLDER_SUFFIXES, load_resume
from ..formats.posting import read_posting
from ..present.overview import LearnerRow, summarize, write_overview
from .report import KernelFailed, ReportFailed, find_notebook, run_report, slugify, warm_up

DRAFTS_SUFFIXES = (".yaml", ".yml", ".json")
RESUME_SUFFIXES = CLASS_FOLDER_SUFFIXES  # formats.FORMATS: YAML, JSON, PDF, DOCX; not a README.md
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
    stopped_by: int | None = None  # the signal that stopped the batch, if one did

    @property
    def failed(self) -> int:
        return sum(r.status == "error" for r in self.rows)

    @property
    def not_run(self) -> int:
        return sum(r.status == "stopped" for r in self.rows)

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


def input_hash(learner: Learner, profile: str, posting: bytes = b"") -> str:
    """What a report depends on: the resume, the drafts, the kit version and its notebook,
    and the job posting when there is one. "" when a file cannot be read: that learner runs
    (and gets its error row)."""
    h = hashlib.sha256()
    try:
        resume = read_capped(learner.resume, MAX_DOCUMENT_BYTES)
        drafts = read_capped(learner.drafts, MAX_DRAFTS_BYTES) if learner.drafts else b""
    except ResumeError:
        return ""
    for part in (resume, drafts, __version__.encode(), find_notebook().read_bytes()):
        h.update(_digest(part).encode())
    h.update(_digest(profile.encode()).encode())
    if posting:  # without one the hash is what it always was: no rerun after an upgrade
        h.update(_digest(b"posting:" + posting).encode())
    return h.hexdigest()


def load_manifest(out: Path) -> dict[str, Any]:
    """The learners of the last run; {} (everyone runs again) when there is none or it is
    broken."""
    path = out / MANIFEST
    if not path.exists():
        return {}
    try:
        text = read_capped(path, MAX_MANIFEST_BYTES, what="manifest").decode("utf-8")
        data = load_json(text, str(path), what="manifest").data
    except (ResumeError, UnicodeDecodeError):
        return {}
    learners = data.get("learners", {}) if isinstance(data, dict) else {}
    return learners if isinstance(learners, dict) else {}


def save_manifest(out: Path, entries: dict[str, Any]) -> None:
    data = {"kit_version": __version__, "learners": entries}
    write_atomic(out / MANIFEST, json.dumps(data, indent=2, ensure_ascii=False))


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
                posting_path=job.get("posting"),
            )
        )
        return {"slug": job["slug"], "report": result.html.name, "attempts": attempts}
    except ReportFailed as exc:
        return {"slug": job["slug"], "error": str(exc)}
    except Exception as exc:  # an internal error must not take the other learners down
        return {"slug": job["slug"], "error": f"internal error: {type(exc).__name__}: {exc}"}


def _prepare(
    learner: Learner, profile: str, posting: tuple[Path, Posting] | None = None
) -> tuple[LearnerRow, dict[str, Any] | None]:
    """Validate in this process (no kernel) and summarise (and tailor to the posting); a bad
    file becomes an error row."""
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
    if posting is not None:
        try:
            tailored = tailor(resume, posting[1], profile, drafts=drafts)
        except Exception as exc:  # one learner the kit cannot tailor never stops the others
            row.status, row.error = "error", f"could not tailor to the posting: {exc}"
            return row, None
        row.missing_terms = list(dict.fromkeys(m.term.name for m in tailored.missing))
    job = {
        "resume": str(learner.resume),
        "drafts": str(learner.drafts) if learner.drafts else None,
        "learner": row.learner,
        "slug": learner.slug,
        "profile": profile,
        "posting": str(posting[0]) if posting is not None else None,
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
    posting_path: str | Path | None = None,
) -> BatchResult:
    """Reports for every learner in the folder, then class_overview.html and .csv in out.
    With ``posting_path``, every learner is tailored to that job posting."""
    workers = workers if workers is not None else (os.cpu_count() or 1)
    if workers < 1:
        raise BatchError(f"--workers must be at least 1, not {workers}")
    folder, out = Path(folder), Path(out)
    posting = _posting(posting_path)
    learners = discover(folder)
    if not learners:
        raise BatchError(f"no resume files (.yaml, .yml, .json) in {folder}")
    ensure_folder(out)
    manifest = load_manifest(out)
    rows: dict[str, LearnerRow] = {}
    posted = posting[0].read_bytes() if posting is not None else b""
    hashes = {learner.slug: input_hash(learner, profile, posted) for learner in learners}
    todo = []
    for learner in learners:
        skipped = _unchanged(manifest.get(learner.slug), hashes[learner.slug], out, learner)
        if skipped is None:
            todo.append(learner)
        else:
            rows[learner.slug] = skipped

    def finished(slug: str) -> None:  # after every report: a killed batch keeps what it did
        row = rows[slug]
        if row.status == "ok" and hashes[slug]:
            manifest[slug] = {"hash": hashes[slug], "row": row.to_dict()}
        else:
            manifest.pop(slug, None)  # a failed learner runs again next time
        save_manifest(out, manifest)

    with _Stop() as stop:  # until the overview is written: a late Ctrl-C does not cut it
        with _Progress(len(learners), len(learners) - len(todo), progress) as bar:
            _run_jobs(todo, rows, out, profile, workers, bar, job, stop, finished, posting)
        for learner in learners:
            rows.setdefault(learner.slug, _not_run(learner, stop.signum))
        known = {learner.slug for learner in learners}
        save_manifest(out, {k: v for k, v in manifest.items() if k in known})
        ordered = [rows[learner.slug] for learner in learners]
        title = f"Class overview: {folder.resolve().name}"
        heading = posting[1].heading if posting is not None else ""
        html, csv = write_overview(ordered, out, title=title, job=heading)
    return BatchResult(ordered, html, csv, stop.signum)


def _posting(path: str | Path | None) -> tuple[Path, Posting] | None:
    """The job posting every learner is tailored to, read once; BatchError when it cannot be
    (before any learner runs: the same posting would fail each of them)."""
    if not path:
        return None
    resolved = Path(path).resolve()
    try:
        return resolved, read_posting(resolved)
    except ResumeError as exc:
        raise BatchError(f"the job posting cannot be used: {exc}") from None


def _unchanged(entry: Any, digest: str, out: Path, learner: Learner) -> LearnerRow | None:
    """The skipped row when the manifest has this learner with the same inputs and the report
    is still there; None when the learner must run."""
    row = entry.get("row") if isinstance(entry, dict) else None
    if not digest or not isinstance(row, dict) or entry.get("hash") != digest:
        return None
    report = out / Path(str(row.get("report") or "-")).name  # never a path out of `out`
    if not report.is_file():
        return None
    fields = LearnerRow.__dataclass_fields__  # a manifest of another kit version: what fits
    kept = {k: v for k, v in row.items() if k in fields}
    return LearnerRow(**{"learner": learner.key, "slug": learner.slug, **kept, "status": "skipped"})


def _not_run(learner: Learner, signum: int | None) -> LearnerRow:
    name = signal.Signals(signum).name if signum else "a signal"
    return LearnerRow(
        learner.key,
        learner.slug,
        "stopped",
        error=f"not run: the batch was stopped ({name}) first; run the batch again",
        resume_file=learner.resume.name,
        drafts_file=learner.drafts.name if learner.drafts else "",
    )


class _Stop:
    """SIGINT and SIGTERM while a batch runs: the first stops new learners from starting,
    the second also stops the reports that are running. Only the main thread can take
    signals; elsewhere the batch runs as before."""

    SIGNALS = (signal.SIGINT, signal.SIGTERM)

    def __init__(self) -> None:
        self.signum: int | None = None
        self.count = 0
        self._previous: dict[int, Any] = {}

    def __enter__(self) -> _Stop:
        if threading.current_thread() is threading.main_thread():
            for sig in self.SIGNALS:
                self._previous[sig] = signal.signal(sig, self._handle)
        return self

    def __exit__(self, *exc: object) -> None:
        for sig, handler in self._previous.items():
            signal.signal(sig, handler)

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        self.signum = self.signum or signum
        self.count += 1

    @property
    def requested(self) -> bool:
        return self.count > 0

    @property
    def now(self) -> bool:
        return self.count > 1


def _worker_init() -> None:
    """A worker leaves Ctrl-C and SIGTERM to the batch, which lets its report finish."""
    for sig in _Stop.SIGNALS:
        signal.signal(sig, signal.SIG_IGN)
    warm_up()


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
    stop: _Stop,
    finished: Callable[[str], None],
    posting: tuple[Path, Posting] | None = None,
) -> None:
    """Validate each learner here and hand the good ones to the pool, never more than the
    workers can take: a learner not yet handed over can still be held back by a signal."""
    if not todo:
        return
    # spawn: a clean interpreter per worker, safe with the threads tqdm and pandas start;
    # the workers import papermill and nbconvert while this process validates the inputs.
    ctx = multiprocessing.get_context("spawn")
    queue: Iterator[Learner] = iter(todo)
    running: dict[Future[dict[str, Any]], str] = {}
    pool = ProcessPoolExecutor(min(workers, len(todo)), mp_context=ctx, initializer=_worker_init)
    try:
        while True:
            while len(running) < workers and not stop.requested:
                learner = next(queue, None)
                if learner is None:
                    break
                row, job_data = _prepare(learner, profile, posting)
                rows[learner.slug] = row
                if job_data is None:
                    bar.step(row)
                    finished(learner.slug)
                else:
                    running[pool.submit(job, {**job_data, "out": str(out)})] = learner.slug
            if not running:
                break
            done, _ = wait(running, timeout=0.5, return_when=FIRST_COMPLETED)
            for future in done:
                slug = running.pop(future)
                _record(rows[slug], future)
                bar.step(rows[slug])
                finished(slug)
            if stop.now:  # a second signal: the running reports stop too
                for slug in running.values():
                    rows[slug].status = "stopped"
                    rows[slug].error = "stopped while its report ran; run the batch again"
                _kill(pool)
                break
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _record(row: LearnerRow, future: Future[dict[str, Any]]) -> None:
    try:
        outcome = future.result()
    except Exception as exc:  # the worker process itself died
        outcome = {"error": f"the report process failed: {type(exc).__name__}: {exc}"}
    if "error" in outcome:
        row.status, row.error = "error", outcome["error"]
    else:
        row.status, row.report = "ok", outcome["report"]


def _kill(pool: ProcessPoolExecutor) -> None:
    """End the workers now. The executor has no public way to do so before Python 3.14."""
    for process in list(getattr(pool, "_processes", {}).values()):
        process.kill()
