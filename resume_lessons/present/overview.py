"""The class overview for instructors: analysis without kernels, then HTML and CSV.

One summary per learner (scores after their drafts, open rule codes); from those, the class
average per technique, a learner × technique heatmap and the gaps most learners share. With
a job posting, also the posting's terms most learners' resumes never show.
"""

from __future__ import annotations

import base64
import multiprocessing
import os
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ..core.analyze import analyze
from ..core.drafts import Drafts, apply_drafts
from ..core.model import Resume
from ..core.profile import DEFAULT_PROFILE, load_profile
from ..core.techniques import CODES, get_rule
from .render import STYLE, esc
from .spreadsheet import safe_cell

PARALLEL_FROM = 200  # below this many learners a process pool costs more than it saves


@dataclass
class LearnerRow:
    """One line of the overview: a learner's report (or error) and their scores."""

    learner: str
    slug: str
    # "ok", "skipped" (unchanged since the last run), "error", or "stopped" (not run: the
    # batch was stopped first)
    status: str
    report: str = ""  # file name of the HTML report, relative to the overview
    error: str = ""
    resume_file: str = ""
    drafts_file: str = ""
    drafts: int = 0
    scores: dict[str, int] = field(default_factory=dict)
    gaps: list[str] = field(default_factory=list)  # rule codes still open, once each
    missing_terms: list[str] = field(default_factory=list)  # the posting's, never shown

    @property
    def ok(self) -> bool:
        return self.status not in ("error", "stopped")

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Summary:
    scores: dict[str, int]
    gaps: list[str]
    drafts: int


def summarize(
    resume: Resume, drafts: Drafts | None = None, profile: str = DEFAULT_PROFILE
) -> Summary:
    """The scores and open rule codes of a resume with its drafts applied."""
    count = len(drafts.items) if drafts else 0
    current = apply_drafts(resume, drafts)[0] if count else resume
    analysis = analyze(current, load_profile(profile))
    gaps = sorted({f.code for f in analysis.findings})
    return Summary(analysis.scores, gaps, count)


_JOBS: Sequence[tuple[Resume, Drafts | None]] = ()


def _summarize_job(args: tuple[int, str]) -> Summary:
    index, profile = args
    resume, drafts = _JOBS[index]
    return summarize(resume, drafts, profile)


def summarize_many(
    learners: Sequence[tuple[Resume, Drafts | None]],
    profile: str = DEFAULT_PROFILE,
    workers: int | None = None,
) -> list[Summary]:
    """Summaries in input order; large classes are split across processes (one per core)."""
    workers = workers or os.cpu_count() or 1
    load_profile(profile)  # load once here; forked workers inherit it
    if workers < 2 or len(learners) < PARALLEL_FROM or "fork" not in _start_methods():
        return [summarize(r, d, profile) for r, d in learners]
    global _JOBS
    _JOBS = learners  # forked workers read the inputs from memory instead of unpickling them
    try:
        ctx = multiprocessing.get_context("fork")
        with ctx.Pool(workers) as pool:
            chunk = max(1, len(learners) // (workers * 4))
            jobs = [(i, profile) for i in range(len(learners))]
            return pool.map(_summarize_job, jobs, chunksize=chunk)
    finally:
        _JOBS = ()


def _start_methods() -> list[str]:
    return multiprocessing.get_all_start_methods()


def class_average(rows: Sequence[LearnerRow]) -> dict[str, float]:
    scored = [r for r in rows if r.ok and r.scores]
    if not scored:
        return {}
    return {
        code: round(sum(r.scores.get(code, 0) for r in scored) / len(scored), 1)
        for code in (*CODES, "overall")
    }


@dataclass(frozen=True)
class Gap:
    code: str
    technique: str
    name: str
    summary: str
    learners: int
    share: float


def common_gaps(rows: Sequence[LearnerRow], top: int = 5) -> list[Gap]:
    """The rules most learners still break: what to teach next."""
    scored = [r for r in rows if r.ok and r.scores]
    counts = Counter(code for r in scored for code in set(r.gaps))
    out = []
    for code, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:top]:
        technique, rule = get_rule(code)
        out.append(Gap(code, technique.code, rule.name, rule.summary, n, n / len(scored)))
    return out


def common_missing_terms(rows: Sequence[LearnerRow], top: int = 10) -> list[tuple[str, int]]:
    """The job posting's terms most learners' resumes never show: (term, how many miss it)."""
    scored = [r for r in rows if r.ok and r.scores]
    counts = Counter(term for r in scored for term in dict.fromkeys(r.missing_terms))
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:top]


def missing_terms_html(rows: Sequence[LearnerRow], job: str) -> str:
    scored = sum(1 for r in rows if r.ok and r.scores)
    common = common_missing_terms(rows)
    head = f"<h2>Tailored to {esc(job)}: the most commonly missing terms</h2>"
    if not common:
        return head + "<p>Every learner's resume shows every term the posting asks for.</p>"
    body = "".join(
        f'<tr><td class="rl-term">{esc(term)}</td><td>{n} of {scored} ({n / scored:.0%})</td></tr>'
        for term, n in common
    )
    return (
        head + "<p>Terms the posting asks for that these learners' resumes never show. Teach "
        "the question, not the keyword: a learner adds a term only where their work shows it."
        '</p><table class="rl-table rl-missing-terms"><tr><th>term</th><th>learners missing it'
        f"</th></tr>{body}</table>"
    )


def heatmap_png(rows: Sequence[LearnerRow]) -> bytes:
    from .plots import heatmap, to_png

    scored = [r for r in rows if r.ok and r.scores]
    values = [[r.scores.get(c, 0) for c in CODES] for r in scored]
    fig = heatmap(
        values or [[0] * len(CODES)],
        [r.learner[:30] for r in scored] or ["(no reports)"],
        list(CODES),
        title="Score per learner and technique",
        cbar_label="score",
        vmax=100,
    )
    return to_png(fig)


def heatmap_alt(rows: Sequence[LearnerRow], avg: dict[str, float]) -> str:
    """What the heatmap shows, in words: for a reader who cannot see the image."""
    scored = sum(1 for r in rows if r.ok and r.scores)
    if not avg:
        return "Heat map of scores per learner and technique: no reports to show yet."
    means = ", ".join(f"{c} {avg[c]:g}" for c in CODES)
    return (
        f"Heat map of each learner's score (0 to 100) on each technique, {scored} learner(s), "
        f"one row each. Class average: {means}."
    )


def overview_html(rows: Sequence[LearnerRow], title: str = "Class overview", job: str = "") -> str:
    """A self-contained page: averages, heatmap (inline PNG), gaps, the terms of the job
    posting (``job``: its heading) most learners miss, and a table of reports."""
    avg = class_average(rows)
    errors = sum(r.status == "error" for r in rows)
    stopped = sum(r.status == "stopped" for r in rows)
    head = (
        f"<h1>{esc(title)}</h1><p>{len(rows)} learner(s): "
        f"{len(rows) - errors - stopped} report(s), {errors} error(s)"
        + (f", {stopped} not run (the batch was stopped; run it again)" if stopped else "")
        + ".</p>"
    )
    if avg:
        cells = "".join(f"<th>{esc(c)}</th>" for c in avg)
        values = "".join(f"<td>{v:g}</td>" for v in avg.values())
        head += (
            '<h2>Class average per technique</h2><table class="rl-table rl-average">'
            f"<tr>{cells}</tr><tr>{values}</tr></table>"
        )
    png = base64.b64encode(heatmap_png(rows)).decode()
    heat = (
        '<h2>Learners × techniques</h2><img class="rl-heatmap" '
        f'alt="{esc(heatmap_alt(rows, avg))}" src="data:image/png;base64,{png}">'
    )
    gaps = common_gaps(rows)
    gap_rows = "".join(
        f"<tr><td><code>{esc(g.code)}</code></td><td>{esc(g.technique)}</td><td>{esc(g.name)}</td>"
        f"<td>{esc(g.summary)}</td><td>{g.learners} ({g.share:.0%})</td></tr>"
        for g in gaps
    )
    gap_html = "<h2>Teach next: the most common gaps</h2>" + (
        '<table class="rl-table rl-gaps"><tr><th>rule</th><th>technique</th><th>name</th>'
        f"<th>what it flags</th><th>learners</th></tr>{gap_rows}</table>"
        if gaps
        else "<p>No open findings in the class.</p>"
    )
    if job:
        gap_html += missing_terms_html(rows, job)
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{esc(title)}</title>{STYLE}</head><body>"
        f'<div class="rl-box">{head}{heat}{gap_html}<h2>Reports</h2>{_table(rows)}</div>'
        "</body></html>"
    )


def _table(rows: Sequence[LearnerRow]) -> str:
    head = "<tr><th>learner</th><th>status</th><th>report</th><th>overall</th>"
    head += "".join(f"<th>{c}</th>" for c in CODES) + "</tr>"
    body = []
    for r in rows:
        if r.ok:
            link = f'<a href="{esc(r.report)}">{esc(r.report)}</a>' if r.report else ""
            scores = f"<td>{r.scores.get('overall', '')}</td>" + "".join(
                f"<td>{r.scores.get(c, '')}</td>" for c in CODES
            )
            body.append(
                f'<tr class="rl-row-ok"><td>{esc(r.learner)}</td><td>{esc(r.status)}</td>'
                f"<td>{link}</td>{scores}</tr>"
            )
        else:
            kind, label = ("stopped", "not run") if r.status == "stopped" else ("error", "error")
            body.append(
                f'<tr class="rl-row-{kind}"><td>{esc(r.learner)}</td>'
                f'<td class="rl-miss">{label}</td>'
                f'<td colspan="{len(CODES) + 2}"><pre style="white-space:pre-wrap;margin:0">'
                f"{esc(r.error)}</pre></td></tr>"
            )
    return f'<table class="rl-table rl-reports">{head}{"".join(body)}</table>'


def overview_frame(rows: Sequence[LearnerRow]):  # type: ignore[no-untyped-def]
    """One row per learner, one column per technique: what class_overview.csv holds. Text
    that a spreadsheet would run as a formula starts with a ' (see spreadsheet.py)."""
    import pandas as pd

    records = []
    for r in rows:
        record = {
            "learner": r.learner,
            "slug": r.slug,
            "status": r.status,
            "report": r.report,
            "resume_file": r.resume_file,
            "drafts_file": r.drafts_file,
            "drafts": r.drafts,
            "overall": r.scores.get("overall"),
        }
        record.update({c: r.scores.get(c) for c in CODES})
        record["open_rules"] = " ".join(r.gaps)
        record["missing_terms"] = "; ".join(r.missing_terms)
        record["error"] = r.error
        records.append({k: safe_cell(v) for k, v in record.items()})
    return pd.DataFrame.from_records(records, columns=list(records[0]) if records else None)


def write_overview(
    rows: Sequence[LearnerRow], out_dir: Path, title: str = "Class overview", job: str = ""
) -> tuple[Path, Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    html_path, csv_path = out_dir / "class_overview.html", out_dir / "class_overview.csv"
    html_path.write_text(overview_html(rows, title, job), encoding="utf-8")
    # RFC 4180 line ends: a learner's text with a carriage return stays inside its quoted cell
    overview_frame(rows).to_csv(csv_path, index=False, lineterminator="\r\n")
    return html_path, csv_path
