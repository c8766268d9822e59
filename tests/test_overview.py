"""The class overview: analysis without kernels, the HTML page and the CSV."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from resume_lessons.core.drafts import load_drafts
from resume_lessons.formats import load_resume
from resume_lessons.present import overview as ov
from resume_lessons.present.overview import LearnerRow

EXAMPLES = Path(__file__).parents[1] / "resume_lessons" / "samples" / "examples"
CODES = ["T1", "T2", "T3", "T4", "T5", "T6", "T7"]


def row(name: str, scores: dict[str, int] | None = None, gaps=(), error: str = "") -> LearnerRow:
    status = "error" if error else "ok"
    full = {c: 0 for c in CODES} | (scores or {})
    full["overall"] = round(sum(full[c] for c in CODES) / 7)
    return LearnerRow(
        name,
        name.lower(),
        status,
        f"{name.lower()}.html",
        error,
        scores=full if not error else {},
        gaps=list(gaps),
    )


def test_summary_applies_the_drafts() -> None:
    resume = load_resume(EXAMPLES / "alex_before.yaml")
    plain = ov.summarize(resume)
    drafted = ov.summarize(resume, load_drafts(EXAMPLES / "alex_before.drafts.yaml"))
    assert drafted.drafts == 14 and plain.drafts == 0
    assert drafted.scores["overall"] > plain.scores["overall"]
    assert "T102" in plain.gaps and "T102" not in drafted.gaps


def test_class_average_ignores_error_rows() -> None:
    rows = [row("A", {"T1": 100}), row("B", {"T1": 50}), row("C", error="broken")]
    assert ov.class_average(rows)["T1"] == 75
    assert ov.class_average([row("C", error="broken")]) == {}


def test_common_gaps_count_learners_not_findings() -> None:
    rows = [row("A", gaps=["T201", "T401"]), row("B", gaps=["T201"]), row("C", gaps=["T705"])]
    gaps = ov.common_gaps(rows)
    assert (
        gaps[0].code == "T201" and gaps[0].learners == 2 and gaps[0].share == pytest.approx(2 / 3)
    )
    assert gaps[0].technique == "T2" and gaps[0].name


def test_overview_html_is_self_contained_and_escaped() -> None:
    rows = [
        row("<script>alert(1)</script>", {"T2": 80}, ["T201"]),
        row("Bo", error="bo.yaml:3: <bad>"),
    ]
    html = ov.overview_html(rows)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", html)
    assert 'src="data:image/png;base64,' in html
    assert 'href="&lt;script&gt;alert(1)&lt;/script&gt;.html"' in html or "href=" in html
    assert html.count('class="rl-row-error"') == 1 and "&lt;bad&gt;" in html
    alt = re.search(r'class="rl-heatmap" alt="([^"]*)"', html)
    assert alt and "T2 80" in alt.group(1) and "1 learner(s)" in alt.group(1)


def test_overview_csv_has_one_row_per_learner(tmp_path: Path) -> None:
    rows = [row("A", {"T1": 90}, ["T201"]), row("B", error="broken file")]
    _, csv = ov.write_overview(rows, tmp_path)
    frame = pd.read_csv(csv)
    assert list(frame["learner"]) == ["A", "B"]
    assert {"status", "report", "overall", "error", *CODES} <= set(frame.columns)
    assert frame.loc[0, "T1"] == 90 and frame.loc[1, "status"] == "error"


def test_parallel_summaries_equal_serial_ones() -> None:
    resumes = [load_resume(EXAMPLES / f) for f in ("alex_before.yaml", "priya_fraud.yaml")]
    drafts = load_drafts(EXAMPLES / "alex_before.drafts.yaml")
    learners = [
        (resumes[i % 2], drafts if i % 3 == 0 and i % 2 == 0 else None)
        for i in range(ov.PARALLEL_FROM + 10)
    ]
    parallel = ov.summarize_many(learners, workers=2)
    serial = ov.summarize_many(learners, workers=1)
    assert parallel == serial and len(parallel) == len(learners)
