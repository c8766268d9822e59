"""`export --to pdf`: the resume to send, printed to PDF with headless Chromium, offline.

Why Chromium and not rendercv: rendercv 2's themes fetch a Typst package when they render,
so it does not work offline, and a Typst compiler would be one more dependency; the kit
already prints its report with Chromium. The page is `present/resume_html.py`'s.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ..core.model import Resume
from ..present.resume_html import BulletOrder, resume_html
from .chromium import ChromiumMissing, PrintFailed, print_html

__all__ = ["ChromiumMissing", "PrintFailed", "write_pdf"]


def write_pdf(
    resume: Resume, path: str | Path, order: BulletOrder | None = None, timeout: int = 60
) -> Path:
    """Print the resume to `path`; the file appears whole or not at all.

    ChromiumMissing or PrintFailed when it cannot; ValueError for an `order` that does not fit
    the resume.
    """
    path = Path(path)
    page = resume_html(resume, order)  # before Chromium: a bad order fails fast
    with tempfile.TemporaryDirectory(prefix="rl-resume-pdf-") as work:
        source = Path(work) / "resume.html"
        source.write_text(page, encoding="utf-8")
        printed = print_html(source, Path(work) / "resume.pdf", timeout=timeout)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.tmp")
        try:
            tmp.write_bytes(printed.read_bytes())
            os.replace(tmp, path)
        finally:
            tmp.unlink(missing_ok=True)
    return path
