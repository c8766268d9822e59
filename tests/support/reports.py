"""Reports made once per test session and shared by the test modules (kernels are slow)."""

from __future__ import annotations

import atexit
import functools
import shutil
import tempfile
from pathlib import Path

import yaml

from resume_lessons.cli import main

XSS = "<script>alert(1)</script>"
SESSION_DIR = Path(tempfile.mkdtemp(prefix="rl-reports-"))
atexit.register(shutil.rmtree, SESSION_DIR, ignore_errors=True)


def small_resume(name: str, bullets: list[str], summary: str = "") -> dict:
    """A short resume as data: one role, a few bullets, a skills block."""
    return {
        "basics": {"name": name, "label": "ML Engineer", "summary": summary},
        "work": [{"name": "Acme", "position": "ML Engineer", "highlights": bullets}],
        "skills": [{"name": "Training", "keywords": ["PyTorch"]}],
    }


def write_yaml(path: Path, data: dict) -> Path:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@functools.cache
def sample_report() -> tuple[Path, Path]:
    """`resume-lessons report --pdf` on the bundled sample: (html, pdf)."""
    out = SESSION_DIR / "sample"
    assert main(["report", "--out", str(out), "--pdf"]) == 0
    return out / "alex-rivera.html", out / "alex-rivera.pdf"


@functools.cache
def xss_report() -> Path:
    """A report whose resume and drafts carry a script tag in a bullet and in the name."""
    folder = SESSION_DIR / "xss-input"
    folder.mkdir(parents=True, exist_ok=True)
    resume = write_yaml(
        folder / "mallory.yaml",
        small_resume(
            f"Mallory {XSS}",
            [f"Worked on ranking {XSS} for search.", "Responsible for data pipelines."],
            summary=f"Engineer {XSS} who likes models.",
        ),
    )
    drafts = write_yaml(
        folder / "mallory.drafts.yaml",
        {"drafts": {"work[0].highlights[0]": {"text": f"Replaced the ranker {XSS} with a GBDT."}}},
    )
    out = SESSION_DIR / "xss"
    assert main(["report", str(resume), "--drafts", str(drafts), "--out", str(out)]) == 0
    return next(out.glob("*.html"))
