"""`resume-lessons report [RESUME]`: one personal report as self-contained HTML (and PDF)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .options import RESUME_HELP, add_profile


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "report",
        help="write a personal report (HTML, optionally PDF) for a resume and its drafts",
        description="Run the report notebook on a resume and export it as one self-contained "
        "HTML file. With no RESUME, the bundled sample and its rewrites are used.",
    )
    p.add_argument(
        "resume", nargs="?", help=RESUME_HELP + "; without it, the bundled sample and its drafts"
    )
    p.add_argument("--drafts", metavar="FILE", help="drafts file with the learner's rewrites")
    p.add_argument("--name", default="", help="learner name shown in the report")
    p.add_argument("--out", default="reports", metavar="DIR", help="output folder (%(default)s)")
    p.add_argument("--pdf", action="store_true", help="also print a PDF with headless Chromium")
    p.add_argument(
        "--job",
        metavar="POSTING",
        help="job posting to tailor to (YAML, JSON or pasted .txt): adds a section with the "
        "coverage per area, the terms found and missing, the bullet order and the summary's "
        "lead words",
    )
    add_profile(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..runners.report import ReportFailed, run_report, sample_inputs

    resume, drafts = args.resume, args.drafts
    if resume is None:
        sample, sample_drafts = sample_inputs()
        resume, drafts = sample, drafts or sample_drafts
    print(
        "Writing the report: a Jupyter kernel runs the report notebook (a few seconds"
        + (", then Chromium prints the PDF" if args.pdf else "")
        + ")...",
        file=sys.stderr,
    )
    try:
        result = run_report(
            resume,
            drafts,
            out_dir=args.out,
            learner_name=args.name,
            profile=args.profile,
            pdf=args.pdf,
            posting_path=args.job,
        )
    except ReportFailed as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(result.html)
    if result.pdf:
        print(result.pdf)
    sys.stdout.flush()  # the paths first (scripts read them); then, for a person, what next
    print(next_steps(result.html, result.pdf, drafts=bool(args.drafts)), file=sys.stderr)
    return 0


def next_steps(html: Path, pdf: Path | None, *, drafts: bool = False) -> str:
    """How to open the report just written, and what to do after reading it (``drafts``: the
    report already shows the learner's drafts)."""
    lines = [
        "",
        f"Open the report in a web browser: {html.resolve().as_uri()}",
        "  (it is one self-contained file: no network needed, safe to e-mail or copy)",
    ]
    if pdf:
        lines.append(f"The same report as PDF: {pdf.resolve().as_uri()}")
    else:
        lines.append("For a PDF as well, add --pdf to the command (it needs Chromium).")
    if drafts:
        lines.append(
            "Next: the report's actions say what to rewrite; rewrite in the lessons, then run "
            "this command again to see the scores move."
        )
    else:
        lines.append(
            "Next: work through the lessons in JupyterLab, starting with 00_start_here "
            "(`resume-lessons lessons DIR` copies them into a folder of yours; in the kit's "
            "folder, `make lab` opens them), then run this again with --drafts to see your "
            "rewrites."
        )
    return "\n".join(lines)
