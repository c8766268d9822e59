"""`resume-lessons report [RESUME]`: one personal report as self-contained HTML (and PDF)."""

from __future__ import annotations

import argparse
import sys

from ..core.profile import DEFAULT_PROFILE
from ..runners.report import ReportFailed, run_report, sample_inputs


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "report",
        help="write a personal report (HTML, optionally PDF) for a resume and its drafts",
        description="Run the report notebook on a resume and export it as one self-contained "
        "HTML file. With no RESUME, the bundled sample and its rewrites are used.",
    )
    p.add_argument("resume", nargs="?", help="resume file (default: the bundled sample)")
    p.add_argument("--drafts", metavar="FILE", help="drafts file with the learner's rewrites")
    p.add_argument("--name", default="", help="learner name shown in the report")
    p.add_argument("--out", default="reports", metavar="DIR", help="output folder (%(default)s)")
    p.add_argument("--pdf", action="store_true", help="also print a PDF with headless Chromium")
    p.add_argument("--profile", default=DEFAULT_PROFILE, help="role profile (%(default)s)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    resume, drafts = args.resume, args.drafts
    if resume is None:
        sample, sample_drafts = sample_inputs()
        resume, drafts = sample, drafts or sample_drafts
    try:
        result = run_report(
            resume,
            drafts,
            out_dir=args.out,
            learner_name=args.name,
            profile=args.profile,
            pdf=args.pdf,
        )
    except ReportFailed as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(result.html)
    if result.pdf:
        print(result.pdf)
    return 0
